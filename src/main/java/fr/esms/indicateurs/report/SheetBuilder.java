package fr.esms.indicateurs.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one sheet top to bottom (which streaming sheets require) and keeps, per column, the length of the
 * longest content, so column widths come from the content without {@code autoSizeColumn}.
 *
 * <p>Text is always written with {@code setCellValue(String)}: nothing read from the input can become a
 * formula. Numbers are numeric cells; dates are date cells.
 */
final class SheetBuilder {

    static final int MAX_TEXT_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int MIN_WIDTH_CHARS = 6;
    private static final int MAX_WIDTH_CHARS = 70;
    /** Headers wrap on two lines past this length. */
    private static final int HEADER_ONE_LINE = 16;
    static final float HEADER_HEIGHT_POINTS = 32f;

    final Sheet sheet;
    final Styles styles;
    private final Map<Integer, Integer> widths = new TreeMap<>();
    private int next;

    SheetBuilder(Sheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** Index of the next row to be created. */
    int nextRow() {
        return next;
    }

    Row row() {
        return sheet.createRow(next++);
    }

    void skip(int rows) {
        next += rows;
    }

    /** A row of column headers, two lines high, wrapped. */
    Row headerRow(String... headers) {
        Row row = row();
        row.setHeightInPoints(HEADER_HEIGHT_POINTS);
        for (int col = 0; col < headers.length; col++) {
            header(row, col, headers[col]);
        }
        return row;
    }

    Cell header(Row row, int col, String header) {
        Cell cell = row.createCell(col);
        cell.setCellValue(clean(header));
        cell.setCellStyle(styles.header);
        measure(col, headerChars(header));
        return cell;
    }

    /** A text cell; its length counts for the column width. */
    Cell text(Row row, int col, String value, CellStyle style) {
        String text = clean(value);
        Cell cell = row.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        measure(col, text.length());
        return cell;
    }

    Cell text(Row row, int col, String value) {
        return text(row, col, value, styles.text);
    }

    /** A text cell that may overflow on the empty cells to its right: it does not widen its column. */
    Cell overflowText(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(clean(value));
        cell.setCellStyle(style);
        return cell;
    }

    /** A count; null gives an empty cell with the style. */
    Cell integer(Row row, int col, Long value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
            measure(col, FrenchText.integer(value).length());
        }
        return cell;
    }

    Cell integer(Row row, int col, long value) {
        return integer(row, col, value, styles.integer);
    }

    /** A fraction shown as a percentage by its style (0.925: {@code 92,5 %}); null gives an empty cell. */
    Cell fraction(Row row, int col, Double value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
            measure(col, 8);
        }
        return cell;
    }

    /** A date cell ({@code dd/mm/yyyy}); null gives an empty cell. */
    Cell date(Row row, int col, LocalDate value) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.date);
        if (value != null) {
            cell.setCellValue(value);
            measure(col, 10);
        }
        return cell;
    }

    void measure(int col, int chars) {
        widths.merge(col, chars, Math::max);
    }

    /** Sets the column widths, and the print set-up: A4 landscape, one page wide, header rows repeated. */
    void finish(Integer repeatedHeaderRow) {
        finish(repeatedHeaderRow, repeatedHeaderRow);
    }

    /** Same, repeating the header rows {@code firstHeaderRow..lastHeaderRow} on every printed page. */
    void finish(Integer firstHeaderRow, Integer lastHeaderRow) {
        widths.forEach((col, chars) -> sheet.setColumnWidth(col, columnWidth(chars) * 256));
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        if (firstHeaderRow != null) {
            sheet.setRepeatingRows(new CellRangeAddress(firstHeaderRow, lastHeaderRow, -1, -1));
        }
        sheet.getFooter().setLeft("&A");
        sheet.getFooter().setRight("Page &P / &N");
    }

    /** How many characters a header counts for its column: headers past 16 characters wrap on two lines. */
    static int headerChars(String header) {
        int length = header.length();
        return length > HEADER_ONE_LINE ? (length + 1) / 2 + 1 : length;
    }

    /** Width of a column, in characters, from the length of its longest content: bounded, plus a margin. */
    static int columnWidth(int longestChars) {
        return Math.max(MIN_WIDTH_CHARS, Math.min(MAX_WIDTH_CHARS, longestChars)) + 2;
    }

    /** A summary line: a label and a bold integer. */
    void keyFigure(String label, long value) {
        Row row = row();
        text(row, 0, label, styles.label);
        integer(row, 1, value, styles.integerBold);
    }

    /** A summary line: a label and a text that may overflow to the right. */
    void textLine(String label, String value) {
        Row row = row();
        text(row, 0, label, styles.label);
        overflowText(row, 1, value, styles.text);
    }

    /** The colour legend ({@link Legend}), one row per band, from column {@code col}. */
    void legend(int col) {
        overflowText(row(), col, "Légende des couleurs", styles.heading);
        for (Legend.Band band : Legend.Band.values()) {
            Row row = row();
            text(row, col, band.colourName(), styles.text(band));
            overflowText(row, col + 1, band.meaning(), styles.text);
        }
    }

    /**
     * Text as a cell may hold it: null is empty, control characters (not allowed in the file's XML) become
     * spaces, and text is cut at Excel's limit of 32 767 characters.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
            if (forbidden) {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, ' ');
            }
        }
        String text = out == null ? value : out.toString();
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
    }
}
