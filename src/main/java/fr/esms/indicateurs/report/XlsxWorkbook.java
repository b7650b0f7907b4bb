package fr.esms.indicateurs.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small xlsx workbook written directly as SpreadsheetML parts into a zip, without POI: sheets of text, numbers
 * and dates with the styles of {@link XlsxStyles}, column widths, frozen panes, print set-up, footers and at
 * most one line chart per sheet. Text cells are inline strings.
 *
 * <p>One instance is one workbook, filled then saved by one thread; the {@link XlsxStyles} it uses may be shared.
 */
final class XlsxWorkbook {

    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String CT = "application/vnd.openxmlformats-officedocument.";
    private static final int MAX_SHEET_NAME = 31;

    private final XlsxStyles styles;
    private final int compressionLevel;
    private final Instant created;
    private final List<XlsxSheet> sheets = new ArrayList<>();
    private final StringBuilder buffer = new StringBuilder(16_384);

    /**
     * @param compressionLevel zip level, {@link java.util.zip.Deflater#DEFAULT_COMPRESSION} or 0..9
     * @param created          written in the document properties
     */
    XlsxWorkbook(XlsxStyles styles, int compressionLevel, Instant created) {
        this.styles = styles;
        this.compressionLevel = compressionLevel;
        this.created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Adds a sheet after the others; names follow Excel's rules and are unique regardless of case. */
    XlsxSheet sheet(String name) {
        validateSheetName(name);
        for (XlsxSheet sheet : sheets) {
            if (sheet.name().equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("two sheets named " + name);
            }
        }
        XlsxSheet sheet = new XlsxSheet(name, styles);
        sheets.add(sheet);
        return sheet;
    }

    static void validateSheetName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("a sheet name has 1 to 31 characters: " + name);
        }
        if (name.charAt(0) == '\'' || name.charAt(name.length() - 1) == '\'') {
            throw new IllegalArgumentException("a sheet name neither starts nor ends with a quote: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || ":\\*?/[]".indexOf(c) >= 0 || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isSurrogate(c) && !isPairAt(name, i))) {
                throw new IllegalArgumentException("character not allowed in a sheet name: " + name);
            }
        }
    }

    private static boolean isPairAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Saves beside {@code target} then moves it there: a reader never sees half a file. */
    void save(Path target) throws IOException {
        WorkbookFiles.save(target, this::write);
    }

    /** The same, encrypted with {@code password} unless it is null. */
    void save(Path target, String password) throws IOException {
        WorkbookFiles.save(target, this::write, password);
    }

    /** Writes the whole package; the first sheet is the active one. */
    void write(OutputStream out) throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalStateException("a workbook has at least one sheet");
        }
        BufferedOutputStream buffered = new BufferedOutputStream(out, 32_768);
        ZipOutputStream zip = new ZipOutputStream(buffered, StandardCharsets.UTF_8);
        zip.setLevel(compressionLevel);
        int charts = 0;
        List<Integer> chartOfSheet = new ArrayList<>();
        for (XlsxSheet sheet : sheets) {
            chartOfSheet.add(sheet.chart() == null ? 0 : ++charts);
        }

        StringBuilder x = start();
        x.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.")
                .append("relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append(override("/xl/workbook.xml", CT + "spreadsheetml.sheet.main+xml"))
                .append(override("/xl/styles.xml", CT + "spreadsheetml.styles+xml"))
                .append(override("/docProps/app.xml", CT + "extended-properties+xml"))
                .append(override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"));
        for (int i = 1; i <= sheets.size(); i++) {
            x.append(override("/xl/worksheets/sheet" + i + ".xml", CT + "spreadsheetml.worksheet+xml"));
        }
        for (int i = 1; i <= charts; i++) {
            x.append(override("/xl/drawings/drawing" + i + ".xml", CT + "drawing+xml"))
                    .append(override("/xl/charts/chart" + i + ".xml", CT + "drawingml.chart+xml"));
        }
        x.append("</Types>");
        entry(zip, "[Content_Types].xml", x);

        x = start();
        x.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
                .append(relationship("rId1", REL + "officeDocument", "xl/workbook.xml"))
                .append(relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/"
                        + "metadata/core-properties", "docProps/core.xml"))
                .append(relationship("rId3", REL + "extended-properties", "docProps/app.xml"))
                .append("</Relationships>");
        entry(zip, "_rels/.rels", x);

        x = start();
        x.append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">")
                .append("<Application>esms-indicateurs</Application></Properties>");
        entry(zip, "docProps/app.xml", x);

        x = start();
        x.append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/")
                .append("core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=")
                .append("\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
                .append("<dc:creator>esms-indicateurs</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">")
                .append(created).append("</dcterms:created></cp:coreProperties>");
        entry(zip, "docProps/core.xml", x);

        x = start();
        x.append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
                .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                .append("<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            XlsxXml.attribute(x.append("<sheet name=\""), sheets.get(i).name()).append("\" sheetId=\"")
                    .append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        x.append("</sheets>");
        boolean names = false;
        for (int i = 0; i < sheets.size(); i++) {
            String titles = sheets.get(i).printTitles();
            if (titles != null) {
                if (!names) {
                    x.append("<definedNames>");
                    names = true;
                }
                x.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">");
                XlsxXml.text(x, titles).append("</definedName>");
            }
        }
        if (names) {
            x.append("</definedNames>");
        }
        x.append("</workbook>");
        entry(zip, "xl/workbook.xml", x);

        x = start();
        x.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets.size(); i++) {
            x.append(relationship("rId" + i, REL + "worksheet", "worksheets/sheet" + i + ".xml"));
        }
        x.append(relationship("rId" + (sheets.size() + 1), REL + "styles", "styles.xml"))
                .append("</Relationships>");
        entry(zip, "xl/_rels/workbook.xml.rels", x);

        zip.putNextEntry(new ZipEntry("xl/styles.xml"));
        zip.write(styles.stylesXml());
        zip.closeEntry();

        for (int i = 0; i < sheets.size(); i++) {
            XlsxSheet sheet = sheets.get(i);
            int chart = chartOfSheet.get(i);
            x = buffer;
            x.setLength(0);
            sheet.writeXml(x, i == 0, chart == 0 ? null : "rId1");
            entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", x);
            if (chart == 0) {
                continue;
            }
            x = start();
            x.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
                    .append(relationship("rId1", REL + "drawing", "../drawings/drawing" + chart + ".xml"))
                    .append("</Relationships>");
            entry(zip, "xl/worksheets/_rels/sheet" + (i + 1) + ".xml.rels", x);

            x = buffer;
            x.setLength(0);
            sheet.chart().writeDrawingXml(x);
            entry(zip, "xl/drawings/drawing" + chart + ".xml", x);
            x = start();
            x.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
                    .append(relationship("rId1", REL + "chart", "../charts/chart" + chart + ".xml"))
                    .append("</Relationships>");
            entry(zip, "xl/drawings/_rels/drawing" + chart + ".xml.rels", x);

            x = buffer;
            x.setLength(0);
            sheet.chart().writeChartXml(x);
            entry(zip, "xl/charts/chart" + chart + ".xml", x);
        }
        zip.finish(); // the caller closes its stream
        buffered.flush();
    }

    private StringBuilder start() {
        buffer.setLength(0);
        return buffer.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    }

    private static String override(String part, String type) {
        return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private static void entry(ZipOutputStream zip, String name, CharSequence xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
