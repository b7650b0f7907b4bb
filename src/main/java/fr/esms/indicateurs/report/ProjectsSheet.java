package fr.esms.indicateurs.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.Collection;

/** The Projets sheet of the regional workbook: a project's counts and which of its ESSMS miss which target. */
final class ProjectsSheet {

    private ProjectsSheet() {
    }

    static void write(SXSSFWorkbook workbook, Styles st, Collection<ProjectStats> projects) {
        Sheet sheet = workbook.createSheet(RegionalWorkbookWriter.PROJETS);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "Projets", st.title);
        b.overflowText(b.row(), 0, "Un projet atteint ses cibles quand chacun de ses ESSMS atteint chacune des cibles"
                + " auxquelles il est tenu sur la fenêtre (le solde se juge sur la mesure finale). Un ESSMS sans données"
                + " n'atteint pas ses cibles.", st.note);
        b.skip(1);
        int headerRow = b.nextRow();
        b.headerRow("Projet", "Intitulé", "Porteur (FINESS juridique)", "Financement", "Date de convention",
                "Fin de déploiement", "ESSMS", "Avec données", "Atteignent toutes leurs cibles",
                "Toutes les ESSMS atteignent leurs cibles", "Cibles non atteintes (nombre d'ESSMS)",
                "ESSMS n'atteignant pas toutes leurs cibles");
        for (ProjectStats project : projects) {
            Row row = b.row();
            GroupStats stats = project.stats;
            ProjectInfo info = project.info;
            b.text(row, 0, project.id.isEmpty() ? RegionalWorkbookWriter.NO_PROJECT : project.id);
            b.text(row, 1, info == null ? project.titleFromRows : info.intitule());
            b.text(row, 2, info == null ? "" : info.finessEjPorteur());
            b.text(row, 3, info == null ? "" : info.typeFinancement());
            b.date(row, 4, info == null ? null : info.dateConvention());
            b.date(row, 5, info == null ? null : info.dateFinDeploiement());
            b.integer(row, 6, stats.essms);
            b.integer(row, 7, stats.withData);
            b.integer(row, 8, stats.reachingAll);
            boolean all = project.reachesAllTargets();
            b.text(row, 9, FrenchText.yesNo(all), all ? st.text(Legend.Band.REACHED) : st.text);
            b.text(row, 10, project.missedSummary());
            String failing = project.failingList();
            b.text(row, 11, failing, st.textWrap);
            long lines = failing.chars().filter(c -> c == '\n').count() + 1;
            if (lines > 1) {
                // one line per ESSMS; a wrapped cell does not grow its row by itself in every viewer
                row.setHeightInPoints(Math.min(409f, 15f * lines));
            }
        }
        int lastRow = Math.max(headerRow, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, 11));
        sheet.createFreezePane(1, headerRow + 1);
        b.finish(headerRow);
    }
}
