package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.referential.RulesLoader;
import fr.esms.indicateurs.rules.RulesLibrary;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code executer} on {@code sample-data/} with the rules: PRJ-ARA-2025-014 is measured under 2022 (its line says
 * so), PRJ-ARA-2025-031 under 2025 (its convention date); every output names the version and the fingerprint; a
 * wrong rules file or an unknown version ends the command with exit 2 and nothing computed.
 */
class ExecuterRulesTest {

    static final Path SAMPLE = Path.of("sample-data");
    static final RulesLibrary BUILT_IN = new RulesLoader().builtIn();
    static final String FP_2022 = BUILT_IN.find("2022").orElseThrow().fingerprint();
    static final String FP_2025 = BUILT_IN.find("2025").orElseThrow().fingerprint();

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    private final String base = "jdbc:h2:mem:regles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    Run executer(Path referential, String... options) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("executer", "--depot", SAMPLE.resolve("depot").toString(),
                "--referentiel", referential.toString(), "--mois", "2026-10", "--sortie",
                temp.resolve("sortie").toString(), "--base", base));
        args.addAll(List.of(options));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyOutputStatesTheVersionAndTheFingerprintOfEachEssms() throws Exception {
        Run run = executer(SAMPLE.resolve("referentiel"));

        assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
        assertThat(run.out()).contains("Règles : versions intégrées — 2022 (en vigueur du 2022-03-15, empreinte "
                + FP_2022.substring(0, 12) + ") 2025 (en vigueur du 2025-04-16, empreinte "
                + FP_2025.substring(0, 12) + ")");
        Path out = temp.resolve("sortie");
        assertThat(Files.readAllLines(out.resolve("indicateurs/2026-10.regles.csv"), StandardCharsets.UTF_8))
                .containsExactly("finess;version_regles;empreinte_regles",
                        "010783157;2022;" + FP_2022,
                        "380789230;2022;" + FP_2022,
                        "420781569;2025;" + FP_2025,
                        "430786400;2025;" + FP_2025,
                        "690784129;2022;" + FP_2022,
                        "730783313;2025;" + FP_2025);
        // The contract's file keeps its columns.
        assertThat(Files.readAllLines(out.resolve("indicateurs/2026-10.csv")).get(0)).isEqualTo("finess;mois;"
                + "fenetre_mois;indicateur;numerateur;denominateur_brut;ajustement;denominateur;taux;cible;atteinte;"
                + "manque");
        try (var connection = DriverManager.getConnection(base, "sa", "");
             ResultSet rs = connection.createStatement().executeQuery("SELECT DISTINCT finess, version_regles, "
                     + "empreinte_regles FROM resultat WHERE finess IN ('690784129', '430786400') ORDER BY finess")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + ";" + rs.getString(2) + ";" + rs.getString(3));
            }
            assertThat(rows).containsExactly("430786400;2025;" + FP_2025, "690784129;2022;" + FP_2022);
        }
        try (Workbook ehpad = open(out.resolve("rapports/PRJ-ARA-2025-014/690784129_2026-10.xlsx"))) {
            assertThat(valueAfter(ehpad.getSheet("Synthèse"), "Version des règles"))
                    .isEqualTo("2022 (empreinte SHA-256 des fichiers de règles : " + FP_2022 + ")");
        }
        try (Workbook regional = open(out.resolve("ars/synthese_2026-10.xlsx"))) {
            assertThat(valueAfter(regional.getSheet("Synthèse"), "Version des règles"))
                    .isEqualTo("2022 (empreinte SHA-256 des fichiers de règles : " + FP_2022 + ") ; "
                            + "2025 (empreinte SHA-256 des fichiers de règles : " + FP_2025 + ")");
        }
    }

    @Test
    void aWrongRulesFileEndsTheCommandBeforeAnythingIsComputed() throws Exception {
        Path rules = copyOfBuiltInRules();
        Path montants = rules.resolve("2025/montants.csv");
        Files.writeString(montants, Files.readString(montants).replace("MONTEE_VERSION;1;;5000;0",
                "MONTEE_VERSION;1;;5 000 €;0"));

        Run run = executer(SAMPLE.resolve("referentiel"), "--regles", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERREUR : règles : fichier " + rules + "/2025/montants.csv, ligne 4, colonne "
                + "« usage » : « 5 000 € » n'est pas un nombre entier (montant en euros, sans espace ni décimale)",
                "Rien n'a été calculé.");
        assertThat(temp.resolve("sortie")).doesNotExist();
    }

    @Test
    void aProjectNamingAnUnknownVersionEndsTheCommandBeforeAnythingIsComputed() throws Exception {
        Path referential = Files.createDirectories(temp.resolve("referentiel"));
        for (String name : List.of("essms.csv", "amenagements.csv")) {
            Files.copy(SAMPLE.resolve("referentiel").resolve(name), referential.resolve(name));
        }
        Files.writeString(referential.resolve("projets.csv"), Files.readString(SAMPLE.resolve(
                "referentiel/projets.csv")).replace(";2027-05-31;2022;OUI", ";2027-05-31;2021;OUI"));

        Run run = executer(referential);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERREUR : référentiel : fichier projets.csv, ligne 2, colonne "
                + "« version_regles » : version de règles « 2021 » inconnue (versions connues : 2022, 2025)");
        assertThat(temp.resolve("sortie")).doesNotExist();
    }

    @Test
    void anArsFolderGivesItsOwnFingerprint() throws Exception {
        Path rules = copyOfBuiltInRules();
        Path catalogue = rules.resolve("2025/catalogue-amenagements.csv");
        Files.writeString(catalogue, Files.readString(catalogue)
                + "HOSPITALISATION_LONGUE;Hospitalisation de plus de 30 jours;DOSSIERS_ACTIFS;;PA;2026-01-01;;"
                + "Décision nationale DNS/2026/17\n");
        String arsFingerprint = new RulesLoader().load(rules).find("2025").orElseThrow().fingerprint();

        Run run = executer(SAMPLE.resolve("referentiel"), "--regles", rules.toString());

        assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
        assertThat(arsFingerprint).isNotEqualTo(FP_2025);
        assertThat(Files.readAllLines(temp.resolve("sortie/indicateurs/2026-10.regles.csv")))
                .contains("420781569;2025;" + arsFingerprint, "690784129;2022;" + FP_2022);
    }

    private Path copyOfBuiltInRules() throws Exception {
        Path target = temp.resolve("regles-ars");
        Path source = Path.of("src/main/resources/regles");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path copy = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else if (!f.getFileName().toString().equals("versions.txt")) {
                    Files.copy(f, copy);
                }
            }
        }
        return target;
    }

    private static Workbook open(Path file) throws Exception {
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    private static String valueAfter(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && label.equals(first.toString())) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("« " + label + " » absent de la feuille " + sheet.getSheetName());
    }
}
