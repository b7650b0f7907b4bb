package fr.esms.indicateurs.ingest;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One CSV file, streamed record by record with Commons CSV, decoded strictly in its encoding (a leading UTF-8 BOM
 * is dropped), with its delimiter and quoting as in RFC 4180 (the pivot format: UTF-8, {@code ;}, {@code "}). Records whose fields are all blank are skipped
 * (and counted). Each record knows the physical line it starts on (first line = 1), quoted fields spanning several
 * lines included.
 */
final class CsvTable implements Closeable {

    /** Longest physical line accepted, in characters. */
    static final long MAX_LINE_CHARS = 1 << 20;

    /** A non-blank record and the physical line it starts on. */
    record Line(long number, List<String> values) {
    }

    /** A CSV syntax error (unclosed quote...) on the record starting at {@code line}; French message. */
    static final class SyntaxException extends IOException {
        private final long line;

        SyntaxException(long line, String frenchMessage, Throwable cause) {
            super(frenchMessage, cause);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long lastLine;
    private long blankRecords;
    private long firstBlankLine;

    /**
     * A file that {@link #check} accepted: its decoding and line lengths are not measured again.
     *
     * @param options with a definite encoding (not {@link Encoding#AUTO})
     */
    CsvTable(InputStream in, CsvOptions options) throws IOException {
        this.parser = options.format().parse(new StrictReader(in, options.encoding(), MAX_LINE_CHARS, false));
        this.records = parser.iterator();
    }

    /**
     * Reads a whole file once without keeping anything, so that a file that does not decode or is not valid CSV
     * is rejected before any of its rows is handed out.
     */
    static void check(InputStream in, CsvOptions options) throws IOException {
        try (StrictReader reader = new StrictReader(in, options.encoding(), MAX_LINE_CHARS)) {
            new SyntaxCheck(options.delimiter(), options.quote()).run(reader);
        }
    }

    /**
     * The CSV syntax Commons CSV enforces with our format, checked without building records (several times
     * faster, and the check reads every file once more): a quoted value must be closed, and after its closing
     * quote only blanks may come before the delimiter or the end of the line. The line given is the one the
     * record starts on, as in {@link #next()}.
     */
    private static final class SyntaxCheck {
        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int AFTER_QUOTE = 3;
        private static final int AFTER_QUOTE_BLANK = 4;

        private final char delimiter;
        private final int quote;

        SyntaxCheck(char delimiter, Character quote) {
            this.delimiter = delimiter;
            this.quote = quote == null ? -1 : quote;
        }

        void run(java.io.Reader reader) throws IOException {
            char[] buffer = new char[1 << 16];
            int state = FIELD_START;
            long line = 1;
            long recordLine = 1;
            boolean lastWasCr = false;
            for (int n; (n = reader.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    boolean eol = c == '\n' || c == '\r';
                    if (eol) {
                        if (c == '\r' || !lastWasCr) {
                            line++;
                        }
                        lastWasCr = c == '\r';
                    } else {
                        lastWasCr = false;
                    }
                    switch (state) {
                        case QUOTED -> {
                            if (c == quote) {
                                state = AFTER_QUOTE;
                            }
                        }
                        case AFTER_QUOTE, AFTER_QUOTE_BLANK -> {
                            if (c == quote && state == AFTER_QUOTE) {
                                state = QUOTED; // a doubled quote
                            } else if (c == delimiter) {
                                state = FIELD_START;
                            } else if (eol) {
                                state = FIELD_START;
                                recordLine = line;
                            } else if (Character.isWhitespace(c)) {
                                state = AFTER_QUOTE_BLANK;
                            } else {
                                throw new SyntaxException(recordLine, "caractère inattendu après un guillemet fermant"
                                        + " (les guillemets d'une valeur doivent être doublés)", null);
                            }
                        }
                        default -> {
                            if (c == delimiter) {
                                state = FIELD_START;
                            } else if (eol) {
                                state = FIELD_START;
                                recordLine = line;
                            } else if (state == FIELD_START && c == quote) {
                                state = QUOTED;
                            } else {
                                state = UNQUOTED;
                            }
                        }
                    }
                }
            }
            if (state == QUOTED) {
                throw new SyntaxException(recordLine, "guillemet ouvert jamais refermé", null);
            }
        }
    }

    /** The next non-blank record, or {@code null} at the end of the file. */
    Line next() throws IOException {
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw translate(e.getCause());
            }
            long start = lastLine + 1;
            // After a record, the parser has consumed its closing line break: its count is the record's last line.
            lastLine = parser.getCurrentLineNumber();
            List<String> values = java.util.Arrays.asList(record.values());
            if (allBlank(values)) {
                if (blankRecords++ == 0) {
                    firstBlankLine = start;
                }
                continue;
            }
            return new Line(start, values);
        }
    }

    private static boolean allBlank(List<String> values) {
        for (String value : values) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private IOException translate(IOException e) {
        if (e instanceof CSVException) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String french;
            if (message.contains("EOF reached before encapsulated token finished")) {
                french = "guillemet ouvert jamais refermé";
            } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
                french = "caractère inattendu après un guillemet fermant (les guillemets d'une valeur doivent être doublés)";
            } else {
                french = "syntaxe CSV invalide";
            }
            return new SyntaxException(lastLine + 1, french, e);
        }
        return e;
    }

    long blankRecords() {
        return blankRecords;
    }

    long firstBlankLine() {
        return firstBlankLine;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * A header matched against the columns a file knows: names trimmed and compared case-insensitively.
     * {@code index} maps each known column present to its position.
     */
    record Header(Map<String, Integer> index, List<String> missing, List<String> unknown, List<String> duplicated,
                  int width) {

        /** {@code required} and {@code optional} as the caller spells them; matching ignores case. */
        static Header of(List<String> names, List<String> required, List<String> optional) {
            Set<String> known = new LinkedHashSet<>();
            required.forEach(c -> known.add(c.trim().toLowerCase(Locale.ROOT)));
            optional.forEach(c -> known.add(c.trim().toLowerCase(Locale.ROOT)));
            Map<String, Integer> index = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            Set<String> duplicated = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).trim().toLowerCase(Locale.ROOT);
                if (known.contains(name)) {
                    if (index.putIfAbsent(name, i) != null) {
                        duplicated.add(name);
                    }
                } else {
                    unknown.add(name.isEmpty() ? "(sans nom, colonne " + (i + 1) + ")" : names.get(i).trim());
                }
            }
            List<String> missing = required.stream()
                    .filter(c -> !index.containsKey(c.trim().toLowerCase(Locale.ROOT))).toList();
            return new Header(Map.copyOf(index), missing, List.copyOf(unknown), List.copyOf(duplicated),
                    names.size());
        }
    }
}
