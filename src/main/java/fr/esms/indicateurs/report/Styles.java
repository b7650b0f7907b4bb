package fr.esms.indicateurs.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The cell styles of one workbook, created once (a workbook holds at most 64 000 styles: never one per cell).
 * Number formats are stored in the invariant syntax of the file format; Excel shows them with the reader's
 * separators, so a French Excel displays {@code #,##0} as {@code 12 345} and {@code 0.0 %} as {@code 92,5 %}.
 */
final class Styles {

    /** Counts: thousands grouped (a French Excel shows {@code # ##0}). */
    static final String INTEGER_FORMAT = "#,##0";
    /** Rates, stored as fractions: 0.925 shows {@code 92,5 %}. */
    static final String RATE_FORMAT = "0.0 %";
    /** Targets: 0.9 shows {@code 90 %}. */
    static final String TARGET_FORMAT = "0 %";
    static final String DATE_FORMAT = "dd/mm/yyyy";

    static final String HEADER_FILL = "DDEBF7";
    static final String NOTE_COLOUR = "595959";

    final CellStyle title;
    final CellStyle heading;
    final CellStyle label;
    final CellStyle text;
    final CellStyle textBold;
    final CellStyle textWrap;
    final CellStyle note;
    final CellStyle header;
    final CellStyle integer;
    final CellStyle integerBold;
    final CellStyle keyFigure;
    final CellStyle rate;
    final CellStyle target;
    final CellStyle date;
    private final Map<Legend.Band, CellStyle> rateByBand = new EnumMap<>(Legend.Band.class);
    private final Map<Legend.Band, CellStyle> textByBand = new EnumMap<>(Legend.Band.class);

    Styles(Workbook workbook) {
        DataFormat formats = workbook.createDataFormat();
        short integerFormat = formats.getFormat(INTEGER_FORMAT);
        short rateFormat = formats.getFormat(RATE_FORMAT);

        title = style(workbook, font(workbook, true, false, 14, null));
        heading = style(workbook, font(workbook, true, false, 12, null));
        label = style(workbook, font(workbook, true, false, 11, null));
        text = workbook.createCellStyle();
        textBold = style(workbook, font(workbook, true, false, 11, null));
        textWrap = workbook.createCellStyle();
        textWrap.setWrapText(true);
        textWrap.setVerticalAlignment(VerticalAlignment.TOP);
        note = style(workbook, font(workbook, false, true, 10, NOTE_COLOUR));

        header = style(workbook, font(workbook, true, false, 11, null));
        fill(header, HEADER_FILL);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setAlignment(HorizontalAlignment.CENTER);

        integer = workbook.createCellStyle();
        integer.setDataFormat(integerFormat);
        integerBold = style(workbook, font(workbook, true, false, 11, null));
        integerBold.setDataFormat(integerFormat);
        keyFigure = style(workbook, font(workbook, true, false, 16, null));
        keyFigure.setDataFormat(integerFormat);
        keyFigure.setAlignment(HorizontalAlignment.LEFT);
        rate = workbook.createCellStyle();
        rate.setDataFormat(rateFormat);
        target = workbook.createCellStyle();
        target.setDataFormat(formats.getFormat(TARGET_FORMAT));
        date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat(DATE_FORMAT));
        date.setAlignment(HorizontalAlignment.LEFT);

        for (Legend.Band band : Legend.Band.values()) {
            XSSFFont bandFont = font(workbook, false, false, 11, band.fontRgb());
            CellStyle bandRate = style(workbook, bandFont);
            bandRate.setDataFormat(rateFormat);
            fill(bandRate, band.fillRgb());
            rateByBand.put(band, bandRate);
            CellStyle bandText = style(workbook, bandFont);
            bandText.setAlignment(HorizontalAlignment.CENTER);
            fill(bandText, band.fillRgb());
            textByBand.put(band, bandText);
        }
    }

    /** A rate cell coloured by its band. */
    CellStyle rate(Legend.Band band) {
        return rateByBand.get(band);
    }

    /** A centred text cell coloured by its band (attainment, legend swatches). */
    CellStyle text(Legend.Band band) {
        return textByBand.get(band);
    }

    static byte[] rgb(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static CellStyle style(Workbook workbook, XSSFFont font) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static XSSFFont font(Workbook workbook, boolean bold, boolean italic, int points, String rgb) {
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setBold(bold);
        font.setItalic(italic);
        font.setFontHeightInPoints((short) points);
        if (rgb != null) {
            font.setColor(new XSSFColor(rgb(rgb), null));
        }
        return font;
    }

    private static void fill(CellStyle style, String rgb) {
        ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(rgb(rgb), null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
