package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.store.ProvenanceStore.FedPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import static fr.esms.indicateurs.solde.SoldeCells.Rows;
import static fr.esms.indicateurs.solde.SoldeCells.date;
import static fr.esms.indicateurs.solde.SoldeCells.dateTime;
import static fr.esms.indicateurs.solde.SoldeCells.header;
import static fr.esms.indicateurs.solde.SoldeCells.label;
import static fr.esms.indicateurs.solde.SoldeCells.pair;
import static fr.esms.indicateurs.solde.SoldeCells.text;

/**
 * The Preuves sheet of the solde workbook: the SHA-256 of the canonical CSV, the command, the tool's version and
 * the packages that fed the figures.
 */
final class SoldeProofsSheet {

    private SoldeProofsSheet() {
    }

    static void write(Sheet sheet, SoldeStyles s, SoldeProof proof) {
        int[] widths = {40, 68, 18, 18, 12, 14, 14, 12, 12, 20, 40};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Rows rows = new Rows(sheet);
        Cell title = rows.next().createCell(0);
        title.setCellValue("Preuves");
        title.setCellStyle(s.title);
        rows.skip();
        pair(rows, s, "Empreinte SHA-256 des chiffres", proof.csvSha256());
        pair(rows, s, "Fichier des chiffres", proof.csvFileName());
        pair(rows, s, "Vérification", "sha256sum -c " + proof.csvFileName().replaceAll("\\.csv$", ".sha256")
                + "   (Windows : Get-FileHash -Algorithm SHA256 " + proof.csvFileName() + ")");
        pair(rows, s, "Commande", proof.commandLine());
        pair(rows, s, "Version de l'outil", proof.toolVersion());
        Row at = rows.next();
        label(at, s, "Établi le");
        dateTime(at, 1, proof.producedAt(), s);
        pair(rows, s, "Classeur protégé par mot de passe", proof.encrypted() ? "Oui" : "Non");
        Row note = rows.next();
        text(note, 0, "Paquets d'export ingérés ayant alimenté au moins un ESSMS du projet (toutes périodes : la base "
                + "combine tous les exports, le plus récent l'emportant par clé).", s.note);
        sheet.addMergedRegion(new CellRangeAddress(note.getRowNum(), note.getRowNum(), 0, 10));
        rows.skip();
        header(rows.next(), s, "Paquet", "SHA-256", "Éditeur", "Logiciel", "Version", "FINESS juridique",
                "Date d'extraction", "Période du", "Période au", "Ingéré le", "ESSMS du projet alimentés");
        for (FedPackage p : proof.packages()) {
            Row row = rows.next();
            text(row, 0, p.name(), s.plain);
            text(row, 1, p.sha256(), s.plain);
            text(row, 2, p.editor(), s.plain);
            text(row, 3, p.software(), s.plain);
            text(row, 4, p.softwareVersion(), s.plain);
            text(row, 5, p.finessEj(), s.plain);
            date(row, 6, p.extractionDate(), s.date);
            date(row, 7, p.periodStart(), s.date);
            date(row, 8, p.periodEnd(), s.date);
            dateTime(row, 9, p.ingestedAt(), s);
            text(row, 10, String.join(", ", p.finessFed()), s.wrap);
        }
        if (proof.packages().isEmpty()) {
            text(rows.next(), 0, "Aucun paquet.", s.plain);
        }
    }
}
