package fr.esms.indicateurs.referential;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One file of a rules folder read as {@code ;}-separated CSV in UTF-8 (a spreadsheet's byte-order mark is
 * skipped), with its header on line 1; blank lines are passed over. Each value is read through a {@link Row} that
 * throws a {@link RulesException} naming the file, the line and the column.
 */
final class RulesCsv {

    private RulesCsv() {
    }

    /** @param file the name shown in messages, e.g. {@code 2025/cibles.csv} */
    static List<Row> read(String file, byte[] content, List<String> columns) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new RulesException("règles : fichier " + file + " non décodable en UTF-8 (enregistrez-le en "
                    + "« CSV UTF-8 »)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setTrim(true).get().parse(new StringReader(text))) {
            Map<String, Integer> indexByColumn = new HashMap<>();
            List<String> header = parser.getHeaderNames();
            for (int i = 0; i < header.size(); i++) {
                indexByColumn.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            for (String column : columns) {
                if (!indexByColumn.containsKey(column)) {
                    throw RulesException.at(file, 1, column, "colonne obligatoire absente (en-tête attendu : "
                            + String.join(";", columns) + ")");
                }
            }
            for (CSVRecord record : parser) {
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new Row(file, record.getRecordNumber() + 1, record, indexByColumn));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RulesException("règles : fichier " + file + " illisible (" + e.getMessage() + ")");
        }
        return rows;
    }

    /** A line of a rules file. */
    static final class Row {
        private final String file;
        private final long line;
        private final CSVRecord record;
        private final Map<String, Integer> indexByColumn;

        Row(String file, long line, CSVRecord record, Map<String, Integer> indexByColumn) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.indexByColumn = indexByColumn;
        }

        long line() {
            return line;
        }

        /** The trimmed value, or "" when empty or absent. */
        String text(String column) {
            Integer index = indexByColumn.get(column);
            return index == null || index >= record.size() ? "" : record.get(index).trim();
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw error(column, "valeur obligatoire absente");
            }
            return value;
        }

        /** A whole number from {@code min} to {@code max}. */
        long number(String column, long min, long max, String what) {
            String value = required(column);
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw error(column, "« " + value + " » n'est pas un nombre entier (" + what + ")");
            }
            if (n < min || n > max) {
                throw error(column, "« " + value + " » hors des bornes : de " + min + " à " + max + " (" + what + ")");
            }
            return n;
        }

        LocalDate date(String column, boolean mandatory) {
            String value = mandatory ? required(column) : text(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw error(column, "« " + value + " » n'est pas une date AAAA-MM-JJ");
            }
        }

        /** A {@code |}-separated list, blanks dropped. */
        List<String> list(String column) {
            return Arrays.stream(text(column).split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        /** OUI, NON, or null when empty. */
        Boolean yesNo(String column) {
            String value = text(column).toUpperCase(Locale.ROOT);
            return switch (value) {
                case "" -> null;
                case "OUI" -> true;
                case "NON" -> false;
                default -> throw error(column, "« " + text(column) + " » : OUI, NON ou vide attendu");
            };
        }

        RulesException error(String column, String message) {
            return RulesException.at(file, line, column, message);
        }
    }
}
