package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import static fr.esms.indicateurs.store.PivotStoreContractTest.ESSMS_A;
import static fr.esms.indicateurs.store.PivotStoreContractTest.ESSMS_B;
import static fr.esms.indicateurs.store.PivotStoreContractTest.aggregate;
import static fr.esms.indicateurs.store.PivotStoreContractTest.manifest;
import static fr.esms.indicateurs.store.PivotStoreContractTest.pkg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Several packages in one transaction, read by three threads (as H2 now ingests, and PostgreSQL always did): a
 * package rejected whole in the middle of the group leaves nothing, the others are all kept, a content met twice
 * counts once, and a failure rolls the whole group back so that it can be ingested again.
 */
abstract class GroupIngestionContractTest {

    private static final LocalDate EXTRACTION = LocalDate.of(2026, 11, 3);

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private PivotStore store;

    abstract String url();

    abstract String vendor();

    @BeforeEach
    void createSchema() {
        dataSource = StoreFixture.migrated(url(), vendor());
        jdbc = new JdbcTemplate(dataSource);
        store = new PivotStore(jdbc, StoreFixture.ownTransactions(dataSource), PivotStore.DEFAULT_REJECTED_SHARE_LIMIT, 8L << 20, 1, 3);
    }

    /**
     * Packages "a…" and "b…" feed a record and an aggregate each. "r…", a later extraction, stages 60,001
     * aggregates (more than a batch on either database, so that they reach the staging table), then is rejected
     * whole: were its staged rows kept, its October aggregate (1 active record) would win over b's (9).
     */
    private static void read(ExportPackage pkg, fr.esms.indicateurs.ingest.PackageVisitor v) {
        boolean rejected = pkg.name().startsWith("r");
        String finess = pkg.name().startsWith("a") ? ESSMS_A : ESSMS_B;
        v.manifest(manifest(rejected ? EXTRACTION.plusDays(17) : EXTRACTION));
        v.row(PivotFile.DOSSIERS, new RecordRow(finess, "D-" + pkg.name(), "U1", LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 10, 15), 2));
        v.row(PivotFile.AGREGATS, aggregate(finess, "2026-10-01", "2026-10-31", 10, rejected ? 1 : 9, 2));
        if (rejected) {
            for (int i = 0; i < 60_000; i++) {
                LocalDate day = LocalDate.of(1900, 1, 1).plusDays(i);
                v.row(PivotFile.AGREGATS, aggregate(finess, day.toString(), day.toString(), 10, 1, i + 3));
            }
            v.packageRejected(new Rejection(pkg.name(), "export.csv", 0, "", "", "date_extraction future :"
                    + " paquet rejeté en entier"));
            return;
        }
        v.fileRead(new FileSummary("dossiers.csv", 1, 1, 0, null));
        v.fileRead(new FileSummary("agregats.csv", 1, 1, 0, null));
    }

    private List<String> storedRecords() {
        List<StoredSegment> segments = jdbc.query("SELECT " + StoredSegment.COLUMNS + " FROM segment",
                (rs, i) -> StoredSegment.read(rs));
        return segments.stream().collect(Collectors.groupingBy(StoredSegment::finess)).entrySet().stream()
                .flatMap(e -> SegmentMerge.of(e.getValue()).rows().stream().filter(StoredRecord.class::isInstance)
                        .map(r -> e.getKey() + "/" + ((StoredRecord) r).recordId()))
                .sorted().toList();
    }

    @Test
    void aPackageRejectedWholeInTheMiddleOfAGroupLeavesNothingAndTheOthersAreKept() {
        List<PivotStore.Outcome> outcomes = store.ingestAll(List.of(pkg("a1", "sha-a1"), pkg("r1", "sha-r1"),
                pkg("b1", "sha-b1"), pkg("b1-copie", "sha-b1")), GroupIngestionContractTest::read);

        assertThat(outcomes).extracting(PivotStore.Outcome::status).containsExactly(PivotStore.Status.INGERE,
                PivotStore.Status.REJETE, PivotStore.Status.INGERE, PivotStore.Status.DEJA_TRAITE);
        assertThat(outcomes.get(3).detail()).contains("b1 (ingéré)");
        assertThat(storedRecords()).containsExactly(ESSMS_A + "/D-a1", ESSMS_B + "/D-b1");
        // The rejected package's aggregate (1 active) was staged then rolled back: b1's (9) is the one kept.
        var october = new AggregateStore(dataSource).exactly(new MeasureWindow(YearMonth.of(2026, 10), 1));
        assertThat(october).containsOnlyKeys(ESSMS_A, ESSMS_B);
        assertThat(october.get(ESSMS_B).counts().activeRecords()).isEqualTo(9);
        assertThat(october.get(ESSMS_B).packageName()).isEqualTo("b1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agregat", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT sha256 FROM paquet_essms ORDER BY sha256", String.class))
                .containsExactly("sha-a1", "sha-b1");
        assertThat(jdbc.queryForList("SELECT statut FROM paquet WHERE sha256 = 'sha-r1'", String.class))
                .containsExactly("REJETE");
        assertThat(store.rejections(List.of("sha-r1"))).extracting(Rejection::reason)
                .containsExactly("date_extraction future : paquet rejeté en entier");
    }

    @Test
    void aReadingThatFailsRollsTheWholeGroupBackAndTheGroupIsIngestedAgainWhole() {
        List<ExportPackage> group = List.of(pkg("a1", "sha-a1"), pkg("b1", "sha-b1"), pkg("a2", "sha-a2"));
        Throwable failure = catchThrowable(() -> store.ingestAll(group, (pkg, v) -> {
            read(pkg, v);
            if (pkg.name().equals("a2")) {
                throw new UncheckedIOException(new IOException("disque illisible"));
            }
        }));

        assertThat(failure).hasMessageContaining("disque illisible");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM paquet", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agregat", Integer.class)).isZero();

        assertThat(store.ingestAll(group, GroupIngestionContractTest::read)).extracting(PivotStore.Outcome::status)
                .containsOnly(PivotStore.Status.INGERE);
        assertThat(storedRecords()).containsExactly(ESSMS_A + "/D-a1", ESSMS_A + "/D-a2", ESSMS_B + "/D-b1");
    }
}
