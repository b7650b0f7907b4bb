package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.jobs.ExecuterLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cloturer} and {@code historique --clotures} from the command line, on {@code sample-data/} computed for
 * October 2026 (every package arrives the day the test runs, after the deadline of 10 November).
 */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = "spring.datasource.url=" + CloturerCommandTest.BASE)
class CloturerCommandTest {

    static final String BASE = "jdbc:h2:mem:cloture-cli;DB_CLOSE_DELAY=-1";

    @Autowired
    ExecuterLauncher executer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path output;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void octoberComputed() throws Exception {
        for (String table : List.of("cloture", "cloture_resultat", "cloture_amenagement", "cloture_avertissement",
                "cloture_paquet", "cloture_paquet_essms")) {
            jdbc.update("DELETE FROM " + table);
        }
        executer.run(new ExecuterLauncher.Request(Path.of("sample-data/depot"), Path.of("sample-data/referentiel"),
                YearMonth.of(2026, 10), 1, output));
    }

    Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base", BASE));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void saysWhichEssmsHaveNoDataOrLateDataAndFreezesNothingWithoutMalgreManquants() {
        Run run = run("cloturer", "--mois", "2026-10", "--sortie", output.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("Clôture de 2026-10 (fenêtre de 1 mois) suspendue : le mois n'est pas complet.",
                "1 ESSMS sans données sur la fenêtre : 380789230",
                "5 ESSMS avec des données arrivées après le 10/11/2026 (date de première réception du paquet) : "
                        + "010783157, 420781569, 430786400, 690784129, 730783313",
                "relancez avec --malgre-manquants");
        assertThat(Files.exists(output.resolve("clotures"))).isFalse();
        assertThat(run("historique", "--clotures").out()).contains("Aucun mois clôturé.");
    }

    @Test
    void closesWithMalgreManquantsAndListsTheRevisionInHistorique() throws Exception {
        Run run = run("cloturer", "--mois", "2026-10", "--sortie", output.toString(), "--malgre-manquants",
                "--commentaire", "envoi CNSA du 12/11");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String user = System.getProperty("user.name");
        assertThat(run.out()).contains("Attention : 1 ESSMS sans données sur la fenêtre : 380789230",
                "Révision 1 de 2026-10 (fenêtre de 1 mois) enregistrée : 6 ESSMS, 42 lignes, règles 2022 2025, par "
                        + user + ".");
        String sha = Files.readString(output.resolve("clotures/2026-10_r1.sha256")).substring(0, 64);
        assertThat(run.out()).contains("(SHA-256 " + sha + ")");

        Run again = run("cloturer", "--mois", "2026-10", "--sortie", output.toString(), "--malgre-manquants");
        assertThat(again.out()).contains("Révision 2 de 2026-10", "Écart avec la révision 1 : 0 ligne(s) modifiée(s) "
                + "pour 0 ESSMS, dont 0 changement(s) d'atteinte");
        assertThat(Files.readAllLines(output.resolve("clotures/2026-10_r1_r2.csv"))).hasSize(1);

        List<String> history = run("historique", "--clotures").out().lines().toList();
        assertThat(history.get(0)).startsWith("mois    fenêtre révision clôturé le");
        assertThat(history).hasSize(3);
        assertThat(history.get(1)).startsWith("2026-10 1 mois  1 ").contains(" 6      42  " + sha.substring(0, 16)
                + " [malgré 1 sans données, 5 en retard] envoi CNSA du 12/11");
        assertThat(history.get(2)).startsWith("2026-10 1 mois  2 ");
    }

    @Test
    void aMonthNeverComputedOrMistypedIsRefused() {
        Run notComputed = run("cloturer", "--mois", "2026-09", "--sortie", output.toString());
        assertThat(notComputed.exitCode()).isEqualTo(2);
        assertThat(notComputed.err()).contains("aucun résultat calculé pour 2026-09 (fenêtre de 1 mois) : lancez "
                + "d'abord executer --mois 2026-09 --fenetre 1, puis cloturer. Rien n'est figé.");

        Run mistyped = run("cloturer", "--mois", "2026-13", "--sortie", output.toString());
        assertThat(mistyped.exitCode()).isEqualTo(2);
        assertThat(mistyped.err()).contains("--mois 2026-13 : mois attendu au format AAAA-MM");
    }
}
