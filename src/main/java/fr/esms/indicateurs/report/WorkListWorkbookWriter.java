package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MissingPerson;
import fr.esms.indicateurs.rules.WorkList;
import fr.esms.indicateurs.rules.WorkListSection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The work list of one ESSMS for one window, {@code listes/<projet_id>/<finess>_<AAAA-MM>.xlsx}: a sheet
 * "Synthèse" (what the list is, who it is for, one line per missed target) and one sheet per indicator naming
 * the persons, by the editor's pseudonymous identifiers only, quickest wins first. Written as SpreadsheetML
 * ({@link XlsxWorkbook}) like the ESSMS workbooks; optionally encrypted.
 */
public final class WorkListWorkbookWriter {

    public static final String SYNTHESE = "Synthèse";
    static final String[] LIST_HEADERS = {"N°", "Identifiant usager (usager_id)", "Identifiant dossier (dossier_id)",
            "Pourquoi", "Date ou mois"};

    private final Clock clock;
    private final XlsxStyles styles = new XlsxStyles();
    private final String password;

    /**
     * @param clock    gives the "généré le" date
     * @param password the workbook is encrypted with it unless it is null
     */
    public WorkListWorkbookWriter(Clock clock, String password) {
        this.clock = Objects.requireNonNull(clock);
        this.password = password;
    }

    /** Where the list of an ESSMS and month goes, under {@code listes/}; {@code extension} without the dot. */
    public static Path target(Path outputDir, EssmsIdentity identity, YearMonth month, String extension) {
        return PathParts.under(outputDir, "listes", PathParts.sanitise(identity.projetId()),
                PathParts.sanitise(identity.finess()) + "_" + PathParts.month(month) + "." + extension);
    }

    public Path write(EssmsIdentity identity, WorkList list, Path outputDir) throws IOException {
        EssmsMeasure measure = list.measure();
        Path target = target(outputDir, identity, measure.window().month(), "xlsx");
        XlsxWorkbook workbook = new XlsxWorkbook(styles, EssmsWorkbookWriter.COMPRESSION_LEVEL, clock.instant());
        synthesis(workbook, identity, list);
        for (WorkListSection section : list.sections()) {
            if (section.nominative()) {
                persons(workbook, section);
            }
        }
        workbook.save(target, password);
        return target;
    }

    private void synthesis(XlsxWorkbook workbook, EssmsIdentity id, WorkList list) {
        XlsxStyles st = styles;
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(SYNTHESE), st);
        EssmsMeasure measure = list.measure();
        b.overflowText(b.row(), 0, "Liste de travail — indicateurs d'usage du DUI", st.title);
        b.overflowText(b.row(), 0, FrenchText.orEmpty(id.raisonSociale()), st.heading);
        b.skip(1);
        line(b, "FINESS géographique", id.finess());
        line(b, "Projet", FrenchText.orEmpty(id.projetId()));
        line(b, "Éditeur", FrenchText.orEmpty(id.editeur()));
        line(b, "Mois de mesure", FrenchText.month(measure.window().month()));
        line(b, "Fenêtre", FrenchText.window(measure.window()));
        line(b, "Version des règles", measure.rulesVersion());
        XlsxRow generated = b.row();
        b.text(generated, 0, "Généré le", st.label);
        b.date(generated, 1, LocalDate.now(clock));
        b.skip(1);
        for (String note : notice()) {
            b.overflowText(b.row(), 0, note, st.note);
        }
        b.skip(1);
        b.headerRow("Indicateur", "Numérateur", "Dénominateur", "Taux", "Cible", "Manque", "Lignes listées",
                "En clair");
        for (WorkListSection s : list.sections()) {
            IndicatorResult r = s.result();
            XlsxRow row = b.row();
            Legend.Band band = Legend.of(r);
            b.text(row, 0, FrenchText.indicator(r.indicator()));
            b.integer(row, 1, r.numerator());
            b.integer(row, 2, r.denominator(), st.integer);
            b.fraction(row, 3, EssmsWorkbookWriter.rate(r), st.rate(band));
            b.fraction(row, 4, r.target() / 100.0, st.target);
            b.integer(row, 5, r.gap());
            b.integer(row, 6, s.nominative() ? Long.valueOf(s.persons().size()) : null, st.integer);
            b.overflowText(row, 7, WorkListText.summary(s, list.fromRecords()), st.text);
        }
        if (list.isEmpty()) {
            b.overflowText(b.row(), 0, "Toutes les cibles sont atteintes ou non calculables : rien à traiter.",
                    st.text);
        }
        b.finish(null);
    }

    /** Who the list is for and why it names nobody else. */
    static String[] notice() {
        return new String[]{
                "Ce classeur est destiné à l'ESSMS seul : il ne contient que les identifiants pseudonymes que son"
                        + " éditeur de DUI a exportés (usager_id, dossier_id), que seul l'ESSMS sait relier à ses"
                        + " usagers. Il ne doit être transmis ni à l'ARS ni à un tiers (minimisation des données).",
                "Chaque indicateur dont la cible n'est pas atteinte a sa feuille : les personnes comptées au"
                        + " dénominateur et absentes du numérateur, avec la raison, les plus rapides à régler d'abord.",
                "Les personnes retirées du dénominateur par un code d'aménagement ne sont pas listées."};
    }

    private void persons(XlsxWorkbook workbook, WorkListSection s) {
        XlsxStyles st = styles;
        XlsxSheet sheet = workbook.sheet(FrenchText.indicatorShort(s.indicator()));
        XlsxSheetBuilder b = new XlsxSheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, FrenchText.indicator(s.indicator()), st.heading);
        b.overflowText(b.row(), 0, FrenchText.definition(s.indicator()), st.note);
        b.overflowText(b.row(), 0, WorkListText.summary(s, true), st.textBold);
        b.skip(1);
        int header = b.nextRow();
        b.headerRow(LIST_HEADERS);
        sheet.freeze(0, header + 1);
        int rank = 0;
        for (MissingPerson p : s.persons()) {
            XlsxRow row = b.row();
            b.integer(row, 0, ++rank);
            b.text(row, 1, p.personId());
            b.text(row, 2, FrenchText.orEmpty(p.recordId()));
            b.text(row, 3, WorkListText.reason(p));
            if (p.date() != null) {
                b.date(row, 4, p.date());
            } else if (p.month() != null) {
                b.text(row, 4, FrenchText.month(p.month()));
            }
        }
        b.finish(header);
    }

    private static void line(XlsxSheetBuilder b, String label, String value) {
        XlsxRow row = b.row();
        b.text(row, 0, label, b.styles.label);
        b.overflowText(row, 1, value, b.styles.text);
    }
}
