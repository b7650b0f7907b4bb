package fr.esms.indicateurs.ingest;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Where an editor profile finds the value of one pivot column. */
public sealed interface ColumnSource {

    /**
     * A column of the editor's file, by its header (matched case-insensitively after trimming). {@code values}
     * maps the editor's words to pivot values (keys compared case-insensitively; empty when values are taken as
     * they are); {@code dateFormats} overrides the file's date formats for this column (empty: the file's).
     */
    record Header(String name, Map<String, String> values, List<DatePattern> dateFormats) implements ColumnSource {
    }

    /** The same value for every row, written as in the pivot format. */
    record Constant(String value) implements ColumnSource {
    }

    /** The first group of {@code pattern} found in the file's name. */
    record FromFileName(Pattern pattern, List<DatePattern> dateFormats) implements ColumnSource {
    }

    /** The first group of {@code pattern} found in the package's name (its name in the dépôt). */
    record FromPackageName(Pattern pattern, List<DatePattern> dateFormats) implements ColumnSource {
    }
}
