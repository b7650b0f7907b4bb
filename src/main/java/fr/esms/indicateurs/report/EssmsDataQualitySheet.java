package fr.esms.indicateurs.report;


/**
 * The Qualité des données sheet of an ESSMS workbook: the exports used, the lines read, kept and rejected per file,
 * the warnings, and where the rejected lines are detailed.
 */
final class EssmsDataQualitySheet {

    private EssmsDataQualitySheet() {
    }

    static void write(XlsxWorkbook workbook, XlsxStyles st, EssmsReport report) {
        XlsxSheetBuilder b = new XlsxSheetBuilder(workbook.sheet(EssmsWorkbookWriter.QUALITE), st);
        DataQuality quality = report.quality();
        b.overflowText(b.row(), 0, "Qualité des données — " + FrenchText.orEmpty(report.identity().raisonSociale()),
                st.title);
        b.skip(1);

        b.overflowText(b.row(), 0, "Exports utilisés", st.heading);
        b.headerRow("Paquet", "Éditeur", "Logiciel", "Version du logiciel", "Date d'extraction", "Empreinte SHA-256");
        if (quality.packages().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun export indiqué.", st.note);
        }
        for (PackageUsed used : quality.packages()) {
            XlsxRow row = b.row();
            b.text(row, 0, used.name());
            b.text(row, 1, used.editor());
            b.text(row, 2, used.software());
            b.text(row, 3, used.softwareVersion());
            b.date(row, 4, used.extractionDate());
            b.text(row, 5, used.sha256());
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Lignes lues, retenues et rejetées par fichier", st.heading);
        b.headerRow("Paquet", "Fichier", "Lignes lues", "Lignes retenues", "Lignes rejetées", "Fichier rejeté en entier");
        if (quality.files().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun fichier indiqué.", st.note);
        }
        long read = 0;
        long kept = 0;
        long rejected = 0;
        for (FileCount file : quality.files()) {
            XlsxRow row = b.row();
            b.text(row, 0, file.packageName());
            b.text(row, 1, file.file());
            b.integer(row, 2, file.read());
            b.integer(row, 3, file.kept());
            b.integer(row, 4, file.rejected());
            b.text(row, 5, file.rejectedWhole());
            read += file.read();
            kept += file.kept();
            rejected += file.rejected();
        }
        if (!quality.files().isEmpty()) {
            XlsxRow total = b.row();
            b.text(total, 0, "Total", st.label);
            b.integer(total, 2, read, st.integerBold);
            b.integer(total, 3, kept, st.integerBold);
            b.integer(total, 4, rejected, st.integerBold);
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Avertissements", st.heading);
        b.headerRow("Origine", "Avertissement");
        if (quality.warnings().isEmpty() && report.measure().warnings().isEmpty()) {
            b.overflowText(b.row(), 0, "Aucun avertissement.", st.note);
        }
        for (String warning : quality.warnings()) {
            XlsxRow row = b.row();
            b.text(row, 0, "Lecture des exports");
            b.overflowText(row, 1, warning, st.text);
        }
        for (String warning : report.measure().warnings()) {
            XlsxRow row = b.row();
            b.text(row, 0, "Calcul des indicateurs");
            b.overflowText(row, 1, warning, st.text);
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Lignes rejetées", st.heading);
        XlsxRow where = b.row();
        String location = quality.rejectionsLocation();
        b.overflowText(where, 0, location == null || location.isBlank()
                ? "Emplacement du rapport de rejets non indiqué."
                : "Le détail des lignes rejetées (fichier, ligne, colonne, motif) se trouve dans : " + location, st.text);
        b.finish(null);
    }
}
