package fr.esms.indicateurs.report;

import java.util.List;

/**
 * What the reading of the exports says about the data behind a measure: where its figures come from
 * ({@code figures}; null when unknown, then not shown), the packages used, the row counts per file, the warnings
 * (in French) and where the rejected rows were written ({@code rejectionsLocation}, a path or an address shown as
 * plain text; null when unknown).
 */
public record DataQuality(List<PackageUsed> packages, List<FileCount> files, List<String> warnings,
                          String rejectionsLocation, FigureSource figures) {

    public DataQuality {
        packages = packages == null ? List.of() : List.copyOf(packages);
        files = files == null ? List.of() : List.copyOf(files);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public DataQuality(List<PackageUsed> packages, List<FileCount> files, List<String> warnings,
                       String rejectionsLocation) {
        this(packages, files, warnings, rejectionsLocation, null);
    }

    public static DataQuality none() {
        return new DataQuality(List.of(), List.of(), List.of(), null);
    }
}
