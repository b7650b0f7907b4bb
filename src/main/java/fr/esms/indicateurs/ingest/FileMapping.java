package fr.esms.indicateurs.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one editor file becomes one pivot file: which files of the package ({@code pattern}; null for a manifest
 * made only of constants), how they are written ({@code csv}), the date formats of their date columns (empty: the
 * pivot format's {@code AAAA-MM-JJ} only) and where each pivot column comes from. A pivot column absent from
 * {@code columns} is absent from the file.
 */
public record FileMapping(FilePattern pattern, CsvOptions csv, List<DatePattern> dateFormats,
                          Map<String, ColumnSource> columns) {

    public FileMapping {
        dateFormats = List.copyOf(dateFormats);
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** A pivot file as the pivot format writes it: its own name and column names, UTF-8, {@code ;}, ISO dates. */
    static FileMapping pivot(String fileName, List<String> required, List<String> optional) {
        Map<String, ColumnSource> columns = new LinkedHashMap<>();
        for (List<String> names : List.of(required, optional)) {
            for (String name : names) {
                columns.put(name, new ColumnSource.Header(name, Map.of(), List.of()));
            }
        }
        return new FileMapping(FilePattern.exactly(fileName), CsvOptions.PIVOT, List.of(), columns);
    }

    /** Whether rows are taken as they are (the pivot format): no value to translate. */
    boolean isIdentity() {
        return dateFormats.isEmpty() && columns.entrySet().stream().allMatch(e ->
                e.getValue() instanceof ColumnSource.Header h && h.name().equals(e.getKey()) && h.values().isEmpty()
                        && h.dateFormats().isEmpty());
    }
}
