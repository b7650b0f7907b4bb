package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.EditorProfiles;
import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistyped {@code date_extraction} of issue 13: a package dated 2030 must not outrank the corrections that
 * follow it. Read by the real reader on a fixed day, stored by the real store.
 */
class FutureDatedPackageTest {

    private static final String ESSMS = "010000016";
    /** The day of the ingestion: 2026-12-03, 10:00 in Paris. */
    private static final Clock DECEMBER_3 = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"),
            ZoneId.of("Europe/Paris"));

    @TempDir
    Path depot;

    @Test
    void aPackageDatedInTheFutureIsRejectedWholeAndACorrectionDatedTodayTakesEffect() throws IOException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                "classpath:db/migration/h2").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        PivotStore store = new PivotStore(new JdbcTemplate(dataSource), tx);
        PackageReader reader = new PackageReader(finess -> true, EditorProfiles.none(), null, DECEMBER_3);

        PivotStore.Outcome november = store.ingest(pkg("p1-novembre", "2026-11-05", EventStatus.PREVU),
                reader::read);
        PivotStore.Outcome mistyped = store.ingest(pkg("p2-faute-de-frappe", "2030-01-01", EventStatus.ANNULE),
                reader::read);
        PivotStore.Outcome correction = store.ingest(pkg("p3-correction", "2026-12-03", EventStatus.REALISE),
                reader::read);

        assertThat(november.status()).isEqualTo(PivotStore.Status.INGERE);
        assertThat(mistyped.status()).isEqualTo(PivotStore.Status.REJETE);
        assertThat(correction.status()).isEqualTo(PivotStore.Status.INGERE);
        List<Rejection> rejections = store.rejections(List.of(mistyped.pkg().sha256()));
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("export.csv");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.column()).isEqualTo("date_extraction");
            assertThat(r.value()).isEqualTo("2030-01-01");
            assertThat(r.reason()).isEqualTo("paquet « p2-faute-de-frappe », export.csv, ligne 2, colonne"
                    + " « date_extraction » : date_extraction 2030-01-01 postérieure au jour de l'ingestion"
                    + " (2026-12-03) : un export daté dans le futur passerait devant toutes les corrections ; faire"
                    + " corriger le manifeste : paquet rejeté en entier");
        });
        // The correction of December 3 wins over November's export; the 2030 one left nothing behind.
        try (ActivityCursor cursor = new ActivityCursor(dataSource, new MeasureWindow(YearMonth.of(2026, 10), 1))) {
            assertThat(cursor.next(ESSMS).events()).containsExactly(
                    new AgendaEvent("E1", "D1", LocalDate.of(2026, 10, 20), EventStatus.REALISE));
        }
    }

    /** One ESSMS, one agenda event of October whose status each export states. */
    private ExportPackage pkg(String name, String extraction, EventStatus status) throws IOException {
        Path folder = Files.createDirectories(depot.resolve(name));
        Files.writeString(folder.resolve("export.csv"), """
                editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin
                Logivie;Logivie DUI;130000003;%s;2026-10-01;2026-10-31
                """.formatted(extraction));
        Files.writeString(folder.resolve("agenda.csv"), """
                finess;dossier_id;evenement_id;date_evenement;statut
                %s;D1;E1;2026-10-20;%s
                """.formatted(ESSMS, status));
        return new ExportPackage(name, folder, "sha-" + name);
    }
}
