package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static fr.esms.indicateurs.store.PivotStoreContractTest.ESSMS_A;
import static fr.esms.indicateurs.store.PivotStoreContractTest.ESSMS_B;
import static fr.esms.indicateurs.store.PivotStoreContractTest.manifest;
import static fr.esms.indicateurs.store.PivotStoreContractTest.pkg;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction in the store: the same activity for every window before and after, and after a late correction
 * ingested once the base is compacted the same as a base never compacted. Subclasses give the database.
 */
abstract class SegmentCompactionContractTest {

    static final List<MeasureWindow> WINDOWS = List.of(new MeasureWindow(YearMonth.of(2026, 9), 1),
            new MeasureWindow(YearMonth.of(2026, 10), 1), new MeasureWindow(YearMonth.of(2026, 11), 1),
            new MeasureWindow(YearMonth.of(2026, 11), 3), new MeasureWindow(YearMonth.of(2026, 11), 6));

    /** A new, empty database. */
    abstract String freshUrl();

    abstract String vendor();

    record Base(DriverManagerDataSource dataSource, PivotStore store, JdbcTemplate jdbc, TransactionTemplate tx) {
        SegmentCompaction compaction() {
            return new SegmentCompaction(jdbc, tx);
        }
    }

    Base compacted;
    Base reference;

    Base base() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(freshUrl());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new Base(dataSource, new PivotStore(jdbc, tx), jdbc, tx);
    }

    @BeforeEach
    void twoBases() {
        compacted = base();
        reference = base();
        for (Base base : List.of(compacted, reference)) {
            month(base, "sep", LocalDate.of(2026, 9, 30), ProjectStatus.EN_PREPARATION, null);
            month(base, "oct", LocalDate.of(2026, 10, 31), ProjectStatus.ACTIF, null);
            month(base, "nov", LocalDate.of(2026, 11, 30), ProjectStatus.ACTIF, LocalDate.of(2026, 11, 10));
        }
    }

    /** One monthly export: the same persons each month, U1's stay ending in November, P1 moving on. */
    static void month(Base base, String name, LocalDate extraction, ProjectStatus p1, LocalDate u1Exit) {
        base.store().ingest(pkg(name, "sha-" + name), (p, v) -> {
            v.manifest(manifest(extraction));
            for (String finess : List.of(ESSMS_A, ESSMS_B)) {
                v.row(PivotFile.USAGERS, new StayRow(finess, "U1", LocalDate.of(2025, 6, 1), u1Exit, List.of(), 2));
                v.row(PivotFile.USAGERS, new StayRow(finess, "U2", LocalDate.of(2026, 9, 1), null, List.of(), 3));
                v.row(PivotFile.DOSSIERS, new RecordRow(finess, "D1", "U1", LocalDate.of(2025, 6, 1),
                        extraction.minusDays(3), 2));
                v.row(PivotFile.PROJETS_PERSONNALISES, new ProjectRow(finess, "D1", "P1", p1,
                        LocalDate.of(2026, 9, 1), null, 2));
                v.row(PivotFile.AGENDA, new EventRow(finess, "D1", "E-" + name, extraction.minusDays(5),
                        EventStatus.REALISE, null, 2));
            }
        });
    }

    List<EssmsActivity> activities(Base base) {
        List<EssmsActivity> all = new ArrayList<>();
        for (MeasureWindow window : WINDOWS) {
            try (ActivityCursor cursor = new ActivityCursor(base.dataSource(), window)) {
                all.add(countable(cursor.next(ESSMS_A), window));
                all.add(countable(cursor.next(ESSMS_B), window));
            }
        }
        return all;
    }

    /**
     * What the rules may count of {@code a} in {@code window}, lists in a fixed order (the order rows come in does
     * not matter): without the records of persons not accompanied in the window (unless a DMP document of the
     * window names them: such a document is reported when its record is in no export) and their projets
     * personnalisés, which a window passing over archives does not read and which count in no population.
     */
    static EssmsActivity countable(EssmsActivity a, MeasureWindow window) {
        java.util.Set<String> accompanied = new java.util.HashSet<>();
        a.stays().stream().filter(s -> window.overlaps(s.entry(), s.exit())).forEach(s -> accompanied.add(s.personId()));
        java.util.Set<String> named = new java.util.HashSet<>();
        a.documents().stream().filter(d -> window.contains(d.deposited())).forEach(d -> named.add(d.recordId()));
        List<EssmsActivity.DuiRecord> records = a.records().stream()
                .filter(r -> accompanied.contains(r.personId()) || named.contains(r.recordId())).toList();
        java.util.Set<String> kept = new java.util.HashSet<>();
        records.forEach(r -> kept.add(r.recordId()));
        List<EssmsActivity.PersonalisedProject> projects = a.projects().stream()
                .filter(p -> kept.contains(p.recordId())).toList();
        return new EssmsActivity(sort(a.stays()), sort(records), sort(a.recordUpdates()), sort(projects),
                sort(a.events()), sort(a.messages()), sort(a.documents()), sort(a.ePrescriptions()),
                sort(a.eParcours()));
    }

    static <T> List<T> sort(List<T> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    List<String> contents(Base base, String finess) {
        return base.jdbc().queryForList("SELECT contenu FROM segment WHERE finess = ? ORDER BY contenu",
                String.class, finess);
    }

    @Test
    void compactionLeavesOneSnapshotSegmentPerEssmsAndEveryWindowUnchanged() {
        List<EssmsActivity> before = activities(compacted);

        SegmentCompaction.Summary summary = compacted.compaction().compactFedBy(List.of("sha-nov"));

        // Per ESSMS: 3 snapshot segments of 4 rows (12 rows) become one of 4 rows.
        assertThat(summary.essms()).isEqualTo(2);
        assertThat(summary.segmentsReplaced()).isEqualTo(6);
        assertThat(summary.rowsBefore()).isEqualTo(24);
        assertThat(summary.rowsAfter()).isEqualTo(8);
        // U1 left on November 10th: U1, D1 and P1 go to an archive dated with that exit.
        assertThat(contents(compacted, ESSMS_A)).containsExactly("A", "C", "E", "E", "E");
        assertThat(compacted.jdbc().queryForObject("SELECT date_max FROM segment WHERE finess = ? AND contenu = 'A'",
                LocalDate.class, ESSMS_A)).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(activities(compacted)).isEqualTo(before).isEqualTo(activities(reference));
        // Hand-computed: in November, U1 left on the 10th, P1 is ACTIF, D1 updated in September, October and
        // November (each export proves one), and November's event only.
        EssmsActivity november = activities(compacted).get(4);
        assertThat(november.stays()).extracting(EssmsActivity.Stay::exit)
                .containsExactly(LocalDate.of(2026, 11, 10), null);
        assertThat(november.projects()).singleElement().extracting(EssmsActivity.PersonalisedProject::status)
                .isEqualTo(ProjectStatus.ACTIF);
        assertThat(november.events()).extracting(EssmsActivity.AgendaEvent::eventId).containsExactly("E-nov");
        EssmsActivity quarter = activities(compacted).get(6);
        assertThat(quarter.recordUpdates()).extracting(EssmsActivity.RecordUpdate::month).containsExactlyInAnyOrder(
                YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        // Nothing more to do the second time.
        assertThat(compacted.compaction().compactAll().essms()).isZero();
    }

    @Test
    void aLateCorrectionAfterTheCompactionCombinesAsOnABaseNeverCompacted() {
        compacted.compaction().compactAll();
        // Extracted on October 15th, ingested after November's: it outranks September's rows, not October's
        // or November's (so P1 stays ACTIF), and brings U3 and D3.
        for (Base base : List.of(compacted, reference)) {
            base.store().ingest(pkg("correction", "sha-correction"), (p, v) -> {
                v.manifest(manifest(LocalDate.of(2026, 10, 15)));
                v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U1", LocalDate.of(2025, 6, 1),
                        LocalDate.of(2026, 10, 1), List.of(), 2));
                v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U3", LocalDate.of(2026, 8, 1), null, List.of(), 3));
                v.row(PivotFile.DOSSIERS, new RecordRow(ESSMS_A, "D3", "U3", LocalDate.of(2026, 8, 1),
                        LocalDate.of(2026, 8, 20), 2));
                v.row(PivotFile.PROJETS_PERSONNALISES, new ProjectRow(ESSMS_A, "D1", "P1", ProjectStatus.CLOS,
                        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10), 2));
                v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E-oct", LocalDate.of(2026, 11, 2),
                        EventStatus.ANNULE, null, 2));
            });
        }

        List<EssmsActivity> onCompacted = activities(compacted);
        assertThat(onCompacted).isEqualTo(activities(reference));
        EssmsActivity november = onCompacted.get(4);
        // U1's November version (left on the 10th) outranks the correction's; U3 is new; P1 stays ACTIF.
        assertThat(november.stays()).extracting(EssmsActivity.Stay::personId).containsExactly("U1", "U2", "U3");
        assertThat(november.stays().get(0).exit()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(november.projects()).singleElement().extracting(EssmsActivity.PersonalisedProject::status)
                .isEqualTo(ProjectStatus.ACTIF);
        // October's own export (Oct 31st) outranks the correction on E-oct, dated October 26th: not in November.
        assertThat(november.events()).extracting(EssmsActivity.AgendaEvent::eventId).containsExactly("E-nov");
        // Compacted again, then nothing changes either.
        compacted.compaction().compactFedBy(List.of("sha-correction"));
        assertThat(contents(compacted, ESSMS_A)).containsExactly("A", "C", "E", "E", "E", "E");
        assertThat(activities(compacted)).isEqualTo(onCompacted);
        List<KeptRows.Table> kept = KeptRows.of(compacted.jdbc(), ESSMS_A);
        assertThat(kept.get(0).rows()).containsExactly(
                List.of("U1", "2025-06-01", "2026-11-10", "", "nov", "2026-11-30"),
                List.of("U2", "2026-09-01", "", "", "nov", "2026-11-30"),
                List.of("U3", "2026-08-01", "", "", "correction", "2026-10-15"));
    }

    @Test
    void theRetentionPurgeOnACompactedBaseDeletesWhatItDeletesOnABaseNeverCompacted() {
        compacted.compaction().compactAll();

        var onCompacted = new RetentionPurge(compacted.jdbc(), compacted.tx()).purgeBefore(YearMonth.of(2026, 10));
        var onReference = new RetentionPurge(reference.jdbc(), reference.tx()).purgeBefore(YearMonth.of(2026, 10));

        // Per ESSMS, the combined rows before October: September's event and D1's September update month.
        assertThat(onCompacted).isEqualTo(onReference).containsEntry("agenda", 2).containsEntry("dossier_maj", 2)
                .containsEntry("sejour", 0);
        assertThat(activities(compacted)).isEqualTo(activities(reference));
        assertThat(KeptRows.of(compacted.jdbc(), ESSMS_B)).isEqualTo(KeptRows.of(reference.jdbc(), ESSMS_B));
        // The purge writes the rows back by package (here all from November's) and compacting again leaves one
        // snapshot segment per ESSMS.
        compacted.compaction().compactAll();
        assertThat(contents(compacted, ESSMS_A)).filteredOn(c -> !c.equals("E")).hasSize(1);
        assertThat(activities(compacted)).isEqualTo(activities(reference));
    }

    @Test
    void theWindowQueryLeavesOutOnlyDatedSegmentsTheMergePassesOver() {
        // For November: September's and October's dated segments end before it and precede every dated segment
        // that must be read (November's): left out.
        assertThat(windowSegments(reference, new MeasureWindow(YearMonth.of(2026, 11), 1)))
                .containsExactly("sha-nov/E", "sha-nov/P", "sha-oct/P", "sha-sep/P");
        // A correction extracted on October 15th with an event in November must be read, and so must October's
        // export, which follows it and may replace that event; September's still precedes everything read.
        reference.store().ingest(pkg("correction", "sha-correction"), (p, v) -> {
            v.manifest(manifest(LocalDate.of(2026, 10, 15)));
            v.row(PivotFile.AGENDA, new EventRow(ESSMS_A, "D1", "E-late", LocalDate.of(2026, 11, 3),
                    EventStatus.REALISE, null, 2));
        });
        assertThat(windowSegments(reference, new MeasureWindow(YearMonth.of(2026, 11), 1)))
                .containsExactly("sha-correction/E", "sha-nov/E", "sha-nov/P", "sha-oct/E", "sha-oct/P",
                        "sha-sep/P");
    }

    @Test
    void aWindowStartingAfterTheLastExitOfAnArchivePassesItOverUnlessAPackageWaitsForItsCompaction() {
        MeasureWindow november = new MeasureWindow(YearMonth.of(2026, 11), 1);
        MeasureWindow december = new MeasureWindow(YearMonth.of(2026, 12), 1);
        compacted.compaction().compactAll();
        // U1 left on November 10th: November reads the archive, December does not (nor does PostgreSQL send it).
        assertThat(windowSegments(compacted, november)).contains("compactage/A", "compactage/C");
        assertThat(windowSegments(compacted, december)).contains("compactage/C").doesNotContain("compactage/A");
        try (ActivityCursor cursor = new ActivityCursor(compacted.dataSource(), december)) {
            assertThat(cursor.next(ESSMS_A).records()).isEmpty();
        }
        // A late correction (extracted October 15th, older than November's export) not compacted yet: it holds a
        // version of U1 without exit, which November's archived one outranks. The archive is read again.
        for (Base base : List.of(compacted, reference)) {
            base.store().ingest(pkg("correction", "sha-correction"), (p, v) -> {
                v.manifest(manifest(LocalDate.of(2026, 10, 15)));
                v.row(PivotFile.USAGERS, new StayRow(ESSMS_A, "U1", LocalDate.of(2025, 6, 1), null, List.of(), 2));
            });
        }
        assertThat(windowSegments(compacted, december)).contains("compactage/A", "sha-correction/P");
        assertThat(countableIn(compacted, december)).isEqualTo(countableIn(reference, december));
        try (ActivityCursor cursor = new ActivityCursor(compacted.dataSource(), december)) {
            assertThat(cursor.next(ESSMS_A).stays()).extracting(EssmsActivity.Stay::personId)
                    .containsExactly("U2");
        }
        // Compacted again: passed over again, same activity. Then a DMP document of December names D1, U1's
        // archived record: read after all (it is not reported as a document of a record in no export).
        compacted.compaction().compactAll();
        assertThat(windowSegments(compacted, december)).doesNotContain("compactage/A");
        for (Base base : List.of(compacted, reference)) {
            base.store().ingest(pkg("dmp", "sha-dmp"), (p, v) -> {
                v.manifest(manifest(LocalDate.of(2026, 12, 20)));
                v.row(PivotFile.DMP, new DocumentRow(ESSMS_A, "D1", "DOC-1", LocalDate.of(2026, 12, 5),
                        DmpStatus.DEPOSE, null, 2));
            });
        }
        try (ActivityCursor cursor = new ActivityCursor(compacted.dataSource(), december)) {
            assertThat(cursor.next(ESSMS_A).records()).extracting(EssmsActivity.DuiRecord::recordId)
                    .containsExactly("D1");
        }
        assertThat(countableIn(compacted, december)).isEqualTo(countableIn(reference, december));
        assertThat(activities(compacted)).isEqualTo(activities(reference));
    }

    /**
     * Each condition of the window query on segments written by hand (their data is never decoded here): which
     * dated segments and archives a November window leaves out, ESSMS by ESSMS.
     */
    @Test
    void theWindowQueryLeavesOutWhatEachConditionSaysOnHandWrittenSegments() {
        Base base = base();
        // ESSMS, package, content, ordre, date_max
        Object[][] segments = {
                {"000000001", "old", "E", "2026-09-30|a", "2026-09-25"}, // before a later needed one: out
                {"000000001", "new", "E", "2026-11-30|a", "2026-11-20"},
                {"000000002", "old", "E", "2026-10-31|a", "2026-10-25"}, // a needed correction extracted earlier
                {"000000002", "fix", "E", "2026-10-15|a", "2026-11-03"},
                {"000000003", "old", "E", "2026-10-31|a", "2026-10-25"}, // a needed one of the same day: kept
                {"000000003", "same", "E", "2026-10-31|b", null},
                {"000000004", "old", "E", "2026-10-31|a", "2026-10-25"}, // a needed mixed one, undated: kept
                {"000000004", "mix", "M", "sans-date|a", null},
                {"000000005", "old", "E", "2026-10-31|a", "2026-10-25"}, // nothing needed: out
                {"000000006", "old", "E", "sans-date|a", "2026-10-25"}, // undated itself: kept
                {"000000007", "compactage", "A", "2026-10-31|a", "2026-10-20"}, // archive, nothing waits: out
                {"000000008", "compactage", "A", "2026-10-31|a", "2026-10-20"}, // a snapshot waits: kept
                {"000000008", "late", "P", "2026-10-15|a", null},
                {"000000009", "compactage", "A", "2026-11-30|a", "2026-11-10"}, // a person left in November: kept
        };
        for (Object[] s : segments) {
            base.jdbc().update("INSERT INTO segment (finess, sha256, partie, ordre, rang, donnees, contenu, date_max) "
                    + "VALUES (?, ?, 0, ?, 1, ?, ?, ?)", s[0], s[1], s[3], new byte[] {1}, s[2],
                    s[4] == null ? null : java.sql.Date.valueOf((String) s[4]));
        }
        java.sql.Date start = java.sql.Date.valueOf(LocalDate.of(2026, 11, 1));
        List<String> read = base.jdbc().query(ActivityCursor.WINDOW_SEGMENTS,
                (rs, i) -> rs.getString("finess").substring(7) + "/" + rs.getString("sha256"), start, start, start,
                start).stream().sorted().toList();
        assertThat(read).containsExactly("01/new", "02/fix", "02/old", "03/old", "03/same", "04/mix", "04/old",
                "06/old", "08/compactage", "08/late", "09/compactage");
    }

    List<EssmsActivity> countableIn(Base base, MeasureWindow window) {
        try (ActivityCursor cursor = new ActivityCursor(base.dataSource(), window)) {
            return List.of(countable(cursor.next(ESSMS_A), window), countable(cursor.next(ESSMS_B), window));
        }
    }

    /** The segments of ESSMS A the cursor's query reads for {@code window}, as package/content. */
    List<String> windowSegments(Base base, MeasureWindow window) {
        java.sql.Date start = java.sql.Date.valueOf(window.start());
        return base.jdbc().query(ActivityCursor.WINDOW_SEGMENTS, (rs, i) -> StoredSegment.read(rs), start, start,
                        start, start)
                .stream().filter(s -> s.finess().equals(ESSMS_A)).map(s -> s.sha256() + "/" + s.content().code)
                .sorted().toList();
    }
}
