package fr.esms.indicateurs.ingest;

import java.util.List;

/**
 * What {@link DepotScanner} found in a dépôt folder: the export packages to read (sorted by name), the packages
 * refused for safety before any reading (unreadable zip, zip-slip, zip bomb; {@code file} empty, {@code line} 0),
 * and French warnings about the other entries of the folder.
 */
public record DepotScan(List<ExportPackage> packages, List<Rejection> refused, List<String> warnings,
                        List<PackageStamp> stamps) {

    /** {@code stamps}: the packages whose files have settled, with their hash, for the next scan. */
    public DepotScan {
        packages = List.copyOf(packages);
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
        stamps = List.copyOf(stamps);
    }
}
