package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database filled by a version that stored one row per pivot row keeps its history (Flyway V7). */
abstract class SegmentMigrationContractTest {

    static final String A = "010000016";
    static final String B = "350005179";
    static final String OCTOBER = "2026-10-03|p-oct";
    static final String NOVEMBER = "2026-11-03|p-nov";

    abstract String url();

    abstract String vendor();

    private Flyway flyway(DriverManagerDataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load();
    }

    private static Date d(String iso) {
        return Date.valueOf(iso);
    }

    @Test
    void rowsOfTheFormerTablesBecomeSegmentsThatStillCombineByExport() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url());
        flyway(dataSource, "4").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update("INSERT INTO paquet (sha256, nom, ordre, statut, ingere_le) VALUES ('sha-oct', 'p-oct', ?, "
                + "'INGERE', ?), ('sha-nov', 'p-nov', ?, 'INGERE', ?)", OCTOBER, now, NOVEMBER, now);
        jdbc.update("INSERT INTO sejour VALUES (?, 'U1', ?, NULL, 'ANONYMAT|REFUS_DMP', ?)", A, d("2026-01-01"),
                NOVEMBER);
        jdbc.update("INSERT INTO sejour VALUES (?, 'U0', ?, ?, NULL, ?)", A, d("2020-01-01"), d("2026-09-30"),
                OCTOBER);
        jdbc.update("INSERT INTO dossier VALUES (?, 'D1', 'U1', ?, ?, ?)", A, d("2026-01-01"), d("2026-10-15"),
                OCTOBER);
        jdbc.update("INSERT INTO dossier_maj VALUES (?, 'D1', 202610), (?, 'D1', 202609)", A, A);
        jdbc.update("INSERT INTO projet_personnalise VALUES (?, 'P1', 'D1', 'ACTIF', ?, NULL, ?)", A,
                d("2026-01-01"), OCTOBER);
        jdbc.update("INSERT INTO agenda VALUES (?, 'E1', 'D1', ?, 'REALISE', ?), (?, 'E2', 'D1', ?, 'PREVU', ?)",
                A, d("2026-10-05"), NOVEMBER, A, d("2026-10-06"), OCTOBER);
        jdbc.update("INSERT INTO mss VALUES (?, 'M1', ?, ?)", B, d("2026-10-02"), OCTOBER);
        jdbc.update("INSERT INTO dmp VALUES (?, 'DOC1', 'D1', ?, 'DEPOSE', ?)", A, d("2026-10-08"), OCTOBER);
        jdbc.update("INSERT INTO compteur VALUES (?, 'EPRESCRIPTION', 'RX1', ?, ?)", A, d("2026-10-07"), OCTOBER);

        flyway(dataSource, "latest").migrate();

        MeasureWindow october = new MeasureWindow(YearMonth.of(2026, 10), 1);
        EssmsActivity a = activity(dataSource, A, october);
        assertThat(a.stays()).containsExactly(new EssmsActivity.Stay("U1", LocalDate.of(2026, 1, 1), null,
                List.of("ANONYMAT", "REFUS_DMP")));
        assertThat(a.records()).containsExactly(new EssmsActivity.DuiRecord("D1", "U1"));
        assertThat(a.recordUpdates()).containsExactly(new EssmsActivity.RecordUpdate("D1", YearMonth.of(2026, 10)));
        assertThat(a.projects()).containsExactly(new EssmsActivity.PersonalisedProject("P1", "D1",
                EssmsActivity.ProjectStatus.ACTIF, LocalDate.of(2026, 1, 1), null));
        assertThat(a.events()).containsExactlyInAnyOrder(
                new AgendaEvent("E1", "D1", LocalDate.of(2026, 10, 5), EventStatus.REALISE),
                new AgendaEvent("E2", "D1", LocalDate.of(2026, 10, 6), EventStatus.PREVU));
        assertThat(a.documents()).containsExactly(new EssmsActivity.DmpDocument("DOC1", "D1",
                LocalDate.of(2026, 10, 8), EssmsActivity.DmpStatus.DEPOSE));
        assertThat(a.ePrescriptions()).containsExactly(new EssmsActivity.Dated("RX1", LocalDate.of(2026, 10, 7)));
        assertThat(jdbc.queryForList("SELECT DISTINCT sha256 FROM segment ORDER BY sha256", String.class))
                .containsExactly(SegmentMigration.UNKNOWN_PACKAGE, "sha-nov", "sha-oct");
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM agenda", Integer.class))
                .hasMessageContaining("agenda");

        // An export extracted between October and November: it replaces what October said, not what November said.
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new PivotStore(jdbc, tx).ingest(new ExportPackage("p-mid", Path.of("p-mid"), "sha-mid"), (p, v) -> {
            v.manifest(new Manifest("Logivie", "Logivie DUI", "4.2", "010000024", LocalDate.of(2026, 10, 20),
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
            v.row(PivotFile.AGENDA, new EventRow(A, "D1", "E1", LocalDate.of(2026, 10, 5), EventStatus.ANNULE,
                    null, 2));
            v.row(PivotFile.AGENDA, new EventRow(A, "D1", "E2", LocalDate.of(2026, 10, 6), EventStatus.ANNULE,
                    null, 3));
        });
        assertThat(activity(dataSource, A, october).events()).containsExactlyInAnyOrder(
                new AgendaEvent("E1", "D1", LocalDate.of(2026, 10, 5), EventStatus.REALISE),
                new AgendaEvent("E2", "D1", LocalDate.of(2026, 10, 6), EventStatus.ANNULE));
        assertThat(activity(dataSource, B, october).messages()).containsExactly(
                new EssmsActivity.MssMessage("M1", LocalDate.of(2026, 10, 2)));
    }

    private static EssmsActivity activity(DriverManagerDataSource dataSource, String finess, MeasureWindow window) {
        try (ActivityCursor cursor = new ActivityCursor(dataSource, window)) {
            if (!finess.equals(A)) {
                cursor.next(A);
            }
            return cursor.next(finess);
        }
    }
}
