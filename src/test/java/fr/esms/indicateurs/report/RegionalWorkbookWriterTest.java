package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Sector;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static fr.esms.indicateurs.report.ReportFixtures.CLOCK;
import static fr.esms.indicateurs.report.ReportFixtures.MONTH;
import static fr.esms.indicateurs.report.ReportFixtures.finess;
import static fr.esms.indicateurs.report.ReportFixtures.identity;
import static fr.esms.indicateurs.report.ReportFixtures.measure;
import static fr.esms.indicateurs.report.Workbooks.column;
import static fr.esms.indicateurs.report.Workbooks.fill;
import static fr.esms.indicateurs.report.Workbooks.format;
import static fr.esms.indicateurs.report.Workbooks.open;
import static fr.esms.indicateurs.report.Workbooks.rowWith;
import static fr.esms.indicateurs.report.Workbooks.rowsAfter;
import static fr.esms.indicateurs.report.Workbooks.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegionalWorkbookWriterTest {

    static final String A = finess("35", 1);
    static final String B = finess("35", 2);
    static final String C = finess("56", 3);
    static final String D = finess("56", 4);
    static final String E = finess("29", 5);
    static final String F = finess("35", 6);
    static final LocalDate LATE_AFTER = RegionalReport.deadline(MONTH, 10);

    @TempDir
    Path out;

    private final RegionalWorkbookWriter writer = new RegionalWorkbookWriter(CLOCK);

    /**
     * A: all reached. B: MSS and DMP missed, export late. C: all reached. D: no data. E: PJM, services exempted,
     * all reached. F: outside any project, everything missed.
     */
    private static RegionalReport report() {
        List<RegionalRow> rows = List.of(
                new RegionalRow(identity(A, "EHPAD Les Tilleuls", "500", "35", "P1", "Alpha"),
                        measure(A, Sector.PA, MONTH, 100, 95, 90, 90, 80, 75), LocalDate.of(2025, 4, 5),
                        FigureSource.aggregates("alpha_agregats_2025-03")),
                new RegionalRow(identity(B, "EHPAD Le Verger", "500", "35", "P1", "Alpha"),
                        measure(B, Sector.PA, MONTH, 50, 48, 45, 44, 10, 5), LocalDate.of(2025, 4, 20)),
                new RegionalRow(identity(C, "IME Les Sources", "183", "56", "P2", "Beta"),
                        measure(C, Sector.PH, MONTH, 20, 19, 18, 18, 15, 14), LocalDate.of(2025, 4, 2)),
                new RegionalRow(identity(D, "ESAT de l'Odet", "246", "56", "P2", "Beta"), null, null,
                        FigureSource.none()),
                new RegionalRow(identity(E, "Service mandataire du Finistère", "340", "29", "P2", "Gamma"),
                        measure(E, Sector.PJM, MONTH, 30, 30, 28, 28, 0, 0), LocalDate.of(2025, 4, 1)),
                new RegionalRow(identity(F, "SAAD Rennes Est", "354", "35", null, "Beta"),
                        measure(F, Sector.DOM, MONTH, 10, 5, 1, 1, 1, 0), LocalDate.of(2025, 4, 8)));
        List<ProjectInfo> projects = List.of(
                new ProjectInfo("P1", "DUI des EHPAD bretilliens", "350000014", "ACQUISITION",
                        LocalDate.of(2024, 9, 1), LocalDate.of(2025, 12, 31)),
                new ProjectInfo("P2", "Montée de version Beta", "560000011", "MONTEE_VERSION",
                        LocalDate.of(2024, 10, 1), LocalDate.of(2026, 3, 31)),
                new ProjectInfo("P3", "Projet sans ESSMS", "290000017", "ACQUISITION", null, null));
        return new RegionalReport(MONTH, 1, rows, projects, LATE_AFTER);
    }

    @Test
    void writesUnderArsWithTheMonth() throws IOException {
        Path file = writer.write(report(), out);
        assertThat(file).isEqualTo(out.toAbsolutePath().resolve("ars/synthese_2025-03.xlsx")).isRegularFile();
        try (XSSFWorkbook wb = open(file)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Synthèse", "ESSMS", "Projets", "Projets à risque", "Départements", "Secteurs",
                    "Éditeurs", "Complétude");
            assertThat(Workbooks.formulaCells(wb)).isEmpty();
            for (String name : names) {
                XSSFSheet sheet = wb.getSheet(name);
                assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
            }
        }
    }

    @Test
    void summaryShowsTheRegionalTotalOfActiveDuiRecords() throws IOException {
        try (XSSFWorkbook wb = open(writer.write(report(), out))) {
            XSSFSheet sheet = wb.getSheet("Synthèse");
            Row dui = rowWith(sheet, "DUI actifs dans la région");
            assertThat(dui.getRowNum()).isLessThan(5); // at the top of the first sheet
            assertThat(dui.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(dui.getCell(1).getNumericCellValue()).isEqualTo(95 + 48 + 19 + 30 + 5);
            assertThat(format(dui.getCell(1))).isEqualTo("#,##0");
            assertThat(number(sheet, "ESSMS du référentiel")).isEqualTo(6);
            assertThat(number(sheet, "ESSMS avec des données pour le mois")).isEqualTo(5);
            assertThat(number(sheet, "ESSMS sans données pour le mois")).isEqualTo(1);
            assertThat(number(sheet, "Exports arrivés après le 10/04/2025")).isEqualTo(1);
            assertThat(number(sheet, "ESSMS atteignant toutes leurs cibles")).isEqualTo(3);
            Cell deadline = rowWith(sheet, "Exports attendus au plus tard le").getCell(1);
            assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LATE_AFTER);

            int from = rowWith(sheet, "Indicateur").getRowNum();
            Row mss = rowWith(sheet, 0, "Messagerie sécurisée (MSSanté)", from);
            assertThat(mss.getCell(1).getNumericCellValue()).isEqualTo(0.7);
            assertThat(mss.getCell(2).getNumericCellValue()).isEqualTo(4); // A, B, C, F held; E exempted
            assertThat(mss.getCell(3).getNumericCellValue()).isEqualTo(2); // A, C
            assertThat(mss.getCell(4).getNumericCellValue()).isEqualTo(0.5);
            assertThat(mss.getCell(5).getNumericCellValue()).isCloseTo((0.8 + 0.2 + 0.75 + 0.1) / 4, within(1e-9));
            assertThat(fill(mss.getCell(5))).isEqualTo(Legend.Band.FAR.fillRgb());
            assertThat(mss.getCell(7).getNumericCellValue()).isEqualTo(1);
            for (Legend.Band band : Legend.Band.values()) {
                assertThat(fill(rowWith(sheet, band.colourName()).getCell(0))).isEqualTo(band.fillRgb());
            }
        }
    }

    @Test
    void essmsSheetStatesWhereEachEssmsFiguresComeFrom() throws IOException {
        try (XSSFWorkbook wb = open(writer.write(report(), out))) {
            XSSFSheet sheet = wb.getSheet("ESSMS");
            Row header = rowWith(sheet, "FINESS");
            int source = column(header, "Source des chiffres");
            assertThat(source).isEqualTo(header.getLastCellNum() - 1);
            assertThat(string(rowWith(sheet, A).getCell(source)))
                    .isEqualTo("Comptages agrégés de l'éditeur (agregats.csv, paquet alpha_agregats_2025-03)");
            assertThat(string(rowWith(sheet, D).getCell(source))).isEqualTo("Aucune donnée");
            assertThat(rowWith(sheet, B).getCell(source)).isNull(); // source unknown: left empty
        }
    }

    @Test
    void essmsSheetHasOneFilterableRowPerEssmsOfTheReferential() throws IOException {
        try (XSSFWorkbook wb = open(writer.write(report(), out))) {
            XSSFSheet sheet = wb.getSheet("ESSMS");
            Row header = rowWith(sheet, "FINESS");
            assertThat(header.getRowNum()).isEqualTo(3);
            List<Row> rows = rowsAfter(sheet, header.getRowNum());
            assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue())
                    .containsExactly(E, A, B, F, C, D); // sorted by FINESS

            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:AF10"); // last column: « Source des chiffres »
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 4);
            assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 2);
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(3);

            int mssRate = column(header, "MSSanté : taux");
            int mssAttainment = column(header, "MSSanté : atteinte");
            int mssGap = column(header, "MSSanté : manque");
            Row b = rows.get(2);
            assertThat(b.getCell(column(header, "Raison sociale")).getStringCellValue()).isEqualTo("EHPAD Le Verger");
            assertThat(b.getCell(column(header, "Secteur")).getStringCellValue()).isEqualTo("Personnes âgées (PA)");
            assertThat(b.getCell(mssRate).getNumericCellValue()).isEqualTo(0.2);
            assertThat(format(b.getCell(mssRate))).isEqualTo("0.0 %");
            assertThat(fill(b.getCell(mssRate))).isEqualTo(Legend.Band.FAR.fillRgb());
            assertThat(b.getCell(mssAttainment).getStringCellValue()).isEqualTo("Non");
            assertThat(b.getCell(mssGap).getNumericCellValue()).isEqualTo(25);
            assertThat(b.getCell(column(header, "Export en retard")).getStringCellValue()).isEqualTo("Oui");
            Cell received = b.getCell(column(header, "Dernier export reçu le"));
            assertThat(format(received)).isEqualTo("dd/mm/yyyy");
            assertThat(received.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 20));
            assertThat(b.getCell(column(header, "DUI actifs")).getNumericCellValue()).isEqualTo(48);
            assertThat(b.getCell(column(header, "Toutes les cibles atteintes")).getStringCellValue()).isEqualTo("Non");

            Row a = rows.get(1);
            assertThat(fill(a.getCell(column(header, "Dossiers actifs : taux")))).isEqualTo(Legend.Band.REACHED.fillRgb());
            assertThat(a.getCell(column(header, "Export en retard")).getStringCellValue()).isEqualTo("Non");
            Row e = rows.get(0);
            assertThat(e.getCell(mssAttainment).getStringCellValue()).isEqualTo("Exempté");
            assertThat(fill(e.getCell(mssRate))).isEqualTo(Legend.Band.NEUTRAL.fillRgb());

            Row d = rows.get(5);
            assertThat(d.getCell(column(header, "Données du mois")).getStringCellValue()).isEqualTo("Non");
            assertThat(d.getCell(column(header, "Toutes les cibles atteintes")).getStringCellValue())
                    .isEqualTo("Sans données");
            assertThat(d.getCell(mssRate)).isNull();
        }
    }

    @Test
    void projectsSheetSaysWhichEssmsMissWhichTarget() throws IOException {
        try (XSSFWorkbook wb = open(writer.write(report(), out))) {
            XSSFSheet sheet = wb.getSheet("Projets");
            Row header = rowWith(sheet, "Projet");
            Row p1 = rowWith(sheet, 0, "P1", header.getRowNum());
            assertThat(p1.getCell(1).getStringCellValue()).isEqualTo("DUI des EHPAD bretilliens");
            assertThat(p1.getCell(3).getStringCellValue()).isEqualTo("ACQUISITION");
            assertThat(p1.getCell(column(header, "ESSMS")).getNumericCellValue()).isEqualTo(2);
            assertThat(p1.getCell(column(header, "Atteignent toutes leurs cibles")).getNumericCellValue()).isEqualTo(1);
            assertThat(p1.getCell(column(header, "Toutes les ESSMS atteignent leurs cibles")).getStringCellValue())
                    .isEqualTo("Non");
            assertThat(p1.getCell(column(header, "Cibles non atteintes (nombre d'ESSMS)")).getStringCellValue())
                    .isEqualTo("MSSanté : 1 ; DMP : 1");
            assertThat(p1.getCell(column(header, "ESSMS n'atteignant pas toutes leurs cibles")).getStringCellValue())
                    .isEqualTo(B + " EHPAD Le Verger : MSSanté, DMP");

            Row p2 = rowWith(sheet, 0, "P2", header.getRowNum());
            assertThat(p2.getCell(column(header, "ESSMS")).getNumericCellValue()).isEqualTo(3);
            assertThat(p2.getCell(column(header, "Avec données")).getNumericCellValue()).isEqualTo(2);
            assertThat(p2.getCell(column(header, "Cibles non atteintes (nombre d'ESSMS)")).getStringCellValue())
                    .isEqualTo("sans données : 1");
            assertThat(p2.getCell(column(header, "ESSMS n'atteignant pas toutes leurs cibles")).getStringCellValue())
                    .isEqualTo(D + " ESAT de l'Odet : sans données");

            Row p3 = rowWith(sheet, 0, "P3", header.getRowNum());
            assertThat(p3.getCell(column(header, "ESSMS")).getNumericCellValue()).isZero();
            Row none = rowWith(sheet, 0, "(sans projet)", header.getRowNum());
            assertThat(none.getCell(column(header, "ESSMS n'atteignant pas toutes leurs cibles")).getStringCellValue())
                    .startsWith(F + " SAAD Rennes Est : Dossiers actifs, Projet personnalisé, Agenda, MSSanté, DMP");
        }
    }

    @Test
    void groupSheetsCountPerSectorDepartementAndEditor() throws IOException {
        try (XSSFWorkbook wb = open(writer.write(report(), out))) {
            XSSFSheet sectors = wb.getSheet("Secteurs");
            Row pa = rowWith(sectors, "Personnes âgées (PA)");
            assertThat(counts(pa)).containsExactly(2, 2, 0, 1, 1);
            Row ph = rowWith(sectors, "Personnes handicapées (PH)");
            assertThat(counts(ph)).containsExactly(2, 1, 1, 0, 1);
            assertThat(counts(rowWith(sectors, "Protection juridique des majeurs (PJM)"))).containsExactly(1, 1, 0, 0, 1);
            assertThat(counts(rowWith(sectors, "Domicile (DOM)"))).containsExactly(1, 1, 0, 0, 0);
            Row total = rowWith(sectors, "Total région");
            assertThat(counts(total)).containsExactly(6, 5, 1, 1, 3);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(197);

            XSSFSheet departements = wb.getSheet("Départements");
            assertThat(counts(rowWith(departements, "35"))).containsExactly(3, 3, 0, 1, 1);
            assertThat(counts(rowWith(departements, "56"))).containsExactly(2, 1, 1, 0, 1);
            assertThat(counts(rowWith(departements, "29"))).containsExactly(1, 1, 0, 0, 1);
            assertThat(rowWith(departements, "35").getCell(7).getNumericCellValue()).isEqualTo(95 + 48 + 5);

            XSSFSheet editors = wb.getSheet("Éditeurs");
            Row header = editors.getRow(4);
            assertThat(editors.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Éditeur");
            assertThat(editors.getRow(3).getCell(17).getStringCellValue()).isEqualTo("MSSanté");
            assertThat(header.getCell(17).getStringCellValue()).isEqualTo("Atteignent la cible");
            assertThat(header.getCell(19).getStringCellValue()).isEqualTo("Taux moyen");
            Row alpha = rowWith(editors, "Alpha");
            assertThat(counts(alpha)).containsExactly(2, 2, 0, 1, 1);
            Row beta = rowWith(editors, "Beta");
            assertThat(counts(beta)).containsExactly(3, 2, 1, 0, 1);
            // Alpha's MSS: one of two ESSMS reaches, mean rate 50 %: red, the editor-wide problem shows
            assertThat(alpha.getCell(17).getNumericCellValue()).isEqualTo(1);
            assertThat(alpha.getCell(18).getNumericCellValue()).isEqualTo(0.5);
            assertThat(alpha.getCell(19).getNumericCellValue()).isCloseTo(0.5, within(1e-9));
            assertThat(fill(alpha.getCell(19))).isEqualTo(Legend.Band.FAR.fillRgb());
            assertThat(fill(alpha.getCell(10))).isEqualTo(Legend.Band.REACHED.fillRgb()); // Dossiers actifs mean
            // Gamma is PJM only: its MSS mean is not held to a target
            assertThat(fill(rowWith(editors, "Gamma").getCell(19))).isEqualTo(Legend.Band.NEUTRAL.fillRgb());
            assertThat(editors.getMergedRegions()).isNotEmpty();
            assertThat(editors.getRepeatingRows().getFirstRow()).isEqualTo(3);
            assertThat(editors.getRepeatingRows().getLastRow()).isEqualTo(4);
        }
    }

    @Test
    void completenessListsMissingAndLateExports() throws IOException {
        try (XSSFWorkbook wb = open(writer.write(report(), out))) {
            XSSFSheet sheet = wb.getSheet("Complétude");
            Row header = rowWith(sheet, "FINESS");
            List<Row> rows = rowsAfter(sheet, header.getRowNum());
            assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue()).containsExactly(D, B);
            assertThat(rows.get(0).getCell(5).getStringCellValue()).isEqualTo("Sans données pour le mois");
            assertThat(rows.get(1).getCell(5).getStringCellValue()).isEqualTo("Export arrivé en retard");
            assertThat(rows.get(1).getCell(6).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2025, 4, 20));
            assertThat(rows.get(1).getCell(7).getNumericCellValue()).isEqualTo(10);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:H6");
        }
    }

    @Test
    void noDeadlineMeansNoLatenessCheck() throws IOException {
        RegionalReport full = report();
        RegionalReport report = new RegionalReport(MONTH, 1, full.rows(), full.projects(), null);
        try (XSSFWorkbook wb = open(writer.write(report, out))) {
            List<Row> rows = rowsAfter(wb.getSheet("Complétude"), 3);
            assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue()).containsExactly(D);
        }
        assertThat(RegionalReport.deadline(java.time.YearMonth.of(2025, 1), 31)).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void formulaLikeNamesStayStrings() throws IOException {
        String injected = "=HYPERLINK(\"http://x\")";
        String g = finess("35", 9);
        RegionalReport report = new RegionalReport(MONTH, 1, List.of(
                new RegionalRow(new EssmsIdentity(g, "=1+1", injected, "500", null, "=A1", "=P", "=T", "@SUM(1)"),
                        null, null)),
                List.of(new ProjectInfo("=P", "=HYPERLINK(\"http://y\")", "=1", "=2", null, null)), LATE_AFTER);
        try (XSSFWorkbook wb = open(writer.write(report, out))) {
            Row row = rowWith(wb.getSheet("ESSMS"), g);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(injected);
            assertThat(Workbooks.formulaCells(wb)).isEmpty();
        }
    }

    @Test
    void streamsThousandsOfEssms() throws IOException {
        List<RegionalRow> rows = new ArrayList<>();
        String[] editors = {"Alpha", "Beta", "Gamma", "Delta"};
        for (int i = 0; i < 5_000; i++) {
            String f = finess(i % 2 == 0 ? "35" : "56", i);
            EssmsIdentity id = identity(f, "ESSMS n° " + i, "500", i % 2 == 0 ? "35" : "56", "P" + (i % 40),
                    editors[i % 4]);
            rows.add(new RegionalRow(id, i % 10 == 0 ? null
                    : measure(f, Sector.PA, MONTH, 100, 80 + i % 20, 70 + i % 20, 60 + i % 30, i % 100, i % 80),
                    LocalDate.of(2025, 4, 1 + i % 20)));
        }
        Path file = writer.write(new RegionalReport(MONTH, 1, rows, List.of(), LATE_AFTER), out);
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet sheet = wb.getSheet("ESSMS");
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 5_000);
            Row total = rowWith(wb.getSheet("Éditeurs"), "Total région");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(5_000);
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(4_500);
        }
    }

    private static double number(XSSFSheet sheet, String label) {
        return rowWith(sheet, label).getCell(1).getNumericCellValue();
    }

    /** ESSMS, with data, without data, late, reaching all targets. */
    private static List<Integer> counts(Row row) {
        List<Integer> counts = new ArrayList<>();
        for (int col = 1; col <= 5; col++) {
            counts.add((int) row.getCell(col).getNumericCellValue());
        }
        return counts;
    }
}
