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
 * Bulk path of the rows combined by a table's key ({@code agregats.csv}; the other pivot rows go to segments):
 * rows go into a staging table (PostgreSQL: by COPY; H2: by JDBC batch inserts, its fastest), then one
 * set-based MERGE per table keeps, for each key, the row of the latest export among the staged packages (then the
 * last one in file order) and applies the "latest export wins" rule against the stored row. One sink serves all
 * the packages of one transaction, so the per-statement cost of the merge is paid once per group of packages, not
 * once per package. Plain inserts (rejections, warnings) go straight into their table.
 */
final class StagingSink implements PackageLoad.RowSink {

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Set<PackageLoad.Target> staged = EnumSet.noneOf(PackageLoad.Target.class);
    private long sequence;

    StagingSink(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    @Override
    public void write(PackageLoad.Target target, List<Object[]> rows) {
        if (target.isPlainInsert()) {
            if (postgres) {
                copy(target.table + " (" + String.join(", ", target.columns) + ")", rows, false);
            } else {
                jdbc.batchUpdate(target.sql, rows, target.types);
            }
            return;
        }
        if (staged.add(target)) {
            if (postgres) {
                jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging(target) + " AS SELECT "
                        + String.join(", ", target.columns) + ", CAST(0 AS BIGINT) AS seq FROM " + target.table
                        + " WITH NO DATA");
            }
            // Emptied when a package first uses it (not after each merge: that would only double the work).
            // H2: an ordinary table made by Flyway (db/migration/h2/V5), emptied inside the package's transaction.
            jdbc.execute("DELETE FROM " + staging(target));
        }
        if (postgres) {
            copy(staging(target) + " (" + String.join(", ", target.columns) + ", seq)", rows, true);
        } else {
            insert(target, rows);
        }
    }

    /** What to restore with {@link #reset} when the transaction rolls back to a savepoint taken now. */
    Set<PackageLoad.Target> mark() {
        return EnumSet.copyOf(staged.isEmpty() ? EnumSet.noneOf(PackageLoad.Target.class) : staged);
    }

    /** After a rollback to the savepoint of {@code mark}: tables first used since are prepared again if used. */
    void reset(Set<PackageLoad.Target> mark) {
        staged.retainAll(mark);
    }

    /**
     * PostgreSQL: the ingestion transaction does not wait for its commit record to reach the disk. Safe here: a
     * commit lost in a crash loses whole packages (recorded in the same transaction), which the next run ingests
     * again; the database stays consistent.
     */
    void begin() {
        if (postgres) {
            jdbc.execute("SET LOCAL synchronous_commit = off");
            // The staging statistics only have to give the planner the size of the group and a rough idea of
            // its keys: a sample of 3 000 rows instead of 30 000 (ANALYZE was a tenth of the database's time).
            jdbc.execute("SET LOCAL default_statistics_target = 10");
        }
    }

    /** The sequence number the next staged row will get. */
    @Override
    public long nextSequence() {
        return sequence;
    }

    /** Drops the staged rows numbered {@code from} and after (the rows of a file rejected whole). */
    @Override
    public void discardFrom(long from) {
        for (PackageLoad.Target target : staged) {
            jdbc.update("DELETE FROM " + staging(target) + " WHERE seq >= ?", from);
        }
    }

    /** Merges every staged row into its table; the sink can then serve a new group of packages. */
    void finish() {
        for (PackageLoad.Target target : staged) {
            String columns = String.join(", ", target.columns);
            List<String> keys = target.keys == null ? target.columns : target.keys;
            String keyList = String.join(", ", keys);
            // The latest export first (ordre), then the highest seq: the last row of that package for the key, as
            // in file order. Exactly what merging the packages one after the other in seq order would keep.
            String latest = target.keys == null ? "seq DESC" : "ordre DESC, seq DESC";
            String source = "(SELECT " + columns + " FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY "
                    + keyList + " ORDER BY " + latest + ") AS rang FROM " + staging(target) + ") x WHERE rang = 1)";
            String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
            String insert = " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
                    + target.columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
            String update = target.keys == null ? "" : " WHEN MATCHED AND t.ordre <= s.ordre THEN UPDATE SET "
                    + target.columns.stream().filter(c -> !target.keys.contains(c)).map(c -> c + " = s." + c)
                    .collect(Collectors.joining(", "));
            if (postgres) {
                // Temporary tables have no statistics: without them the planner may scan the whole target table
                // for each package instead of probing its primary key.
                jdbc.execute("ANALYZE " + staging(target));
            }
            jdbc.execute("MERGE INTO " + target.table + " t USING " + source + " s ON " + on + update + insert);
        }
        staged.clear();
    }

    private static String staging(PackageLoad.Target target) {
        return "stg_" + target.table;
    }

    private void insert(PackageLoad.Target target, List<Object[]> rows) {
        int[] types = java.util.Arrays.copyOf(target.types, target.types.length + 1);
        types[target.types.length] = java.sql.Types.BIGINT;
        List<Object[]> numbered = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] withSeq = java.util.Arrays.copyOf(row, row.length + 1);
            withSeq[row.length] = sequence++;
            numbered.add(withSeq);
        }
        jdbc.batchUpdate("INSERT INTO " + staging(target) + " (" + String.join(", ", target.columns) + ", seq) VALUES ("
                + String.join(", ", java.util.Collections.nCopies(types.length, "?")) + ")", numbered, types);
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
