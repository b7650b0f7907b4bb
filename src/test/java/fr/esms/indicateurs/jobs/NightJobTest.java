package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The incremental {@code nuit} job on a copy of the sample dépôt. */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nuit;DB_CLOSE_DELAY=-1")
class NightJobTest {

    @Autowired
    JobLauncher launcher;

    @Autowired
    @Qualifier("nuitJob")
    Job nuitJob;

    @TempDir
    Path work;

    /** Not named like a factory of {@code JobExecution}: Spring Batch's test listeners would call it. */
    private JobExecution launchNight(Path depot, Path out) throws Exception {
        return launcher.run(nuitJob, new JobParametersBuilder()
                .addString("depot", depot.toString())
                .addString("referentiel", Path.of("sample-data/referentiel").toAbsolutePath().toString())
                .addString("sortie", out.toString())
                .addLong("fenetre", 1L)
                .addString(JobLaunches.RUN, UUID.randomUUID().toString())
                .toJobParameters());
    }

    static long recomputed(JobExecution e) {
        return e.getStepExecutions().stream().filter(s -> s.getStepName().equals("recalculerMoisTouches"))
                .mapToLong(StepExecution::getWriteCount).sum();
    }

    @Test
    void firstNightComputesTheMonthsOfThePackagesThenANightWithNothingNewRecomputesNothingThenOnlyTheTouchedEssms()
            throws Exception {
        Path depot = work.resolve("depot");
        copy(Path.of("sample-data/depot"), depot);
        Path out = work.resolve("sortie");

        // Night 1: the packages cover July to October 2026; each month is computed whole (6 ESSMS x 4 months).
        JobExecution first = launchNight(depot, out);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recomputed(first)).isEqualTo(24);
        try (Stream<Path> files = Files.list(out.resolve("indicateurs"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("2026-07.csv", "2026-08.csv", "2026-09.csv", "2026-10.csv",
                            "2026-07.regles.csv", "2026-08.regles.csv", "2026-09.regles.csv", "2026-10.regles.csv");
        }
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/attendu/indicateurs-2026-10-fenetre-1.csv"));
        assertThat(Files.readAllLines(out.resolve("indicateurs/2026-10.csv"))).containsExactlyElementsOf(expected);

        // Night 2: nothing new.
        JobExecution second = launchNight(depot, out);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recomputed(second)).isZero();

        // Night 3: one new package, one more October message of the PJM service: only it is recomputed.
        Path extra = depot.resolve("cortex_730792181_2026-10_complement");
        Files.createDirectories(extra);
        Files.writeString(extra.resolve("export.csv"), """
                editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin
                Cortex Informatique;Cortex Social;5.2.1;730792181;2026-11-20;2026-10-01;2026-10-31
                """);
        Files.writeString(extra.resolve("mss.csv"), """
                finess;message_id;date_envoi
                730783313;MSG-9001;2026-10-28
                """);
        Path pjm = out.resolve("rapports/PRJ-ARA-2025-031/730783313_2026-10.xlsx");
        Path mecs = out.resolve("rapports/PRJ-ARA-2025-031/420781569_2026-10.xlsx");
        var pjmBefore = Files.getLastModifiedTime(pjm);
        var mecsBefore = Files.getLastModifiedTime(mecs);
        Thread.sleep(20);
        JobExecution third = launchNight(depot, out);
        // Only the recomputed ESSMS's workbook is rewritten.
        assertThat(Files.getLastModifiedTime(pjm)).isNotEqualTo(pjmBefore);
        assertThat(Files.getLastModifiedTime(mecs)).isEqualTo(mecsBefore);
        assertThat(recomputed(third)).isEqualTo(1);
        List<String> october = Files.readAllLines(out.resolve("indicateurs/2026-10.csv"));
        // MSS of the PJM: 1 → 2 messages out of 7 persons = 28.6 %, still exempt; every other row unchanged.
        assertThat(october).contains("730783313;2026-10;1;MSS;2;7;0;7;28.6;;EXEMPTE;0");
        assertThat(october.stream().filter(l -> !l.startsWith("730783313;2026-10;1;MSS")))
                .containsExactlyElementsOf(expected.stream()
                        .filter(l -> !l.startsWith("730783313;2026-10;1;MSS")).toList());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
