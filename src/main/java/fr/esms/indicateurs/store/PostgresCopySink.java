package fr.esms.indicateurs.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL bulk path: rows go by COPY into a temporary staging table, then one set-based MERGE per table keeps,
 * for each key, the last row of the package (file order) and applies the same "latest export wins" rule as the
 * row-by-row path. Plain inserts (rejections, warnings) are copied straight into their table.
 */
final class PostgresCopySink implements PackageLoad.RowSink {

    private final JdbcTemplate jdbc;
    private final Set<PackageLoad.Target> staged = EnumSet.noneOf(PackageLoad.Target.class);
    private long sequence;

    PostgresCopySink(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(PackageLoad.Target target, List<Object[]> rows) {
        if (target.isPlainInsert()) {
            copy(target.table + " (" + String.join(", ", target.columns) + ")", rows, false);
            return;
        }
        if (staged.add(target)) {
            jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging(target) + " AS SELECT "
                    + String.join(", ", target.columns) + ", CAST(0 AS BIGINT) AS seq FROM " + target.table
                    + " WITH NO DATA");
            jdbc.execute("TRUNCATE " + staging(target));
        }
        copy(staging(target) + " (" + String.join(", ", target.columns) + ", seq)", rows, true);
    }

    @Override
    public void finish() {
        for (PackageLoad.Target target : staged) {
            String columns = String.join(", ", target.columns);
            List<String> keys = target.keys == null ? target.columns : target.keys;
            String keyList = String.join(", ", keys);
            // DISTINCT ON keeps the highest seq: the last row of the package for the key, as in file order.
            String source = "(SELECT DISTINCT ON (" + keyList + ") " + columns + " FROM " + staging(target)
                    + " ORDER BY " + keyList + ", seq DESC)";
            String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
            String insert = " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
                    + target.columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
            String update = target.keys == null ? "" : " WHEN MATCHED AND t.ordre <= s.ordre THEN UPDATE SET "
                    + target.columns.stream().filter(c -> !target.keys.contains(c)).map(c -> c + " = s." + c)
                    .collect(Collectors.joining(", "));
            jdbc.execute("MERGE INTO " + target.table + " t USING " + source + " s ON " + on + update + insert);
            jdbc.execute("TRUNCATE " + staging(target));
        }
        staged.clear();
    }

    private static String staging(PackageLoad.Target target) {
        return "stg_" + target.table;
    }

    private void copy(String into, List<Object[]> rows, boolean withSequence) {
        StringBuilder csv = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                appendCsv(csv, row[i]);
            }
            if (withSequence) {
                csv.append(',').append(sequence++);
            }
            csv.append('\n');
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn("COPY " + into + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY impossible vers " + into, e);
            }
            return null;
        });
    }

    /** CSV for COPY: an unquoted empty field is NULL, every text is quoted. */
    private static void appendCsv(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number) {
            csv.append(value);
            return;
        }
        csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
    }
}
