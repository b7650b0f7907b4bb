package fr.esms.indicateurs.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of a CSV file's header line and of a row's width, the same for the manifest and the data files. */
final class HeaderChecks {

    private HeaderChecks() {
    }

    /**
     * The editor headers a file must and may have, from its mapping, matched against the header line read.
     * {@code required}: the pivot columns that must have a value.
     */
    static CsvTable.Header match(FileMapping mapping, List<String> required, List<String> headerNames) {
        List<String> mustHave = new ArrayList<>();
        List<String> mayHave = new ArrayList<>();
        for (Map.Entry<String, ColumnSource> e : mapping.columns().entrySet()) {
            if (e.getValue() instanceof ColumnSource.Header h) {
                (required.contains(e.getKey()) ? mustHave : mayHave).add(h.name());
            }
        }
        return CsvTable.Header.of(headerNames, mustHave, mayHave);
    }

    /**
     * A file without its header line has its first data row read as the header: its values, a NIR among them, are
     * masked as in any report.
     */
    static String unknownColumns(CsvTable.Header header) {
        return "colonnes inconnues ignorées : " + String.join(", ", reportable(header.unknown()));
    }

    static List<String> reportable(List<String> headerNames) {
        return headerNames.stream().map(Fields::reportable).toList();
    }

    /** Rejects a row whose number of fields differs from the header's (empty trailing fields are tolerated). */
    static void checkWidth(CsvTable.Line row, CsvTable.Header header) throws RowProblem {
        List<String> values = row.values();
        int width = values.size();
        while (width > header.width() && values.get(width - 1).isBlank()) {
            width--;
        }
        if (width != header.width()) {
            throw new RowProblem("", "", "la ligne compte " + values.size() + " champs alors que l'en-tête en compte "
                    + header.width());
        }
    }
}
