package fr.esms.indicateurs.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SheetBuilder} for a sheet written directly ({@link XlsxSheet}): the same cells, width rules and print
 * set-up. Writes one sheet top to bottom and keeps, per column, the length of the longest content.
 *
 * <p>Text is always a string cell: nothing read from the input can become a formula. Numbers are numeric cells;
 * dates are numeric cells with a date format.
 */
final class XlsxSheetBuilder {

    /** Day 0 of Excel's dates (the 1900 system, counting its phantom 29 February 1900). */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();

    final XlsxSheet sheet;
    final XlsxStyles styles;
    private final Map<Integer, Integer> widths = new TreeMap<>();
    private int next;

    XlsxSheetBuilder(XlsxSheet sheet, XlsxStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** Index of the next row to be created. */
    int nextRow() {
        return next;
    }

    XlsxRow row() {
        return sheet.row(next++);
    }

    void skip(int rows) {
        next += rows;
    }

    /** A row of column headers, two lines high, wrapped. */
    XlsxRow headerRow(String... headers) {
        XlsxRow row = row();
        row.height(SheetBuilder.HEADER_HEIGHT_POINTS);
        for (int col = 0; col < headers.length; col++) {
            header(row, col, headers[col]);
        }
        return row;
    }

    void header(XlsxRow row, int col, String header) {
        row.text(col, header, styles.header);
        measure(col, SheetBuilder.headerChars(header));
    }

    /** A text cell; its length counts for the column width. */
    void text(XlsxRow row, int col, String value, XlsxStyle style) {
        String text = SheetBuilder.clean(value);
        row.text(col, text, style);
        measure(col, text.length());
    }

    void text(XlsxRow row, int col, String value) {
        text(row, col, value, styles.text);
    }

    /** A text cell that may overflow on the empty cells to its right: it does not widen its column. */
    void overflowText(XlsxRow row, int col, String value, XlsxStyle style) {
        row.text(col, value, style);
    }

    /** A count; null gives an empty cell with the style. */
    void integer(XlsxRow row, int col, Long value, XlsxStyle style) {
        if (value == null) {
            row.blank(col, style);
        } else {
            row.integer(col, value, style);
            measure(col, FrenchText.integer(value).length());
        }
    }

    void integer(XlsxRow row, int col, long value) {
        integer(row, col, value, styles.integer);
    }

    /** A fraction shown as a percentage by its style (0.925: {@code 92,5 %}); null gives an empty cell. */
    void fraction(XlsxRow row, int col, Double value, XlsxStyle style) {
        if (value == null) {
            row.blank(col, style);
        } else {
            row.decimal(col, value, style);
            measure(col, 8);
        }
    }

    /** A date cell ({@code dd/mm/yyyy}); null gives an empty cell. */
    void date(XlsxRow row, int col, LocalDate value) {
        if (value == null) {
            row.blank(col, styles.date);
        } else {
            row.integer(col, value.toEpochDay() - EXCEL_EPOCH_DAY, styles.date);
            measure(col, 10);
        }
    }

    void measure(int col, int chars) {
        widths.merge(col, chars, Math::max);
    }

    /** Sets the column widths, and the print set-up: A4 landscape, one page wide, header rows repeated. */
    void finish(Integer repeatedHeaderRow) {
        widths.forEach((col, chars) -> sheet.columnWidth(col, SheetBuilder.columnWidth(chars)));
        sheet.landscapeOnePageWide();
        if (repeatedHeaderRow != null) {
            sheet.repeatRows(repeatedHeaderRow, repeatedHeaderRow);
        }
        sheet.footer("&A", "Page &P / &N");
    }

    /** The colour legend ({@link Legend}), one row per band, from column {@code col}. */
    void legend(int col) {
        overflowText(row(), col, "Légende des couleurs", styles.heading);
        for (Legend.Band band : Legend.Band.values()) {
            XlsxRow row = row();
            text(row, col, band.colourName(), styles.text(band));
            overflowText(row, col + 1, band.meaning(), styles.text);
        }
    }
}
