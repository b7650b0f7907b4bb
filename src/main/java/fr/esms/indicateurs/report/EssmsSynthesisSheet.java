package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.time.LocalDate;

/**
 * The Synthèse sheet of an ESSMS workbook: its identity, each indicator's figures and attainment with a sentence,
 * the outlook, the legend and the definitions.
 */
final class EssmsSynthesisSheet {

    private EssmsSynthesisSheet() {
    }

    /** @param generatedOn the "généré le" date */
    static void write(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report, LocalDate generatedOn) {
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(EssmsWorkbookWriter.SYNTHESE), st);
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
        b.date(generated, 1, generatedOn);
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
            b.fraction(row, 5, EssmsWorkbookWriter.rate(result), st.rate(band));
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

    private static IndicatorResult find(EssmsMeasure measure, Indicator indicator) {
        return measure.results().stream().filter(r -> r.indicator() == indicator).findFirst().orElse(null);
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
