package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.RefusedAdjustment;

/** The Aménagements sheet of an ESSMS workbook: the adjustments applied to the denominators, then those refused. */
final class EssmsAdjustmentsSheet {

    private EssmsAdjustmentsSheet() {
    }

    static void write(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(EssmsWorkbookWriter.AMENAGEMENTS), st);
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
}
