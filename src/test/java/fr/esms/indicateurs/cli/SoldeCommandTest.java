package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.solde.SoldeFixture;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code solde} from the command line, on the database the test context filled with {@link SoldeFixture}: the
 * command starts its own context on the same in-memory database, as an operator's run would on the H2 file.
 */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
@TestPropertySource(properties = "spring.datasource.url=" + SoldeCommandTest.BASE)
class SoldeCommandTest {

    static final String BASE = "jdbc:h2:mem:solde-cli;DB_CLOSE_DELAY=-1";

    @Autowired
    PivotStore pivotStore;

    @Autowired
    ReferentialStore referentialStore;

    @TempDir
    Path output;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void load() {
        SoldeFixture.load(pivotStore, referentialStore);
    }

    @AfterEach
    void restoreEnvironment() {
        SoldeCommand.environment = System::getenv;
    }

    Run solde(String... options) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new java.util.ArrayList<>(List.of("solde", "--sortie", output.toString(), "--base", BASE));
        args.addAll(List.of(options));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void writesTheProofEncryptedWithThePasswordOfTheEnvironment() throws Exception {
        SoldeCommand.environment = name -> name.equals("ESMS_MOT_DE_PASSE") ? "mot-de-passe-env" : null;

        Run run = solde("--projet", "P-PJM", "--mois", "2026-10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path workbook = output.resolve("solde").resolve("P-PJM_2026-10.xlsx");
        assertThat(run.out()).contains("Décision : ATTEINTE",
                "Classeur : " + workbook + " (protégé par mot de passe)",
                "Montant total 21 000 € (usage 7 000 €, équipement 14 000 €), avance 10 500 €, solde 10 500 €, "
                        + "solde à verser 10 500 €");
        try (XSSFWorkbook wb = decrypt(workbook, "mot-de-passe-env")) {
            Sheet proofs = wb.getSheet("Preuves");
            assertThat(value(proofs, "Commande")).isEqualTo("java -jar esms-indicateurs.jar solde --sortie " + output
                    + " --base 'jdbc:h2:mem:solde-cli;DB_CLOSE_DELAY=-1' --projet P-PJM --mois 2026-10");
            assertThat(value(proofs, "Version de l'outil")).isEqualTo("esms-indicateurs 0.1.0");
        }
    }

    @Test
    void readsThePasswordFromTheFirstLineOfAFile() throws Exception {
        Path secret = Files.writeString(output.resolve("secret.txt"), "Mot de passe du fichier\nligne ignorée\n");

        Run run = solde("--projet", "P-ATTEINT", "--mois", "2026-10", "--fenetre-services", "6",
                "--mot-de-passe-fichier", secret.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook wb = decrypt(output.resolve("solde").resolve("P-ATTEINT_2026-10.xlsx"),
                "Mot de passe du fichier")) {
            assertThat(value(wb.getSheet("Décision"), "Fenêtre MSS et DMP")).isEqualTo("6 mois, du 01/05/2026 au "
                    + "31/10/2026");
            assertThat(value(wb.getSheet("Preuves"), "Commande")).doesNotContain("Mot de passe du fichier")
                    .endsWith("--mot-de-passe-fichier " + secret);
        }
    }

    @Test
    void anUnknownProjectIsRefused() {
        Run run = solde("--projet", "P-INCONNU", "--mois", "2026-10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ERREUR : projet inconnu : P-INCONNU n'est pas dans le référentiel chargé "
                + "par le dernier executer (projets connus : P-ATTEINT, P-MANQUE, P-PJM, P-TROU, P-VIDE)")
                .contains("Rien n'a été écrit.");
        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void aProjectWithoutEssmsIsRefused() {
        Run run = solde("--projet", "P-VIDE", "--mois", "2026-10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ERREUR : le projet P-VIDE n'a aucun ESSMS dans le référentiel (essms.csv)");
        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void aMonthWithoutAnyDataIsRefused() {
        Run run = solde("--projet", "P-MANQUE", "--mois", "2025-06");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ERREUR : aucune donnée en base pour les 2 ESSMS du projet P-MANQUE sur la "
                + "fenêtre du 01/04/2025 au 30/06/2025");
        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void windowsOutOfTheirBoundsAreRefused() {
        Run services = solde("--projet", "P-ATTEINT", "--mois", "2026-10", "--fenetre-services", "7");
        Run dui = solde("--projet", "P-ATTEINT", "--mois", "2026-10", "--fenetre-dui", "0");

        assertThat(services.exitCode()).isEqualTo(2);
        assertThat(services.err()).startsWith("ERREUR : --fenetre-services : fenêtre MSS et DMP de 7 mois refusée : "
                + "les règles 2025 la fixent de 3 à 6 mois (défaut 3)");
        assertThat(dui.exitCode()).isEqualTo(2);
        assertThat(dui.err()).startsWith("ERREUR : --fenetre-dui : fenêtre des indicateurs DUI de 0 mois refusée : "
                + "de 1 à 12 mois (règles 2025 : 3 mois)");
        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void badMonthWindowOrPasswordFileAreRefusedBeforeAnything() throws Exception {
        Run month = solde("--projet", "P-ATTEINT", "--mois", "2026-13");
        Run missing = solde("--projet", "P-ATTEINT", "--mois", "2026-10", "--mot-de-passe-fichier",
                output.resolve("absent.txt").toString());
        Run notANumber = solde("--projet", "P-ATTEINT", "--mois", "2026-10", "--fenetre-services", "six");
        Path empty = Files.writeString(output.resolve("vide.txt"), "\n");
        Run blank = solde("--projet", "P-ATTEINT", "--mois", "2026-10", "--mot-de-passe-fichier", empty.toString());

        assertThat(month.exitCode()).isEqualTo(2);
        assertThat(month.err()).startsWith("ERREUR : --mois 2026-13 : mois attendu au format AAAA-MM");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).startsWith("ERREUR : --fenetre-services six : nombre entier de mois attendu");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("ERREUR : --mot-de-passe-fichier " + output.resolve("absent.txt")
                + " : fichier de mot de passe illisible ou introuvable");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("la première ligne (le mot de passe) est vide");
        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void theCommandLineShownHidesPasswordsOfTheDatabaseUrl() {
        assertThat(SoldeCommand.commandLine(List.of("solde", "--base",
                "jdbc:postgresql://127.0.0.1:5432/esms?user=ars&password=s3cret&ssl=true", "--projet", "P 1")))
                .isEqualTo("java -jar esms-indicateurs.jar solde --base "
                        + "'jdbc:postgresql://127.0.0.1:5432/esms?user=ars&password=***&ssl=true' --projet 'P 1'");
        assertThat(SoldeCommand.commandLine(List.of("--base", "jdbc:h2:file:./data/x;PASSWORD=abc;USER=sa")))
                .isEqualTo("java -jar esms-indicateurs.jar --base 'jdbc:h2:file:./data/x;PASSWORD=***;USER=sa'");
    }

    static XSSFWorkbook decrypt(Path workbook, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(workbook.toFile(), true)) {
            Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(fs));
            assertThat(decryptor.verifyPassword(password)).isTrue();
            try (InputStream in = decryptor.getDataStream(fs)) {
                return new XSSFWorkbook(in);
            }
        }
    }

    static String value(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals(label)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("pas de ligne « " + label + " »");
    }
}
