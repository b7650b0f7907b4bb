package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.AdjustmentSource;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import fr.esms.indicateurs.store.ProvenanceStore.FedPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The solde workbook, in French: Décision (the project, its windows, the decision in words and the amounts),
 * ESSMS (each indicator of each ESSMS with its adjustments) and Preuves (the packages that fed the figures, the
 * command, the tool's version, the SHA-256 of the canonical CSV). Optionally encrypted (Excel agile encryption).
 */
public final class SoldeWorkbook {

    /** Amounts in whole euros; French Excel shows the grouping as a space: {@code 42 000 €}. */
    static final String EUROS = "#,##0 \"€\"";
    static final String RATE = "0.0 %";
    static final String TARGET = "0 %";
    static final String DATE = "dd/mm/yyyy";
    static final String DATE_TIME = "dd/mm/yyyy hh:mm:ss";

    static final String DECISION = "Décision";
    static final String ESSMS = "ESSMS";
    static final String PREUVES = "Preuves";

    /** Writes the workbook; encrypted with {@code password} unless it is null. */
    public void write(ProjectSolde solde, SoldeProof proof, String password, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreator(proof.toolVersion());
            workbook.getProperties().getCoreProperties().setTitle("Solde du projet " + solde.project().projetId()
                    + " — " + solde.windows().month());
            Styles styles = new Styles(workbook);
            decision(workbook.createSheet(DECISION), styles, solde);
            essms(workbook.createSheet(ESSMS), styles, solde);
            proofs(workbook.createSheet(PREUVES), styles, proof);
            if (password == null) {
                workbook.write(out);
            } else {
                encrypted(workbook, password, out);
            }
        }
    }

    private static void encrypted(XSSFWorkbook workbook, String password, OutputStream out) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                workbook.write(data);
            } catch (GeneralSecurityException e) {
                throw new IOException("chiffrement du classeur impossible : " + e.getMessage(), e);
            }
            fs.writeFilesystem(out);
        }
    }

    // ---- Décision ------------------------------------------------------------------------------------------

    private static void decision(Sheet sheet, Styles s, ProjectSolde solde) {
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

    private static void pair(Rows rows, Styles s, String label, String value) {
        Row row = rows.next();
        label(row, s, label);
        text(row, 1, value == null ? "" : value, s.plain);
    }

    private static void pair(Rows rows, Styles s, String label, long value) {
        Row row = rows.next();
        label(row, s, label);
        number(row, 1, value, s.left);
    }

    private static void datePair(Rows rows, Styles s, String label, LocalDate value) {
        Row row = rows.next();
        label(row, s, label);
        date(row, 1, value, s.date);
    }

    private static void euros(Rows rows, Styles s, String label, long value) {
        Row row = rows.next();
        label(row, s, label);
        number(row, 1, value, s.euros);
    }

    // ---- ESSMS ---------------------------------------------------------------------------------------------

    private static void essms(Sheet sheet, Styles s, ProjectSolde solde) {
        int[] widths = {6, 11, 32, 10, 22, 26, 11, 11, 12, 12, 11, 12, 9, 8, 20, 9, 48, 48, 18, 40};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Rows rows = new Rows(sheet);
        header(rows.next(), s, "Rang", "FINESS", "Raison sociale", "Catégorie", "Secteur", "Indicateur",
                "Fenêtre du", "Fenêtre au", "Numérateur", "Dénominateur brut", "Ajustement", "Dénominateur", "Taux",
                "Cible", "Atteinte", "Manque", "Aménagements appliqués", "Aménagements non appliqués",
                "Décision ESSMS", "Avertissements");
        sheet.createFreezePane(2, 1);
        for (EssmsSolde e : solde.essms()) {
            boolean first = true;
            for (IndicatorResult r : e.results()) {
                Row row = rows.next();
                boolean firstOfEssms = first;
                MeasureWindow w = solde.windows().of(r.indicator());
                number(row, 0, e.rank(), s.plain);
                text(row, 1, e.finess(), s.plain);
                text(row, 2, e.essms().raisonSociale(), s.plain);
                text(row, 3, e.essms().categorie(), s.plain);
                text(row, 4, e.sector().label(), s.plain);
                text(row, 5, SoldeTexts.indicator(r.indicator()), s.plain);
                date(row, 6, w.start(), s.date);
                date(row, 7, w.end(), s.date);
                number(row, 8, r.numerator(), s.plain);
                number(row, 9, r.rawDenominator(), s.plain);
                number(row, 10, r.adjustment(), s.plain);
                number(row, 11, r.denominator(), s.plain);
                Long tenths = r.rateTenths();
                if (tenths != null) {
                    // The rate shown is the spec's: rounded half-up to one decimal.
                    row.createCell(12).setCellValue(tenths / 1000.0);
                    row.getCell(12).setCellStyle(s.rate);
                } else {
                    text(row, 12, "NC", s.plain);
                }
                if (r.target() != null) {
                    row.createCell(13).setCellValue(r.target() / 100.0);
                    row.getCell(13).setCellStyle(s.target);
                }
                text(row, 14, SoldeTexts.attainment(r.attainment()), s.attainment(r.attainment()));
                number(row, 15, r.gap(), s.plain);
                text(row, 16, String.join("\n", e.applied().stream().filter(a -> a.indicator() == r.indicator())
                        .map(SoldeWorkbook::applied).toList()), s.wrap);
                text(row, 17, String.join("\n", e.refused().stream()
                        .filter(a -> a.indicator() == r.indicator() || (firstOfEssms && a.indicator() == null))
                        .map(SoldeWorkbook::refused).toList()), s.wrap);
                text(row, 18, e.decision().essmsWording(), s.decision(e.decision()));
                if (first) {
                    List<String> notes = new ArrayList<>();
                    if (solde.windows().services().equals(solde.windows().dui())) {
                        if (!e.withData()) {
                            notes.add("aucune donnée sur la fenêtre finale");
                        }
                    } else {
                        if (!e.duiData()) {
                            notes.add("aucune donnée sur la fenêtre des indicateurs DUI");
                        }
                        if (!e.servicesData()) {
                            notes.add("aucune donnée sur la fenêtre MSS et DMP");
                        }
                    }
                    notes.addAll(e.warnings());
                    text(row, 19, String.join("\n", notes), s.wrap);
                }
                first = false;
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.last()), 0, 19));
    }

    static String applied(AppliedAdjustment a) {
        return a.code() + " (" + a.label() + ") : " + a.count() + " personne(s) retirée(s), "
                + (a.source() == AdjustmentSource.CODE_USAGER ? "codes des usagers" : "aménagement déclaré")
                + (a.reference() == null || a.reference().isBlank() ? "" : " — réf. " + a.reference());
    }

    static String refused(RefusedAdjustment a) {
        return a.code() + " (" + a.count() + ", "
                + (a.source() == AdjustmentSource.CODE_USAGER ? "codes des usagers" : "aménagement déclaré")
                + ") : " + a.reason();
    }

    // ---- Preuves -------------------------------------------------------------------------------------------

    private static void proofs(Sheet sheet, Styles s, SoldeProof proof) {
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

    // ---- Cells ---------------------------------------------------------------------------------------------

    /** Creates rows one after the other. */
    private static final class Rows {
        private final Sheet sheet;
        private int next;

        Rows(Sheet sheet) {
            this.sheet = sheet;
        }

        Row next() {
            return sheet.createRow(next++);
        }

        void skip() {
            next++;
        }

        int last() {
            return next - 1;
        }
    }

    private static void header(Row row, Styles s, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            text(row, c, titles[c], s.header);
        }
    }

    private static void label(Row row, Styles s, String label) {
        text(row, 0, label, s.label);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, Number value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static void dateTime(Row row, int column, LocalDateTime value, Styles s) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.withNano(0));
        }
        cell.setCellStyle(s.dateTime);
    }

    /** The workbook's styles, created once. */
    private static final class Styles {
        final CellStyle plain;
        final CellStyle left;
        final CellStyle wrap;
        final CellStyle note;
        final CellStyle title;
        final CellStyle label;
        final CellStyle header;
        final CellStyle euros;
        final CellStyle rate;
        final CellStyle target;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle green;
        final CellStyle red;
        final CellStyle grey;

        Styles(XSSFWorkbook wb) {
            var formats = wb.createDataFormat();
            plain = wb.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            left = wb.createCellStyle();
            left.cloneStyleFrom(plain);
            left.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            wrap = wb.createCellStyle();
            wrap.cloneStyleFrom(plain);
            wrap.setWrapText(true);
            note = wb.createCellStyle();
            note.cloneStyleFrom(wrap);
            Font italic = wb.createFont();
            italic.setItalic(true);
            note.setFont(italic);
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            label = wb.createCellStyle();
            label.cloneStyleFrom(plain);
            label.setFont(bold);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            euros = wb.createCellStyle();
            euros.cloneStyleFrom(plain);
            euros.setDataFormat(formats.getFormat(EUROS));
            rate = wb.createCellStyle();
            rate.cloneStyleFrom(plain);
            rate.setDataFormat(formats.getFormat(RATE));
            target = wb.createCellStyle();
            target.cloneStyleFrom(plain);
            target.setDataFormat(formats.getFormat(TARGET));
            date = wb.createCellStyle();
            date.cloneStyleFrom(left);
            date.setDataFormat(formats.getFormat(DATE));
            dateTime = wb.createCellStyle();
            dateTime.cloneStyleFrom(left);
            dateTime.setDataFormat(formats.getFormat(DATE_TIME));
            green = filled(wb, bold, IndexedColors.LIGHT_GREEN);
            red = filled(wb, bold, IndexedColors.ROSE);
            grey = filled(wb, bold, IndexedColors.GREY_25_PERCENT);
        }

        private CellStyle filled(XSSFWorkbook wb, Font font, IndexedColors colour) {
            CellStyle style = wb.createCellStyle();
            style.cloneStyleFrom(plain);
            style.setFont(font);
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        CellStyle decision(SoldeDecision decision) {
            return decision == SoldeDecision.ATTEINTE ? green : red;
        }

        CellStyle attainment(fr.esms.indicateurs.rules.Attainment attainment) {
            return switch (attainment) {
                case OUI -> green;
                case NON, NC -> red;
                case EXEMPTE -> grey;
            };
        }
    }
}
