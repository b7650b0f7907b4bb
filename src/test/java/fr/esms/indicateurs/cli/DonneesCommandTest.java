package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code donnees} on a database that {@code executer} filled with the sample data. */
class DonneesCommandTest {

    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void writesTheKeptRowsOfOneEssmsWithTheirPackage() throws Exception {
        String base = "jdbc:h2:file:" + work.resolve("db/esms");
        assertThat(run("executer", "--depot", "sample-data/depot", "--referentiel", "sample-data/referentiel",
                "--mois", "2026-10", "--sortie", work.resolve("sortie").toString(), "--base", base).exitCode())
                .isIn(0, 3);

        Run run = run("donnees", "--finess", "690784129", "--sortie", work.resolve("donnees").toString(),
                "--base", base);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ESSMS 690784129 : 183 ligne(s) gardée(s)")
                .contains("agenda.csv                 34 ligne(s)");
        Path agenda = work.resolve("donnees/690784129/agenda.csv");
        assertThat(Files.readAllLines(agenda)).hasSize(35).startsWith(
                "evenement_id;dossier_id;date_evenement;statut;paquet;date_extraction",
                "EV0101;D0001;2026-09-09;REALISE;logivie_690793054_2026-09;2026-10-04",
                "EV0102;D0001;2026-10-14;REALISE;logivie_690793054_2026-10.zip;2026-11-03");
    }

    @Test
    void aMalformedFinessOrAWrongKeyIsAParameterError() {
        Run shortOne = run("donnees", "--finess", "69078412", "--sortie", work.toString(), "--base",
                "jdbc:h2:mem:donnees-finess");
        Run wrongKey = run("donnees", "--finess", "690784128", "--sortie", work.toString(), "--base",
                "jdbc:h2:mem:donnees-finess");

        assertThat(shortOne.exitCode()).isEqualTo(2);
        assertThat(shortOne.err()).contains("--finess 69078412 : numéro FINESS mal formé");
        assertThat(wrongKey.exitCode()).isEqualTo(2);
        assertThat(wrongKey.err()).contains("--finess 690784128 : numéro FINESS avec une clé de contrôle (Luhn) "
                + "fausse");
    }

    @Test
    void aCorsicanFinessIsAcceptedAndAnEssmsWithoutDataGivesEmptyFiles() throws Exception {
        Run run = run("donnees", "--finess", "2A0000012", "--sortie", work.resolve("donnees").toString(),
                "--base", "jdbc:h2:mem:donnees-corse;DB_CLOSE_DELAY=-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Aucune ligne gardée en base pour l'ESSMS 2A0000012");
        assertThat(Files.readAllLines(work.resolve("donnees/2A0000012/mss.csv")))
                .containsExactly("message_id;date_envoi;paquet;date_extraction");
    }
}
