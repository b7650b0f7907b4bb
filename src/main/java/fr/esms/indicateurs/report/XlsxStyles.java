package fr.esms.indicateurs.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cell styles of the workbooks written directly ({@link XlsxWorkbook}), the same looks as {@link Styles}
 * gives the workbooks written with POI, and their {@code xl/styles.xml}, rendered once.
 *
 * <p>Immutable once built: one instance serves any number of workbooks on any number of threads.
 */
final class XlsxStyles {

    private static final XlsxStyle.Font BOLD = new XlsxStyle.Font(true, false, 11, null);

    final XlsxStyle title;
    final XlsxStyle heading;
    final XlsxStyle label;
    final XlsxStyle text;
    final XlsxStyle textBold;
    final XlsxStyle textWrap;
    final XlsxStyle note;
    final XlsxStyle header;
    final XlsxStyle integer;
    final XlsxStyle integerBold;
    final XlsxStyle keyFigure;
    final XlsxStyle rate;
    final XlsxStyle target;
    final XlsxStyle date;
    private final Map<Legend.Band, XlsxStyle> rateByBand = new EnumMap<>(Legend.Band.class);
    private final Map<Legend.Band, XlsxStyle> textByBand = new EnumMap<>(Legend.Band.class);

    /** Index in {@code cellXfs} of each style; identical styles share one. */
    private final Map<XlsxStyle, Integer> xfs;
    private final byte[] stylesXml;

    XlsxStyles() {
        XlsxStyle plain = XlsxStyle.DEFAULT;
        title = plain.withFont(new XlsxStyle.Font(true, false, 14, null));
        heading = plain.withFont(new XlsxStyle.Font(true, false, 12, null));
        label = plain.withFont(BOLD);
        text = plain;
        textBold = plain.withFont(BOLD);
        textWrap = plain.withWrap().withAlignment(null, "top");
        note = plain.withFont(new XlsxStyle.Font(false, true, 10, Styles.NOTE_COLOUR));
        header = plain.withFont(BOLD).withFill(Styles.HEADER_FILL).withBottomBorder().withWrap()
                .withAlignment("center", "center");
        integer = plain.withFormat(Styles.INTEGER_FORMAT);
        integerBold = integer.withFont(BOLD);
        keyFigure = integer.withFont(new XlsxStyle.Font(true, false, 16, null)).withAlignment("left", null);
        rate = plain.withFormat(Styles.RATE_FORMAT);
        target = plain.withFormat(Styles.TARGET_FORMAT);
        date = plain.withFormat(Styles.DATE_FORMAT).withAlignment("left", null);
        List<XlsxStyle> all = new ArrayList<>(List.of(plain, title, heading, label, text, textBold, textWrap, note,
                header, integer, integerBold, keyFigure, rate, target, date));
        for (Legend.Band band : Legend.Band.values()) {
            XlsxStyle.Font bandFont = new XlsxStyle.Font(false, false, 11, band.fontRgb());
            XlsxStyle bandRate = rate.withFont(bandFont).withFill(band.fillRgb());
            XlsxStyle bandText = plain.withFont(bandFont).withFill(band.fillRgb()).withAlignment("center", null);
            rateByBand.put(band, bandRate);
            textByBand.put(band, bandText);
            all.add(bandRate);
            all.add(bandText);
        }
        Map<XlsxStyle, Integer> indexes = new LinkedHashMap<>();
        for (XlsxStyle style : all) {
            indexes.putIfAbsent(style, indexes.size());
        }
        xfs = Collections.unmodifiableMap(new HashMap<>(indexes));
        stylesXml = render(List.copyOf(indexes.keySet())).getBytes(StandardCharsets.UTF_8);
    }

    /** A rate cell coloured by its band. */
    XlsxStyle rate(Legend.Band band) {
        return rateByBand.get(band);
    }

    /** A centred text cell coloured by its band (attainment, legend swatches). */
    XlsxStyle text(Legend.Band band) {
        return textByBand.get(band);
    }

    /** Index of the style in {@code cellXfs}. */
    int xf(XlsxStyle style) {
        Integer xf = xfs.get(style);
        if (xf == null) {
            throw new IllegalArgumentException("style not in the workbook: " + style);
        }
        return xf;
    }

    /** The {@code xl/styles.xml} part; callers must not modify the array. */
    byte[] stylesXml() {
        return stylesXml;
    }

    // ---------------------------------------------------------------- styles.xml

    /** Formats every spreadsheet application knows by number; others get numbers from 164. */
    private static final Map<String, Integer> BUILT_IN_FORMATS = Map.of("General", 0, "0", 1, "0.00", 2,
            "#,##0", 3, "#,##0.00", 4, "0%", 9, "0.00%", 10);

    private static String render(List<XlsxStyle> styles) {
        Map<String, Integer> formats = new LinkedHashMap<>();
        Map<XlsxStyle.Font, Integer> fonts = new LinkedHashMap<>();
        Map<String, Integer> fills = new LinkedHashMap<>();
        fonts.put(XlsxStyle.Font.DEFAULT, 0);
        for (XlsxStyle style : styles) {
            String format = style.numberFormat();
            if (format != null && !BUILT_IN_FORMATS.containsKey(format)) {
                formats.putIfAbsent(format, 164 + formats.size());
            }
            fonts.putIfAbsent(style.font(), fonts.size());
            if (style.fillRgb() != null) {
                fills.putIfAbsent(style.fillRgb(), 2 + fills.size()); // 0 and 1 are reserved
            }
        }

        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (!formats.isEmpty()) {
            x.append("<numFmts count=\"").append(formats.size()).append("\">");
            formats.forEach((code, id) -> XlsxXml.attribute(
                    x.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\""), code).append("\"/>"));
            x.append("</numFmts>");
        }
        x.append("<fonts count=\"").append(fonts.size()).append("\">");
        for (XlsxStyle.Font font : fonts.keySet()) {
            x.append("<font>");
            if (font.bold()) {
                x.append("<b/>");
            }
            if (font.italic()) {
                x.append("<i/>");
            }
            x.append("<sz val=\"").append(font.points()).append("\"/>");
            if (font.rgb() != null) {
                x.append("<color rgb=\"FF").append(font.rgb()).append("\"/>");
            } else if (font.equals(XlsxStyle.Font.DEFAULT)) {
                x.append("<color indexed=\"8\"/>"); // black, as POI writes it
            }
            x.append("<name val=\"Calibri\"/><family val=\"2\"/>");
            if (font.equals(XlsxStyle.Font.DEFAULT)) {
                x.append("<scheme val=\"minor\"/>");
            }
            x.append("</font>");
        }
        x.append("</fonts>");
        x.append("<fills count=\"").append(2 + fills.size()).append("\">")
                .append("<fill><patternFill patternType=\"none\"/></fill>")
                .append("<fill><patternFill patternType=\"gray125\"/></fill>");
        for (String rgb : fills.keySet()) {
            x.append("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF").append(rgb)
                    .append("\"/><bgColor indexed=\"64\"/></patternFill></fill>");
        }
        x.append("</fills>");
        x.append("<borders count=\"2\">")
                .append("<border><left/><right/><top/><bottom/><diagonal/></border>")
                .append("<border><left/><right/><top/><bottom style=\"thin\"><color indexed=\"64\"/></bottom>")
                .append("<diagonal/></border></borders>");
        x.append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>")
                .append("</cellStyleXfs>");
        x.append("<cellXfs count=\"").append(styles.size()).append("\">");
        for (XlsxStyle style : styles) {
            String format = style.numberFormat();
            int formatId = format == null ? 0 : BUILT_IN_FORMATS.getOrDefault(format, formats.getOrDefault(format, 0));
            int fontId = fonts.get(style.font());
            int fillId = style.fillRgb() == null ? 0 : fills.get(style.fillRgb());
            int borderId = style.bottomBorder() ? 1 : 0;
            boolean aligned = style.horizontal() != null || style.vertical() != null || style.wrap();
            x.append("<xf numFmtId=\"").append(formatId).append("\" fontId=\"").append(fontId)
                    .append("\" fillId=\"").append(fillId).append("\" borderId=\"").append(borderId)
                    .append("\" xfId=\"0\"");
            if (formatId != 0) {
                x.append(" applyNumberFormat=\"1\"");
            }
            if (fontId != 0) {
                x.append(" applyFont=\"1\"");
            }
            if (fillId != 0) {
                x.append(" applyFill=\"1\"");
            }
            if (borderId != 0) {
                x.append(" applyBorder=\"1\"");
            }
            if (!aligned) {
                x.append("/>");
                continue;
            }
            x.append(" applyAlignment=\"1\"><alignment");
            if (style.horizontal() != null) {
                x.append(" horizontal=\"").append(style.horizontal()).append('"');
            }
            if (style.vertical() != null) {
                x.append(" vertical=\"").append(style.vertical()).append('"');
            }
            if (style.wrap()) {
                x.append(" wrapText=\"1\"");
            }
            x.append("/></xf>");
        }
        x.append("</cellXfs>");
        // No <cellStyles> (no "Normal" style), as POI writes none: with one, LibreOffice would show unstyled
        // cells in Calibri 11 rather than in its default font, and narrow every column, unlike the workbooks of
        // the POI era. Excel needs none.
        x.append("</styleSheet>");
        return x.toString();
    }
}
