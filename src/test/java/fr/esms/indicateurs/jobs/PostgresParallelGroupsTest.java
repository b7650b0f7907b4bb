package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.support.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL ingests two groups at once, each in its own transaction (one read while the other merges). Here
 * every package is a group of its own, so the packages of the sample dépôt are ingested two by two, with a copy of
 * one of them under another name in the same run: the figures are the hand-computed ones, the copy is recognised
 * as already processed (never recorded by two transactions) and nothing is stored twice.
 */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = {"esms.ingestion.groupe-octets=0", "esms.ingestion.groupes-simultanes=2"})
@EnabledIf(value = "fr.esms.indicateurs.support.Postgres#available", disabledReason = Postgres.UNAVAILABLE)
class PostgresParallelGroupsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.useFreshSchema(registry);
    }

    @Autowired
    ExecuterLauncher executer;

    @Autowired
    PivotStore pivotStore;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void packagesIngestedTwoAtOnceGiveTheHandComputedFiguresAndACopyIsNeverCountedTwice() throws Exception {
        assertThat(pivotStore.parallelGroups()).isEqualTo(2);
        assertThat(pivotStore.groupBytes()).isZero();
        Path depot = work.resolve("depot");
        InboxTest.copy(Path.of("sample-data/depot"), depot);
        // Sorted after the original and next to it: both are in flight at the same time unless held back.
        InboxTest.copy(depot.resolve("cortex_420790172_2026-10"), depot.resolve("cortex_420790172_2026-10_copie"));

        RunSummary run = executer.run(new ExecuterLauncher.Request(depot, Path.of("sample-data/referentiel"),
                YearMonth.of(2026, 10), 1, work.resolve("sortie"), true));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllLines(work.resolve("sortie/indicateurs/2026-10.csv")))
                .containsExactlyElementsOf(Files.readAllLines(
                        Path.of("src/test/resources/attendu/indicateurs-2026-10-fenetre-1.csv")));
        assertThat(jdbc.queryForList("SELECT nom FROM paquet ORDER BY nom", String.class)).containsExactly(
                "cortex_420790172_2026-10", "cortex_420790172_2026-10_correctif", "cortex_730792181_2026-10.zip",
                "logivie_690793054_2026-09", "logivie_690793054_2026-10.zip");
        assertThat(names(depot.resolve("quarantaine"))).containsExactly("cortex_420790172_2026-10_copie",
                "cortex_420790172_2026-10_copie.LISEZMOI.txt");
        assertThat(Files.readString(depot.resolve("quarantaine/cortex_420790172_2026-10_copie.LISEZMOI.txt")))
                .contains("contenu identique à un paquet déjà traité sous le nom cortex_420790172_2026-10");

        // Run again on a fresh copy of the dépôt: everything is known, nothing changes.
        Path again = work.resolve("depot2");
        InboxTest.copy(Path.of("sample-data/depot"), again);
        long segments = jdbc.queryForObject("SELECT count(*) FROM segment", Long.class);
        RunSummary second = executer.run(new ExecuterLauncher.Request(again, Path.of("sample-data/referentiel"),
                YearMonth.of(2026, 10), 1, work.resolve("sortie2"), false));
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segment", Long.class)).isEqualTo(segments);
        assertThat(Files.readAllLines(work.resolve("sortie2/indicateurs/2026-10.csv")))
                .containsExactlyElementsOf(Files.readAllLines(work.resolve("sortie/indicateurs/2026-10.csv")));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
