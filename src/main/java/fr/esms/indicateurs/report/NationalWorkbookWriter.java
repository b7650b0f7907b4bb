package fr.esms.indicateurs.report;

import fr.esms.indicateurs.consolidation.Consolidation;
import fr.esms.indicateurs.consolidation.ContractRow;
import fr.esms.indicateurs.consolidation.InstallationOutput;
import fr.esms.indicateurs.consolidation.PooledStats;
import fr.esms.indicateurs.rules.Indicator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Objects;

/**
 * The national workbook of a consolidation: {@code national/consolidation_<AAAA-MM>.xlsx} under the output folder,
 * with the sheets Synthèse, Régions, Secteurs, Éditeurs, Organismes gestionnaires, Doublons and Avertissements.
 * Written with POI's streaming API like the regional workbook.
 */
public final class NationalWorkbookWriter {

    public static final String SYNTHESE = "Synthèse";
    public static final String REGIONS = "Régions";
    public static final String SECTEURS = "Secteurs";
    public static final String EDITEURS = "Éditeurs";
    public static final String ORGANISMES = "Organismes gestionnaires";
    public static final String DOUBLONS = "Doublons";
    public static final String AVERTISSEMENTS = "Avertissements";

    static final String RATES_NOTE = "Taux agrégé : somme des numérateurs / somme des dénominateurs des ESSMS tenus"
            + " à la cible dont le taux est calculable (chaque personne pèse autant). Taux moyen : moyenne simple des"
            + " taux de ces mêmes ESSMS, comme dans les synthèses régionales (chaque ESSMS pèse autant).";

    private final Clock clock;

    public NationalWorkbookWriter() {
        this(Clock.systemDefaultZone());
    }

    public NationalWorkbookWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public static Path target(Path outputDir, YearMonth month) {
        return PathParts.under(outputDir, "national", "consolidation_" + PathParts.month(month) + ".xlsx");
    }

    public Path write(Consolidation consolidation, Path outputDir) throws IOException {
        Path target = target(outputDir, consolidation.month());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(RegionalWorkbookWriter.ROW_WINDOW)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            summary(workbook, styles, consolidation);
            groups(workbook, styles, REGIONS, "Région", consolidation.regions().values(), consolidation.nation());
            groups(workbook, styles, SECTEURS, "Secteur", consolidation.sectors().values(), consolidation.nation());
            groups(workbook, styles, EDITEURS, "Éditeur", consolidation.editors().values(), consolidation.nation());
            groups(workbook, styles, ORGANISMES, "Organisme gestionnaire (FINESS juridique)",
                    consolidation.organisations().values(), consolidation.nation());
            overlaps(workbook, styles, consolidation);
            warnings(workbook, styles, consolidation);
            workbook.setActiveSheet(0);
            WorkbookFiles.save(workbook, target);
        }
        return target;
    }

    private void summary(SXSSFWorkbook workbook, Styles st, Consolidation c) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(SYNTHESE), st);
        PooledStats nation = c.nation();
        b.overflowText(b.row(), 0, "Indicateurs d'usage du DUI — consolidation nationale", st.title);
        b.overflowText(b.row(), 0, "Mesure de " + FrenchText.month(c.month()) + ", fenêtre de "
                + FrenchText.window(c.month(), c.windowMonths()), st.note);
        b.skip(1);
        Row dui = b.row();
        dui.setHeightInPoints(24f);
        b.text(dui, 0, "DUI actifs (total national)", st.heading);
        b.integer(dui, 1, nation.duiActifs(), st.keyFigure);
        b.overflowText(b.row(), 0, "Somme des numérateurs de l'indicateur Dossiers actifs des ESSMS de toutes les"
                + " entrées, chaque ESSMS compté une fois.", st.note);
        b.skip(1);
        b.keyFigure("ESSMS comptés", nation.essms());
        b.keyFigure("Installations consolidées", c.inputs().size());
        b.keyFigure("ESSMS présents dans plusieurs entrées (comptés une fois)", c.overlaps().size());
        b.textLine("Version des règles", c.rulesVersions());
        Row generated = b.row();
        b.text(generated, 0, "Généré le", st.label);
        b.date(generated, 1, LocalDate.now(clock));
        b.skip(1);

        b.overflowText(b.row(), 0, "Entrées", st.heading);
        b.headerRow("Installation", "Chiffres utilisés", "Révision clôturée", "ESSMS", "DUI actifs",
                "Référentiel");
        for (InstallationOutput input : c.inputs()) {
            Row row = b.row();
            b.text(row, 0, input.name());
            b.text(row, 1, input.source());
            b.text(row, 2, input.revision() == null ? "non clôturé" : "révision " + input.revision());
            b.integer(row, 3, input.figures().size());
            b.integer(row, 4, input.figures().values().stream()
                    .map(f -> f.get(Indicator.DOSSIERS_ACTIFS)).filter(Objects::nonNull)
                    .mapToLong(ContractRow::numerator).sum());
            b.text(row, 5, input.referentialFile().toString());
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Atteinte des cibles par indicateur (national)", st.heading);
        int header = b.nextRow();
        b.headerRow("Indicateur", "Cible", "ESSMS tenus à la cible", "Atteignent la cible", "Part atteignant",
                "Taux agrégé", "Taux moyen des ESSMS", "Somme des numérateurs", "Somme des dénominateurs");
        for (Indicator indicator : PooledStats.RATED) {
            Row row = b.row();
            Integer target = nation.target(indicator);
            b.text(row, 0, FrenchText.indicator(indicator));
            b.fraction(row, 1, target == null ? null : target / 100.0, st.target);
            b.integer(row, 2, nation.held(indicator));
            b.integer(row, 3, nation.reached(indicator));
            b.fraction(row, 4, nation.shareReached(indicator), st.rate);
            b.fraction(row, 5, nation.pooledRate(indicator),
                    st.rate(Legend.ofRate(nation.pooledRate(indicator), target)));
            b.fraction(row, 6, nation.meanRate(indicator), st.rate(Legend.ofRate(nation.meanRate(indicator), target)));
            b.integer(row, 7, nation.numerators(indicator));
            b.integer(row, 8, nation.denominators(indicator));
        }
        Row prescriptions = b.row();
        b.text(prescriptions, 0, FrenchText.indicator(Indicator.EPRESCRIPTION));
        b.integer(prescriptions, 7, nation.eprescriptions());
        Row exchanges = b.row();
        b.text(exchanges, 0, FrenchText.indicator(Indicator.EPARCOURS));
        b.integer(exchanges, 7, nation.eparcours());
        b.overflowText(b.row(), 0, RATES_NOTE, st.note);
        b.skip(1);
        b.legend(0);
        b.finish(header);
    }

    private static void groups(SXSSFWorkbook workbook, Styles st, String name, String keyHeader,
                               Collection<PooledStats> groups, PooledStats nation) {
        Sheet sheet = workbook.createSheet(name);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "Répartition par " + keyHeader.toLowerCase(java.util.Locale.FRENCH), st.title);
        b.overflowText(b.row(), 0, RATES_NOTE, st.note);
        b.skip(1);
        String[] fixed = {keyHeader, "ESSMS", "DUI actifs"};
        int top = b.nextRow();
        Row topRow = b.row();
        topRow.setHeightInPoints(20f);
        Row subRow = b.row();
        subRow.setHeightInPoints(32f);
        for (int col = 0; col < fixed.length; col++) {
            b.header(topRow, col, fixed[col]);
            b.header(subRow, col, "");
            sheet.addMergedRegion(new CellRangeAddress(top, top + 1, col, col));
        }
        int col = fixed.length;
        for (Indicator indicator : PooledStats.RATED) {
            String[] sub = {"Tenus à la cible", "Atteignent la cible", "Taux agrégé", "Taux moyen"};
            for (int k = 0; k < sub.length; k++) {
                b.header(topRow, col + k, k == 0 ? FrenchText.indicatorShort(indicator) : "");
                b.header(subRow, col + k, sub[k]);
            }
            sheet.addMergedRegion(new CellRangeAddress(top, top, col, col + sub.length - 1));
            col += sub.length;
        }
        for (PooledStats group : groups) {
            groupRow(b, group, st.text, st.integer);
        }
        groupRow(b, nation, st.textBold, st.integerBold);
        sheet.createFreezePane(1, top + 2);
        b.finish(top, top + 1);
    }

    private static void groupRow(SheetBuilder b, PooledStats group, CellStyle text, CellStyle integer) {
        Styles st = b.styles;
        Row row = b.row();
        int col = 0;
        b.text(row, col++, group.label(), text);
        b.integer(row, col++, (long) group.essms(), integer);
        b.integer(row, col++, group.duiActifs(), integer);
        for (Indicator indicator : PooledStats.RATED) {
            Integer target = group.target(indicator);
            b.integer(row, col++, (long) group.held(indicator), integer);
            b.integer(row, col++, (long) group.reached(indicator), integer);
            b.fraction(row, col++, group.pooledRate(indicator), st.rate(Legend.ofRate(group.pooledRate(indicator),
                    target)));
            b.fraction(row, col++, group.meanRate(indicator), st.rate(Legend.ofRate(group.meanRate(indicator),
                    target)));
        }
    }

    private static void overlaps(SXSSFWorkbook workbook, Styles st, Consolidation c) {
        Sheet sheet = workbook.createSheet(DOUBLONS);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "ESSMS présents dans plusieurs entrées", st.title);
        b.overflowText(b.row(), 0, "Chacun n'est compté qu'une fois, avec les chiffres de la première entrée donnée"
                + " (ordre des options --entree). Vérifiez auprès des ARS concernées à quelle région il appartient.",
                st.note);
        b.skip(1);
        int header = b.nextRow();
        b.headerRow("FINESS", "Compté depuis", "Aussi présent dans", "Mêmes chiffres partout");
        for (Consolidation.Overlap overlap : c.overlaps()) {
            Row row = b.row();
            b.text(row, 0, overlap.finess());
            b.text(row, 1, overlap.kept());
            b.text(row, 2, String.join(", ", overlap.also()));
            b.text(row, 3, FrenchText.yesNo(overlap.sameFigures()));
        }
        if (c.overlaps().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun ESSMS n'est présent dans plusieurs entrées.", st.note);
        }
        b.finish(header);
    }

    private static void warnings(SXSSFWorkbook workbook, Styles st, Consolidation c) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(AVERTISSEMENTS), st);
        b.overflowText(b.row(), 0, "Avertissements de la consolidation", st.title);
        b.skip(1);
        for (String warning : c.warnings()) {
            b.overflowText(b.row(), 0, warning, st.text);
        }
        if (c.warnings().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun avertissement.", st.note);
        }
        b.finish(null);
    }
}
