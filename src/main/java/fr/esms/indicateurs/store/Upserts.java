package fr.esms.indicateurs.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that combines exports by key, valid on H2 and PostgreSQL (15+): a row replaces the stored one only if
 * its export is not older ({@code ordre} = date_extraction|package name), so packages may arrive in any order.
 */
final class Upserts {

    private Upserts() {
    }

    /** Latest export wins for the key; {@code columns} include the key columns and end with {@code ordre}. */
    static String latestByKey(String table, List<String> keys, List<String> columns, int... types) {
        String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = s." + c)
                .collect(Collectors.joining(", "));
        return using(table, keys, columns, types)
                + " WHEN MATCHED AND t.ordre <= s.ordre THEN UPDATE SET " + updates
                + notMatched(columns);
    }

    /** Union de-duplicated on the whole row. */
    static String insertIfAbsent(String table, List<String> columns, int... types) {
        return using(table, columns, columns, types) + notMatched(columns);
    }

    /** Parameters are cast: PostgreSQL types untyped VALUES parameters as text otherwise. */
    private static String using(String table, List<String> keys, List<String> columns, int[] types) {
        if (types.length != columns.size()) {
            throw new IllegalArgumentException("types and columns differ for " + table);
        }
        String params = java.util.Arrays.stream(types).mapToObj(t -> "CAST(? AS " + sqlType(t) + ")")
                .collect(Collectors.joining(", "));
        String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        return "MERGE INTO " + table + " t USING (VALUES (" + params + ")) AS s(" + String.join(", ", columns)
                + ") ON " + on;
    }

    private static String sqlType(int jdbcType) {
        return switch (jdbcType) {
            case java.sql.Types.DATE -> "DATE";
            case java.sql.Types.INTEGER -> "INTEGER";
            case java.sql.Types.BIGINT -> "BIGINT";
            default -> "VARCHAR(2000)";
        };
    }

    private static String notMatched(List<String> columns) {
        return " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }
}
