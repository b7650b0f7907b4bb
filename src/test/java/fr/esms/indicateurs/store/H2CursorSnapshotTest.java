package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an H2 file, the cursor reads lazily while the month's results are written: H2's background compaction then
 * moves the pages the cursor has still to read and frees their chunks ("Chunk N not found", h2database#4142, seen
 * at 2,500 ESSMS with 24 months). H2 frees a chunk only once no version in use needs it, after a retention time
 * of 45 s by default: 0 here, so that it happens within the test.
 */
class H2CursorSnapshotTest {

    private static final int ESSMS = 2_000;
    private static final int PACKAGES = 20;

    @TempDir
    Path folder;

    @Test
    void theCursorReadsEveryEssmsWhileOtherTablesAreRewrittenAndTheFileCompacted() throws InterruptedException {
        DriverManagerDataSource dataSource = StoreFixture.migrated(
                "jdbc:h2:file:" + folder.resolve("esms") + ";RETENTION_TIME=0", "h2");
        PivotStore store = new PivotStore(new JdbcTemplate(dataSource), StoreFixture.ownTransactions(dataSource));
        JdbcTemplate other = new JdbcTemplate(dataSource);
        other.execute("CREATE TABLE remplissage (id INT PRIMARY KEY, v VARBINARY(2000))");
        // Segments and other rows in the same chunks, then the other rows deleted: chunks mostly empty, which
        // the compaction rewrites, moving the segments' pages elsewhere.
        int perPackage = ESSMS / PACKAGES;
        for (int p = 0; p < PACKAGES; p++) {
            int first = p * perPackage;
            store.ingest(PivotStoreContractTest.pkg("p" + p, "sha-" + p), (pkg, v) -> {
                v.manifest(PivotStoreContractTest.manifest(LocalDate.of(2026, 11, 3)));
                for (int i = first; i < first + perPackage; i++) {
                    v.row(PivotFile.MSS, new MessageRow(finess(i), "M" + i, LocalDate.of(2026, 10, 2), null, null,
                            2));
                }
            });
            other.update("INSERT INTO remplissage SELECT X + ?, CAST(REPEAT('ab', 500) AS VARBINARY) "
                    + "FROM SYSTEM_RANGE(1, 2000)", p * 2000);
        }
        other.update("DELETE FROM remplissage");

        MeasureWindow october = new MeasureWindow(YearMonth.of(2026, 10), 1);
        int given = 0;
        try (ActivityCursor cursor = new ActivityCursor(dataSource, october)) {
            assertThat(cursor.next(finess(0)).messages()).hasSize(1);
            given++;
            for (int round = 0; round < 8; round++) { // as the month's results are written, committed
                other.update("INSERT INTO remplissage SELECT X, CAST(REPEAT('cd', 500) AS VARBINARY) "
                        + "FROM SYSTEM_RANGE(1, 20000)");
                other.update("DELETE FROM remplissage");
                other.execute("CHECKPOINT");
                Thread.sleep(300); // the background writer's turn (every 500 ms by default)
            }
            for (int i = 1; i < ESSMS; i++) {
                EssmsActivity activity = cursor.next(finess(i));
                assertThat(activity.messages()).extracting(EssmsActivity.MssMessage::messageId)
                        .as("ESSMS %d", i).containsExactly("M" + i);
                given++;
            }
        }
        assertThat(given).isEqualTo(ESSMS);
    }

    private static String finess(int i) {
        return String.format("01%07d", i);
    }
}
