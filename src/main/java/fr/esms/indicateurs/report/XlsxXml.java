package fr.esms.indicateurs.report;

/**
 * XML text for the parts of a workbook written directly: escaping of element text and attribute values, and
 * sheet names as formulas quote them.
 *
 * <p>Whatever the input, the output is well-formed XML 1.0: characters XML cannot carry (control characters
 * other than tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) become spaces.
 */
final class XlsxXml {

    private static final java.util.regex.Pattern LOOKS_LIKE_A_REFERENCE =
            java.util.regex.Pattern.compile("(?i)[a-z]{1,3}[0-9]+|r[0-9]*c[0-9]*|true|false");

    private XlsxXml() {
    }

    /** Appends {@code text} escaped for element content. */
    static StringBuilder text(StringBuilder out, String text) {
        return escape(out, text, false);
    }

    /** Appends {@code value} escaped for an attribute value written between double quotes. */
    static StringBuilder attribute(StringBuilder out, String value) {
        return escape(out, value, true);
    }

    /** True when a text must be marked {@code xml:space="preserve"} to keep its leading or trailing blanks. */
    static boolean needsPreserve(String text) {
        return !text.isEmpty() && (isBlank(text.charAt(0)) || isBlank(text.charAt(text.length() - 1)));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static StringBuilder escape(StringBuilder out, String s, boolean attribute) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                // a parser turns a raw CR into LF, and raw tabs and line feeds of attributes into spaces
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        out.append(' ');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            out.append(' ');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A sheet name as a formula writes it: as is when made of letters, digits and underscores only (not starting
     * with a digit), else between single quotes, each quote doubled ({@code 'Qualité des données'}).
     */
    static String sheetReference(String sheetName) {
        boolean plain = !sheetName.isEmpty() && !Character.isDigit(sheetName.charAt(0));
        for (int i = 0; plain && i < sheetName.length(); i++) {
            char c = sheetName.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_';
        }
        // names that read as a cell reference (A1, R1C1) or a boolean must be quoted too
        if (plain && LOOKS_LIKE_A_REFERENCE.matcher(sheetName).matches()) {
            plain = false;
        }
        return plain ? sheetName : "'" + sheetName.replace("'", "''") + "'";
    }

    /** Column letters of a 0-based column index (0: A, 26: AA). */
    static String column(int col) {
        if (col < 26) {
            return String.valueOf((char) ('A' + col));
        }
        StringBuilder letters = new StringBuilder(3);
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /** An absolute cell reference such as {@code Historique!$C$4} (0-based row and column). */
    static String absolute(String sheetName, int row, int col) {
        return sheetReference(sheetName) + "!$" + column(col) + "$" + (row + 1);
    }

    /** An absolute range of one column such as {@code Historique!$A$5:$A$16}; one cell is {@code $A$5}. */
    static String absoluteColumnRange(String sheetName, int firstRow, int lastRow, int col) {
        if (firstRow == lastRow) {
            return absolute(sheetName, firstRow, col);
        }
        String letters = column(col);
        return sheetReference(sheetName) + "!$" + letters + "$" + (firstRow + 1) + ":$" + letters + "$"
                + (lastRow + 1);
    }
}
