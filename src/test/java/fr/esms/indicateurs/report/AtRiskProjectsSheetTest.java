package fr.esms.indicateurs.report;

import fr.esms.indicateurs.alerte.EarlyWarning;
import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static fr.esms.indicateurs.report.ReportFixtures.CLOCK;
import static fr.esms.indicateurs.report.ReportFixtures.MONTH;
import static fr.esms.indicateurs.report.ReportFixtures.finess;
import static fr.esms.indicateurs.report.ReportFixtures.identity;
import static fr.esms.indicateurs.report.ReportFixtures.rated;
import static fr.esms.indicateurs.report.Workbooks.column;
import static fr.esms.indicateurs.report.Workbooks.open;
import static fr.esms.indicateurs.report.Workbooks.rowWith;
import static fr.esms.indicateurs.report.Workbooks.rowsAfter;
import static fr.esms.indicateurs.report.Workbooks.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sheet "Projets à risque" of the regional workbook, read back with POI. Measure month: March 2025. */
class AtRiskProjectsSheetTest {

    static final String A = finess("35", 1);
    static final String B = finess("35", 2);
    static final String C = finess("56", 3);
    static final String D = finess("56", 4);
    static final String E = finess("29", 5);

    @TempDir
    Path out;

    /** Dossiers actifs out of 100 persons (target 90), one value per month ending with March 2025. */
    private static NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> activeRecords(long... perMonth) {
        NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> history = new TreeMap<>();
        for (int i = 0; i < perMonth.length; i++) {
            Map<Indicator, IndicatorResult> results = new EnumMap<>(Indicator.class);
            results.put(Indicator.DOSSIERS_ACTIFS, rated(Indicator.DOSSIERS_ACTIFS, perMonth[i], 100, 0, 90));
            history.put(MONTH.minusMonths(perMonth.length - 1L - i), results);
        }
        return history;
    }

    private static EssmsOutlook outlook(String finess, String project, String deadline, long... perMonth) {
        return EarlyWarning.assess(finess, project, MONTH, LocalDate.parse(deadline), activeRecords(perMonth));
    }

    /**
     * P1 (December 2025): A reached, B rising 70, 75, 80 (5 points a month: 90 in May): en bonne voie.
     * P2 (June 2025): C 60, 62, 64: 2 points a month, 70 % in June, 90 % only in April 2026: à risque.
     * P3 (April 2025): D two months only: données insuffisantes.
     * P0 (January 2025, passed): E at 88 %: à risque.
     */
    private static RegionalReport report() {
        List<RegionalRow> rows = List.of(
                new RegionalRow(identity(A, "EHPAD A", "500", "35", "P1", "Alpha"), null, null),
                new RegionalRow(identity(B, "EHPAD B", "500", "35", "P1", "Alpha"), null, null),
                new RegionalRow(identity(C, "IME C", "183", "56", "P2", "Beta"), null, null),
                new RegionalRow(identity(D, "SSIAD D", "354", "56", "P3", "Beta"), null, null),
                new RegionalRow(identity(E, "MAS E", "255", "29", "P0", "Gamma"), null, null));
        List<ProjectInfo> projects = List.of(
                new ProjectInfo("P1", "Projet un", "350000014", "ACQUISITION", null, LocalDate.parse("2025-12-31")),
                new ProjectInfo("P2", "Projet deux", "560000011", "ACQUISITION", null, LocalDate.parse("2025-06-30")),
                new ProjectInfo("P3", "Projet trois", "560000011", "ACQUISITION", null, LocalDate.parse("2025-04-30")),
                new ProjectInfo("P0", "Projet zéro", "290000017", "ACQUISITION", null, LocalDate.parse("2025-01-31")));
        List<EssmsOutlook> outlooks = List.of(
                outlook(A, "P1", "2025-12-31", 91, 92, 95),
                outlook(B, "P1", "2025-12-31", 70, 75, 80),
                outlook(C, "P2", "2025-06-30", 60, 62, 64),
                outlook(D, "P3", "2025-04-30", 50, 55),
                outlook(E, "P0", "2025-01-31", 80, 85, 88));
        return new RegionalReport(MONTH, 1, rows, projects, null, outlooks);
    }

    @Test
    void projects_at_risk_or_without_enough_data_are_listed_by_deadline() throws IOException {
        Path file = new RegionalWorkbookWriter(CLOCK).write(report(), out);
        try (XSSFWorkbook workbook = open(file)) {
            assertThat(workbook.getSheetIndex(RegionalWorkbookWriter.PROJETS_A_RISQUE))
                    .isEqualTo(workbook.getSheetIndex(RegionalWorkbookWriter.PROJETS) + 1);
            Sheet sheet = workbook.getSheet(RegionalWorkbookWriter.PROJETS_A_RISQUE);
            assertThat(string(sheet.getRow(1).getCell(0))).startsWith("Estimation, pas une mesure");
            assertThat(rowWith(sheet, "Projets « à risque »").getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(rowWith(sheet, "Projets « données insuffisantes »").getCell(1).getNumericCellValue())
                    .isEqualTo(1);
            assertThat(rowWith(sheet, "Projets « en bonne voie »").getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(rowWith(sheet, "Projets « cible atteinte »").getCell(1).getNumericCellValue()).isZero();

            Row header = rowWith(sheet, "Projet");
            List<Row> projects = rowsAfter(sheet, header.getRowNum());
            assertThat(projects).extracting(r -> string(r.getCell(0))).containsExactly("P0", "P3", "P2");
            int monthsLeft = column(header, "Mois restants");
            int outlook = column(header, "Classe du projet (estimation)");
            assertThat(projects).extracting(r -> r.getCell(monthsLeft).getNumericCellValue())
                    .containsExactly(-2.0, 1.0, 3.0);
            assertThat(projects).extracting(r -> string(r.getCell(outlook)))
                    .containsExactly("à risque", "données insuffisantes", "à risque");
            assertThat(projects.get(0).getCell(column(header, "Fin de déploiement")).getLocalDateTimeCellValue()
                    .toLocalDate()).isEqualTo(LocalDate.parse("2025-01-31"));

            Row detailHeader = Workbooks.rowWith(sheet, 0, "Projet", header.getRowNum() + 1 + projects.size());
            List<Row> details = rowsAfter(sheet, detailHeader.getRowNum());
            assertThat(details).extracting(r -> string(r.getCell(column(detailHeader, "FINESS"))))
                    .containsExactly(E, D, C);
            Row c = details.get(2);
            assertThat(string(c.getCell(column(detailHeader, "Raison sociale")))).isEqualTo("IME C");
            assertThat(string(c.getCell(column(detailHeader, "Indicateur")))).isEqualTo("Dossiers actifs");
            assertThat(string(c.getCell(column(detailHeader, "Classe (estimation)")))).isEqualTo("à risque");
            assertThat(c.getCell(column(detailHeader, "Dernier taux")).getNumericCellValue())
                    .isCloseTo(0.64, within(1e-9));
            assertThat(string(c.getCell(column(detailHeader, "Tendance")))).isEqualTo("+2,0 points par mois");
            // 60 + 2 × 5 in June
            assertThat(c.getCell(column(detailHeader, "Taux estimé à l'échéance")).getNumericCellValue())
                    .isCloseTo(0.70, within(1e-9));
            // 60 + 2x >= 90 at x = 15 from January 2025
            assertThat(string(c.getCell(column(detailHeader, "Cible atteinte par la tendance en"))))
                    .isEqualTo("avril 2026");
            // (90 - 64) / 3 = 8.67
            assertThat(string(c.getCell(column(detailHeader, "Rythme nécessaire")))).isEqualTo("+8,7 points par mois");
            Row e = details.get(0);
            assertThat(string(e.getCell(column(detailHeader, "Rythme nécessaire")))).isEmpty();
            assertThat(string(e.getCell(column(detailHeader, "Explication"))))
                    .isEqualTo("échéance de janvier 2025 passée, cible non atteinte");
            assertThat(string(details.get(1).getCell(column(detailHeader, "Tendance")))).isEmpty();
        }
    }

    @Test
    void without_estimates_the_sheet_says_so() throws IOException {
        RegionalReport report = report();
        RegionalReport none = new RegionalReport(report.month(), 1, report.rows(), report.projects(), null);
        try (XSSFWorkbook workbook = open(new RegionalWorkbookWriter(CLOCK).write(none, out))) {
            Sheet sheet = workbook.getSheet(RegionalWorkbookWriter.PROJETS_A_RISQUE);
            assertThat(rowWith(sheet, "Aucune estimation pour ce mois.")).isNotNull();
        }
    }
}
