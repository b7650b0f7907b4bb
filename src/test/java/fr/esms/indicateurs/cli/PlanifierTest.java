package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.JobDefinition;
import fr.esms.indicateurs.jobs.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code planifier} with a real job definition scheduled a few seconds ahead: the nuit job runs exactly once. */
class PlanifierTest {

    @TempDir
    Path work;

    @Test
    void theNightJobScheduledAFewSecondsAheadRunsOnceAndHistoriqueShowsIt() throws Exception {
        LocalDateTime at = LocalDateTime.now().plusSeconds(3);
        String base = "jdbc:h2:file:" + work.resolve("db");
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("nuit.properties"), """
                job=nuit
                planification=%d %d %d * * *
                depot=%s
                referentiel=%s
                sortie=%s
                base=%s
                """.formatted(at.getSecond(), at.getMinute(), at.getHour(),
                Path.of("sample-data/depot").toAbsolutePath(), Path.of("sample-data/referentiel").toAbsolutePath(),
                work.resolve("sortie"), base));
        List<Integer> exitCodes = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;

        new Planner(JobDefinition.loadAll(jobs), d -> {
            int code = PlanifierCommand.runOnce(d);
            exitCodes.add(code);
            return code;
        }, Clock.systemDefaultZone()).run(() -> System.currentTimeMillis() > deadline);

        // The sample dépôt has rejected rows: success with rejections.
        assertThat(exitCodes).containsExactly(3);
        assertThat(work.resolve("sortie/indicateurs/2026-10.csv")).exists();

        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).execute("historique", "--base", base);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("nuit").contains("COMPLETED");
        assertThat(out.toString().lines().filter(l -> l.contains(" nuit "))).hasSize(1);
    }

    @Test
    void sigtermStopsThePlannerCleanly() throws Exception {
        Path jobs = Files.createDirectories(work.resolve("jobs-sigterm"));
        Files.writeString(jobs.resolve("mensuel-ars.properties"), """
                job=mensuel-ars
                planification=0 0 6 5 * *
                depot=d
                referentiel=r
                sortie=s
                """);
        Path logFile = work.resolve("planifier.log");
        Process planner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "fr.esms.indicateurs.cli.Main", "planifier", "--jobs",
                jobs.toString()).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(logFile).contains("prochaine exécution") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        planner.destroy(); // SIGTERM
        assertThat(planner.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(logFile)).contains("Arrêt demandé").contains("Planificateur arrêté proprement");
        // 143 = 128 + SIGTERM: the JVM's status after a signal, once the shutdown hook has let the planner finish.
        assertThat(planner.exitValue()).isEqualTo(143);
    }
}
