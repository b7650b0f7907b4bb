package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second run on a base another one holds ends with one French sentence and exit code 1: an H2 file base held by
 * another process, and PostgreSQL's run lock held by another run.
 */
class DatabaseInUseTest {

    private static final String IN_USE = " est déjà utilisée par un autre traitement ; réessayez quand il sera"
            + " terminé";

    @TempDir
    Path work;

    @Test
    void aSecondProcessOnAnH2FileBaseAnotherProcessHoldsSaysSoInOneSentenceWithExitCode1() throws Exception {
        Path base = work.resolve("base");
        String url = "jdbc:h2:file:" + base;
        String output;
        Process second;
        // This test's JVM is the first process: it holds the base open, as a running executer would.
        try (Connection holder = DriverManager.getConnection(url)) {
            second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "fr.esms.indicateurs.cli.Main", "executer",
                    "--depot", "sample-data/depot", "--referentiel", "sample-data/referentiel", "--mois", "2026-10",
                    "--sortie", work.resolve("sortie").toString(), "--base", url)
                    .redirectErrorStream(true).start();
            output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(output.lines().filter(l -> !l.startsWith("Picked up ")).toList())
                .containsExactly("ERREUR : la base " + base + IN_USE);
        assertThat(work.resolve("sortie")).doesNotExist();

        // Once the first process has let go, the base opens.
        StringWriter out = new StringWriter();
        assertThat(Main.commandLine().setOut(new PrintWriter(out)).execute("historique", "--base", url)).isZero();
    }

    @Test
    void aSecondRunOnAPostgresBaseWhoseRunLockIsHeldSaysSoInOneSentenceWithExitCode1() throws Exception {
        Assumptions.assumeTrue(Postgres.available(), Postgres.UNAVAILABLE);
        String url = Postgres.freshSchemaUrl();
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        StringWriter err = new StringWriter();
        int code;
        try (Connection holder = DriverManager.getConnection(url); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.executeQuery("SELECT nom FROM verrou_execution WHERE nom = 'traitement' FOR UPDATE").close();

            code = Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                    .execute("executer", "--depot", "sample-data/depot", "--referentiel", "sample-data/referentiel",
                            "--mois", "2026-10", "--sortie", work.resolve("sortie").toString(), "--base", url);
            holder.rollback();
        }

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("ERREUR : la base postgresql://127.0.0.1:5432/test" + IN_USE
                + " (la commande historique montre le traitement en cours)");
        assertThat(work.resolve("sortie/indicateurs")).doesNotExist();
    }
}
