package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.solde.SoldeCsv;
import fr.esms.indicateurs.solde.SoldeFixture;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static fr.esms.indicateurs.solde.SoldeFixture.A1;
import static fr.esms.indicateurs.solde.SoldeFixture.A2;
import static fr.esms.indicateurs.solde.SoldeFixture.B2;
import static fr.esms.indicateurs.solde.SoldeFixture.C1;
import static fr.esms.indicateurs.solde.SoldeFixture.D1;
import static fr.esms.indicateurs.solde.SoldeFixture.D2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code solde} job on the hand-made projects of {@link SoldeFixture}, figures computed by hand. Subclasses
 * choose the database.
 */
@SpringBootTest(classes = EsmsIndicateursApplication.class)
abstract class SoldeJobContractTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String COMMAND = "java -jar esms-indicateurs.jar solde --projet P --mois 2026-10 --sortie out";
    static final String VERSION = "esms-indicateurs 0.1.0";
    static final String HEADER = String.join(";", SoldeCsv.HEADER);
    /** The SHA-256 of the built-in 2025 rules files, which every row of the canonical CSV states. */
    static final String RULES_2025 = new fr.esms.indicateurs.referential.RulesLoader().builtIn().find("2025")
            .orElseThrow().fingerprint();
    static final String EUROS = "#,##0 \"€\"";

    @Autowired
    SoldeLauncher launcher;

    @Autowired
    PivotStore pivotStore;

    @Autowired
    ReferentialStore referentialStore;

    @TempDir
    Path output;

    @BeforeEach
    void load() {
        // Packages already ingested are recognised by content: loading again changes nothing.
        SoldeFixture.load(pivotStore, referentialStore);
    }

    SoldeLauncher.Summary solde(String project, YearMonth month, int services, String password) throws Exception {
        return launcher.run(new SoldeLauncher.Request(project, month, 3, services, output, COMMAND, VERSION),
                password);
    }

    Path file(String name) {
        return output.resolve("solde").resolve(name);
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void aProjectWhoseEssmsReachEveryTarget() throws Exception {
        SoldeLauncher.Summary summary = solde("P-ATTEINT", OCTOBER, 3, null);

        assertThat(summary.exitCode()).isZero();
        assertThat(summary.lines()).contains("Décision : ATTEINTE",
                "Montant total 42 000 € (usage 14 000 €, équipement 28 000 €), avance 21 000 €, solde 21 000 €, "
                        + "solde à verser 21 000 €");
        String w = ";2026-08-01;2026-10-31;";
        assertThat(lines(file("P-ATTEINT_2026-10.csv"))).containsExactly(HEADER,
                "PROJET;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";".repeat(14) + "ATTEINTE;14000;28000;42000;21000;21000;21000;",
                "ESSMS;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";".repeat(12) + "ATTEINTE;7000;14000;21000;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";DOSSIERS_ACTIFS" + w + "10;10;0;10;100.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";PROJET_PERSONNALISE" + w + "10;10;0;10;100.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";AGENDA" + w + "9;10;0;10;90.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";MSS" + w + "7;10;0;10;70.0;70;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";DMP" + w + "7;10;0;10;70.0;70;OUI;0;;;;;;;;",
                "ESSMS;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";2;" + A2 + ";".repeat(12) + "ATTEINTE;7000;14000;21000;;;;",
                // 18 / 20 is exactly 90 %: reached.
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";2;" + A2 + ";DOSSIERS_ACTIFS" + w + "18;20;0;20;90.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";2;" + A2 + ";PROJET_PERSONNALISE" + w + "17;18;0;18;94.4;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";2;" + A2 + ";AGENDA" + w + "17;18;0;18;94.4;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";2;" + A2 + ";MSS" + w + "14;20;0;20;70.0;70;OUI;0;;;;;;;;",
                // ANONYMAT (PDS) removes U19 and U20 from the DMP denominator: 13 / 18 = 72.2 %.
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";2;" + A2 + ";DMP" + w + "13;20;2;18;72.2;70;OUI;0;;;;;;;;");
        assertThat(lines(file("P-ATTEINT_2026-10.csv"))).allMatch(l -> l.chars().filter(c -> c == ';').count() == 25);

        String sha = SoldeCsv.sha256(Files.readAllBytes(file("P-ATTEINT_2026-10.csv")));
        assertThat(Files.readString(file("P-ATTEINT_2026-10.sha256"))).isEqualTo(sha + "  P-ATTEINT_2026-10.csv\n");

        try (XSSFWorkbook wb = new XSSFWorkbook(file("P-ATTEINT_2026-10.xlsx").toFile())) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Décision");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("ESSMS");
            assertThat(wb.getSheetAt(2).getSheetName()).isEqualTo("Preuves");
            Sheet decision = wb.getSheet("Décision");
            assertThat(text(decision, "Projet")).isEqualTo("P-ATTEINT");
            assertThat(text(decision, "Intitulé")).isEqualTo("DUI des EHPAD du bassin rennais");
            assertThat(text(decision, "Porteur (FINESS juridique)")).isEqualTo("350000709");
            assertThat(text(decision, "Type de financement")).isEqualTo("Acquisition");
            assertThat(text(decision, "Version des règles")).isEqualTo("2025");
            assertThat(text(decision, "Empreinte des règles (SHA-256)")).isEqualTo(RULES_2025);
            assertThat(text(decision, "Fenêtre des indicateurs DUI")).isEqualTo("3 mois, du 01/08/2026 au 31/10/2026");
            assertThat(text(decision, "Fenêtre MSS et DMP")).isEqualTo("3 mois, du 01/08/2026 au 31/10/2026");
            assertThat(text(decision, "Décision")).isEqualTo("ATTEINTE");
            assertThat(text(decision, "Motif"))
                    .isEqualTo("Les 2 ESSMS du projet atteignent toutes les cibles auxquelles ils sont tenus.");
            assertEuros(decision, "Montant usage", 14_000);
            assertEuros(decision, "Montant équipement logiciel", 28_000);
            assertEuros(decision, "Montant total", 42_000);
            assertEuros(decision, "Avance versée à la convention (50 %)", 21_000);
            assertEuros(decision, "Solde (50 %)", 21_000);
            assertEuros(decision, "Solde à verser au vu de cette mesure", 21_000);

            Row dmp = essmsRow(wb.getSheet("ESSMS"), A2, "DMP");
            assertThat(dmp.getCell(0).getNumericCellValue()).isEqualTo(2);
            assertThat(dmp.getCell(4).getStringCellValue()).isEqualTo("Personnes en difficultés spécifiques");
            assertThat(DateUtil.getLocalDateTime(dmp.getCell(6).getNumericCellValue()).toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 8, 1));
            assertThat(List.of(dmp.getCell(8), dmp.getCell(9), dmp.getCell(10), dmp.getCell(11)))
                    .extracting(Cell::getNumericCellValue).containsExactly(13.0, 20.0, 2.0, 18.0);
            assertThat(dmp.getCell(12).getNumericCellValue()).isEqualTo(0.722);
            assertThat(dmp.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("0.0 %");
            assertThat(dmp.getCell(13).getNumericCellValue()).isEqualTo(0.70);
            assertThat(dmp.getCell(14).getStringCellValue()).isEqualTo("Oui");
            assertThat(dmp.getCell(15).getNumericCellValue()).isZero();
            assertThat(dmp.getCell(16).getStringCellValue()).isEqualTo("ANONYMAT (Personne accompagnée sous "
                    + "anonymat) : 2 personne(s) retirée(s), codes des usagers — réf. Instruction DNS/DGCS/CNSA/2025/40, "
                    + "aménagement du dénominateur DMP");
            assertThat(dmp.getCell(18).getStringCellValue()).isEqualTo("Atteinte");

            Sheet proofs = wb.getSheet("Preuves");
            assertThat(text(proofs, "Empreinte SHA-256 des chiffres")).isEqualTo(sha);
            assertThat(text(proofs, "Fichier des chiffres")).isEqualTo("P-ATTEINT_2026-10.csv");
            assertThat(text(proofs, "Commande")).isEqualTo(COMMAND);
            assertThat(text(proofs, "Version de l'outil")).isEqualTo(VERSION);
            assertThat(text(proofs, "Classeur protégé par mot de passe")).isEqualTo("Non");
            assertThat(packages(proofs)).containsExactly(
                    List.of("logivie-2026-08.zip", SoldeFixture.LOGIVIE_AUGUST.sha256(), "Logivie", "Logivie DUI",
                            "4.2", "350000709", "2026-09-02", A1),
                    List.of("logivie-2026-10.zip", SoldeFixture.LOGIVIE_OCTOBER.sha256(), "Logivie", "Logivie DUI",
                            "4.2", "350000709", "2026-11-03", A1 + ", " + A2));
        }
    }

    @Test
    void aProjectMissingByOneRecordOnOneEssms() throws Exception {
        SoldeLauncher.Summary summary = solde("P-MANQUE", OCTOBER, 3, null);

        assertThat(summary.exitCode()).isZero();
        List<String> csv = lines(file("P-MANQUE_2026-10.csv"));
        // Montée de version: 2 x 5 000 of usage, no equipment; the solde is not payable.
        assertThat(csv.get(1)).isEqualTo("PROJET;P-MANQUE;2026-10;2025;" + RULES_2025 + ";".repeat(14)
                + "NON_ATTEINTE;10000;0;10000;5000;5000;0;");
        assertThat(csv).contains("ESSMS;P-MANQUE;2026-10;2025;" + RULES_2025 + ";2;" + B2 + ";".repeat(12) + "NON_ATTEINTE;5000;0;5000;;;;",
                // 17 / 20 = 85 %: one more active record would give 90 %.
                "INDICATEUR;P-MANQUE;2026-10;2025;" + RULES_2025 + ";2;" + B2
                        + ";DOSSIERS_ACTIFS;2026-08-01;2026-10-31;17;20;0;20;85.0;90;NON;1;;;;;;;;",
                "INDICATEUR;P-MANQUE;2026-10;2025;" + RULES_2025 + ";2;" + B2
                        + ";PROJET_PERSONNALISE;2026-08-01;2026-10-31;17;17;0;17;100.0;90;OUI;0;;;;;;;;");
        assertThat(csv).filteredOn(l -> l.startsWith("ESSMS;")).extracting(l -> l.split(";")[18])
                .containsExactly("ATTEINTE", "NON_ATTEINTE");
        try (XSSFWorkbook wb = new XSSFWorkbook(file("P-MANQUE_2026-10.xlsx").toFile())) {
            Sheet decision = wb.getSheet("Décision");
            assertThat(text(decision, "Décision")).isEqualTo("NON ATTEINTE");
            assertThat(text(decision, "Motif")).isEqualTo("Cibles non atteintes : " + B2
                    + " (Dossiers actifs : manque 1).");
            assertThat(text(decision, "Type de financement")).isEqualTo("Montée de version");
            assertEuros(decision, "Montant équipement logiciel", 0);
            assertEuros(decision, "Solde (50 %)", 5_000);
            assertEuros(decision, "Solde à verser au vu de cette mesure", 0);
            Row da = essmsRow(wb.getSheet("ESSMS"), B2, "Dossiers actifs");
            assertThat(da.getCell(14).getStringCellValue()).isEqualTo("Non");
            assertThat(da.getCell(15).getNumericCellValue()).isEqualTo(1);
        }
        assertThat(summary.lines()).contains("    1  350000204  Atteinte",
                "    2  " + B2 + "  Non atteinte         DOSSIERS_ACTIFS manque 1", "Décision : NON ATTEINTE");
    }

    @Test
    void aPjmEssmsReachesDespiteLowMssAndDmp() throws Exception {
        SoldeLauncher.Summary summary = solde("P-PJM", OCTOBER, 3, null);

        assertThat(summary.exitCode()).isZero();
        List<String> csv = lines(file("P-PJM_2026-10.csv"));
        assertThat(csv).containsExactly(HEADER,
                "PROJET;P-PJM;2026-10;2025;" + RULES_2025 + ";".repeat(14) + "ATTEINTE;7000;14000;21000;10500;10500;10500;",
                "ESSMS;P-PJM;2026-10;2025;" + RULES_2025 + ";1;" + C1 + ";".repeat(12) + "ATTEINTE;7000;14000;21000;;;;",
                "INDICATEUR;P-PJM;2026-10;2025;" + RULES_2025 + ";1;" + C1 + ";DOSSIERS_ACTIFS;2026-08-01;2026-10-31;10;10;0;10;100.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-PJM;2026-10;2025;" + RULES_2025 + ";1;" + C1 + ";PROJET_PERSONNALISE;2026-08-01;2026-10-31;9;10;0;10;90.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-PJM;2026-10;2025;" + RULES_2025 + ";1;" + C1 + ";AGENDA;2026-08-01;2026-10-31;10;10;0;10;100.0;90;OUI;0;;;;;;;;",
                // 1 message for 10 persons, no DMP document: shown, not held to a target.
                "INDICATEUR;P-PJM;2026-10;2025;" + RULES_2025 + ";1;" + C1 + ";MSS;2026-08-01;2026-10-31;1;10;0;10;10.0;;EXEMPTE;0;;;;;;;;",
                "INDICATEUR;P-PJM;2026-10;2025;" + RULES_2025 + ";1;" + C1 + ";DMP;2026-08-01;2026-10-31;0;10;0;10;0.0;;EXEMPTE;0;;;;;;;;");
        try (XSSFWorkbook wb = new XSSFWorkbook(file("P-PJM_2026-10.xlsx").toFile())) {
            assertThat(text(wb.getSheet("Décision"), "Décision")).isEqualTo("ATTEINTE");
            Row mss = essmsRow(wb.getSheet("ESSMS"), C1, "Messagerie sécurisée (MSS)");
            assertThat(mss.getCell(13)).isNull();
            assertThat(mss.getCell(14).getStringCellValue()).isEqualTo("Exempté (PJM)");
            assertThat(mss.getCell(4).getStringCellValue()).isEqualTo("Protection juridique des majeurs");
        }
    }

    @Test
    void anEssmsWithoutDataMakesTheProjectNotReachedAndIsNamed() throws Exception {
        SoldeLauncher.Summary summary = solde("P-TROU", OCTOBER, 3, null);

        assertThat(summary.exitCode()).isZero();
        assertThat(summary.lines()).contains("Décision : NON ATTEINTE — données manquantes",
                "Motif    : Aucune donnée sur les fenêtres finales pour : " + D2 + ".");
        List<String> csv = lines(file("P-TROU_2026-10.csv"));
        assertThat(csv.get(1)).isEqualTo("PROJET;P-TROU;2026-10;2025;" + RULES_2025 + ";".repeat(14)
                + "DONNEES_MANQUANTES;14000;28000;42000;21000;21000;0;");
        assertThat(csv).contains("ESSMS;P-TROU;2026-10;2025;" + RULES_2025 + ";1;" + D1 + ";".repeat(12) + "ATTEINTE;7000;14000;21000;;;;",
                "ESSMS;P-TROU;2026-10;2025;" + RULES_2025 + ";2;" + D2 + ";".repeat(12) + "DONNEES_MANQUANTES;7000;14000;21000;;;;",
                // Its stay ended on 30 June, its record was last updated in May, its message sent on 31 July.
                "INDICATEUR;P-TROU;2026-10;2025;" + RULES_2025 + ";2;" + D2
                        + ";DOSSIERS_ACTIFS;2026-08-01;2026-10-31;0;0;0;0;;90;NC;0;;;;;;;;",
                "INDICATEUR;P-TROU;2026-10;2025;" + RULES_2025 + ";2;" + D2 + ";MSS;2026-08-01;2026-10-31;0;0;0;0;;70;NC;0;;;;;;;;");
        try (XSSFWorkbook wb = new XSSFWorkbook(file("P-TROU_2026-10.xlsx").toFile())) {
            Sheet decision = wb.getSheet("Décision");
            assertThat(text(decision, "Décision")).isEqualTo("NON ATTEINTE — données manquantes");
            assertThat(text(decision, "Motif")).isEqualTo("Aucune donnée sur les fenêtres finales pour : " + D2 + ".");
            Row da = essmsRow(wb.getSheet("ESSMS"), D2, "Dossiers actifs");
            assertThat(da.getCell(12).getStringCellValue()).isEqualTo("NC");
            assertThat(da.getCell(14).getStringCellValue()).isEqualTo("Non calculable (dénominateur nul)");
            assertThat(da.getCell(18).getStringCellValue()).isEqualTo("Données manquantes");
            assertThat(da.getCell(19).getStringCellValue()).isEqualTo("aucune donnée sur la fenêtre finale");
            assertThat(packages(wb.getSheet("Preuves"))).extracting(p -> p.get(0) + " " + p.get(7))
                    .containsExactly("logivie-2026-08.zip " + D2, "mediane-2026-10.zip " + D1);
        }
    }

    @Test
    void aLongerServicesWindowMeasuresMssAndDmpFromItsFirstMonth() throws Exception {
        SoldeLauncher.Summary summary = solde("P-TROU", OCTOBER, 4, null);

        assertThat(summary.exitCode()).isZero();
        List<String> csv = lines(file("P-TROU_2026-10.csv"));
        // July–October for MSS and DMP: D2's message of 31 July counts, but its DUI window is still empty.
        assertThat(csv).contains(
                "INDICATEUR;P-TROU;2026-10;2025;" + RULES_2025 + ";2;" + D2 + ";AGENDA;2026-08-01;2026-10-31;0;0;0;0;;90;NC;0;;;;;;;;",
                "INDICATEUR;P-TROU;2026-10;2025;" + RULES_2025 + ";2;" + D2 + ";MSS;2026-07-01;2026-10-31;1;0;0;0;;70;NC;0;;;;;;;;",
                "INDICATEUR;P-TROU;2026-10;2025;" + RULES_2025 + ";1;" + D1 + ";MSS;2026-07-01;2026-10-31;7;10;0;10;70.0;70;OUI;0;;;;;;;;",
                "ESSMS;P-TROU;2026-10;2025;" + RULES_2025 + ";2;" + D2 + ";".repeat(12) + "DONNEES_MANQUANTES;7000;14000;21000;;;;");
        try (XSSFWorkbook wb = new XSSFWorkbook(file("P-TROU_2026-10.xlsx").toFile())) {
            assertThat(text(wb.getSheet("Décision"), "Fenêtre MSS et DMP")).isEqualTo("4 mois, du 01/07/2026 au 31/10/2026");
            assertThat(essmsRow(wb.getSheet("ESSMS"), D2, "Dossiers actifs").getCell(19).getStringCellValue())
                    .isEqualTo("aucune donnée sur la fenêtre des indicateurs DUI");
        }
    }

    @Test
    void aDuiWindowOtherThanTheRulesOneIsStatedOnTheDecisionSheet() throws Exception {
        SoldeLauncher.Summary summary = launcher.run(new SoldeLauncher.Request("P-ATTEINT", OCTOBER, 2, 3, output,
                COMMAND, VERSION), null);

        assertThat(summary.exitCode()).isZero();
        assertThat(lines(file("P-ATTEINT_2026-10.csv"))).contains(
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1
                        + ";AGENDA;2026-09-01;2026-10-31;9;10;0;10;90.0;90;OUI;0;;;;;;;;",
                "INDICATEUR;P-ATTEINT;2026-10;2025;" + RULES_2025 + ";1;" + A1 + ";MSS;2026-08-01;2026-10-31;7;10;0;10;70.0;70;OUI;0;;;;;;;;");
        try (XSSFWorkbook wb = new XSSFWorkbook(file("P-ATTEINT_2026-10.xlsx").toFile())) {
            assertThat(text(wb.getSheet("Décision"), "Fenêtre des indicateurs DUI")).isEqualTo("2 mois, du "
                    + "01/09/2026 au 31/10/2026 — choisie à la place de la fenêtre des règles 2025 (3 mois)");
        }
    }

    @Test
    void theEncryptedWorkbookOpensWithItsPasswordOnly() throws Exception {
        SoldeLauncher.Summary summary = solde("P-ATTEINT", OCTOBER, 3, "Solde-2026!");

        assertThat(summary.exitCode()).isZero();
        Path workbook = file("P-ATTEINT_2026-10.xlsx");
        assertThatThrownBy(() -> WorkbookFactory.create(workbook.toFile()).close())
                .isInstanceOf(EncryptedDocumentException.class);
        try (POIFSFileSystem fs = new POIFSFileSystem(workbook.toFile(), true)) {
            EncryptionInfo info = new EncryptionInfo(fs);
            assertThat(info.getEncryptionMode()).isEqualTo(EncryptionMode.agile);
            Decryptor decryptor = Decryptor.getInstance(info);
            assertThat(decryptor.verifyPassword("solde-2026!")).isFalse();
            assertThat(decryptor.verifyPassword("Solde-2026!")).isTrue();
            try (InputStream in = decryptor.getDataStream(fs); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(text(wb.getSheet("Décision"), "Décision")).isEqualTo("ATTEINTE");
                assertThat(text(wb.getSheet("Preuves"), "Classeur protégé par mot de passe")).isEqualTo("Oui");
            }
        }
        // The password is kept in no job parameter.
        assertThat(summary.lines()).noneMatch(l -> l.contains("Solde-2026!"));
        // The figures do not depend on the encryption.
        assertThat(Files.readString(file("P-ATTEINT_2026-10.sha256")))
                .startsWith(SoldeCsv.sha256(Files.readAllBytes(file("P-ATTEINT_2026-10.csv"))));
    }

    @Test
    void runningAgainGivesTheSameFiguresByteForByte() throws Exception {
        solde("P-ATTEINT", OCTOBER, 3, null);
        byte[] first = Files.readAllBytes(file("P-ATTEINT_2026-10.csv"));
        String firstSha = Files.readString(file("P-ATTEINT_2026-10.sha256"));

        SoldeLauncher.Summary again = solde("P-ATTEINT", OCTOBER, 3, null);

        assertThat(again.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllBytes(file("P-ATTEINT_2026-10.csv"))).isEqualTo(first);
        assertThat(Files.readString(file("P-ATTEINT_2026-10.sha256"))).isEqualTo(firstSha);
        assertThat(fileNames()).containsExactly("P-ATTEINT_2026-10.csv", "P-ATTEINT_2026-10.sha256",
                "P-ATTEINT_2026-10.xlsx");
    }

    @Test
    void requestsThatCannotBeServedAreRefusedAndWriteNothing() throws Exception {
        SoldeLauncher.Summary unknown = solde("P-INCONNU", OCTOBER, 3, null);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.refusal()).isEqualTo("projet inconnu : P-INCONNU n'est pas dans le référentiel chargé "
                + "par le dernier executer (projets connus : P-ATTEINT, P-MANQUE, P-PJM, P-TROU, P-VIDE)");

        SoldeLauncher.Summary empty = solde("P-VIDE", OCTOBER, 3, null);
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.refusal())
                .isEqualTo("le projet P-VIDE n'a aucun ESSMS dans le référentiel (essms.csv) : pas de solde à établir");

        // Every stay began in January 2026: nothing at all in April–June 2025.
        SoldeLauncher.Summary noData = solde("P-ATTEINT", YearMonth.of(2025, 6), 3, null);
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.refusal()).isEqualTo("aucune donnée en base pour les 2 ESSMS du projet P-ATTEINT sur la "
                + "fenêtre du 01/04/2025 au 30/06/2025 (ni séjour, ni mise à jour de dossier, ni événement d'agenda, "
                + "ni message MSS, ni document DMP) : vérifiez le mois, ou ingérez d'abord les exports avec la "
                + "commande executer");

        assertThat(output.resolve("solde")).doesNotExist();
    }

    @Test
    void aFailureWhileWritingLeavesNoPartialProof() throws Exception {
        // The workbook's name is taken by a folder: nothing may be moved into place.
        Files.createDirectories(file("P-ATTEINT_2026-10.xlsx").resolve("occupé"));

        SoldeLauncher.Summary failed = solde("P-ATTEINT", OCTOBER, 3, null);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.failure()).contains("P-ATTEINT_2026-10.xlsx est un dossier");
        assertThat(fileNames()).containsExactly("P-ATTEINT_2026-10.xlsx");
    }

    // ---- Helpers -------------------------------------------------------------------------------------------

    List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(output.resolve("solde"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The value beside a label in column A. */
    static String text(Sheet sheet, String label) {
        Row row = labelled(sheet, label);
        return row.getCell(1).getStringCellValue();
    }

    static void assertEuros(Sheet sheet, String label, long amount) {
        Cell cell = labelled(sheet, label).getCell(1);
        assertThat(cell.getNumericCellValue()).isEqualTo(amount);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(EUROS);
    }

    static Row labelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("pas de ligne « " + label + " » dans " + sheet.getSheetName());
    }

    static Row essmsRow(Sheet sheet, String finess, String indicator) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().equals(finess)
                    && row.getCell(5).getStringCellValue().equals(indicator)) {
                return row;
            }
        }
        throw new AssertionError("pas de ligne " + finess + " " + indicator);
    }

    /** Name, SHA-256, editor, software, version, FINESS EJ, extraction date and ESSMS fed of each package. */
    static List<List<String>> packages(Sheet proofs) {
        List<List<String>> packages = new ArrayList<>();
        boolean inTable = false;
        for (Row row : proofs) {
            Cell first = row.getCell(0);
            if (inTable && first != null) {
                packages.add(List.of(first.getStringCellValue(), row.getCell(1).getStringCellValue(),
                        row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue(),
                        row.getCell(4).getStringCellValue(), row.getCell(5).getStringCellValue(),
                        DateUtil.getLocalDateTime(row.getCell(6).getNumericCellValue()).toLocalDate().toString(),
                        row.getCell(10).getStringCellValue()));
            }
            if (first != null && "Paquet".equals(first.getStringCellValue())) {
                inTable = true;
            }
        }
        return packages;
    }
}
