package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Sector;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.esms.indicateurs.report.ReportFixtures.CLOCK;
import static fr.esms.indicateurs.report.ReportFixtures.MONTH;
import static fr.esms.indicateurs.report.ReportFixtures.identity;
import static fr.esms.indicateurs.report.Workbooks.open;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook written directly must read back, in POI, as the one POI's XSSF model wrote
 * ({@link PoiEssmsWorkbookWriter}, kept in the tests as the reference): same sheets, rows, cells, values, types,
 * styles, widths, heights, print set-up, frozen pane and chart.
 */
class EssmsWorkbookDifferentialTest {

    @TempDir
    Path out;

    private final EssmsWorkbookWriter direct = new EssmsWorkbookWriter(CLOCK);
    private final PoiEssmsWorkbookWriter poi = new PoiEssmsWorkbookWriter(CLOCK);

    @Test
    void directWorkbooksReadBackAsThePoiOnes() throws IOException {
        List<EssmsReport> reports = reports();
        for (int i = 0; i < reports.size(); i++) {
            EssmsReport report = reports.get(i);
            Path expected = poi.write(report, out.resolve("poi" + i));
            Path actual = direct.write(report, out.resolve("direct" + i));
            try (XSSFWorkbook e = open(expected); XSSFWorkbook a = open(actual)) {
                compare("report " + i, e, a);
            }
        }
    }

    @Test
    void oneWriterServesSeveralThreads() throws Exception {
        List<EssmsReport> reports = reports();
        List<Path> expected = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            expected.add(poi.write(reports.get(i), out.resolve("poi" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < reports.size(); i++) {
                    EssmsReport report = reports.get(i);
                    Path dir = out.resolve("direct-" + round + "-" + i);
                    written.add(pool.submit(() -> direct.write(report, dir)));
                }
            }
            for (int k = 0; k < written.size(); k++) {
                int i = k % reports.size();
                try (XSSFWorkbook e = open(expected.get(i)); XSSFWorkbook a = open(written.get(k).get())) {
                    compare("report " + i + " written by thread", e, a);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<EssmsReport> reports() {
        List<EssmsReport> reports = new ArrayList<>();
        String finess = "350005179";
        EssmsIdentity id = identity(finess, "EHPAD Les Tilleuls", "500", "35", "P-001", "Alpha Santé");
        DataQuality quality = new DataQuality(
                List.of(new PackageUsed("alpha_2025-04.zip", "Alpha Santé", "AlphaDUI", "4.2.1",
                        LocalDate.of(2025, 4, 3), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                        new PackageUsed("beta.zip", null, " espace ", null, null, null)),
                List.of(new FileCount("alpha_2025-04.zip", "usagers.csv", 52, 50, 2),
                        new FileCount("alpha_2025-04.zip", "agenda.csv", 1200, 0, 0,
                                "colonne obligatoire absente : date_evenement")),
                List.of("colonne inconnue ignorée : commentaire (usagers.csv)", "<b>&amp;\"'</b>"),
                "rejets/2025-03/rejets.csv");
        List<HistoryPoint> history = new ArrayList<>();
        for (int m = 11; m >= 1; m--) {
            history.add(HistoryPoint.of(ReportFixtures.measure(finess, Sector.PA, MONTH.minusMonths(m), 60, 40 + m,
                    30 + m, 20 + m, 10 + m, 5 + m)));
        }
        history.add(HistoryPoint.of(ReportFixtures.measure(finess, Sector.PA, YearMonth.of(2024, 1), 0, 0, 0, 0, 0,
                0)));
        reports.add(new EssmsReport(id, ReportFixtures.mixed(finess), history, quality));
        reports.add(new EssmsReport(id, ReportFixtures.mixed(finess), List.of(), DataQuality.none()));
        for (FigureSource source : List.of(FigureSource.aggregates("cortex_2025-03"), FigureSource.records(),
                FigureSource.none())) {
            reports.add(new EssmsReport(id, ReportFixtures.mixed(finess), history.subList(0, 3),
                    new DataQuality(List.of(), List.of(), List.of(), null, source)));
        }
        String pjm = ReportFixtures.finess("35", 77);
        reports.add(new EssmsReport(identity(pjm, "Service mandataire", "340", "35", "P-002", "Beta"),
                ReportFixtures.measure(pjm, Sector.PJM, MONTH, 100, 95, 90, 91, 3, 1),
                List.of(HistoryPoint.of(ReportFixtures.measure(pjm, Sector.PJM, MONTH.minusMonths(1), 100, 95, 90,
                        91, 3, 1))), quality));
        // awkward text: markup, quotes, accents, characters outside the BMP, control characters, overlong
        EssmsIdentity odd = new EssmsIdentity(finess, "+1+1", "=HYPERLINK(\"x\") <a&b> 'q' \"d\" é 𝄞 😀 \u0001\u0007 ",
                "500", null, "@SUM(A1)", "P-001", " ", "-2+3" + "y".repeat(40_000));
        EssmsMeasure measure = ReportFixtures.mixed(finess);
        reports.add(new EssmsReport(odd, measure, history, quality));
        return reports;
    }

    static void compare(String where, XSSFWorkbook e, XSSFWorkbook a) {
        assertThat(a.getNumberOfSheets()).as(where).isEqualTo(e.getNumberOfSheets());
        assertThat(a.getActiveSheetIndex()).as(where).isEqualTo(e.getActiveSheetIndex());
        assertThat(a.getFirstVisibleTab()).as(where).isEqualTo(e.getFirstVisibleTab());
        for (int s = 0; s < e.getNumberOfSheets(); s++) {
            XSSFSheet es = e.getSheetAt(s);
            XSSFSheet as = a.getSheetAt(s);
            String sheet = where + ", " + es.getSheetName();
            assertThat(as.getSheetName()).as(where).isEqualTo(es.getSheetName());
            assertThat(as.isSelected()).as(sheet).isEqualTo(es.isSelected());
            assertThat(as.getLastRowNum()).as(sheet).isEqualTo(es.getLastRowNum());
            assertThat(as.getDefaultRowHeightInPoints()).as(sheet).isEqualTo(es.getDefaultRowHeightInPoints());
            for (int r = 0; r <= es.getLastRowNum(); r++) {
                compareRow(sheet + ", row " + (r + 1), es.getRow(r), as.getRow(r));
            }
            for (int c = 0; c < 30; c++) {
                assertThat(as.getColumnWidth(c)).as(sheet + ", width of column " + c).isEqualTo(es.getColumnWidth(c));
            }
            comparePrint(sheet, es, as);
            compareCharts(sheet, es, as);
        }
    }

    private static void compareRow(String where, Row e, Row a) {
        if (e == null) {
            assertThat(a).as(where).isNull();
            return;
        }
        assertThat(a).as(where).isNotNull();
        assertThat(a.getHeightInPoints()).as(where).isEqualTo(e.getHeightInPoints());
        assertThat(a.getFirstCellNum()).as(where).isEqualTo(e.getFirstCellNum());
        assertThat(a.getLastCellNum()).as(where).isEqualTo(e.getLastCellNum());
        assertThat(a.getPhysicalNumberOfCells()).as(where).isEqualTo(e.getPhysicalNumberOfCells());
        for (int c = 0; c < e.getLastCellNum(); c++) {
            compareCell(where + ", column " + c, e.getCell(c), a.getCell(c));
        }
    }

    private static void compareCell(String where, Cell e, Cell a) {
        if (e == null) {
            assertThat(a).as(where).isNull();
            return;
        }
        assertThat(a).as(where).isNotNull();
        assertThat(a.getCellType()).as(where).isEqualTo(e.getCellType());
        switch (e.getCellType()) {
            case STRING -> assertThat(a.getStringCellValue()).as(where).isEqualTo(e.getStringCellValue());
            case NUMERIC -> {
                assertThat(a.getNumericCellValue()).as(where).isEqualTo(e.getNumericCellValue());
                assertThat(DateUtil.isCellDateFormatted(a)).as(where).isEqualTo(DateUtil.isCellDateFormatted(e));
            }
            case BLANK -> { }
            default -> throw new AssertionError(where + ": unexpected " + e.getCellType());
        }
        XSSFCellStyle es = (XSSFCellStyle) e.getCellStyle();
        XSSFCellStyle as = (XSSFCellStyle) a.getCellStyle();
        assertThat(as.getDataFormatString()).as(where).isEqualTo(es.getDataFormatString());
        assertThat(as.getFillPattern()).as(where).isEqualTo(es.getFillPattern());
        assertThat(rgb(as.getFillForegroundXSSFColor())).as(where).isEqualTo(rgb(es.getFillForegroundXSSFColor()));
        assertThat(as.getBorderBottom()).as(where).isEqualTo(es.getBorderBottom());
        assertThat(as.getBorderTop()).as(where).isEqualTo(es.getBorderTop());
        assertThat(as.getBorderLeft()).as(where).isEqualTo(es.getBorderLeft());
        assertThat(as.getBorderRight()).as(where).isEqualTo(es.getBorderRight());
        assertThat(as.getAlignment()).as(where).isEqualTo(es.getAlignment());
        assertThat(as.getVerticalAlignment()).as(where).isEqualTo(es.getVerticalAlignment());
        assertThat(as.getWrapText()).as(where).isEqualTo(es.getWrapText());
        XSSFFont ef = es.getFont();
        XSSFFont af = as.getFont();
        assertThat(af.getFontName()).as(where).isEqualTo(ef.getFontName());
        assertThat(af.getBold()).as(where).isEqualTo(ef.getBold());
        assertThat(af.getItalic()).as(where).isEqualTo(ef.getItalic());
        assertThat(af.getFontHeightInPoints()).as(where).isEqualTo(ef.getFontHeightInPoints());
        assertThat(rgb(af.getXSSFColor())).as(where).isEqualTo(rgb(ef.getXSSFColor()));
        assertThat(af.getUnderline()).as(where).isEqualTo(ef.getUnderline());
        assertThat(af.getStrikeout()).as(where).isEqualTo(ef.getStrikeout());
    }

    /** An explicit RGB colour as RRGGBB, null for none or automatic/indexed/theme colours. */
    private static String rgb(XSSFColor colour) {
        return colour == null || !colour.isRGB() ? null : colour.getARGBHex().substring(2);
    }

    private static void comparePrint(String where, XSSFSheet e, XSSFSheet a) {
        assertThat(a.getPrintSetup().getLandscape()).as(where).isEqualTo(e.getPrintSetup().getLandscape());
        assertThat(a.getPrintSetup().getPaperSize()).as(where).isEqualTo(e.getPrintSetup().getPaperSize());
        assertThat(a.getPrintSetup().getFitWidth()).as(where).isEqualTo(e.getPrintSetup().getFitWidth());
        assertThat(a.getPrintSetup().getFitHeight()).as(where).isEqualTo(e.getPrintSetup().getFitHeight());
        assertThat(a.getFitToPage()).as(where).isEqualTo(e.getFitToPage());
        assertThat(a.getAutobreaks()).as(where).isEqualTo(e.getAutobreaks());
        assertThat(a.getFooter().getLeft()).as(where).isEqualTo(e.getFooter().getLeft());
        assertThat(a.getFooter().getCenter()).as(where).isEqualTo(e.getFooter().getCenter());
        assertThat(a.getFooter().getRight()).as(where).isEqualTo(e.getFooter().getRight());
        assertThat(a.getHeader().getLeft() + a.getHeader().getCenter() + a.getHeader().getRight()).as(where)
                .isEqualTo(e.getHeader().getLeft() + e.getHeader().getCenter() + e.getHeader().getRight());
        for (short margin = 0; margin <= 5; margin++) {
            assertThat(a.getMargin(margin)).as(where + ", margin " + margin).isEqualTo(e.getMargin(margin));
        }
        CellRangeAddress er = e.getRepeatingRows();
        CellRangeAddress ar = a.getRepeatingRows();
        assertThat(ar == null ? null : ar.formatAsString()).as(where)
                .isEqualTo(er == null ? null : er.formatAsString());
        assertThat(a.getRepeatingColumns()).as(where).isEqualTo(e.getRepeatingColumns());
        PaneInformation ep = e.getPaneInformation();
        PaneInformation ap = a.getPaneInformation();
        if (ep == null) {
            assertThat(ap).as(where).isNull();
        } else {
            assertThat(ap).as(where).isNotNull();
            assertThat(ap.isFreezePane()).as(where).isEqualTo(ep.isFreezePane());
            assertThat(ap.getVerticalSplitPosition()).as(where).isEqualTo(ep.getVerticalSplitPosition());
            assertThat(ap.getHorizontalSplitPosition()).as(where).isEqualTo(ep.getHorizontalSplitPosition());
            assertThat(ap.getVerticalSplitLeftColumn()).as(where).isEqualTo(ep.getVerticalSplitLeftColumn());
            assertThat(ap.getHorizontalSplitTopRow()).as(where).isEqualTo(ep.getHorizontalSplitTopRow());
        }
    }

    private static void compareCharts(String where, XSSFSheet e, XSSFSheet a) {
        XSSFDrawing ed = e.getDrawingPatriarch();
        XSSFDrawing ad = a.getDrawingPatriarch();
        if (ed == null) {
            assertThat(ad).as(where).isNull();
            return;
        }
        assertThat(ad).as(where).isNotNull();
        assertThat(ad.getCharts()).as(where).hasSameSizeAs(ed.getCharts());
        XSSFClientAnchor ea = (XSSFClientAnchor) ((XSSFGraphicFrame) ed.getShapes().get(0)).getAnchor();
        XSSFClientAnchor aa = (XSSFClientAnchor) ((XSSFGraphicFrame) ad.getShapes().get(0)).getAnchor();
        assertThat(List.of(aa.getCol1(), aa.getRow1(), aa.getCol2(), aa.getRow2(), aa.getDx1(), aa.getDy1(),
                aa.getDx2(), aa.getDy2())).as(where).isEqualTo(List.of(ea.getCol1(), ea.getRow1(), ea.getCol2(),
                ea.getRow2(), ea.getDx1(), ea.getDy1(), ea.getDx2(), ea.getDy2()));
        for (int i = 0; i < ed.getCharts().size(); i++) {
            XSSFChart ec = ed.getCharts().get(i);
            XSSFChart ac = ad.getCharts().get(i);
            String chart = where + ", chart " + i;
            assertThat(ac.getTitleText().getString()).as(chart).isEqualTo(ec.getTitleText().getString());
            assertThat(ac.getCTChart().getTitle().getOverlay().getVal()).as(chart)
                    .isEqualTo(ec.getCTChart().getTitle().getOverlay().getVal());
            assertThat(ac.getCTChart().getLegend().getLegendPos().getVal()).as(chart)
                    .isEqualTo(ec.getCTChart().getLegend().getLegendPos().getVal());
            assertThat(ac.getCTChart().getDispBlanksAs().getVal()).as(chart)
                    .isEqualTo(ec.getCTChart().getDispBlanksAs().getVal());
            assertThat(ac.getCTChart().getPlotArea().sizeOfLineChartArray()).as(chart).isEqualTo(1);
            assertThat(ac.getCTChart().getPlotArea().sizeOfCatAxArray()).as(chart).isEqualTo(1);
            assertThat(ac.getCTChart().getPlotArea().getCatAxArray(0).getAxPos().getVal()).as(chart)
                    .isEqualTo(ec.getCTChart().getPlotArea().getCatAxArray(0).getAxPos().getVal());
            CTValAx ev = ec.getCTChart().getPlotArea().getValAxArray(0);
            CTValAx av = ac.getCTChart().getPlotArea().getValAxArray(0);
            assertThat(av.getScaling().getMin().getVal()).as(chart).isEqualTo(ev.getScaling().getMin().getVal());
            assertThat(av.getNumFmt().getFormatCode()).as(chart).isEqualTo(ev.getNumFmt().getFormatCode());
            assertThat(av.getNumFmt().getSourceLinked()).as(chart).isEqualTo(ev.getNumFmt().getSourceLinked());
            assertThat(av.getAxPos().getVal()).as(chart).isEqualTo(ev.getAxPos().getVal());
            assertThat(av.getCrosses().getVal()).as(chart).isEqualTo(ev.getCrosses().getVal());
            CTLineChart el = ec.getCTChart().getPlotArea().getLineChartArray(0);
            CTLineChart al = ac.getCTChart().getPlotArea().getLineChartArray(0);
            assertThat(al.getVaryColors().getVal()).as(chart).isEqualTo(el.getVaryColors().getVal());
            assertThat(al.sizeOfSerArray()).as(chart).isEqualTo(el.sizeOfSerArray());
            for (int s = 0; s < el.sizeOfSerArray(); s++) {
                compareSeries(chart + ", series " + s, el.getSerArray(s), al.getSerArray(s));
            }
        }
    }

    private static void compareSeries(String where, CTLineSer e, CTLineSer a) {
        assertThat(a.getIdx().getVal()).as(where).isEqualTo(e.getIdx().getVal());
        assertThat(a.getOrder().getVal()).as(where).isEqualTo(e.getOrder().getVal());
        assertThat(a.getTx().getStrRef().getF()).as(where).isEqualTo(e.getTx().getStrRef().getF());
        assertThat(strings(a.getTx().getStrRef().getStrCache().getPtArray())).as(where)
                .isEqualTo(strings(e.getTx().getStrRef().getStrCache().getPtArray()));
        assertThat(a.getCat().getStrRef().getF()).as(where).isEqualTo(e.getCat().getStrRef().getF());
        assertThat(a.getCat().getStrRef().getStrCache().getPtCount().getVal()).as(where)
                .isEqualTo(e.getCat().getStrRef().getStrCache().getPtCount().getVal());
        assertThat(strings(a.getCat().getStrRef().getStrCache().getPtArray())).as(where)
                .isEqualTo(strings(e.getCat().getStrRef().getStrCache().getPtArray()));
        assertThat(a.getVal().getNumRef().getF()).as(where).isEqualTo(e.getVal().getNumRef().getF());
        // POI leaves out the point count when every point is empty; the direct writer always gives it
        if (e.getVal().getNumRef().getNumCache().isSetPtCount()) {
            assertThat(a.getVal().getNumRef().getNumCache().getPtCount().getVal()).as(where)
                    .isEqualTo(e.getVal().getNumRef().getNumCache().getPtCount().getVal());
        }
        assertThat(numbers(a.getVal().getNumRef().getNumCache().getPtArray())).as(where)
                .isEqualTo(numbers(e.getVal().getNumRef().getNumCache().getPtArray()));
        assertThat(a.getSpPr().getLn().getW()).as(where).isEqualTo(e.getSpPr().getLn().getW());
        assertThat(a.getSpPr().getLn().getSolidFill().getSrgbClr().getVal()).as(where)
                .isEqualTo(e.getSpPr().getLn().getSolidFill().getSrgbClr().getVal());
        assertThat(a.getSpPr().getLn().isSetPrstDash()).as(where).isEqualTo(e.getSpPr().getLn().isSetPrstDash());
        if (e.getSpPr().getLn().isSetPrstDash()) {
            assertThat(a.getSpPr().getLn().getPrstDash().getVal()).as(where)
                    .isEqualTo(e.getSpPr().getLn().getPrstDash().getVal());
        }
        assertThat(a.getMarker().getSymbol().getVal()).as(where).isEqualTo(e.getMarker().getSymbol().getVal());
        assertThat(a.getSmooth().getVal()).as(where).isEqualTo(e.getSmooth().getVal());
    }

    private static List<String> strings(CTStrVal[] points) {
        return Arrays.stream(points).map(p -> p.getIdx() + "=" + p.getV()).toList();
    }

    private static List<String> numbers(CTNumVal[] points) {
        return Arrays.stream(points).map(p -> p.getIdx() + "=" + Double.parseDouble(p.getV())).toList();
    }
}
