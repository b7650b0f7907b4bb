package fr.esms.indicateurs.report;

import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.alerte.IndicatorOutlook;
import fr.esms.indicateurs.alerte.Months;
import fr.esms.indicateurs.alerte.Outlook;
import fr.esms.indicateurs.alerte.Trend;
import fr.esms.indicateurs.rules.Indicator;

import java.util.List;

/**
 * The early warning in the ESSMS workbook: a section of the Synthèse sheet and the estimated row of the
 * Historique table. Both say they are estimates; the measured figures above them are unchanged.
 */
final class EssmsOutlookSection {

    static final String HEADING = "Tendance (estimation)";
    static final String ESTIMATE_SUFFIX = " (estimation)";

    private EssmsOutlookSection() {
    }

    /** The section of the Synthèse sheet; nothing when there is no outlook. */
    static void synthesis(XlsxSheetBuilder b, XlsxStyles st, EssmsOutlook outlook) {
        if (outlook == null) {
            return;
        }
        b.overflowText(b.row(), 0, HEADING, st.heading);
        XlsxRow line = b.row();
        b.text(line, 0, "Classe de l'ESSMS", st.label);
        b.text(line, 1, outlook.outlook().label(), style(st, outlook.outlook()));
        XlsxRow deadline = b.row();
        b.text(deadline, 0, "Fin de déploiement du projet", st.label);
        b.overflowText(deadline, 1, outlook.deadline() == null ? "inconnue"
                : FrenchText.month(outlook.deadline()), st.text);
        b.overflowText(b.row(), 0, "Estimation, pas une mesure : droite des moindres carrés sur les mois mesurés"
                + " (fenêtre d'un mois) des " + Trend.MAX_MONTHS + " derniers mois, au moins " + Trend.MIN_POINTS
                + " mois. Elle ne change ni les chiffres ni l'atteinte ci-dessus.", st.note);
        b.headerRow("Indicateur", "Classe", "Dernier taux", "Tendance", "Taux estimé à l'échéance",
                "Cible atteinte par la tendance en", "Rythme nécessaire", "Explication");
        for (IndicatorOutlook o : outlook.indicators()) {
            XlsxRow row = b.row();
            b.text(row, 0, FrenchText.indicator(o.indicator()));
            b.text(row, 1, o.outlook().label(), style(st, o.outlook()));
            b.fraction(row, 2, o.lastRate() == null ? null : o.lastRate() / 100, st.rate);
            b.text(row, 3, o.trend() == null ? "" : Months.pace(o.trend().slope()));
            b.fraction(row, 4, o.projectedAtDeadline() == null ? null : o.projectedAtDeadline() / 100, st.rate);
            b.text(row, 5, o.trend() == null ? "" : o.reachMonth() == null ? "jamais"
                    : FrenchText.month(o.reachMonth()));
            b.text(row, 6, o.paceNeeded() == null ? "" : Months.pace(o.paceNeeded()));
            b.overflowText(row, 7, o.reason(), st.text);
        }
        b.skip(1);
    }

    /**
     * The row of the Historique table for the deadline month, with the rates the trends give there; written only
     * when some indicator has a trend and the deadline is after the measure month.
     *
     * @return whether the row was written
     */
    static boolean projectionRow(XlsxSheetBuilder b, XlsxStyles st, EssmsOutlook outlook, List<Indicator> rated,
                                 int counters, List<Integer> targets) {
        if (outlook == null || outlook.deadline() == null || !outlook.deadline().isAfter(outlook.month())
                || outlook.indicators().stream().noneMatch(o -> o.projectedAtDeadline() != null)) {
            return false;
        }
        XlsxRow row = b.row();
        int col = 0;
        b.text(row, col++, FrenchText.month(outlook.deadline()) + ESTIMATE_SUFFIX, st.note);
        b.text(row, col++, "", st.note);
        for (Indicator indicator : rated) {
            Double projected = outlook.indicator(indicator).map(IndicatorOutlook::projectedAtDeadline).orElse(null);
            b.fraction(row, col++, projected == null ? null : projected / 100, st.rate);
        }
        col += counters;
        for (Integer target : targets) {
            b.fraction(row, col++, target / 100.0, st.target);
        }
        return true;
    }

    private static XlsxStyle style(XlsxStyles st, Outlook outlook) {
        return st.text(switch (outlook) {
            case CIBLE_ATTEINTE, EN_BONNE_VOIE -> Legend.Band.REACHED;
            case A_RISQUE -> Legend.Band.FAR;
            case DONNEES_INSUFFISANTES -> Legend.Band.NEUTRAL;
        });
    }
}
