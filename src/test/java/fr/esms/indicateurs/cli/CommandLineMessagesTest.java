package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads when the command line is wrong: French, and exit code 2. */
class CommandLineMessagesTest {

    @TempDir
    Path work;

    private Result run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(out)).execute(args);
        return new Result(code, err.toString(), out.toString());
    }

    private record Result(int code, String err, String out) {
    }

    @Test
    void aMissingOptionIsNamedInFrench() {
        Result r = run("executer", "--depot", work.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERREUR : option obligatoire absente : --referentiel, --mois, --sortie")
                .contains("Aide : java -jar esms-indicateurs.jar executer --help");
    }

    @Test
    void anUnknownCommandIsNamedInFrench() {
        Result r = run("calculer");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERREUR : argument inconnu : calculer")
                .contains("Aide : java -jar esms-indicateurs.jar --help");
    }

    @Test
    void badValuesAreRefusedBeforeAnythingStarts() {
        Result month = run("executer", "--depot", work.toString(), "--referentiel", work.toString(), "--mois",
                "2026-13", "--sortie", work.resolve("s").toString());
        assertThat(month.code()).isEqualTo(2);
        assertThat(month.err()).contains("--mois 2026-13 : mois attendu au format AAAA-MM");
        Result window = run("executer", "--depot", work.toString(), "--referentiel", work.toString(), "--mois",
                "2026-10", "--fenetre", "0", "--sortie", work.resolve("s").toString());
        assertThat(window.err()).contains("--fenetre 0 : fenêtre de 1 à 12 mois attendue");
        Result depot = run("executer", "--depot", work.resolve("absent").toString(), "--referentiel",
                work.toString(), "--mois", "2026-10", "--sortie", work.resolve("s").toString());
        assertThat(depot.err()).contains("--depot").contains("dossier introuvable");
    }

    @Test
    void lessCommonMistakesAreAlsoExplainedInFrench() {
        Result twice = run("executer", "--depot", work.toString(), "--referentiel", work.toString(), "--mois",
                "2026-10", "--mois", "2026-11", "--sortie", work.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("ERREUR : option donnée deux fois : --mois").doesNotContain("should be");

        Result noValueAtTheEnd = run("executer", "--depot", work.toString(), "--referentiel", work.toString(),
                "--sortie", work.toString(), "--mois");
        assertThat(noValueAtTheEnd.code()).isEqualTo(2);
        assertThat(noValueAtTheEnd.err()).contains("ERREUR : valeur manquante après l'option --mois");

        Result noValueBeforeAnOption = run("executer", "--depot", "--referentiel", work.toString(), "--mois",
                "2026-10", "--sortie", work.toString());
        assertThat(noValueBeforeAnOption.code()).isEqualTo(2);
        assertThat(noValueBeforeAnOption.err()).contains("ERREUR : valeur manquante après l'option --depot");

        Result notANumber = run("generer", "--essms", "abc", "--sortie", work.toString());
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err())
                .contains("ERREUR : valeur invalide pour --essms : « abc » (nombre entier attendu)")
                .doesNotContain("is not an int");
    }

    @Test
    void aJobFileWithAKeyTheJobDoesNotReadIsRefusedByLancerAndPlanifierWithExitCode2() throws Exception {
        Path jobs = java.nio.file.Files.createDirectories(work.resolve("jobs"));
        Path monthly = java.nio.file.Files.writeString(jobs.resolve("mensuel-ars.properties"), """
                job=mensuel-ars
                planification=0 0 6 12 * *
                depot=d
                referentiel=r
                sortie=s
                mois=2026-09
                """);
        java.nio.file.Files.writeString(jobs.resolve("nuit.properties"), """
                job=nuit
                planification=0 30 1 * * *
                depot=d
                referentiel=r
                sortie=s
                profile=editeur
                """);

        Result lancer = run("lancer", monthly.toString());
        assertThat(lancer.code()).isEqualTo(2);
        assertThat(lancer.err()).startsWith("ERREUR : " + monthly + ", ligne 6 : clé « mois » refusée : le mois ne"
                        + " se règle pas dans un job")
                .contains("Aide : java -jar esms-indicateurs.jar lancer --help");

        Result planifier = run("planifier", "--jobs", jobs.toString());
        assertThat(planifier.code()).isEqualTo(2);
        assertThat(planifier.err()).contains(monthly + ", ligne 6 : clé « mois » refusée")
                .contains(jobs.resolve("nuit.properties") + ", ligne 6 : clé « profile » inconnue : vouliez-vous"
                        + " dire « profils » ou « profil » ?")
                .doesNotContain("prochaine exécution");
    }

    @Test
    void helpIsInFrench() {
        Result r = run("executer", "--help");
        assertThat(r.out()).contains("Utilisation :").contains("Options :").contains("Affiche cette aide")
                .contains("Codes de sortie :");
    }
}
