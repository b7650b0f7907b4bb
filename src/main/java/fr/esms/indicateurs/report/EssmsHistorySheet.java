package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Historique sheet of an ESSMS workbook: one row per measured month, the estimate under them, and a native
 * line chart of the five rates and of the target lines.
 */
final class EssmsHistorySheet {

    private static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;
    private static final List<Indicator> COUNTERS = Arrays.stream(Indicator.values())
            .filter(i -> !i.isRated()).toList();
    private static final String HISTORIQUE = EssmsWorkbookWriter.HISTORIQUE;
    /** Line colours of the five rates (none is a colour of the legend bands). */
    private static final String[] SERIES_COLOURS = {"1F4E79", "7030A0", "00A3A3", "C71585", "8C564B"};
    private static final String[] TARGET_COLOURS = {"404040", "808080", "A6A6A6"};
    private static final int CHART_HEIGHT_ROWS = 22;

    private EssmsHistorySheet() {
    }

    static void write(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
        XlsxSheet sheet = workbook.sheet(HISTORIQUE);
        XlsxSheetBuilder b = new XlsxSheetBuilder(sheet, st);
        List<HistoryPoint> points = report.history();
        List<Integer> targets = points.stream()
                .flatMap(p -> p.results().values().stream())
                .filter(r -> r.indicator().isRated())
                .map(IndicatorResult::target)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();

        b.overflowText(b.row(), 0, "Historique des taux — " + FrenchText.orEmpty(report.identity().raisonSociale()),
                st.title);
        b.overflowText(b.row(), 0, "Une ligne par mois mesuré. Cellule vide : indicateur non calculable"
                + " (dénominateur nul) ou absent de la mesure.", st.note);
        b.skip(1);
        int headerRow = b.nextRow();
        XlsxRow header = b.row();
        header.height(32f);
        List<String> headers = new ArrayList<>();
        headers.add("Mois");
        headers.add("Fenêtre (mois)");
        for (Indicator indicator : RATED) {
            headers.add(FrenchText.indicatorShort(indicator));
        }
        for (Indicator counter : COUNTERS) {
            headers.add(FrenchText.indicatorShort(counter));
        }
        int firstTargetCol = headers.size();
        for (Integer target : targets) {
            headers.add("Cible " + target + " %");
        }
        for (int col = 0; col < headers.size(); col++) {
            b.header(header, col, headers.get(col));
        }
        int lastCol = headers.size() - 1;

        int firstDataRow = b.nextRow();
        for (HistoryPoint point : points) {
            XlsxRow row = b.row();
            int col = 0;
            b.text(row, col++, FrenchText.month(point.month()));
            b.integer(row, col++, point.windowMonths());
            for (Indicator indicator : RATED) {
                IndicatorResult result = point.result(indicator);
                b.fraction(row, col++, EssmsWorkbookWriter.rate(result), st.rate(Legend.of(result)));
            }
            for (Indicator counter : COUNTERS) {
                IndicatorResult result = point.result(counter);
                b.integer(row, col++, result == null ? null : result.numerator(), st.integer);
            }
            for (Integer target : targets) {
                b.fraction(row, col++, target / 100.0, st.target);
            }
        }
        int lastDataRow = b.nextRow() - 1;
        // the estimate sits under the measured months, outside the chart's ranges
        EssmsOutlookSection.projectionRow(b, st, report.outlook(), RATED, COUNTERS.size(), targets);
        sheet.freeze(1, headerRow + 1);
        if (!points.isEmpty()) {
            sheet.chart(lineChart(points, headers, headerRow, firstDataRow, lastDataRow, firstTargetCol, targets,
                    b.nextRow() + 1, Math.max(10, lastCol + 1)));
        }
        b.finish(headerRow);
    }

    /** A native line chart of the five rates (columns 2..6) and of the target lines. */
    private static XlsxLineChart lineChart(List<HistoryPoint> points, List<String> headers, int headerRow,
                                           int firstRow, int lastRow, int firstTargetCol, List<Integer> targets,
                                           int top, int width) {
        List<String> months = points.stream().map(p -> SheetBuilder.clean(FrenchText.month(p.month()))).toList();
        List<XlsxLineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < RATED.size(); i++) {
            Indicator indicator = RATED.get(i);
            List<Double> rates = points.stream().map(p -> EssmsWorkbookWriter.rate(p.result(indicator))).toList();
            series.add(series(headers, headerRow, firstRow, lastRow, 2 + i, rates,
                    SERIES_COLOURS[i % SERIES_COLOURS.length], 2.25, false, true));
        }
        for (int i = 0; i < targets.size(); i++) {
            List<Double> line = Collections.nCopies(points.size(), targets.get(i) / 100.0);
            series.add(series(headers, headerRow, firstRow, lastRow, firstTargetCol + i, line,
                    TARGET_COLOURS[i % TARGET_COLOURS.length], 1.5, true, false));
        }
        return new XlsxLineChart("Taux par mois et cibles",
                XlsxXml.absoluteColumnRange(HISTORIQUE, firstRow, lastRow, 0), months, Styles.TARGET_FORMAT, series,
                0, top, width, top + CHART_HEIGHT_ROWS);
    }

    private static XlsxLineChart.Series series(List<String> headers, int headerRow, int firstRow, int lastRow,
                                               int col, List<Double> values, String rgb, double width,
                                               boolean dashed, boolean markers) {
        return new XlsxLineChart.Series(XlsxXml.absolute(HISTORIQUE, headerRow, col),
                SheetBuilder.clean(headers.get(col)), XlsxXml.absoluteColumnRange(HISTORIQUE, firstRow, lastRow, col),
                values, rgb, width, dashed, markers);
    }
}
