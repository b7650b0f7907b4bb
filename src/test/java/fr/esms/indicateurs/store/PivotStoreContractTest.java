package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow.AggregateRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.PivotRow.ModificationRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How exports combine in the store, run against each database (subclasses give the URL). */
abstract class PivotStoreContractTest {

    static final String ESSMS_A = "010000016";
    static final String ESSMS_B = "350005179";

    DriverManagerDataSource dataSource;
    PivotStore store;

    abstract String url();

    /** The Flyway folder of the database's own scripts. */
    abstract String vendor();

    @BeforeEach
    void createSchema() {
        dataSource = StoreFixture.migrated(url(), vendor());
        store = new PivotStore(new JdbcTemplate(dataSource), StoreFixture.ownTransactions(dataSource));
    }

    static ExportPackage pkg(String name, String sha) {
        return new ExportPackage(name, Path.of(name), sha);
    }

    static Manifest manifest(LocalDate extraction) {
        return new Manifest("Logivie", "Logivie DUI", "4.2", "010000024", extraction, extraction.withDayOfMonth(1)
                .minusMonths(1), extraction.withDayOfMonth(1).minusDays(1));
    }

    EssmsActivity activity(String finess, MeasureWindow window) {
        try (ActivityCursor cursor = new ActivityCursor(dataSource, window)) {
            if (!finess.equals(ESSMS_A)) {
                cursor.next(ESSMS_A);
            }
            return cursor.next(finess);
        }
    }

    /** The combined rows of this type stored for every ESSMS, whatever their dates. */
    <T> List<T> stored(Class<T> type) {
        List<StoredSegment> segments = new JdbcTemplate(dataSource).query("SELECT " + StoredSegment.COLUMNS
                + " FROM segment", (rs, i) -> StoredSegment.read(rs));
        return segments.stream().collect(java.util.stream.Collectors.groupingBy(StoredSegment::finess))
                .values().stream().flatMap(s -> SegmentMerge.of(s).rows().stream())
                .filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void latestExtractionWinsByKeyWhateverTheArrivalOrder() {
        // The November extraction arrives first, the October one second: November's rows must stay.
        store.ingest(pkg("b-novembre", "sha-b"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.DOSSIERS, new RecordRow(ESSMS_A, "D1", "U1", LocalDate.of(2026, 1, 5),
                    LocalDate.of(2026, 10, 15), 2));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E1", LocalDate.of(2026, 10, 20), EventStatus.ANNULE,
                    null, 2));
            v.fileRead(new FileSummary("dossiers.csv", 1, 1, 0, null));
        });
        store.ingest(pkg("a-octobre", "sha-a"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 10, 4)));
            v.row(PivotFile.DOSSIERS, new RecordRow(ESSMS_A, "D1", "U-OLD", LocalDate.of(2026, 1, 5),
                    LocalDate.of(2026, 9, 20), 2));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E1", LocalDate.of(2026, 10, 20), EventStatus.PREVU,
                    null, 2));
            v.fileRead(new FileSummary("dossiers.csv", 1, 1, 0, null));
        });

        EssmsActivity a = activity(ESSMS_A, new MeasureWindow(YearMonth.of(2026, 10), 2));
        assertThat(a.records()).containsExactly(new EssmsActivity.DuiRecord("D1", "U1"));
        assertThat(a.events()).singleElement().extracting(EssmsActivity.AgendaEvent::status)
                .isEqualTo(EventStatus.ANNULE);
        // Each snapshot proves one update: September from the older export, October from the newer.
        assertThat(a.recordUpdates()).extracting(EssmsActivity.RecordUpdate::month)
                .containsExactlyInAnyOrder(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    }

    @Test
    void samePackageTwiceOrRenamedChangesNothing() {
        PivotStore.PackageSource source = (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.MSS, new MessageRow(ESSMS_A, "M1", LocalDate.of(2026, 10, 2), null, null, 2));
            v.row(PivotFile.MSS, new MessageRow(ESSMS_A, "M2", LocalDate.of(2026, 10, 3), null, null, 3));
            v.fileRead(new FileSummary("mss.csv", 2, 2, 0, null));
        };
        assertThat(store.ingest(pkg("p1", "same"), source).status()).isEqualTo(PivotStore.Status.INGERE);
        PivotStore.Outcome again = store.ingest(pkg("p1", "same"), source);
        PivotStore.Outcome renamed = store.ingest(pkg("p1-copie", "same"), source);

        assertThat(again.status()).isEqualTo(PivotStore.Status.DEJA_TRAITE);
        assertThat(renamed.status()).isEqualTo(PivotStore.Status.DEJA_TRAITE);
        assertThat(renamed.detail()).contains("sous le nom p1");
        assertThat(activity(ESSMS_A, new MeasureWindow(YearMonth.of(2026, 10), 1)).messages()).hasSize(2);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM paquet", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aPackageRejectedWholeStoresNoRowAndKeepsItsReason() {
        PivotStore.Outcome outcome = store.ingest(pkg("sans-manifeste", "sha-r"), (p, v) ->
                v.packageRejected(new Rejection("sans-manifeste", "export.csv", 0, "", "",
                        "paquet sans export.csv : rejeté en entier")));

        assertThat(outcome.status()).isEqualTo(PivotStore.Status.REJETE);
        assertThat(store.rejections(List.of("sha-r"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.packageName()).isEqualTo("sans-manifeste");
                    assertThat(r.reason()).isEqualTo("paquet sans export.csv : rejeté en entier");
                });
        assertThat(store.ingest(pkg("sans-manifeste", "sha-r"), (p, v) -> {
        }).status()).isEqualTo(PivotStore.Status.DEJA_TRAITE);
    }

    @Test
    void cursorGivesEachEssmsOnlyItsRowsAndOnlyWindowCandidates() {
        store.ingest(pkg("p", "sha-p"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U1", LocalDate.of(2026, 1, 1), null, List.of("ANONYMAT"), 2));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U2", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 9, 30),
                    List.of(), 3));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_B, "U9", LocalDate.of(2026, 10, 31), null, List.of(), 4));
            v.row(PivotFile.MODIFICATIONS, new ModificationRow(ESSMS_B, "D9", LocalDate.of(2026, 10, 1), 2));
            v.row(PivotFile.MODIFICATIONS, new ModificationRow(ESSMS_B, "D9", LocalDate.of(2026, 10, 2), 3));
        });
        MeasureWindow october = new MeasureWindow(YearMonth.of(2026, 10), 1);
        try (ActivityCursor cursor = new ActivityCursor(dataSource, october)) {
            EssmsActivity a = cursor.next(ESSMS_A);
            EssmsActivity b = cursor.next(ESSMS_B);
            // U2 left the day before the window: not even read.
            assertThat(a.stays()).containsExactly(new EssmsActivity.Stay("U1", LocalDate.of(2026, 1, 1), null,
                    List.of("ANONYMAT")));
            assertThat(b.stays()).extracting(EssmsActivity.Stay::personId).containsExactly("U9");
            // Two journal entries of one month are one update month.
            assertThat(b.recordUpdates()).containsExactly(new EssmsActivity.RecordUpdate("D9", YearMonth.of(2026, 10)));
        }
    }

    @Test
    void anUnreadableSegmentStopsTheCursorWithAMessageNamingTheEssmsAndThePackage() {
        store.ingest(pkg("p", "sha-p"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U1", LocalDate.of(2026, 1, 1), null, List.of(), 2));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_B, "U9", LocalDate.of(2026, 1, 1), null, List.of(), 3));
        });
        // As if written by a later version with another layout.
        new JdbcTemplate(dataSource).update("UPDATE segment SET donnees = ? WHERE finess = ?", new byte[]{7, 1},
                ESSMS_B);
        MeasureWindow october = new MeasureWindow(YearMonth.of(2026, 10), 1);

        try (ActivityCursor cursor = new ActivityCursor(dataSource, october)) {
            assertThat(cursor.next(ESSMS_A).stays()).hasSize(1);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> cursor.next(ESSMS_B)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("données de l'ESSMS " + ESSMS_B + " illisibles dans le segment 1 du paquet "
                            + "sha-p (segment de données illisible (format 7 inconnu de cette version))");
        }
    }

    @Test
    void aCursorClosedBeforeTheEndReturnsAndTheNextOneReadsEverythingAgain() {
        store.ingest(pkg("p", "sha-p"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            // More ESSMS than the cursor combines ahead (64), so that its reading thread waits when closed.
            for (int i = 0; i < 200; i++) {
                v.row(PivotFile.MSS, new MessageRow(String.format("01%07d", i), "M" + i, LocalDate.of(2026, 10, 2),
                        null, null, i + 2));
            }
        });
        MeasureWindow october = new MeasureWindow(YearMonth.of(2026, 10), 1);
        try (ActivityCursor cursor = new ActivityCursor(dataSource, october)) {
            assertThat(cursor.next("010000000").messages()).hasSize(1);
        }
        try (ActivityCursor cursor = new ActivityCursor(dataSource, october)) {
            assertThat(cursor.next("010000199").messages()).extracting(EssmsActivity.MssMessage::messageId)
                    .containsExactly("M199");
            assertThat(cursor.next("010000200").isEmpty()).isTrue();
        }
    }

    @Test
    void keptRowsAreTheLatestVersionOfEachKeyWithThePackageItCameFrom() {
        store.ingest(pkg("oct", "sha-oct"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 10, 3)));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E1", LocalDate.of(2026, 9, 5), EventStatus.PREVU,
                    null, 2));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E2", LocalDate.of(2026, 9, 6), EventStatus.PREVU,
                    null, 3));
            v.row(PivotFile.MSS, new MessageRow(ESSMS_B, "M1", LocalDate.of(2026, 9, 2), null, null, 2));
        });
        store.ingest(pkg("nov", "sha-nov"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E1", LocalDate.of(2026, 9, 5), EventStatus.REALISE,
                    null, 2));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U1", LocalDate.of(2026, 1, 1), null,
                    List.of("ANONYMAT", "REFUS_DMP"), 2));
        });

        List<KeptRows.Table> tables = KeptRows.of(new JdbcTemplate(dataSource), ESSMS_A);

        assertThat(tables).extracting(KeptRows.Table::file).containsExactly("usagers.csv", "dossiers.csv",
                "mises_a_jour.csv", "projets_personnalises.csv", "agenda.csv", "mss.csv", "dmp.csv",
                "eprescription.csv", "eparcours.csv");
        KeptRows.Table agenda = tables.get(4);
        assertThat(agenda.columns()).containsExactly("evenement_id", "dossier_id", "date_evenement", "statut",
                "paquet", "date_extraction");
        assertThat(agenda.rows()).containsExactly(
                List.of("E1", "D1", "2026-09-05", "REALISE", "nov", "2026-11-03"),
                List.of("E2", "D1", "2026-09-06", "PREVU", "oct", "2026-10-03"));
        assertThat(tables.get(0).rows()).containsExactly(
                List.of("U1", "2026-01-01", "", "ANONYMAT|REFUS_DMP", "nov", "2026-11-03"));
        // ESSMS B's message is not ESSMS A's.
        assertThat(tables.get(5).rows()).isEmpty();
    }

    @Test
    void retentionPurgeDeletesOnlyPersonRowsEntirelyBeforeTheCutOff() {
        store.ingest(pkg("p", "sha-p"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "OLD", LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31),
                    List.of(), 2));
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "NOW", LocalDate.of(2020, 1, 1), null, List.of(), 3));
            v.row(PivotFile.DOSSIERS, new RecordRow(ESSMS_A, "D-OLD", "OLD", LocalDate.of(2020, 1, 1),
                    LocalDate.of(2024, 12, 1), 2));
            v.row(PivotFile.DOSSIERS, new RecordRow(ESSMS_A, "D-NOW", "NOW", LocalDate.of(2020, 1, 1),
                    LocalDate.of(2025, 1, 1), 3));
            v.row(PivotFile.MSS, new MessageRow(ESSMS_A, "M-OLD", LocalDate.of(2024, 12, 31), null, null, 2));
            v.row(PivotFile.MSS, new MessageRow(ESSMS_A, "M-NOW", LocalDate.of(2025, 1, 1), null, null, 3));
        });
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        var deleted = new RetentionPurge(new JdbcTemplate(dataSource), tx).purgeBefore(YearMonth.of(2025, 1));

        assertThat(deleted).containsEntry("sejour", 1).containsEntry("mss", 1).containsEntry("dossier", 1)
                .containsEntry("dossier_maj", 1);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(stored(EssmsActivity.Stay.class)).extracting(EssmsActivity.Stay::personId).containsExactly("NOW");
        assertThat(stored(StoredRecord.class)).extracting(StoredRecord::recordId).containsExactly("D-NOW");
        assertThat(stored(EssmsActivity.MssMessage.class)).extracting(EssmsActivity.MssMessage::messageId)
                .containsExactly("M-NOW");
        assertThat(stored(EssmsActivity.RecordUpdate.class)).containsExactly(
                new EssmsActivity.RecordUpdate("D-NOW", YearMonth.of(2025, 1)));
    }

    @Test
    void aKeyRepeatedInOnePackageKeepsItsLastRow() {
        store.ingest(pkg("p", "sha-dup"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E1", LocalDate.of(2026, 10, 5), EventStatus.PREVU,
                    null, 2));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E1", LocalDate.of(2026, 10, 6), EventStatus.ANNULE,
                    null, 3));
        });
        EssmsActivity a = activity(ESSMS_A, new MeasureWindow(YearMonth.of(2026, 10), 1));
        assertThat(a.events()).containsExactly(new EssmsActivity.AgendaEvent("E1", "D1", LocalDate.of(2026, 10, 6),
                EventStatus.ANNULE));
    }

    @Test
    void aPackageThatFailsMidwayLeavesNothingBehind() {
        // The first package on a fresh connection creates the staging tables: that must not commit half of it.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store.ingest(pkg("casse", "sha-x"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            // More rows than a batch (and than PostgreSQL's COPY batch), so that some reach the database.
            for (int i = 0; i < 60_000; i++) {
                v.row(PivotFile.MSS, new MessageRow(ESSMS_A, "M" + i, LocalDate.of(2026, 10, 2), null, null, i + 2));
            }
            throw new java.io.UncheckedIOException(new java.io.IOException("disque illisible"));
        }))).hasMessageContaining("disque illisible");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM paquet", Integer.class)).isZero();
    }

    @Test
    void aFileWithMostRowsRejectedIsRejectedWholeAndTheOtherFilesAreKept() {
        PivotStore.Outcome outcome = store.ingest(pkg("mauvais-profil", "sha-seuil"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            // usagers.csv: 3 rows read, 2 rejected (66 %) → the one good row is not kept either.
            v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U1", LocalDate.of(2026, 1, 1), null, List.of(), 2));
            v.rejection(new Rejection("mauvais-profil", "usagers.csv", 3, "date_entree", "01/02/2026", "date"));
            v.rejection(new Rejection("mauvais-profil", "usagers.csv", 4, "date_entree", "03/02/2026", "date"));
            v.fileRead(new FileSummary("usagers.csv", 3, 1, 2, null));
            // mss.csv: 2 rows read, 1 rejected: exactly 50 %, kept.
            v.row(PivotFile.MSS, new MessageRow(ESSMS_A, "M1", LocalDate.of(2026, 10, 2), null, null, 2));
            v.rejection(new Rejection("mauvais-profil", "mss.csv", 3, "message_id", "", "absent"));
            v.fileRead(new FileSummary("mss.csv", 2, 1, 1, null));
        });

        assertThat(outcome.status()).isEqualTo(PivotStore.Status.INGERE);
        assertThat(outcome.rowsKept()).isEqualTo(1);
        assertThat(outcome.rowsRejected()).isEqualTo(4);
        assertThat(outcome.files()).extracting(FileSummary::file, FileSummary::kept, FileSummary::rejected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("usagers.csv", 0L, 3L),
                        org.assertj.core.groups.Tuple.tuple("mss.csv", 1L, 1L));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(stored(EssmsActivity.Stay.class)).isEmpty();
        assertThat(stored(EssmsActivity.MssMessage.class)).hasSize(1);
        assertThat(store.rejections(List.of("sha-seuil"))).extracting(Rejection::reason)
                .anySatisfy(r -> assertThat(r).startsWith("2 ligne(s) rejetée(s) sur 3 (plus de 50 %)"));
        // By file then line; a content met twice in one run (a copy under another name) is listed once.
        assertThat(store.rejections(List.of("sha-seuil", "sha-seuil")))
                .extracting(Rejection::file, Rejection::line, Rejection::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mss.csv", 3L, "message_id"),
                        org.assertj.core.groups.Tuple.tuple("usagers.csv", 0L, ""),
                        org.assertj.core.groups.Tuple.tuple("usagers.csv", 3L, "date_entree"),
                        org.assertj.core.groups.Tuple.tuple("usagers.csv", 4L, "date_entree"));
    }

    @Test
    void aPackageLargerThanMemoryIsWrittenInPartsAndAFileRejectedAfterAPartWasWrittenLeavesNoRow() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(s -> {
            // 1 byte of memory: parts are written at every size check (every 8 192 rows).
            PackageSegments segments = new PackageSegments(jdbc, "sha-parts", 1);
            segments.orderedAs("2026-11-03|gros", 1);
            for (int i = 0; i < 10_000; i++) {
                segments.events(ESSMS_A).event("E" + i, "D1", LocalDate.of(2026, 10, 5), EventStatus.PREVU);
            }
            // The same event again, after a part holding its first row was written: the last row still wins.
            segments.events(ESSMS_A).event("E0", "D1", LocalDate.of(2026, 10, 6), EventStatus.REALISE);
            segments.fileKept();
            for (int i = 0; i < 20_000; i++) {
                segments.events(ESSMS_B).message("M" + i, LocalDate.of(2026, 10, 2));
            }
            segments.fileRejected();
            segments.photos(ESSMS_B).stay("U1", LocalDate.of(2026, 1, 1), null, List.of());
            segments.fileKept();
            segments.finish();
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment WHERE finess = ?", Integer.class, ESSMS_A))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment WHERE finess = ?", Integer.class, ESSMS_B))
                .isEqualTo(1);
        List<EssmsActivity.AgendaEvent> events = stored(EssmsActivity.AgendaEvent.class);
        assertThat(events).hasSize(10_000).contains(new EssmsActivity.AgendaEvent("E0", "D1",
                LocalDate.of(2026, 10, 6), EventStatus.REALISE), new EssmsActivity.AgendaEvent("E9999", "D1",
                LocalDate.of(2026, 10, 5), EventStatus.PREVU));
        assertThat(stored(EssmsActivity.MssMessage.class)).isEmpty();
        assertThat(stored(EssmsActivity.Stay.class)).extracting(EssmsActivity.Stay::personId).containsExactly("U1");
    }

    // ------------------------------------------------------------------ agregats.csv

    static AggregateRow aggregate(String finess, String start, String end, long persons, long active, long line) {
        return new AggregateRow(finess, LocalDate.parse(start), LocalDate.parse(end),
                new AggregateCounts(persons, active, active, active, 3, active, 0, 1), line);
    }

    Map<String, AggregateStore.StoredAggregate> aggregates(MeasureWindow window) {
        return new AggregateStore(dataSource).exactly(window);
    }

    @Test
    void aggregatesCombineByEssmsAndPeriodTheLatestExportWinningWhateverTheArrivalOrder() {
        // The corrected November extraction arrives first; the older October one must not overwrite it.
        store.ingest(pkg("b-correctif", "sha-agg-b"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 20)));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2026-10-01", "2026-10-31", 100, 95, 2));
            v.fileRead(new FileSummary("agregats.csv", 1, 1, 0, null));
        });
        store.ingest(pkg("a-initial", "sha-agg-a"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2026-10-01", "2026-10-31", 100, 80, 2));
            // Other periods of the same ESSMS are other keys: kept side by side.
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2026-08-01", "2026-10-31", 120, 100, 3));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_B, "2026-10-01", "2026-10-31", 10, 9, 4));
            v.fileRead(new FileSummary("agregats.csv", 3, 3, 0, null));
        });
        store.ingest(pkg("c-decembre", "sha-agg-c"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 12, 2)));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_B, "2026-10-01", "2026-10-31", 10, 7, 2));
            v.fileRead(new FileSummary("agregats.csv", 1, 1, 0, null));
        });

        Map<String, AggregateStore.StoredAggregate> october = aggregates(new MeasureWindow(YearMonth.of(2026, 10), 1));
        assertThat(october).containsOnlyKeys(ESSMS_A, ESSMS_B);
        assertThat(october.get(ESSMS_A)).isEqualTo(new AggregateStore.StoredAggregate(ESSMS_A,
                new AggregateCounts(100, 95, 95, 95, 3, 95, 0, 1), "b-correctif"));
        assertThat(october.get(ESSMS_B)).isEqualTo(new AggregateStore.StoredAggregate(ESSMS_B,
                new AggregateCounts(10, 7, 7, 7, 3, 7, 0, 1), "c-decembre"));
        // Only the exact window: the three-month row serves the three-month window and nothing else.
        assertThat(aggregates(new MeasureWindow(YearMonth.of(2026, 10), 3))).containsOnlyKeys(ESSMS_A)
                .extractingByKey(ESSMS_A).extracting(a -> a.counts().personsAccompanied()).isEqualTo(120L);
        assertThat(aggregates(new MeasureWindow(YearMonth.of(2026, 10), 2))).isEmpty();
        assertThat(aggregates(new MeasureWindow(YearMonth.of(2026, 9), 1))).isEmpty();
        // Each package fed the ESSMS of its rows (incremental runs recompute them).
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "SELECT finess FROM paquet_essms WHERE sha256 = 'sha-agg-a' ORDER BY finess", String.class))
                .containsExactly(ESSMS_A, ESSMS_B);
    }

    @Test
    void aSameAggregatePackageTwiceChangesNothingAndARepeatedKeyKeepsItsLastRow() {
        PivotStore.PackageSource source = (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2026-10-01", "2026-10-31", 100, 50, 2));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2026-10-01", "2026-10-31", 100, 60, 3));
            v.fileRead(new FileSummary("agregats.csv", 2, 2, 0, null));
        };
        assertThat(store.ingest(pkg("p1", "same-agg"), source).status()).isEqualTo(PivotStore.Status.INGERE);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM agregat ORDER BY finess");

        assertThat(store.ingest(pkg("p1", "same-agg"), source).status()).isEqualTo(PivotStore.Status.DEJA_TRAITE);
        assertThat(store.ingest(pkg("p1-bis", "same-agg"), source).status())
                .isEqualTo(PivotStore.Status.DEJA_TRAITE);

        assertThat(jdbc.queryForList("SELECT * FROM agregat ORDER BY finess")).isEqualTo(before).hasSize(1);
        assertThat(aggregates(new MeasureWindow(YearMonth.of(2026, 10), 1)).get(ESSMS_A).counts().activeRecords())
                .isEqualTo(60);
    }

    @Test
    void retentionPurgeDeletesAggregatesWhosePeriodEndsBeforeTheCutOff() {
        store.ingest(pkg("p", "sha-agg-purge"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 11, 3)));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2024-12-01", "2024-12-31", 10, 5, 2));
            v.row(PivotFile.AGREGATS, aggregate(ESSMS_A, "2024-12-01", "2025-01-31", 10, 5, 3));
        });
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        var deleted = new RetentionPurge(new JdbcTemplate(dataSource), tx).purgeBefore(YearMonth.of(2025, 1));

        assertThat(deleted).containsEntry("agregat", 1);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT periode_fin FROM agregat", java.sql.Date.class))
                .extracting(java.sql.Date::toLocalDate).containsExactly(LocalDate.of(2025, 1, 31));
    }
}
