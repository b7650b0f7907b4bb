package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generer --departements}: the ESSMS of one region, deterministic; a bad code is a parameter error. */
class GenererCommandTest {

    @TempDir
    Path work;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void the_essms_are_spread_over_the_departements_given_in_turn() throws Exception {
        for (String name : List.of("a", "b")) {
            assertThat(run(new StringWriter(), "generer", "--essms", "12", "--departements", "35,2A",
                    "--sortie", work.resolve(name).toString())).isZero();
        }
        List<String> essms = Files.readAllLines(work.resolve("a/referentiel/essms.csv"));
        assertThat(essms).isEqualTo(Files.readAllLines(work.resolve("b/referentiel/essms.csv")));
        // five ESSMS per organisme gestionnaire: 35, 35, ... then 2A, then 35 again
        List<String> departements = essms.stream().skip(1).map(l -> l.split(";")[4]).toList();
        assertThat(departements).containsExactly("35", "35", "35", "35", "35", "2A", "2A", "2A", "2A", "2A",
                "35", "35");
        assertThat(essms.get(1)).startsWith("35");
        assertThat(essms.get(6)).startsWith("2A");
    }

    @Test
    void an_unknown_departement_is_refused() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "generer", "--departements", "35,20", "--sortie", work.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--departements 20 : code de département attendu sur deux chiffres");
    }
}
