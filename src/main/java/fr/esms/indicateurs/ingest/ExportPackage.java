package fr.esms.indicateurs.ingest;

import java.nio.file.Path;

/**
 * An export package found in the dépôt: a folder or a {@code .zip}. {@code name} is its file name in the dépôt
 * (the tie-breaker after {@code date_extraction}); {@code sha256} identifies its content.
 */
public record ExportPackage(String name, Path source, String sha256) {
}
