package fr.esms.indicateurs.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Complétude sheet of the regional workbook: the ESSMS without data for the month, then the late exports. */
final class CompletenessSheet {

    private CompletenessSheet() {
    }

    static void write(SXSSFWorkbook workbook, Styles st, RegionalReport report, List<RegionalRow> rows) {
        Sheet sheet = workbook.createSheet(RegionalWorkbookWriter.COMPLETUDE);
        SheetBuilder b = new SheetBuilder(sheet, st);
        LocalDate lateAfter = report.lateAfter();
        List<RegionalRow> missing = rows.stream().filter(r -> !r.hasData()).toList();
        List<RegionalRow> late = rows.stream().filter(r -> r.isLate(lateAfter)).toList();

        b.overflowText(b.row(), 0, "Complétude des exports — mesure de " + FrenchText.month(report.month()), st.title);
        b.overflowText(b.row(), 0, FrenchText.integer(missing.size()) + " ESSMS sans données pour le mois ; "
                + (lateAfter == null ? "retards non vérifiés (aucune date limite fixée)."
                : FrenchText.integer(late.size()) + " export(s) arrivé(s) après le " + FrenchText.date(lateAfter)
                + " (jugé sur le jour où le paquet a été reçu pour la première fois, pas sur sa date d'extraction)."),
                st.note);
        b.skip(1);
        int headerRow = b.nextRow();
        b.headerRow("FINESS", "Raison sociale", "Département", "Projet", "Éditeur", "Situation",
                "Dernier export reçu le", "Jours de retard");
        for (RegionalRow r : missing) {
            completenessRow(b, r, "Sans données pour le mois", null);
        }
        for (RegionalRow r : late) {
            completenessRow(b, r, "Export arrivé en retard", ChronoUnit.DAYS.between(lateAfter, r.lastExportDate()));
        }
        if (missing.isEmpty() && late.isEmpty()) {
            b.overflowText(b.row(), 0, "Tous les ESSMS ont des données" + (lateAfter == null ? "."
                    : ", arrivées à temps."), st.note);
        }
        int lastRow = Math.max(headerRow, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, 7));
        sheet.createFreezePane(2, headerRow + 1);
        b.finish(headerRow);
    }

    private static void completenessRow(SheetBuilder b, RegionalRow r, String situation, Long daysLate) {
        EssmsIdentity id = r.identity();
        Row row = b.row();
        b.text(row, 0, id.finess());
        b.text(row, 1, id.raisonSociale());
        b.text(row, 2, id.departement());
        b.text(row, 3, id.projetId());
        b.text(row, 4, id.editeur());
        b.text(row, 5, situation);
        b.date(row, 6, r.lastExportDate());
        b.integer(row, 7, daysLate, b.styles.integer);
    }
}
