package fr.esms.indicateurs.report;

import java.util.Objects;

/**
 * The look of a cell in a workbook written directly (see {@link XlsxStyles}): font, fill, bottom border,
 * alignment and number format. Immutable.
 *
 * @param font         the font; never null
 * @param fillRgb      solid fill colour {@code RRGGBB}, null for none
 * @param bottomBorder a thin bottom border
 * @param horizontal   {@code left}, {@code center}… or null for the default
 * @param vertical     {@code top}, {@code center}… or null for the default
 * @param wrap         text wrapped in the cell
 * @param numberFormat format code in the invariant syntax of the file ({@code #,##0}), null for General
 */
record XlsxStyle(Font font, String fillRgb, boolean bottomBorder, String horizontal, String vertical, boolean wrap,
                 String numberFormat) {

    /** The default cell: Calibri 11, no fill, General. */
    static final XlsxStyle DEFAULT = new XlsxStyle(Font.DEFAULT, null, false, null, null, false, null);

    XlsxStyle {
        Objects.requireNonNull(font);
    }

    /**
     * A font of the Calibri family.
     *
     * @param rgb colour {@code RRGGBB}, null for automatic
     */
    record Font(boolean bold, boolean italic, int points, String rgb) {
        static final Font DEFAULT = new Font(false, false, 11, null);
    }

    XlsxStyle withFont(Font newFont) {
        return new XlsxStyle(newFont, fillRgb, bottomBorder, horizontal, vertical, wrap, numberFormat);
    }

    XlsxStyle withFill(String rgb) {
        return new XlsxStyle(font, rgb, bottomBorder, horizontal, vertical, wrap, numberFormat);
    }

    XlsxStyle withBottomBorder() {
        return new XlsxStyle(font, fillRgb, true, horizontal, vertical, wrap, numberFormat);
    }

    XlsxStyle withAlignment(String newHorizontal, String newVertical) {
        return new XlsxStyle(font, fillRgb, bottomBorder, newHorizontal, newVertical, wrap, numberFormat);
    }

    XlsxStyle withWrap() {
        return new XlsxStyle(font, fillRgb, bottomBorder, horizontal, vertical, true, numberFormat);
    }

    XlsxStyle withFormat(String format) {
        return new XlsxStyle(font, fillRgb, bottomBorder, horizontal, vertical, wrap, format);
    }
}
