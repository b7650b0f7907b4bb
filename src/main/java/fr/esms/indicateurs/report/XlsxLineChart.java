package fr.esms.indicateurs.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A native line chart (DrawingML) anchored on a sheet: categories along the bottom axis, values on the left axis
 * from 0, legend at the bottom, blank cells shown as gaps. Each series refers to the cells of its title and
 * values, and carries a cache of them so the chart shows without recalculation. Immutable.
 *
 * @param title           chart title
 * @param categoriesRef   formula of the category cells ({@code Historique!$A$5:$A$16})
 * @param categories      the category labels, in order
 * @param valueFormat     number format of the value axis
 * @param series          the lines
 * @param fromCol         anchor: first column (0-based)
 * @param fromRow         anchor: first row (0-based)
 * @param toCol           anchor: column where the chart ends
 * @param toRow           anchor: row where the chart ends
 */
record XlsxLineChart(String title, String categoriesRef, List<String> categories, String valueFormat,
                     List<Series> series, int fromCol, int fromRow, int toCol, int toRow) {

    private static final int EMU_PER_POINT = 12_700;

    XlsxLineChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /**
     * One line.
     *
     * @param titleRef  formula of the title cell
     * @param title     the title, as the cell holds it
     * @param valuesRef formula of the value cells
     * @param values    the values, null where the cell is empty
     * @param rgb       line colour {@code RRGGBB}
     * @param width     line width in points
     * @param dashed    a dashed line
     * @param markers   a circle on each point
     */
    record Series(String titleRef, String title, String valuesRef, List<Double> values, String rgb, double width,
                  boolean dashed, boolean markers) {
        Series {
            Objects.requireNonNull(values);
            values = Collections.unmodifiableList(new ArrayList<>(values)); // may hold nulls
        }
    }

    /** The {@code xl/charts/chartN.xml} part. */
    void writeChartXml(StringBuilder x) {
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"")
                .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"")
                .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                .append("<c:roundedCorners val=\"0\"/>")
                .append("<c:chart><c:title><c:tx><c:rich><a:bodyPr anchor=\"t\" rtlCol=\"0\"/><a:lstStyle/>")
                .append("<a:p><a:pPr algn=\"l\"><a:defRPr/></a:pPr><a:r><a:rPr lang=\"fr-FR\"/><a:t>");
        XlsxXml.text(x, title);
        x.append("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")
                .append("<c:autoTitleDeleted val=\"0\"/>")
                .append("<c:plotArea><c:layout/><c:lineChart><c:grouping val=\"standard\"/>")
                .append("<c:varyColors val=\"0\"/>");
        for (int i = 0; i < series.size(); i++) {
            series(x, i, series.get(i));
        }
        x.append("<c:marker val=\"1\"/><c:axId val=\"0\"/><c:axId val=\"1\"/></c:lineChart>")
                .append("<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>")
                .append("<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:majorTickMark val=\"cross\"/>")
                .append("<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/>")
                .append("<c:crosses val=\"autoZero\"/><c:auto val=\"0\"/><c:lblAlgn val=\"ctr\"/>")
                .append("<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")
                .append("<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/>")
                .append("<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>")
                .append("<c:numFmt formatCode=\"");
        XlsxXml.attribute(x, valueFormat);
        x.append("\" sourceLinked=\"1\"/><c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>")
                .append("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/><c:crosses val=\"autoZero\"/>")
                .append("<c:crossBetween val=\"midCat\"/></c:valAx></c:plotArea>")
                .append("<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>")
                .append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>")
                .append("<c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\"")
                .append(" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings>")
                .append("</c:chartSpace>");
    }

    private void series(StringBuilder x, int index, Series s) {
        x.append("<c:ser><c:idx val=\"").append(index).append("\"/><c:order val=\"").append(index)
                .append("\"/><c:tx><c:strRef><c:f>");
        XlsxXml.text(x, s.titleRef());
        x.append("</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>");
        XlsxXml.text(x, s.title());
        x.append("</c:v></c:pt></c:strCache></c:strRef></c:tx>")
                .append("<c:spPr><a:ln w=\"").append(Math.round(s.width() * EMU_PER_POINT))
                .append("\"><a:solidFill><a:srgbClr val=\"").append(s.rgb()).append("\"/></a:solidFill>");
        if (s.dashed()) {
            x.append("<a:prstDash val=\"dash\"/>");
        }
        x.append("</a:ln></c:spPr><c:marker><c:symbol val=\"").append(s.markers() ? "circle" : "none")
                .append("\"/></c:marker>");
        x.append("<c:cat><c:strRef><c:f>");
        XlsxXml.text(x, categoriesRef);
        x.append("</c:f><c:strCache><c:ptCount val=\"").append(categories.size()).append("\"/>");
        for (int i = 0; i < categories.size(); i++) {
            x.append("<c:pt idx=\"").append(i).append("\"><c:v>");
            XlsxXml.text(x, categories.get(i)).append("</c:v></c:pt>");
        }
        x.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>");
        XlsxXml.text(x, s.valuesRef());
        x.append("</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"")
                .append(s.values().size()).append("\"/>");
        for (int i = 0; i < s.values().size(); i++) {
            Double value = s.values().get(i);
            if (value != null) {
                x.append("<c:pt idx=\"").append(i).append("\"><c:v>").append(XlsxRow.number(value))
                        .append("</c:v></c:pt>");
            }
        }
        x.append("</c:numCache></c:numRef></c:val><c:smooth val=\"0\"/></c:ser>");
    }

    /** The {@code xl/drawings/drawingN.xml} part that anchors the chart (relationship {@code rId1}). */
    void writeDrawingXml(StringBuilder x) {
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\"")
                .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">")
                .append("<xdr:twoCellAnchor editAs=\"twoCell\">")
                .append("<xdr:from><xdr:col>").append(fromCol).append("</xdr:col><xdr:colOff>0</xdr:colOff>")
                .append("<xdr:row>").append(fromRow).append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>")
                .append("<xdr:to><xdr:col>").append(toCol).append("</xdr:col><xdr:colOff>0</xdr:colOff>")
                .append("<xdr:row>").append(toRow).append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>")
                .append("<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"2\" name=\"Graphique 1\"/>")
                .append("<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>")
                .append("<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>")
                .append("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
                .append("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"")
                .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
                .append(" r:id=\"rId1\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>")
                .append("</xdr:twoCellAnchor></xdr:wsDr>");
    }
}
