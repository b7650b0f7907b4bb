package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.ArrayList;
import java.util.List;

/** The ESSMS sheet of the regional workbook: one row per ESSMS of the referential, with or without data. */
final class RegionalEssmsSheet {

    private static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;

    private RegionalEssmsSheet() {
    }

    static void write(SXSSFWorkbook workbook, Styles st, RegionalReport report, List<RegionalRow> rows) {
        Sheet sheet = workbook.createSheet(RegionalWorkbookWriter.ESSMS);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "ESSMS du référentiel — mesure de " + FrenchText.month(report.month()), st.title);
        b.overflowText(b.row(), 0, "Une ligne par ESSMS, avec ou sans données. Taux vides : non calculables"
                + " (dénominateur nul) ou sans données. Couleurs : voir la légende de l'onglet Synthèse.", st.note);
        b.skip(1);
        List<String> headers = new ArrayList<>(List.of("FINESS", "Raison sociale", "FINESS juridique",
                "Catégorie FINESS", "Secteur", "Département", "Projet", "Éditeur", "Données du mois",
                "Dernier export reçu le", "Export en retard", "Toutes les cibles atteintes",
                "Personnes accompagnées", "DUI actifs"));
        for (Indicator indicator : RATED) {
            String name = FrenchText.indicatorShort(indicator);
            headers.add(name + " : taux");
            headers.add(name + " : atteinte");
            headers.add(name + " : manque");
        }
        headers.add(FrenchText.indicatorShort(Indicator.EPRESCRIPTION));
        headers.add(FrenchText.indicatorShort(Indicator.EPARCOURS));
        headers.add("Source des chiffres");
        int sourceColumn = headers.size() - 1;
        int headerRow = b.nextRow();
        b.headerRow(headers.toArray(String[]::new));

        for (RegionalRow regionalRow : rows) {
            EssmsIdentity id = regionalRow.identity();
            EssmsMeasure measure = regionalRow.measure();
            Row row = b.row();
            int col = 0;
            b.text(row, col++, id.finess());
            b.text(row, col++, id.raisonSociale());
            b.text(row, col++, id.finessEj());
            b.text(row, col++, id.categorie());
            b.text(row, col++, FrenchText.sector(id.sector()));
            b.text(row, col++, id.departement());
            b.text(row, col++, id.projetId());
            b.text(row, col++, id.editeur());
            b.text(row, col++, FrenchText.yesNo(measure != null));
            if (regionalRow.source() != null) {
                b.text(row, sourceColumn, regionalRow.source().shortLabel());
            }
            b.date(row, col++, regionalRow.lastExportDate());
            b.text(row, col++, measure == null || report.lateAfter() == null || regionalRow.lastExportDate() == null
                    ? "" : FrenchText.yesNo(regionalRow.isLate(report.lateAfter())));
            if (measure == null) {
                b.text(row, col, "Sans données");
                continue;
            }
            boolean all = measure.reachesAllTargets();
            b.text(row, col++, FrenchText.yesNo(all), all ? st.text(Legend.Band.REACHED) : st.text);
            IndicatorResult active = RegionalWorkbookWriter.find(measure, Indicator.DOSSIERS_ACTIFS);
            b.integer(row, col++, active == null ? null : active.rawDenominator(), st.integer);
            b.integer(row, col++, active == null ? null : active.numerator(), st.integer);
            for (Indicator indicator : RATED) {
                IndicatorResult result = RegionalWorkbookWriter.find(measure, indicator);
                Legend.Band band = Legend.of(result);
                b.fraction(row, col++, EssmsWorkbookWriter.rate(result), st.rate(band));
                b.text(row, col++, result == null ? "" : FrenchText.attainment(result.attainment()), st.text(band));
                b.integer(row, col++, result == null ? null : result.gap(), st.integer);
            }
            for (Indicator counter : List.of(Indicator.EPRESCRIPTION, Indicator.EPARCOURS)) {
                IndicatorResult result = RegionalWorkbookWriter.find(measure, counter);
                b.integer(row, col++, result == null ? null : result.numerator(), st.integer);
            }
        }
        int lastRow = Math.max(headerRow, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, headers.size() - 1));
        sheet.createFreezePane(2, headerRow + 1);
        b.finish(headerRow);
    }
}
