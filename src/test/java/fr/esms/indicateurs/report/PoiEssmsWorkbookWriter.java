package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Test reference only: the ESSMS workbook as it was written with POI's XSSF model before
 * {@link EssmsWorkbookWriter} wrote the file directly. {@code EssmsWorkbookDifferentialTest} writes the same
 * reports with both and compares what POI reads back, cell by cell. Not to be used by production code.
 */
final class PoiEssmsWorkbookWriter {

    public static final String SYNTHESE = "Synthèse";
    public static final String HISTORIQUE = "Historique";
    public static final String AMENAGEMENTS = "Aménagements";
    public static final String QUALITE = "Qualité des données";

    /** The five rated indicators, in the order of the spec. */
    static final List<Indicator> RATED = java.util.Arrays.stream(Indicator.values()).filter(Indicator::isRated)
            .toList();
    private static final List<Indicator> COUNTERS = java.util.Arrays.stream(Indicator.values())
            .filter(i -> !i.isRated()).toList();
    /** Line colours of the five rates (none is a colour of the legend bands). */
    private static final String[] SERIES_COLOURS = {"1F4E79", "7030A0", "00A3A3", "C71585", "8C564B"};
    private static final String[] TARGET_COLOURS = {"404040", "808080", "A6A6A6"};
    private static final int CHART_HEIGHT_ROWS = 22;

    private final Clock clock;

    PoiEssmsWorkbookWriter() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock gives the "généré le" date */
    PoiEssmsWorkbookWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** Where the workbook of an ESSMS and month goes, every part built from input sanitised. */
    public static Path target(Path outputDir, EssmsIdentity identity, YearMonth month) {
        return PathParts.under(outputDir, "rapports", PathParts.sanitise(identity.projetId()),
                PathParts.sanitise(identity.finess()) + "_" + PathParts.month(month) + ".xlsx");
    }

    /** Writes the workbook (replacing an older one) and returns its path. */
    public Path write(EssmsReport report, Path outputDir) throws IOException {
        Path target = target(outputDir, report.identity(), report.measure().window().month());
        XSSFWorkbook workbook = new XSSFWorkbook();
        try {
            Styles styles = new Styles(workbook);
            synthesis(workbook, styles, report);
            history(workbook, styles, report);
            adjustments(workbook, styles, report);
            dataQuality(workbook, styles, report);
            workbook.setActiveSheet(0);
            WorkbookFiles.save(workbook, target);
        } finally {
            // Not close(): on a workbook made in memory, close() saves the whole package a second time (into a
            // buffer nobody reads), about a tenth of the time of a workbook. revert() just drops it.
            workbook.getPackage().revert();
        }
        return target;
    }

    // ---------------------------------------------------------------- Synthèse

    private void synthesis(XSSFWorkbook workbook, Styles st, EssmsReport report) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(SYNTHESE), st);
        EssmsIdentity id = report.identity();
        EssmsMeasure measure = report.measure();

        b.overflowText(b.row(), 0, "Indicateurs d'usage du DUI — programme ESMS numérique", st.title);
        b.overflowText(b.row(), 0, id.raisonSociale(), st.heading);
        b.skip(1);
        identityLine(b, "Raison sociale", id.raisonSociale());
        identityLine(b, "FINESS géographique", id.finess());
        identityLine(b, "FINESS juridique", id.finessEj());
        identityLine(b, "Catégorie FINESS", id.categorie());
        identityLine(b, "Secteur", FrenchText.sector(id.sector()));
        identityLine(b, "Département", id.departement());
        identityLine(b, "Projet", join(id.projetId(), id.projetIntitule()));
        identityLine(b, "Éditeur", id.editeur());
        identityLine(b, "Mois de mesure", FrenchText.month(measure.window().month()));
        identityLine(b, "Fenêtre", FrenchText.window(measure.window()));
        identityLine(b, "Version des règles", measure.rulesVersion());
        FigureSource figures = report.quality().figures();
        if (figures != null) {
            Row source = b.row();
            b.text(source, 0, "Source des chiffres", st.label);
            b.overflowText(source, 1, figures.sentence(), st.textBold);
            if (figures.kind() == FigureSource.Kind.AGREGATS) {
                b.overflowText(b.row(), 1, "Les chiffres sont ceux que l'éditeur a comptés lui-même pour exactement"
                        + " cette fenêtre (pas de données individuelles) ; e-prescription et e-parcours valent 0.",
                        st.note);
            }
        }
        Row generated = b.row();
        b.text(generated, 0, "Généré le", st.label);
        b.date(generated, 1, LocalDate.now(clock));
        b.skip(1);

        b.headerRow("Indicateur", "Numérateur", "Dénominateur brut", "Ajustement", "Dénominateur", "Taux",
                "Cible", "Atteinte", "Manque", "En clair");
        for (Indicator indicator : Indicator.values()) {
            IndicatorResult result = find(measure, indicator);
            Row row = b.row();
            b.text(row, 0, FrenchText.indicator(indicator));
            if (result == null) {
                b.text(row, 9, "absent de la mesure");
                continue;
            }
            Legend.Band band = Legend.of(result);
            b.integer(row, 1, result.numerator());
            if (indicator.isRated()) {
                b.integer(row, 2, result.rawDenominator(), st.integer);
                b.integer(row, 3, result.adjustment());
                b.integer(row, 4, result.denominator(), st.integer);
                b.integer(row, 8, result.gap());
            }
            b.fraction(row, 5, rate(result), st.rate(band));
            b.fraction(row, 6, result.target() == null ? null : result.target() / 100.0, st.target);
            b.text(row, 7, FrenchText.attainment(result.attainment()), st.text(band));
            b.text(row, 9, FrenchText.gapSentence(result, measure.sector()));
        }
        Row all = b.row();
        b.text(all, 0, "Toutes les cibles atteintes", st.label);
        b.text(all, 1, FrenchText.yesNo(measure.reachesAllTargets()), st.textBold);
        b.skip(1);
        b.overflowText(b.row(), 0, "Les taux sont arrondis au dixième ; l'atteinte est décidée sur les nombres"
                + " exacts : un taux affiché 90,0 % peut rester sous une cible de 90 %. Manque : ce qu'il faut"
                + " ajouter au numérateur pour atteindre la cible.", st.note);
        b.skip(1);
        b.legend(0);
        b.skip(1);
        b.overflowText(b.row(), 0, "Définitions", st.heading);
        for (Indicator indicator : Indicator.values()) {
            Row row = b.row();
            b.text(row, 0, FrenchText.indicator(indicator));
            b.overflowText(row, 1, FrenchText.definition(indicator), st.text);
        }
        b.finish(null);
    }

    private static void identityLine(SheetBuilder b, String label, String value) {
        Row row = b.row();
        b.text(row, 0, label, b.styles.label);
        b.overflowText(row, 1, value, b.styles.text);
    }

    // ---------------------------------------------------------------- Historique

    private void history(XSSFWorkbook workbook, Styles st, EssmsReport report) {
        XSSFSheet sheet = workbook.createSheet(HISTORIQUE);
        SheetBuilder b = new SheetBuilder(sheet, st);
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
        Row header = b.row();
        header.setHeightInPoints(32f);
        int col = 0;
        b.header(header, col++, "Mois");
        b.header(header, col++, "Fenêtre (mois)");
        for (Indicator indicator : RATED) {
            b.header(header, col++, FrenchText.indicatorShort(indicator));
        }
        for (Indicator counter : COUNTERS) {
            b.header(header, col++, FrenchText.indicatorShort(counter));
        }
        int firstTargetCol = col;
        for (Integer target : targets) {
            b.header(header, col++, "Cible " + target + " %");
        }
        int lastCol = col - 1;

        int firstDataRow = b.nextRow();
        for (HistoryPoint point : points) {
            Row row = b.row();
            col = 0;
            b.text(row, col++, FrenchText.month(point.month()));
            b.integer(row, col++, point.windowMonths());
            for (Indicator indicator : RATED) {
                IndicatorResult result = point.result(indicator);
                b.fraction(row, col++, rate(result), st.rate(Legend.of(result)));
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
        sheet.createFreezePane(1, headerRow + 1);
        if (!points.isEmpty()) {
            lineChart(sheet, headerRow, firstDataRow, lastDataRow, firstTargetCol, targets,
                    lastDataRow + 2, Math.max(10, lastCol + 1));
        }
        b.finish(headerRow);
    }

    /** A native line chart of the five rates (columns 2..6) and of the target lines. */
    private static void lineChart(XSSFSheet sheet, int headerRow, int firstRow, int lastRow, int firstTargetCol,
                                  List<Integer> targets, int top, int width) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, width, top + CHART_HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Taux par mois et cibles");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.displayBlanksAs(DisplayBlanks.GAP);

        XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis rates = chart.createValueAxis(AxisPosition.LEFT);
        rates.setMinimum(0);
        rates.setNumberFormat(Styles.TARGET_FORMAT);
        rates.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, months, rates);
        data.setVaryColors(false);

        for (int i = 0; i < RATED.size(); i++) {
            int col = 2 + i;
            XDDFLineChartData.Series series = series(sheet, data, categories, headerRow, firstRow, lastRow, col);
            // no setMarkerSize: its schema type is not in poi-ooxml-lite
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            series.setLineProperties(line(SERIES_COLOURS[i % SERIES_COLOURS.length], 2.25, null));
        }
        for (int i = 0; i < targets.size(); i++) {
            XDDFLineChartData.Series series = series(sheet, data, categories, headerRow, firstRow, lastRow,
                    firstTargetCol + i);
            series.setMarkerStyle(MarkerStyle.NONE);
            series.setLineProperties(line(TARGET_COLOURS[i % TARGET_COLOURS.length], 1.5, PresetLineDash.DASH));
        }
        chart.plot(data);
    }

    private static XDDFLineChartData.Series series(XSSFSheet sheet, XDDFLineChartData data,
                                                   XDDFCategoryDataSource categories, int headerRow, int firstRow,
                                                   int lastRow, int col) {
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories,
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastRow, col, col)));
        series.setTitle(sheet.getRow(headerRow).getCell(col).getStringCellValue(),
                new CellReference(sheet.getSheetName(), headerRow, col, true, true));
        series.setSmooth(false);
        return series;
    }

    private static XDDFLineProperties line(String rgb, double width, PresetLineDash dash) {
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(Styles.rgb(rgb))));
        line.setWidth(width);
        if (dash != null) {
            line.setPresetDash(new XDDFPresetLineDash(dash));
        }
        return line;
    }

    // ---------------------------------------------------------------- Aménagements

    private void adjustments(XSSFWorkbook workbook, Styles st, EssmsReport report) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(AMENAGEMENTS), st);
        EssmsMeasure measure = report.measure();
        b.overflowText(b.row(), 0, "Aménagements du dénominateur — "
                + FrenchText.orEmpty(report.identity().raisonSociale()), st.title);
        b.overflowText(b.row(), 0, "Fenêtre : " + FrenchText.window(measure.window()) + ". Un aménagement retire du"
                + " dénominateur les personnes qui ne peuvent pas bénéficier du service ; un aménagement refusé n'est"
                + " pas appliqué et les chiffres sont présentés sans lui.", st.note);
        b.skip(1);

        b.overflowText(b.row(), 0, "Aménagements appliqués", st.heading);
        b.headerRow("Indicateur", "Motif", "Libellé", "Origine", "Personnes retirées", "Référence de la décision");
        if (measure.applied().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun aménagement appliqué sur cette fenêtre.", st.note);
        }
        for (AppliedAdjustment applied : measure.applied()) {
            Row row = b.row();
            b.text(row, 0, applied.indicator() == null ? "" : FrenchText.indicator(applied.indicator()));
            b.text(row, 1, applied.code());
            b.text(row, 2, applied.label());
            b.text(row, 3, FrenchText.source(applied.source()));
            b.integer(row, 4, applied.count());
            b.text(row, 5, applied.reference());
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Aménagements refusés (non appliqués)", st.heading);
        b.headerRow("Indicateur", "Motif", "Origine", "Personnes ou nombre déclaré", "Raison du refus");
        if (measure.refused().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun aménagement refusé sur cette fenêtre.", st.note);
        }
        for (RefusedAdjustment refused : measure.refused()) {
            Row row = b.row();
            b.text(row, 0, refused.indicator() == null ? "Tous (code inconnu)"
                    : FrenchText.indicator(refused.indicator()));
            b.text(row, 1, refused.code());
            b.text(row, 2, FrenchText.source(refused.source()));
            b.integer(row, 3, refused.count());
            b.text(row, 4, refused.reason());
        }
        b.finish(null);
    }

    // ---------------------------------------------------------------- Qualité des données

    private void dataQuality(XSSFWorkbook workbook, Styles st, EssmsReport report) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(QUALITE), st);
        DataQuality quality = report.quality();
        b.overflowText(b.row(), 0, "Qualité des données — " + FrenchText.orEmpty(report.identity().raisonSociale()),
                st.title);
        b.skip(1);

        b.overflowText(b.row(), 0, "Exports utilisés", st.heading);
        b.headerRow("Paquet", "Éditeur", "Logiciel", "Version du logiciel", "Date d'extraction", "Empreinte SHA-256");
        if (quality.packages().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun export indiqué.", st.note);
        }
        for (PackageUsed used : quality.packages()) {
            Row row = b.row();
            b.text(row, 0, used.name());
            b.text(row, 1, used.editor());
            b.text(row, 2, used.software());
            b.text(row, 3, used.softwareVersion());
            b.date(row, 4, used.extractionDate());
            b.text(row, 5, used.sha256());
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Lignes lues, retenues et rejetées par fichier", st.heading);
        b.headerRow("Paquet", "Fichier", "Lignes lues", "Lignes retenues", "Lignes rejetées", "Fichier rejeté en entier");
        if (quality.files().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun fichier indiqué.", st.note);
        }
        long read = 0;
        long kept = 0;
        long rejected = 0;
        for (FileCount file : quality.files()) {
            Row row = b.row();
            b.text(row, 0, file.packageName());
            b.text(row, 1, file.file());
            b.integer(row, 2, file.read());
            b.integer(row, 3, file.kept());
            b.integer(row, 4, file.rejected());
            b.text(row, 5, file.rejectedWhole());
            read += file.read();
            kept += file.kept();
            rejected += file.rejected();
        }
        if (!quality.files().isEmpty()) {
            Row total = b.row();
            b.text(total, 0, "Total", st.label);
            b.integer(total, 2, read, st.integerBold);
            b.integer(total, 3, kept, st.integerBold);
            b.integer(total, 4, rejected, st.integerBold);
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Avertissements", st.heading);
        b.headerRow("Origine", "Avertissement");
        if (quality.warnings().isEmpty() && report.measure().warnings().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun avertissement.", st.note);
        }
        for (String warning : quality.warnings()) {
            Row row = b.row();
            b.text(row, 0, "Lecture des exports");
            b.overflowText(row, 1, warning, st.text);
        }
        for (String warning : report.measure().warnings()) {
            Row row = b.row();
            b.text(row, 0, "Calcul des indicateurs");
            b.overflowText(row, 1, warning, st.text);
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Lignes rejetées", st.heading);
        Row where = b.row();
        String location = quality.rejectionsLocation();
        b.overflowText(where, 0, location == null || location.isBlank()
                ? "Emplacement du rapport de rejets non indiqué."
                : "Le détail des lignes rejetées (fichier, ligne, colonne, motif) se trouve dans : " + location, st.text);
        b.finish(null);
    }

    // ---------------------------------------------------------------- helpers

    private static IndicatorResult find(EssmsMeasure measure, Indicator indicator) {
        return measure.results().stream().filter(r -> r.indicator() == indicator).findFirst().orElse(null);
    }

    /**
     * The rate as a fraction, from the rounded tenths of the rules (0.925 for 92,5 %), so the workbook shows the
     * very figure of the output contract; null when not computable or a counter.
     */
    static Double rate(IndicatorResult result) {
        Long tenths = result == null ? null : result.rateTenths();
        return tenths == null || !result.indicator().isRated() ? null : tenths / 1000.0;
    }

    private static String join(String id, String title) {
        boolean hasId = id != null && !id.isBlank();
        boolean hasTitle = title != null && !title.isBlank();
        if (hasId && hasTitle) {
            return id + " — " + title;
        }
        return hasId ? id : FrenchText.orEmpty(title);
    }
}
