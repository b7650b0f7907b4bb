package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.rules.AdjustmentSource;
import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.List;

import static fr.esms.indicateurs.solde.SoldeCells.Rows;
import static fr.esms.indicateurs.solde.SoldeCells.date;
import static fr.esms.indicateurs.solde.SoldeCells.header;
import static fr.esms.indicateurs.solde.SoldeCells.number;
import static fr.esms.indicateurs.solde.SoldeCells.text;

/** The ESSMS sheet of the solde workbook: each indicator of each ESSMS, with its adjustments. */
final class SoldeEssmsSheet {

    private SoldeEssmsSheet() {
    }

    static void write(Sheet sheet, SoldeStyles s, ProjectSolde solde) {
        int[] widths = {6, 11, 32, 10, 22, 26, 11, 11, 12, 12, 11, 12, 9, 8, 20, 9, 48, 48, 18, 40};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Rows rows = new Rows(sheet);
        header(rows.next(), s, "Rang", "FINESS", "Raison sociale", "Catégorie", "Secteur", "Indicateur",
                "Fenêtre du", "Fenêtre au", "Numérateur", "Dénominateur brut", "Ajustement", "Dénominateur", "Taux",
                "Cible", "Atteinte", "Manque", "Aménagements appliqués", "Aménagements non appliqués",
                "Décision ESSMS", "Avertissements");
        sheet.createFreezePane(2, 1);
        for (EssmsSolde e : solde.essms()) {
            boolean first = true;
            for (IndicatorResult r : e.results()) {
                Row row = rows.next();
                boolean firstOfEssms = first;
                MeasureWindow w = solde.windows().of(r.indicator());
                number(row, 0, e.rank(), s.plain);
                text(row, 1, e.finess(), s.plain);
                text(row, 2, e.essms().raisonSociale(), s.plain);
                text(row, 3, e.essms().categorie(), s.plain);
                text(row, 4, e.sector().label(), s.plain);
                text(row, 5, SoldeTexts.indicator(r.indicator()), s.plain);
                date(row, 6, w.start(), s.date);
                date(row, 7, w.end(), s.date);
                number(row, 8, r.numerator(), s.plain);
                number(row, 9, r.rawDenominator(), s.plain);
                number(row, 10, r.adjustment(), s.plain);
                number(row, 11, r.denominator(), s.plain);
                Long tenths = r.rateTenths();
                if (tenths != null) {
                    // The rate shown is the spec's: rounded half-up to one decimal.
                    row.createCell(12).setCellValue(tenths / 1000.0);
                    row.getCell(12).setCellStyle(s.rate);
                } else {
                    text(row, 12, "NC", s.plain);
                }
                if (r.target() != null) {
                    row.createCell(13).setCellValue(r.target() / 100.0);
                    row.getCell(13).setCellStyle(s.target);
                }
                text(row, 14, SoldeTexts.attainment(r.attainment()), s.attainment(r.attainment()));
                number(row, 15, r.gap(), s.plain);
                text(row, 16, String.join("\n", e.applied().stream().filter(a -> a.indicator() == r.indicator())
                        .map(SoldeEssmsSheet::applied).toList()), s.wrap);
                text(row, 17, String.join("\n", e.refused().stream()
                        .filter(a -> a.indicator() == r.indicator() || (firstOfEssms && a.indicator() == null))
                        .map(SoldeEssmsSheet::refused).toList()), s.wrap);
                text(row, 18, e.decision().essmsWording(), s.decision(e.decision()));
                if (first) {
                    List<String> notes = new ArrayList<>();
                    if (solde.windows().services().equals(solde.windows().dui())) {
                        if (!e.withData()) {
                            notes.add("aucune donnée sur la fenêtre finale");
                        }
                    } else {
                        if (!e.duiData()) {
                            notes.add("aucune donnée sur la fenêtre des indicateurs DUI");
                        }
                        if (!e.servicesData()) {
                            notes.add("aucune donnée sur la fenêtre MSS et DMP");
                        }
                    }
                    notes.addAll(e.warnings());
                    text(row, 19, String.join("\n", notes), s.wrap);
                }
                first = false;
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.last()), 0, 19));
    }

    static String applied(AppliedAdjustment a) {
        return a.code() + " (" + a.label() + ") : " + a.count() + " personne(s) retirée(s), "
                + (a.source() == AdjustmentSource.CODE_USAGER ? "codes des usagers" : "aménagement déclaré")
                + (a.reference() == null || a.reference().isBlank() ? "" : " — réf. " + a.reference());
    }

    static String refused(RefusedAdjustment a) {
        return a.code() + " (" + a.count() + ", "
                + (a.source() == AdjustmentSource.CODE_USAGER ? "codes des usagers" : "aménagement déclaré")
                + ") : " + a.reason();
    }
}
