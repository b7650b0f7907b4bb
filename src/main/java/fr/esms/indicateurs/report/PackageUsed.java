package fr.esms.indicateurs.report;

import java.time.LocalDate;

/** An export package whose data went into a measure ({@code export.csv} and the package's content hash). */
public record PackageUsed(String name, String editor, String software, String softwareVersion,
                          LocalDate extractionDate, String sha256) {
}
