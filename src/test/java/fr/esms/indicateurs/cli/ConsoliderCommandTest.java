package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.report.NationalWorkbookWriter;
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
import static org.assertj.core.api.Assertions.within;

/**
 * Two regions generated with {@code generer} (Bretagne: 35, 22; PACA: 13, 84), computed with {@code executer},
 * then consolidated: the national workbook's totals are the sums of the two regional files.
 */
class ConsoliderCommandTest {

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

    /** Generates and computes one region; returns its output folder. */
    private Path region(String name, String departements, String seed) {
        Path root = work.resolve(name);
        Run generated = run("generer", "--essms", "12", "--mois", "2026-10", "--departements", departements,
                "--graine", seed, "--sortie", root.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Run computed = run("executer", "--depot", root.resolve("depot").toString(), "--referentiel",
                root.resolve("referentiel").toString(), "--mois", "2026-10", "--sortie",
                root.resolve("sortie").toString(), "--base", "jdbc:h2:file:" + root.resolve("base/esms"));
        assertThat(computed.exitCode()).as(computed.err()).isIn(0, 3);
        return root.resolve("sortie");
    }

    /** Sums of a contract file, computed here from its lines. */
    record Sums(int essms, long duiActifs, long activeHeld, long activeReached, long activeNum, long activeDen) {
        static Sums of(Path file, String departementPrefix) throws Exception {
            List<String[]> rows;
            try (Stream<String> lines = Files.lines(file)) {
                rows = lines.skip(1).map(l -> l.split(";", -1))
                        .filter(c -> departementPrefix == null || c[0].startsWith(departementPrefix)).toList();
            }
            List<String[]> active = rows.stream().filter(c -> c[3].equals("DOSSIERS_ACTIFS")).toList();
            return new Sums((int) rows.stream().map(c -> c[0]).distinct().count(),
                    active.stream().mapToLong(c -> Long.parseLong(c[4])).sum(),
                    active.stream().filter(c -> List.of("OUI", "NON", "NC").contains(c[10])).count(),
                    active.stream().filter(c -> c[10].equals("OUI")).count(),
                    active.stream().filter(c -> List.of("OUI", "NON").contains(c[10]) && !c[7].equals("0"))
                            .mapToLong(c -> Long.parseLong(c[4])).sum(),
                    active.stream().filter(c -> List.of("OUI", "NON").contains(c[10]) && !c[7].equals("0"))
                            .mapToLong(c -> Long.parseLong(c[7])).sum());
        }
    }

    @Test
    void two_generated_regions_add_up_and_an_overlap_or_another_window_is_handled() throws Exception {
        Path bretagne = region("bretagne", "35,22", "1");
        Path paca = region("paca", "13,84", "2");
        Sums b = Sums.of(bretagne.resolve("indicateurs/2026-10.csv"), null);
        Sums p = Sums.of(paca.resolve("indicateurs/2026-10.csv"), null);
        assertThat(b.essms()).isEqualTo(12);
        assertThat(b.duiActifs()).isPositive();

        Run consolidated = run("consolider", "--entree", bretagne.toString(), "--entree", paca.toString(),
                "--mois", "2026-10", "--sortie", work.resolve("national").toString());
        assertThat(consolidated.exitCode()).as(consolidated.err()).isZero();
        assertThat(consolidated.out()).contains("Consolidé : 24 ESSMS de 2 installation(s), 0 présent(s) dans"
                + " plusieurs entrées (comptés une fois), " + (b.duiActifs() + p.duiActifs()) + " DUI actifs");
        Path file = work.resolve("national/national/consolidation_2026-10.xlsx");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet(NationalWorkbookWriter.SYNTHESE);
            assertThat(row(summary, "DUI actifs (total national)").getCell(1).getNumericCellValue())
                    .isEqualTo(b.duiActifs() + p.duiActifs());
            assertThat(row(summary, "ESSMS comptés").getCell(1).getNumericCellValue()).isEqualTo(24);
            assertThat(row(summary, bretagne.toString()).getCell(1).getStringCellValue())
                    .isEqualTo("indicateurs/2026-10.csv");
            assertThat(row(summary, bretagne.toString()).getCell(2).getStringCellValue()).isEqualTo("non clôturé");
            Row active = row(summary, "Dossiers actifs");
            assertThat(active.getCell(2).getNumericCellValue()).isEqualTo(b.activeHeld() + p.activeHeld());
            assertThat(active.getCell(3).getNumericCellValue()).isEqualTo(b.activeReached() + p.activeReached());
            assertThat(active.getCell(5).getNumericCellValue()).isCloseTo((double) (b.activeNum() + p.activeNum())
                    / (b.activeDen() + p.activeDen()), within(1e-12));
            assertThat(active.getCell(7).getNumericCellValue()).isEqualTo(b.activeNum() + p.activeNum());
            assertThat(active.getCell(8).getNumericCellValue()).isEqualTo(b.activeDen() + p.activeDen());

            Sheet regions = wb.getSheet(NationalWorkbookWriter.REGIONS);
            Row bzh = row(regions, "Bretagne");
            assertThat(bzh.getCell(1).getNumericCellValue()).isEqualTo(12);
            assertThat(bzh.getCell(2).getNumericCellValue()).isEqualTo(b.duiActifs());
            assertThat(bzh.getCell(3).getNumericCellValue()).isEqualTo(b.activeHeld());
            assertThat(bzh.getCell(5).getNumericCellValue()).isCloseTo((double) b.activeNum() / b.activeDen(),
                    within(1e-12));
            Row sud = row(regions, "Provence-Alpes-Côte d'Azur");
            assertThat(sud.getCell(2).getNumericCellValue()).isEqualTo(p.duiActifs());
            assertThat(row(regions, "Total national").getCell(2).getNumericCellValue())
                    .isEqualTo(b.duiActifs() + p.duiActifs());
            assertThat(wb.getSheet(NationalWorkbookWriter.DOUBLONS)).isNotNull();
        }

        // Bretagne given twice: every ESSMS reported, none counted twice
        Run twice = run("consolider", "--entree", bretagne.toString(), "--entree", paca.toString(), "--entree",
                bretagne.toString(), "--mois", "2026-10", "--sortie", work.resolve("twice").toString());
        assertThat(twice.exitCode()).as(twice.err()).isZero();
        assertThat(twice.out()).contains("Consolidé : 24 ESSMS de 3 installation(s), 12 présent(s) dans plusieurs"
                + " entrées (comptés une fois), " + (b.duiActifs() + p.duiActifs()) + " DUI actifs");

        // the PACA figures rewritten as a three-month window: refused
        Path other = work.resolve("paca/sortie/indicateurs/2026-10.csv");
        List<String> lines = Files.readAllLines(other).stream()
                .map(l -> l.replaceFirst("^([^;]*;2026-10;)1;", "$13;")).toList();
        Files.write(other, lines);
        Run refused = run("consolider", "--entree", bretagne.toString(), "--entree", paca.toString(),
                "--mois", "2026-10", "--sortie", work.resolve("refused").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("ERREUR : fenêtres différentes, consolidation refusée : "
                + bretagne + " (1 mois), " + paca + " (3 mois)");
        assertThat(work.resolve("refused/national")).doesNotExist();
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
