package fr.esms.indicateurs.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * One worksheet of an {@link XlsxWorkbook}, written top to bottom: rows are created in increasing order and each
 * row is turned into XML as soon as the next one starts. Not thread-safe: one workbook belongs to one thread.
 */
final class XlsxSheet {

    private static final int MAX_ROWS = 1_048_576;

    private final String name;
    private final XlsxStyles styles;
    private final StringBuilder rows = new StringBuilder(8192);
    private final Map<Integer, Double> widths = new TreeMap<>();
    private XlsxRow open;
    private int lastRow = -1;
    private int lastCol = -1;
    private int frozenCols;
    private int frozenRows;
    private int firstRepeatedRow = -1;
    private int lastRepeatedRow = -1;
    private boolean printSetUp;
    private String footerLeft;
    private String footerRight;
    private XlsxLineChart chart;

    XlsxSheet(String name, XlsxStyles styles) {
        this.name = name;
        this.styles = styles;
    }

    String name() {
        return name;
    }

    /** Starts row {@code index} (0-based), which must come after every row already started. */
    XlsxRow row(int index) {
        if (index <= lastRow || index >= MAX_ROWS) {
            throw new IllegalArgumentException("rows are written in increasing order: " + index + " after "
                    + lastRow + " in " + name);
        }
        flush();
        lastRow = index;
        open = new XlsxRow(index, styles);
        return open;
    }

    /** Width of a column, in characters of the default font (as {@code setColumnWidth(col, chars * 256)}). */
    void columnWidth(int col, double chars) {
        widths.put(col, chars);
    }

    /** Freezes the first {@code cols} columns and {@code rows} rows. */
    void freeze(int cols, int rows) {
        frozenCols = cols;
        frozenRows = rows;
    }

    /** Rows printed again at the top of every page ({@code _xlnm.Print_Titles}). */
    void repeatRows(int first, int last) {
        firstRepeatedRow = first;
        lastRepeatedRow = last;
    }

    /** Landscape A4, one page wide and as many pages high as needed. */
    void landscapeOnePageWide() {
        printSetUp = true;
    }

    /** Footer texts with Excel's codes ({@code &A}: sheet name; {@code &P}, {@code &N}: page, pages). */
    void footer(String left, String right) {
        footerLeft = left;
        footerRight = right;
    }

    /** The chart drawn on this sheet (one at most). */
    void chart(XlsxLineChart lineChart) {
        chart = lineChart;
    }

    XlsxLineChart chart() {
        return chart;
    }

    /** The {@code _xlnm.Print_Titles} formula, or null. */
    String printTitles() {
        if (firstRepeatedRow < 0) {
            return null;
        }
        return XlsxXml.sheetReference(name) + "!$" + (firstRepeatedRow + 1) + ":$" + (lastRepeatedRow + 1);
    }

    private void flush() {
        if (open != null) {
            lastCol = Math.max(lastCol, open.lastColumn());
            open.writeXml(rows);
            open = null;
        }
    }

    /**
     * Writes the worksheet part.
     *
     * @param selected  the tab selected when the workbook opens
     * @param drawingId relationship id of the drawing, null when none
     */
    void writeXml(StringBuilder x, boolean selected, String drawingId) {
        flush();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
                .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        if (printSetUp) {
            x.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        }
        x.append("<dimension ref=\"A1");
        if (lastRow >= 0 && lastCol >= 0) {
            x.append(':').append(XlsxXml.column(lastCol)).append(lastRow + 1);
        }
        x.append("\"/>");
        x.append("<sheetViews><sheetView");
        if (selected) {
            x.append(" tabSelected=\"1\"");
        }
        x.append(" workbookViewId=\"0\"");
        if (frozenCols > 0 || frozenRows > 0) {
            String pane = frozenCols > 0 && frozenRows > 0 ? "bottomRight" : frozenRows > 0 ? "bottomLeft"
                    : "topRight";
            x.append("><pane");
            if (frozenCols > 0) {
                x.append(" xSplit=\"").append(frozenCols).append('"');
            }
            if (frozenRows > 0) {
                x.append(" ySplit=\"").append(frozenRows).append('"');
            }
            x.append(" topLeftCell=\"").append(XlsxXml.column(frozenCols)).append(frozenRows + 1)
                    .append("\" activePane=\"").append(pane).append("\" state=\"frozen\"/>")
                    .append("<selection pane=\"").append(pane).append("\"/></sheetView>");
        } else {
            x.append("/>");
        }
        x.append("</sheetViews>");
        x.append("<sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!widths.isEmpty()) {
            x.append("<cols>");
            widths.forEach((col, chars) -> x.append("<col min=\"").append(col + 1).append("\" max=\"")
                    .append(col + 1).append("\" width=\"").append(XlsxRow.number(chars))
                    .append("\" customWidth=\"1\"/>"));
            x.append("</cols>");
        }
        if (rows.isEmpty()) {
            x.append("<sheetData/>");
        } else {
            x.append("<sheetData>").append(rows).append("</sheetData>");
        }
        x.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\"")
                .append(" footer=\"0.3\"/>");
        if (printSetUp) {
            x.append("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>");
        }
        if (footerLeft != null || footerRight != null) {
            StringBuilder footer = new StringBuilder();
            if (footerLeft != null) {
                footer.append("&L").append(footerLeft);
            }
            if (footerRight != null) {
                footer.append("&R").append(footerRight);
            }
            XlsxXml.text(x.append("<headerFooter><oddFooter>"), footer.toString())
                    .append("</oddFooter></headerFooter>");
        }
        if (drawingId != null) {
            x.append("<drawing r:id=\"").append(drawingId).append("\"/>");
        }
        x.append("</worksheet>");
    }
}
