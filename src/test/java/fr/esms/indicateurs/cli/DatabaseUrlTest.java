package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URL an operator gives becomes the one the application opens: the page cache given to an H2 file base,
 * never to another database nor over the operator's own setting; an H2 path relative to where the command runs;
 * a base that cannot be reached said in one French sentence.
 */
class DatabaseUrlTest {

    @Test
    void anH2FileBaseGetsTheCacheUnlessItsUrlSetsOne() {
        assertThat(Database.withH2Cache("jdbc:h2:file:./data/esms-indicateurs"))
                .isEqualTo("jdbc:h2:file:./data/esms-indicateurs;CACHE_SIZE=262144");
        assertThat(Database.withH2Cache("jdbc:h2:./base;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./base;MODE=PostgreSQL;CACHE_SIZE=262144");
        assertThat(Database.withH2Cache("jdbc:h2:file:./b;cache_size=65536")).isEqualTo("jdbc:h2:file:./b;cache_size=65536");
        assertThat(Database.withH2Cache("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.withH2Cache("jdbc:h2:tcp://localhost/~/b")).isEqualTo("jdbc:h2:tcp://localhost/~/b");
        assertThat(Database.withH2Cache("jdbc:postgresql://127.0.0.1:5432/esms?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/esms?user=postgres");
    }

    @Test
    void anH2PathRelativeToTheWorkingDirectoryIsMadeExplicit() {
        assertThat(Database.relativeH2Explicit("jdbc:h2:file:data/esms;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/esms;MODE=PostgreSQL");
        assertThat(Database.relativeH2Explicit("jdbc:h2:base")).isEqualTo("jdbc:h2:./base");
        for (String kept : new String[] {"jdbc:h2:file:./data/x", "jdbc:h2:file:../x", "jdbc:h2:file:/srv/x",
                "jdbc:h2:~/x", "jdbc:h2:file:C:/esms/x", "jdbc:h2:zip:~/a.zip!/x", "jdbc:h2:split:x",
                "jdbc:h2:mem:x", "jdbc:h2:tcp://h/x", "jdbc:postgresql://h:5432/x"}) {
            assertThat(Database.relativeH2Explicit(kept)).isEqualTo(kept);
        }
    }

    @Test
    void historiqueOnAnH2PathRelativeToTheWorkingDirectoryOpensIt() throws Exception {
        // Implicitly relative ("target/...", not "./target/..."): what H2 alone refuses.
        Path folder = Path.of("target", "base-relative-" + java.util.UUID.randomUUID());
        try {
            Run run = run("historique", "--base", "jdbc:h2:file:" + folder.resolve("esms").toString().replace('\\', '/'));
            assertThat(run.err()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(Files.exists(folder.resolve("esms.mv.db"))).isTrue();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void anUnreachableServerIsSaidInFrenchWithoutThePassword() {
        Run run = run("historique", "--base", "jdbc:postgresql://127.0.0.1:1/esms?user=esms&password=secret");
        assertThat(run.code()).isEqualTo(fr.esms.indicateurs.jobs.RunSummary.FAILURE);
        assertThat(run.err()).startsWith("ERREUR : base de données postgresql://127.0.0.1:1/esms inaccessible : ")
                .contains("Vérifiez l'URL donnée à --base").doesNotContain("secret").doesNotContain("bean");
        assertThat(run.out()).doesNotContain("Application run failed").doesNotContain("Error creating bean")
                .doesNotContain("\tat ");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        java.io.StringWriter err = new java.io.StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        } finally {
            System.setOut(console);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
