package fr.esms.indicateurs.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A date or date-time format of an editor, written as in {@link DateTimeFormatter} ({@code dd/MM/yyyy},
 * {@code yyyy-MM-dd'T'HH:mm:ss}...). Only the date is kept. A format without a day ({@code MM/yyyy}) gives the
 * first day of the month, or its last day for the end of a period. Parsing is strict: {@code 31/02/2026} is
 * refused, never moved to March.
 */
public record DatePattern(String pattern, DateTimeFormatter formatter, boolean hasDay) {

    /** @throws IllegalArgumentException with a French message when the pattern is not a valid format */
    public static DatePattern of(String pattern) {
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(strictYears(pattern), Locale.FRANCE)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format de date invalide « " + pattern + " » (" + e.getMessage() + ")");
        }
        boolean hasDay = unquoted(pattern).contains("d");
        boolean hasMonth = unquoted(pattern).contains("M");
        if (!hasMonth || !unquoted(pattern).contains("y") && !unquoted(pattern).contains("u")) {
            throw new IllegalArgumentException("format de date « " + pattern + " » sans mois ou sans année");
        }
        return new DatePattern(pattern, formatter, hasDay);
    }

    /** The date, or null when the value does not follow this format. */
    LocalDate parse(String value, boolean endOfPeriod) {
        TemporalAccessor parsed;
        try {
            parsed = formatter.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
        if (hasDay) {
            return LocalDate.from(parsed);
        }
        YearMonth month = YearMonth.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR));
        return endOfPeriod ? month.atEndOfMonth() : month.atDay(1);
    }

    /** With the strict resolver, {@code y} is the year of an era: {@code u} is the proleptic year people mean. */
    private static String strictYears(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    private static String unquoted(String pattern) {
        return pattern.replaceAll("'[^']*'", "");
    }
}
