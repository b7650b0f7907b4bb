package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.generate.DatasetGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL in a separate JVM, then started again, ends with exactly the figures of an
 * uninterrupted run: mid-ingest and mid-report. Subclasses choose the database.
 */
abstract class CrashRestartContractTest {

    /** A new, empty database. */
    abstract String freshDatabase();

    /** Options of the JVM that runs {@code executer}. */
    List<String> jvmOptions() {
        return List.of();
    }

    @TempDir
    static Path dataset;

    static List<String> reference;
    static long referenceWorkbooks;

    @AfterAll
    static void forgetReference() {
        reference = null;
    }

    @BeforeEach
    void uninterruptedRun() throws Exception {
        if (reference != null && Files.exists(dataset.resolve("depot"))) {
            return;
        }
        new DatasetGenerator(new DatasetGenerator.Settings(400, YearMonth.of(2026, 10), 2, 7, 10, 0.001))
                .write(dataset);
        Path out = dataset.resolve("reference");
        assertThat(run(out, freshDatabase(), null).exitValue()).isIn(0, 3);
        reference = Files.readAllLines(out.resolve("indicateurs/2026-10.csv"));
        referenceWorkbooks = workbooks(out);
    }

    @Test
    void killedDuringIngestThenRestartedGivesTheSameFigures() throws Exception {
        assertSameAfterKill("ingest", "[20/");
    }

    @Test
    void killedWhileWritingReportsThenRestartedGivesTheSameFigures() throws Exception {
        assertSameAfterKill("rapports", "Écrit :");
    }

    private void assertSameAfterKill(String name, String killWhenSeen) throws Exception {
        Path out = dataset.resolve(name);
        String database = freshDatabase();
        Process killed = run(out, database, killWhenSeen);
        assertThat(killed.exitValue()).as("tué par SIGKILL").isEqualTo(137);

        Process restarted = run(out, database, null);

        assertThat(restarted.exitValue()).isIn(0, 3);
        assertThat(Files.readAllLines(out.resolve("indicateurs/2026-10.csv"))).containsExactlyElementsOf(reference);
        assertThat(workbooks(out)).isEqualTo(referenceWorkbooks);
    }

    /** Runs executer in its own JVM; kills it with SIGKILL as soon as a line contains {@code killWhenSeen}. */
    private Process run(Path out, String database, String killWhenSeen) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "fr.esms.indicateurs.cli.Main",
                "executer", "--depot", dataset.resolve("depot").toString(), "--referentiel",
                dataset.resolve("referentiel").toString(), "--mois", "2026-10", "--sortie", out.toString(), "--base",
                database));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.append(line).append('\n');
                if (killWhenSeen != null && line.contains(killWhenSeen)) {
                    process.destroyForcibly();
                    break;
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("traitement trop long :\n" + log);
        }
        if (killWhenSeen != null) {
            assertThat(log.toString()).as("le traitement a atteint le point d'arrêt").contains(killWhenSeen);
        } else {
            assertThat(process.exitValue()).as("code de sortie ; journal :\n" + log).isIn(0, 3);
        }
        return process;
    }

    private static long workbooks(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out.resolve("rapports"))) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).count();
        }
    }
}
