package fr.esms.indicateurs.ingest;

/**
 * The shapes a NIR/INS takes when typed by hand, written without regular expressions because it runs on every
 * identifier and every free text of every row.
 *
 * <p>A NIR is 13 digits (15 with its key) starting with 1, 2, 7 or 8, often grouped for reading
 * ({@code 1 85 05 75 123 456 78}, {@code 1.85.05.75.123.456}, {@code 1-85-05-...}), and in Corsica its department
 * is {@code 2A} or {@code 2B} ({@code 1 85 05 2A 123 456 78}). Those letters count as digits at that place only.
 */
final class NirLike {

    /** Free-text runs holding at least this many digits are masked: a NIR, possibly glued to other digits. */
    static final int LONG_RUN_DIGITS = 13;

    private NirLike() {
    }

    /** What separates groups of digits when a number is written for reading (also the non-breaking spaces). */
    static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '\u00A0' || c == '\u202F' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code c}, met after {@code count} digits of which the last is {@code previous}, is a Corsican 2A/2B. */
    private static boolean isCorsicanDepartment(char c, int count, char previous) {
        return count == 6 && previous == '2' && (c == 'A' || c == 'B' || c == 'a' || c == 'b');
    }

    /**
     * The whole value is a NIR/INS: 13 or 15 digits starting with 1, 2, 7 or 8, the separators of
     * {@link #isSeparator} ignored wherever they are.
     */
    static boolean isNir(String value) {
        int count = 0;
        char first = 0;
        char previous = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isDigit(c) || isCorsicanDepartment(c, count, previous)) {
                if (count == 0) {
                    first = c;
                }
                previous = c;
                if (++count > 15) {
                    return false;
                }
            } else if (!isSeparator(c)) {
                return false;
            }
        }
        return (count == 13 || count == 15) && (first == '1' || first == '2' || first == '7' || first == '8');
    }

    /** Whether the text holds a run of at least {@link #LONG_RUN_DIGITS} digits (see {@link #lastOfRun}). */
    static boolean containsLongRun(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                int last = lastOfRun(text, i);
                if (digitsIn(text, i, last) >= LONG_RUN_DIGITS) {
                    return true;
                }
                i = last;
            }
        }
        return false;
    }

    /** The text with each run of at least {@link #LONG_RUN_DIGITS} digits replaced by {@code mask}. */
    static String maskLongRuns(String text, String mask) {
        if (!containsLongRun(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int last = lastOfRun(text, i);
            if (digitsIn(text, i, last) >= LONG_RUN_DIGITS) {
                out.append(mask);
            } else {
                out.append(text, i, last + 1);
            }
            i = last + 1;
        }
        return out.toString();
    }

    /**
     * The index of the last digit of the run that starts with the digit at {@code start}: a run goes on through
     * digits, through single separators between two digits, and through a Corsican 2A/2B at the department's
     * place. Two separators in a row end it ({@code 2024-10-01 - 2024-10-31} is two runs).
     */
    private static int lastOfRun(String text, int start) {
        int count = 0;
        int last = start;
        char previous = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c) || isCorsicanDepartment(c, count, previous)) {
                count++;
                previous = c;
                last = i++;
            } else if (isSeparator(c) && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return last;
    }

    /** The digits (and Corsican letters) from {@code start} to {@code last}: all but the separators. */
    private static int digitsIn(String text, int start, int last) {
        int count = 0;
        for (int i = start; i <= last; i++) {
            if (!isSeparator(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
