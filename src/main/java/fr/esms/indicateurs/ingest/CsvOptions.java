package fr.esms.indicateurs.ingest;

import org.apache.commons.csv.CSVFormat;

/**
 * How the CSV files of a package are written: encoding, delimiter and quote character ({@code null} when values
 * are never quoted). The pivot format is UTF-8 (BOM tolerated), {@code ;} and {@code "}.
 */
public record CsvOptions(Encoding encoding, char delimiter, Character quote) {

    public static final CsvOptions PIVOT = new CsvOptions(Encoding.UTF_8, ';', '"');

    /** The same options with a definite encoding (what {@link Encoding#AUTO} detected). */
    CsvOptions withEncoding(Encoding detected) {
        return new CsvOptions(detected, delimiter, quote);
    }

    CSVFormat format() {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote(quote)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .get();
    }

    /** The delimiter as users read it. */
    String delimiterLabel() {
        return switch (delimiter) {
            case '\t' -> "tabulation";
            case ';' -> "« ; »";
            case ',' -> "« , »";
            default -> "« " + delimiter + " »";
        };
    }
}
