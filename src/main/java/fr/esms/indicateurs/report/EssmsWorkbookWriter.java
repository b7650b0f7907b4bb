package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * The workbook of one ESSMS for one measure: {@code rapports/<projet_id>/<finess>_<AAAA-MM>.xlsx} under the
 * output folder, with the sheets Synthèse, Historique, Aménagements and Qualité des données.
 *
 * <p>The file is written directly as SpreadsheetML ({@link XlsxWorkbook}), not with POI's XSSF model whose
 * XMLBeans cost about six times more CPU for such small workbooks ({@code ReportBench}). Each call builds one small workbook in
 * memory and saves it: thousands of ESSMS are written one after the other with flat memory. Instances hold
 * only immutable state and may be shared between threads.
 */
public final class EssmsWorkbookWriter {

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

    /**
     * Zip level of the workbooks. Measured on a workbook with 12 months of history (4,000 zips of its parts,
     * thread CPU time): the default level costs about 0.55 ms per workbook for 12.0 KB, {@link Deflater#BEST_SPEED}
     * about 0.22 ms for 13.1 KB: a third of a millisecond, a fifth of the whole workbook, for 9 % more bytes
     * (which did not show in the wall time of 2,000 workbooks, within the noise of a busy machine).
     */
    static final int COMPRESSION_LEVEL = Deflater.BEST_SPEED;

    private final Clock clock;
    private final XlsxStyles styles;
    private final int compressionLevel;
    /** Null: the workbooks are not encrypted. */
    private final String password;

    public EssmsWorkbookWriter() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock gives the "généré le" date */
    public EssmsWorkbookWriter(Clock clock) {
        this(clock, new XlsxStyles(), COMPRESSION_LEVEL);
    }

    EssmsWorkbookWriter(Clock clock, XlsxStyles styles, int compressionLevel) {
        this(clock, styles, compressionLevel, null);
    }

    private EssmsWorkbookWriter(Clock clock, XlsxStyles styles, int compressionLevel, String password) {
        this.clock = Objects.requireNonNull(clock);
        this.styles = Objects.requireNonNull(styles);
        this.compressionLevel = compressionLevel;
        this.password = password;
    }

    /** The same writer, encrypting every workbook with {@code password} (agile encryption) unless it is null. */
    public EssmsWorkbookWriter protectedBy(String password) {
        return new EssmsWorkbookWriter(clock, styles, compressionLevel, password);
    }

    /** Where the workbook of an ESSMS and month goes, every part built from input sanitised. */
    public static Path target(Path outputDir, EssmsIdentity identity, YearMonth month) {
        return PathParts.under(outputDir, "rapports", PathParts.sanitise(identity.projetId()),
                PathParts.sanitise(identity.finess()) + "_" + PathParts.month(month) + ".xlsx");
    }

    /** Writes the workbook (replacing an older one) and returns its path. */
    public Path write(EssmsReport report, Path outputDir) throws IOException {
        Path target = target(outputDir, report.identity(), report.measure().window().month());
        XlsxWorkbook workbook = new XlsxWorkbook(styles, compressionLevel, clock.instant());
        synthesis(workbook, styles, report);
        history(workbook, styles, report);
        adjustments(workbook, styles, report);
        dataQuality(workbook, styles, report);
        workbook.save(target, password); // the first sheet is the active one
        return target;
    }

    // ---------------------------------------------------------------- Synthèse

    private void synthesis(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(SYNTHESE), st);
        EssmsIdentity id = report.identity();
        EssmsMeasure measure = report.measure();

        b.overflowText(b.row(), 0, "Indicateurs d'usage du DUI — programme ESMS numérique", st.title);
        b.overflowText(b.row(), 0, id.raisonSociale(), st.heading);
        if (report.closedNotice() != null) {
            b.overflowText(b.row(), 0, report.closedNotice(), st.textBold);
        }
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
            XlsxRow source = b.row();
            b.text(source, 0, "Source des chiffres", st.label);
            b.overflowText(source, 1, figures.sentence(), st.textBold);
            if (figures.kind() == FigureSource.Kind.AGREGATS) {
                b.overflowText(b.row(), 1, "Les chiffres sont ceux que l'éditeur a comptés lui-même pour exactement"
                        + " cette fenêtre (pas de données individuelles) ; e-prescription et e-parcours valent 0.",
                        st.note);
            }
        }
        XlsxRow generated = b.row();
        b.text(generated, 0, "Généré le", st.label);
        b.date(generated, 1, LocalDate.now(clock));
        b.skip(1);

        b.headerRow("Indicateur", "Numérateur", "Dénominateur brut", "Ajustement", "Dénominateur", "Taux",
                "Cible", "Atteinte", "Manque", "En clair");
        for (Indicator indicator : Indicator.values()) {
            IndicatorResult result = find(measure, indicator);
            XlsxRow row = b.row();
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
        XlsxRow all = b.row();
        b.text(all, 0, "Toutes les cibles atteintes", st.label);
        b.text(all, 1, FrenchText.yesNo(measure.reachesAllTargets()), st.textBold);
        b.skip(1);
        b.overflowText(b.row(), 0, "Les taux sont arrondis au dixième ; l'atteinte est décidée sur les nombres"
                + " exacts : un taux affiché 90,0 % peut rester sous une cible de 90 %. Manque : ce qu'il faut"
                + " ajouter au numérateur pour atteindre la cible.", st.note);
        b.skip(1);
        EssmsOutlookSection.synthesis(b, st, report.outlook());
        b.legend(0);
        b.skip(1);
        b.overflowText(b.row(), 0, "Définitions", st.heading);
        for (Indicator indicator : Indicator.values()) {
            XlsxRow row = b.row();
            b.text(row, 0, FrenchText.indicator(indicator));
            b.overflowText(row, 1, FrenchText.definition(indicator), st.text);
        }
        b.finish(null);
    }

    private static void identityLine(XlsxSheetBuilder b, String label, String value) {
        XlsxRow row = b.row();
        b.text(row, 0, label, b.styles.label);
        b.overflowText(row, 1, value, b.styles.text);
    }

    // ---------------------------------------------------------------- Historique

    private void history(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
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
            List<Double> rates = points.stream().map(p -> rate(p.result(indicator))).toList();
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

    // ---------------------------------------------------------------- Aménagements

    private void adjustments(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(AMENAGEMENTS), st);
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
            XlsxRow row = b.row();
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
            XlsxRow row = b.row();
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

    private void dataQuality(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(QUALITE), st);
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
            XlsxRow row = b.row();
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
            XlsxRow row = b.row();
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
            XlsxRow total = b.row();
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
            XlsxRow row = b.row();
            b.text(row, 0, "Lecture des exports");
            b.overflowText(row, 1, warning, st.text);
        }
        for (String warning : report.measure().warnings()) {
            XlsxRow row = b.row();
            b.text(row, 0, "Calcul des indicateurs");
            b.overflowText(row, 1, warning, st.text);
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Lignes rejetées", st.heading);
        XlsxRow where = b.row();
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
