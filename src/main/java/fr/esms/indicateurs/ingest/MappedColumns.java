package fr.esms.indicateurs.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The pivot columns of one editor file once its header is known: for each pivot column, where its value is (a
 * position in the row, or a fixed value from a constant or a name), and how it is translated (the profile's value
 * correspondences, its date formats). {@link #translate} gives a row's values in pivot form, for {@link Fields};
 * problems name the editor's own column.
 */
final class MappedColumns {

    private final String[] pivotColumns;
    private final int[] position;
    private final String[] fixed;
    private final Map<String, String>[] values;
    /** The editor's words as the profile writes them, for messages. */
    private final String[] words;
    private final List<DatePattern>[] dateFormats;
    private final String[] sourceLabel;
    private final Map<String, Integer> index;
    private final boolean identity;

    @SuppressWarnings("unchecked")
    private MappedColumns(int size) {
        pivotColumns = new String[size];
        position = new int[size];
        fixed = new String[size];
        values = new Map[size];
        words = new String[size];
        dateFormats = new List[size];
        sourceLabel = new String[size];
        index = new HashMap<>();
        identity = false;
    }

    private MappedColumns(MappedColumns copy, boolean identity) {
        this.pivotColumns = copy.pivotColumns;
        this.position = copy.position;
        this.fixed = copy.fixed;
        this.values = copy.values;
        this.words = copy.words;
        this.dateFormats = copy.dateFormats;
        this.sourceLabel = copy.sourceLabel;
        this.index = identity ? positions(copy) : Map.copyOf(copy.index);
        this.identity = identity;
    }

    private static Map<String, Integer> positions(MappedColumns m) {
        Map<String, Integer> byPosition = new HashMap<>();
        for (int k = 0; k < m.pivotColumns.length; k++) {
            if (m.position[k] >= 0) {
                byPosition.put(m.pivotColumns[k], m.position[k]);
            }
        }
        return Map.copyOf(byPosition);
    }

    /** A problem that rejects the whole file (a name that does not give a value the profile takes from it). */
    static final class FileProblem extends Exception {
        FileProblem(String frenchMessage) {
            super(frenchMessage, null, false, false);
        }
    }

    /**
     * @param headerIndex the editor file's header: lower-case trimmed name → position (empty for a manifest made
     *                    of constants only)
     * @param fileName    the editor file's name ({@code null} for a manifest made of constants)
     */
    static MappedColumns of(FileMapping mapping, Map<String, Integer> headerIndex, String fileName,
                            String packageName) throws FileProblem {
        Map<String, ColumnSource> columns = mapping.columns();
        MappedColumns m = new MappedColumns(columns.size());
        int k = 0;
        for (Map.Entry<String, ColumnSource> e : columns.entrySet()) {
            String column = e.getKey();
            m.pivotColumns[k] = column;
            m.index.put(column, k);
            m.position[k] = -1;
            List<DatePattern> formats = isDate(column) ? mapping.dateFormats() : List.of();
            ColumnSource source = e.getValue();
            if (source instanceof ColumnSource.Header h) {
                Integer at = headerIndex.get(h.name().toLowerCase(Locale.ROOT));
                m.position[k] = at == null ? -1 : at;
                m.sourceLabel[k] = h.name();
                if (!h.values().isEmpty()) {
                    Map<String, String> lower = new LinkedHashMap<>();
                    h.values().forEach((word, pivot) -> lower.put(word.toLowerCase(Locale.ROOT), pivot));
                    m.values[k] = lower;
                    m.words[k] = String.join(", ", h.values().keySet().stream()
                            .map(w -> w.isEmpty() ? "(vide)" : w).toList());
                }
                if (!h.dateFormats().isEmpty()) {
                    formats = h.dateFormats();
                }
            } else if (source instanceof ColumnSource.Constant c) {
                m.fixed[k] = c.value();
                m.sourceLabel[k] = column + " (constante du profil)";
                formats = List.of();
            } else if (source instanceof ColumnSource.FromFileName f) {
                m.fixed[k] = part(f.pattern().matcher(fileName), column, "du fichier « " + fileName + " »");
                m.sourceLabel[k] = column + " (nom du fichier)";
                formats = f.dateFormats().isEmpty() ? formats : f.dateFormats();
            } else if (source instanceof ColumnSource.FromPackageName p) {
                m.fixed[k] = part(p.pattern().matcher(packageName), column, "du paquet « " + packageName + " »");
                m.sourceLabel[k] = column + " (nom du paquet)";
                formats = p.dateFormats().isEmpty() ? formats : p.dateFormats();
            }
            m.dateFormats[k] = formats.isEmpty() ? null : formats;
            k++;
        }
        return new MappedColumns(m, mapping.isIdentity());
    }

    private static String part(Matcher matcher, String column, String where) throws FileProblem {
        if (!matcher.find() || matcher.group(1) == null || matcher.group(1).isBlank()) {
            throw new FileProblem("le nom " + where + " ne donne pas « " + column + " » (motif du profil : "
                    + matcher.pattern().pattern() + ")");
        }
        return matcher.group(1);
    }

    private static boolean isDate(String pivotColumn) {
        return pivotColumn.startsWith("date_") || pivotColumn.startsWith("periode_");
    }

    /** The index of {@link Fields}: pivot column → position in {@link #translate}'s values. */
    Map<String, Integer> index() {
        return index;
    }

    /** The editor's name for a pivot column, for messages. */
    String sourceOf(String pivotColumn) {
        Integer k = index.get(pivotColumn);
        if (k == null) {
            return pivotColumn;
        }
        return identity ? pivotColumn : sourceLabel[k];
    }

    /**
     * The value as the editor wrote it in {@code raw} for a pivot column read from one of its columns, so that a
     * rejection shows what the editor's file holds; {@code translated} otherwise.
     */
    String editorValue(String pivotColumn, List<String> raw, String translated) {
        Integer k = index.get(pivotColumn);
        if (identity || k == null || position[k] < 0 || position[k] >= raw.size()) {
            return translated;
        }
        return raw.get(position[k]).trim();
    }

    /** The row's values in pivot form, in the order of {@link #index()}. */
    List<String> translate(List<String> raw) throws RowProblem {
        if (identity) {
            return raw;
        }
        String[] out = new String[pivotColumns.length];
        for (int k = 0; k < out.length; k++) {
            String value;
            if (fixed[k] != null) {
                value = fixed[k];
            } else if (position[k] >= 0 && position[k] < raw.size()) {
                value = raw.get(position[k]).trim();
            } else {
                value = "";
            }
            if (values[k] != null) {
                value = mapValue(k, value);
            }
            if (dateFormats[k] != null && !value.isEmpty()) {
                value = toIsoDate(k, value);
            }
            out[k] = value;
        }
        return Arrays.asList(out);
    }

    private String mapValue(int k, String value) throws RowProblem {
        String mapped = values[k].get(value.toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        if (value.isEmpty()) {
            return "";
        }
        throw new RowProblem(sourceLabel[k], value, "valeur sans correspondance dans le profil pour « "
                + pivotColumns[k] + " » (prévues : " + words[k] + ")");
    }

    private String toIsoDate(int k, String value) throws RowProblem {
        if (Fields.isIsoDate(value)) {
            return value;
        }
        boolean endOfPeriod = pivotColumns[k].equals("periode_fin");
        for (DatePattern format : dateFormats[k]) {
            LocalDate date = format.parse(value, endOfPeriod);
            if (date != null) {
                return date.toString();
            }
        }
        List<String> expected = new ArrayList<>();
        dateFormats[k].forEach(f -> expected.add(f.pattern()));
        throw new RowProblem(sourceLabel[k], value, "date mal formée ou impossible (attendu "
                + String.join(" ou ", expected) + ")");
    }
}
