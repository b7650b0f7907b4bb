package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Indicator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The sheets Départements, Secteurs and Éditeurs of the regional workbook: one row per group, then the region's
 * total, with the attainment of each target.
 */
final class GroupSheets {

    private static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;

    private GroupSheets() {
    }

    static void write(SXSSFWorkbook workbook, Styles st, String name, String keyHeader,
                      Collection<GroupStats> groups, GroupStats region) {
        Sheet sheet = workbook.createSheet(name);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "Répartition par " + keyHeader.toLowerCase(Locale.FRENCH), st.title);
        b.overflowText(b.row(), 0, "Part : parmi les ESSMS avec données tenus à la cible. Taux moyen : moyenne simple"
                + " des taux calculables, colorée selon la cible (légende de l'onglet Synthèse).", st.note);
        b.skip(1);

        String[] fixed = {keyHeader, "ESSMS", "Avec données", "Sans données", "Exports en retard",
                "Atteignent toutes leurs cibles", "Part atteignant toutes leurs cibles", "DUI actifs"};
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
        for (Indicator indicator : RATED) {
            b.header(topRow, col, FrenchText.indicatorShort(indicator));
            b.header(topRow, col + 1, "");
            b.header(topRow, col + 2, "");
            sheet.addMergedRegion(new CellRangeAddress(top, top, col, col + 2));
            b.header(subRow, col, "Atteignent la cible");
            b.header(subRow, col + 1, "Part atteignant");
            b.header(subRow, col + 2, "Taux moyen");
            col += 3;
        }

        for (GroupStats group : groups) {
            groupRow(b, group, st.text, st.integer);
        }
        groupRow(b, region, st.textBold, st.integerBold);
        sheet.createFreezePane(1, top + 2);
        b.finish(top, top + 1);
    }

    private static void groupRow(SheetBuilder b, GroupStats group, CellStyle text, CellStyle integer) {
        Styles st = b.styles;
        Row row = b.row();
        int col = 0;
        b.text(row, col++, group.label, text);
        b.integer(row, col++, (long) group.essms, integer);
        b.integer(row, col++, (long) group.withData, integer);
        b.integer(row, col++, (long) group.withoutData(), integer);
        b.integer(row, col++, (long) group.late, integer);
        b.integer(row, col++, (long) group.reachingAll, integer);
        b.fraction(row, col++, group.shareReachingAll(), st.rate);
        b.integer(row, col++, group.duiActifs, integer);
        for (int i = 0; i < RATED.size(); i++) {
            b.integer(row, col++, (long) group.reached[i], integer);
            b.fraction(row, col++, group.shareReached(i), st.rate);
            Double mean = group.meanRate(i);
            b.fraction(row, col++, mean, st.rate(Legend.ofRate(mean, group.target(i))));
        }
    }
}
