package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Indicator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.LocalDate;
import java.util.List;

/**
 * The Synthèse sheet of the regional workbook: the region's key figures, the measure's frame (month, window, rules
 * version, deadline) and the attainment of each target.
 */
final class RegionalSummarySheet {

    private static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;

    private RegionalSummarySheet() {
    }

    /** @param generatedOn the "généré le" date */
    static void write(SXSSFWorkbook workbook, Styles st, RegionalReport report, RegionalGroups groups,
                      LocalDate generatedOn) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(RegionalWorkbookWriter.SYNTHESE), st);
        GroupStats region = groups.region();
        b.overflowText(b.row(), 0, "Indicateurs d'usage du DUI — synthèse régionale", st.title);
        b.overflowText(b.row(), 0, "Mesure de " + FrenchText.month(report.month()) + ", fenêtre de "
                + FrenchText.window(report.month(), report.windowMonths()), st.note);
        if (report.closed() != null) {
            b.overflowText(b.row(), 0, report.closed().notice(), st.textBold);
        }
        b.skip(1);

        Row dui = b.row();
        dui.setHeightInPoints(24f);
        b.text(dui, 0, "DUI actifs dans la région", st.heading);
        b.integer(dui, 1, region.duiActifs, st.keyFigure);
        b.overflowText(b.row(), 0, "Somme, sur les ESSMS ayant des données, des personnes ayant un dossier actif"
                + " (numérateurs de l'indicateur Dossiers actifs).", st.note);
        b.skip(1);

        b.keyFigure("ESSMS du référentiel", region.essms);
        b.keyFigure("ESSMS avec des données pour le mois", region.withData);
        b.keyFigure("ESSMS sans données pour le mois", region.withoutData());
        if (report.lateAfter() != null) {
            b.keyFigure("Exports arrivés après le " + FrenchText.date(report.lateAfter()), region.late);
        }
        b.keyFigure("ESSMS atteignant toutes leurs cibles", region.reachingAll);
        b.textLine("Mois de mesure", FrenchText.month(report.month()));
        b.textLine("Fenêtre", FrenchText.window(report.month(), report.windowMonths()));
        b.textLine("Version des règles", groups.rulesVersions());
        Row deadline = b.row();
        b.text(deadline, 0, "Exports attendus au plus tard le", st.label);
        if (report.lateAfter() == null) {
            b.overflowText(deadline, 1, "non vérifié", st.text);
        } else {
            b.date(deadline, 1, report.lateAfter());
        }
        Row generated = b.row();
        b.text(generated, 0, "Généré le", st.label);
        b.date(generated, 1, generatedOn);
        b.skip(1);

        b.overflowText(b.row(), 0, "Atteinte des cibles par indicateur", st.heading);
        int header = b.nextRow();
        b.headerRow("Indicateur", "Cible", "ESSMS tenus à la cible", "Atteignent la cible", "Part atteignant",
                "Taux moyen", "Non calculables", "Exemptés");
        for (int i = 0; i < RATED.size(); i++) {
            Row row = b.row();
            Integer target = region.target(i);
            b.text(row, 0, FrenchText.indicator(RATED.get(i)));
            b.fraction(row, 1, target == null ? null : target / 100.0, st.target);
            b.integer(row, 2, region.held[i]);
            b.integer(row, 3, region.reached[i]);
            b.fraction(row, 4, region.shareReached(i), st.rate);
            b.fraction(row, 5, region.meanRate(i), st.rate(Legend.ofRate(region.meanRate(i), target)));
            b.integer(row, 6, region.notComputable[i]);
            b.integer(row, 7, region.exempted[i]);
        }
        b.overflowText(b.row(), 0, "Taux moyen : moyenne simple des taux des ESSMS tenus à la cible et"
                + " calculables ; sa couleur le compare à la cible. Part atteignant : parmi les ESSMS tenus à la cible"
                + " (avec données).", st.note);
        b.skip(1);
        b.legend(0);
        b.finish(header);
    }
}
