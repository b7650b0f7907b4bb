package fr.esms.indicateurs.solde;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import static fr.esms.indicateurs.solde.SoldeCells.Rows;
import static fr.esms.indicateurs.solde.SoldeCells.datePair;
import static fr.esms.indicateurs.solde.SoldeCells.euros;
import static fr.esms.indicateurs.solde.SoldeCells.header;
import static fr.esms.indicateurs.solde.SoldeCells.label;
import static fr.esms.indicateurs.solde.SoldeCells.number;
import static fr.esms.indicateurs.solde.SoldeCells.pair;
import static fr.esms.indicateurs.solde.SoldeCells.text;

/**
 * The Décision sheet of the solde workbook: the project, its windows, the decision in words, the amounts, then
 * one row per ESSMS.
 */
final class SoldeDecisionSheet {

    private SoldeDecisionSheet() {
    }

    static void write(Sheet sheet, SoldeStyles s, ProjectSolde solde) {
        sheet.setColumnWidth(0, 44 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 40 * 256);
        for (int c = 3; c <= 8; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        Rows rows = new Rows(sheet);
        Cell title = rows.next().createCell(0);
        title.setCellValue("Solde du projet " + solde.project().projetId() + " — mesure finale de "
                + solde.windows().month());
        title.setCellStyle(s.title);
        rows.skip();

        var project = solde.project();
        pair(rows, s, "Projet", project.projetId());
        pair(rows, s, "Intitulé", project.intitule());
        pair(rows, s, "Porteur (FINESS juridique)", project.finessEjPorteur());
        pair(rows, s, "Type de financement", SoldeTexts.funding(project.typeFinancement()));
        datePair(rows, s, "Date de la convention", project.dateConvention());
        datePair(rows, s, "Date de fin de déploiement", project.dateFinDeploiement());
        pair(rows, s, "Version des règles", solde.rulesVersion());
        pair(rows, s, "Empreinte des règles (SHA-256)", solde.rules().fingerprint());
        if (project.logicielReferenceSegur() != null) {
            pair(rows, s, "Logiciel référencé Ségur", project.logicielReferenceSegur() ? "oui" : "non");
        }
        pair(rows, s, "Mois de mesure", solde.windows().month().toString());
        pair(rows, s, "Fenêtre des indicateurs DUI", SoldeTexts.window(solde.windows().dui())
                + (solde.duiWindowDiffersFromRules() ? " — choisie à la place de la fenêtre des règles "
                + solde.rulesVersion() + " (" + solde.rules().finalDuiWindow() + " mois)" : ""));
        pair(rows, s, "Fenêtre MSS et DMP", SoldeTexts.window(solde.windows().services()));
        pair(rows, s, "Origine des chiffres", solde.revisions().sentence());
        pair(rows, s, "Nombre d'ESSMS", solde.essms().size());
        Row decision = rows.next();
        label(decision, s, "Décision");
        text(decision, 1, solde.decision().projectWording(), s.decision(solde.decision()));
        sheet.addMergedRegion(new CellRangeAddress(decision.getRowNum(), decision.getRowNum(), 1, 4));
        Row reason = rows.next();
        label(reason, s, "Motif");
        text(reason, 1, solde.reason(), s.wrap);
        sheet.addMergedRegion(new CellRangeAddress(reason.getRowNum(), reason.getRowNum(), 1, 8));
        reason.setHeightInPoints(Math.max(1, (solde.reason().length() / 110) + 1) * 15f);
        rows.skip();

        euros(rows, s, "Montant usage", solde.amounts().usage());
        euros(rows, s, "Montant équipement logiciel", solde.amounts().equipment());
        euros(rows, s, "Montant total", solde.amounts().total());
        euros(rows, s, "Avance versée à la convention (50 %)", solde.advance());
        euros(rows, s, "Solde (50 %)", solde.solde());
        euros(rows, s, "Solde à verser au vu de cette mesure", solde.soldeDue());
        Row note = rows.next();
        text(note, 0, "Montants de l'appel à projets 2025 par ESSMS, selon son rang dans le projet (FINESS "
                + "géographiques distincts dans l'ordre des numéros FINESS). Les autres montants (équipement des "
                + "petites structures, AMOA, prorata SAAD) sont saisis, non calculés.", s.note);
        sheet.addMergedRegion(new CellRangeAddress(note.getRowNum(), note.getRowNum(), 0, 8));
        rows.skip();

        header(rows.next(), s, "Rang", "FINESS", "Raison sociale", "Catégorie", "Secteur", "Décision", "Usage",
                "Équipement", "Total");
        for (EssmsSolde e : solde.essms()) {
            Row row = rows.next();
            number(row, 0, e.rank(), s.plain);
            text(row, 1, e.finess(), s.plain);
            text(row, 2, e.essms().raisonSociale(), s.plain);
            text(row, 3, e.essms().categorie(), s.plain);
            text(row, 4, e.sector().label(), s.plain);
            text(row, 5, e.decision().essmsWording(), s.decision(e.decision()));
            number(row, 6, e.amounts().usage(), s.euros);
            number(row, 7, e.amounts().equipment(), s.euros);
            number(row, 8, e.amounts().total(), s.euros);
        }
    }
}
