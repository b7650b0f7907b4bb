package fr.esms.indicateurs.report;

import fr.esms.indicateurs.alerte.EarlyWarning;
import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.Sector;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static fr.esms.indicateurs.report.ReportFixtures.CLOCK;
import static fr.esms.indicateurs.report.ReportFixtures.MONTH;
import static fr.esms.indicateurs.report.ReportFixtures.identity;
import static fr.esms.indicateurs.report.Workbooks.column;
import static fr.esms.indicateurs.report.Workbooks.open;
import static fr.esms.indicateurs.report.Workbooks.rowWith;
import static fr.esms.indicateurs.report.Workbooks.rowsAfter;
import static fr.esms.indicateurs.report.Workbooks.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The early warning in the ESSMS workbook: Synthèse section and estimated row of the Historique table. */
class EssmsOutlookSectionTest {

    private static final String FINESS = "350005179";

    @TempDir
    Path out;

    /**
     * January to March 2025, 100 persons: active records 70, 75, 80 (5 points a month: 95 % in June); PP 35/70,
     * 37/75, 40/80 (flat at 49.8 %: never 90 %); agenda 100 %, MSS and DMP 80 %: reached.
     */
    @Test
    void synthesis_and_history_show_the_estimate_as_an_estimate() throws IOException {
        List<EssmsMeasure> months = List.of(
                ReportFixtures.measure(FINESS, Sector.PA, MONTH.minusMonths(2), 100, 70, 35, 70, 80, 80),
                ReportFixtures.measure(FINESS, Sector.PA, MONTH.minusMonths(1), 100, 75, 37, 75, 80, 80),
                ReportFixtures.measure(FINESS, Sector.PA, MONTH, 100, 80, 40, 80, 80, 80));
        NavigableMap<YearMonth, Map<Indicator, IndicatorResult>> byMonth = new TreeMap<>();
        months.forEach(m -> byMonth.put(m.window().month(), HistoryPoint.of(m).results()));
        EssmsOutlook outlook = EarlyWarning.assess(FINESS, "P-001", MONTH, LocalDate.parse("2025-06-30"), byMonth);
        EssmsReport report = new EssmsReport(identity(FINESS, "EHPAD Les Tilleuls", "500", "35", "P-001", "Alpha"),
                months.get(2), months.stream().map(HistoryPoint::of).toList(), null, outlook);

        try (XSSFWorkbook wb = open(new EssmsWorkbookWriter(CLOCK).write(report, out))) {
            XSSFSheet synthesis = wb.getSheet(EssmsWorkbookWriter.SYNTHESE);
            Row heading = rowWith(synthesis, EssmsOutlookSection.HEADING);
            assertThat(string(rowWith(synthesis, "Classe de l'ESSMS").getCell(1))).isEqualTo("à risque");
            assertThat(string(rowWith(synthesis, "Fin de déploiement du projet").getCell(1))).isEqualTo("juin 2025");
            assertThat(string(synthesis.getRow(heading.getRowNum() + 3).getCell(0)))
                    .startsWith("Estimation, pas une mesure");
            Row header = synthesis.getRow(heading.getRowNum() + 4);
            List<Row> rows = rowsAfter(synthesis, header.getRowNum());
            assertThat(rows).extracting(r -> string(r.getCell(0))).containsExactly("Dossiers actifs",
                    "Projet personnalisé", "Agenda", "Messagerie sécurisée (MSSanté)", "DMP (Mon espace santé)");
            assertThat(rows).extracting(r -> string(r.getCell(column(header, "Classe")))).containsExactly(
                    "en bonne voie", "à risque", "cible atteinte", "cible atteinte", "cible atteinte");
            Row active = rows.get(0);
            assertThat(string(active.getCell(column(header, "Tendance")))).isEqualTo("+5,0 points par mois");
            assertThat(active.getCell(column(header, "Taux estimé à l'échéance")).getNumericCellValue())
                    .isCloseTo(0.95, within(1e-9));
            assertThat(string(active.getCell(column(header, "Cible atteinte par la tendance en"))))
                    .isEqualTo("mai 2025");
            // (90 - 80) / 3 months left
            assertThat(string(active.getCell(column(header, "Rythme nécessaire")))).isEqualTo("+3,3 points par mois");
            assertThat(string(rows.get(1).getCell(column(header, "Cible atteinte par la tendance en"))))
                    .isEqualTo("jamais");
            // the measured figures are unchanged: the active-records row of the measure still says "Non"
            assertThat(string(rowWith(synthesis, "Dossiers actifs").getCell(7))).isEqualTo("Non");

            XSSFSheet history = wb.getSheet(EssmsWorkbookWriter.HISTORIQUE);
            Row historyHeader = rowWith(history, "Mois");
            List<Row> lines = rowsAfter(history, historyHeader.getRowNum());
            assertThat(lines).extracting(r -> string(r.getCell(0))).containsExactly("janvier 2025", "février 2025",
                    "mars 2025", "juin 2025 (estimation)");
            Row estimate = lines.get(3);
            assertThat(estimate.getCell(2).getNumericCellValue()).isCloseTo(0.95, within(1e-9));
            // PP: 50, 49.33, 50 → slope 0, mean 49.78
            assertThat(estimate.getCell(3).getNumericCellValue()).isCloseTo((50 + 3700 / 75.0 + 50) / 300, within(1e-9));
            // the chart draws the measured months only
            assertThat(history.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeries(0)
                    .getCategoryData().getPointCount()).isEqualTo(3);
        }
    }
}
