package fr.esms.indicateurs.report;

import java.util.Arrays;

/**
 * One row of an {@link XlsxSheet} being written. Cells may be set in any column order; setting a column twice
 * keeps the last cell. The row is written out when the sheet starts the next row or is itself written.
 *
 * <p>Text is always a string cell ({@code inlineStr}), cleaned by {@link SheetBuilder#clean}: nothing can become
 * a formula, and the file stays valid XML.
 */
final class XlsxRow {

    private static final byte BLANK = 0;
    private static final byte TEXT = 1;
    private static final byte INTEGER = 2;
    private static final byte DECIMAL = 3;

    private final int index;
    private final XlsxStyles styles;
    private float height = -1;
    private int size;
    private int[] cols = new int[16];
    private byte[] kinds = new byte[16];
    private int[] xfs = new int[16];
    private String[] texts = new String[16];
    private long[] integers = new long[16];
    private double[] decimals = new double[16];

    XlsxRow(int index, XlsxStyles styles) {
        this.index = index;
        this.styles = styles;
    }

    /** 0-based index of the row. */
    int index() {
        return index;
    }

    /** A custom height, in points. */
    void height(float points) {
        height = points;
    }

    void text(int col, String value, XlsxStyle style) {
        texts[add(col, TEXT, style)] = SheetBuilder.clean(value);
    }

    void integer(int col, long value, XlsxStyle style) {
        integers[add(col, INTEGER, style)] = value;
    }

    void decimal(int col, double value, XlsxStyle style) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        decimals[add(col, DECIMAL, style)] = value;
    }

    /** An empty cell that still has its style (fill, format for a later entry). */
    void blank(int col, XlsxStyle style) {
        add(col, BLANK, style);
    }

    /** Highest column used, -1 when the row is empty. */
    int lastColumn() {
        int last = -1;
        for (int i = 0; i < size; i++) {
            last = Math.max(last, cols[i]);
        }
        return last;
    }

    private int add(int col, byte kind, XlsxStyle style) {
        if (col < 0 || col > 16_383) {
            throw new IllegalArgumentException("column out of range: " + col);
        }
        int xf = styles.xf(style);
        for (int i = 0; i < size; i++) {
            if (cols[i] == col) { // replaced, as POI's createCell does
                System.arraycopy(cols, i + 1, cols, i, size - i - 1);
                System.arraycopy(kinds, i + 1, kinds, i, size - i - 1);
                System.arraycopy(xfs, i + 1, xfs, i, size - i - 1);
                System.arraycopy(texts, i + 1, texts, i, size - i - 1);
                System.arraycopy(integers, i + 1, integers, i, size - i - 1);
                System.arraycopy(decimals, i + 1, decimals, i, size - i - 1);
                size--;
                break;
            }
        }
        if (size == cols.length) {
            int n = size * 2;
            cols = Arrays.copyOf(cols, n);
            kinds = Arrays.copyOf(kinds, n);
            xfs = Arrays.copyOf(xfs, n);
            texts = Arrays.copyOf(texts, n);
            integers = Arrays.copyOf(integers, n);
            decimals = Arrays.copyOf(decimals, n);
        }
        int i = size++;
        cols[i] = col;
        kinds[i] = kind;
        xfs[i] = xf;
        texts[i] = null;
        return i;
    }

    /** Appends the {@code <row>} element, cells sorted by column. */
    void writeXml(StringBuilder x) {
        String r = Integer.toString(index + 1);
        x.append("<row r=\"").append(r).append('"');
        if (height >= 0) {
            x.append(" ht=\"").append(number(height)).append("\" customHeight=\"1\"");
        }
        if (size == 0) {
            x.append("/>");
            return;
        }
        x.append('>');
        int written = 0;
        int previous = -1;
        while (written < size) { // rows are a dozen cells: a selection of the next column is enough
            int next = -1;
            for (int i = 0; i < size; i++) {
                if (cols[i] > previous && (next < 0 || cols[i] < cols[next])) {
                    next = i;
                }
            }
            cell(x, next, r);
            previous = cols[next];
            written++;
        }
        x.append("</row>");
    }

    private void cell(StringBuilder x, int i, String r) {
        x.append("<c r=\"").append(XlsxXml.column(cols[i])).append(r).append('"');
        if (xfs[i] != 0) {
            x.append(" s=\"").append(xfs[i]).append('"');
        }
        switch (kinds[i]) {
            case BLANK -> x.append("/>");
            case TEXT -> {
                String text = texts[i];
                x.append(" t=\"inlineStr\"><is><t");
                if (XlsxXml.needsPreserve(text)) {
                    x.append(" xml:space=\"preserve\"");
                }
                XlsxXml.text(x.append('>'), text).append("</t></is></c>");
            }
            case INTEGER -> x.append("><v>").append(integers[i]).append("</v></c>");
            default -> x.append("><v>").append(number(decimals[i])).append("</v></c>");
        }
    }

    /** A number as the file stores it: integral values without a decimal part. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
