package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.report.RegionalWorkbookWriter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three months computed one after the other on one base: the October workbooks carry an estimate from the three
 * one-month windows, and the figures of the output contract are those of a run without history.
 */
class EarlyWarningPipelineTest {

    @TempDir
    Path work;

    private static int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(err.toString()).isIn(0, 3);
        return code;
    }

    private void execute(String month, String base, Path output) {
        run("executer", "--depot", work.resolve("data/depot").toString(), "--referentiel",
                work.resolve("data/referentiel").toString(), "--mois", month, "--sortie", output.toString(),
                "--base", "jdbc:h2:file:" + work.resolve(base));
    }

    @Test
    void october_after_august_and_september_has_a_trend_and_the_same_figures() throws Exception {
        run("generer", "--essms", "6", "--mois", "2026-10", "--nombre-mois", "3", "--departements", "35",
                "--sortie", work.resolve("data").toString());
        Path output = work.resolve("sortie");
        for (String month : List.of("2026-08", "2026-09", "2026-10")) {
            execute(month, "base/esms", output);
        }
        Path alone = work.resolve("seul");
        execute("2026-10", "seul/esms", alone);
        assertThat(Files.readAllLines(output.resolve("indicateurs/2026-10.csv")))
                .isEqualTo(Files.readAllLines(alone.resolve("indicateurs/2026-10.csv")));

        try (InputStream in = Files.newInputStream(output.resolve("ars/synthese_2026-10.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(RegionalWorkbookWriter.PROJETS_A_RISQUE);
            long projects = 0;
            for (String label : List.of("à risque", "données insuffisantes", "en bonne voie", "cible atteinte")) {
                projects += (long) row(sheet, "Projets « " + label + " »").getCell(1).getNumericCellValue();
            }
            assertThat(projects).isEqualTo(1); // the generator puts 20 ESSMS in a project
            assertThat(row(sheet, "Projets « données insuffisantes »").getCell(1).getNumericCellValue()).isZero();
        }
        try (Stream<Path> files = Files.walk(output.resolve("rapports"))) {
            List<Path> workbooks = files.filter(f -> f.toString().endsWith("_2026-10.xlsx")).toList();
            assertThat(workbooks).hasSize(6);
            for (Path file : workbooks) {
                try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    Sheet synthesis = wb.getSheet("Synthèse");
                    assertThat(row(synthesis, "Classe de l'ESSMS").getCell(1).getStringCellValue())
                            .isIn("à risque", "en bonne voie", "cible atteinte");
                    assertThat(row(synthesis, "Fin de déploiement du projet").getCell(1).getStringCellValue())
                            .isEqualTo("juin 2027");
                    assertThat(row(wb.getSheet("Historique"), "juin 2027 (estimation)")).isNotNull();
                }
            }
        }
    }

    private static Row row(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && first.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }
}
