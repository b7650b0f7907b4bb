package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code profils}: checks profiles and shows how a package would be read, without any database. */
class ProfilsCommandTest {

    private static final Path EDITORS = Path.of("sample-data/editeurs");

    @TempDir
    Path work;

    private record Result(int code, String err, String out) {
    }

    private Result run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(out)).execute(args);
        return new Result(code, err.toString(), out.toString());
    }

    @Test
    void showsHowAnEditorsPackageIsReadAndItsRejections() {
        Result r = run("profils", "--profils", EDITORS.resolve("profils").toString(),
                "--referentiel", EDITORS.resolve("referentiel").toString(),
                "--paquet", EDITORS.resolve("depot/SOIGNEO_260791009_EXPORT_2026-09").toString());

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("Profils éditeurs de " + EDITORS.resolve("profils") + " : 2, tous valides")
                .contains("  soigneo (soigneo.yaml) : reconnu par les fichiers SOIGNEO_PARAMETRES*.csv ; fichiers : "
                        + "usagers.csv, dossiers.csv, projets_personnalises.csv, agenda.csv, mss.csv, dmp.csv, "
                        + "eprescription.csv, eparcours.csv")
                .contains("  manifeste : Soignéo / Soignéo DUI 4.2.1, FINESS juridique 260791009, extrait le "
                        + "2026-10-04, période du 2026-07-01 au 2026-09-30")
                .contains("  SOIGNEO_USAGERS.csv : 19 lues, 19 retenues, 0 rejetées")
                .contains("  SOIGNEO_MSSANTE.csv : 12 lues, 11 retenues, 1 rejetées")
                .contains("    SOIGNEO_MSSANTE.csv ligne 12, colonne « Envoyé le » (31/09/2026) : date mal formée"
                        + " ou impossible (attendu dd/MM/yyyy ou dd/MM/yyyy HH:mm ou dd/MM/yyyy HH:mm:ss)")
                .contains("  avertissement : paquet lu avec le profil éditeur « soigneo » (soigneo.yaml)");
    }

    @Test
    void aPackageWithoutRejectionEndsWithCodeZero() {
        Result r = run("profils", "--profils", EDITORS.resolve("profils").toString(),
                "--paquet", EDITORS.resolve("depot/kaliope_740791009_202610-202610_20261103.zip").toString());

        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("(sans --referentiel, la présence des FINESS dans le référentiel n'est pas "
                        + "vérifiée)")
                .contains("  manifeste : Kaliopé / Kaliopé Care, FINESS juridique 740791009, extrait le 2026-11-03,"
                        + " période du 2026-10-01 au 2026-10-31")
                .contains("  agenda_740781000.csv : ");
    }

    @Test
    void anInvalidProfileIsAUsageErrorNamingFileAndKey() throws IOException {
        Files.writeString(work.resolve("faux.yaml"), "fichiers:\n  usagers:\n    fichier: u.csv\n    colonnes:\n"
                + "      finess: F\n      usager_id: U\n      date_entree: E\n      sortie: S\n");

        Result r = run("profils", "--profils", work.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("profil faux.yaml, clé « fichiers.usagers.colonnes.sortie » : colonne inconnue"
                + " du format pivot pour ce fichier");
    }
}
