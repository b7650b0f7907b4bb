package fr.esms.indicateurs.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file name pattern of a profile: {@code *} any characters, {@code ?} one character, compared without regard
 * to case ({@code *_USAGERS_*.csv}). Names are those of the package folder's files, without folders.
 */
public record FilePattern(String glob, Pattern regex) {

    public static FilePattern of(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new FilePattern(glob, Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    boolean matches(String fileName) {
        return regex.matcher(fileName).matches();
    }

    /** The pattern of a pivot file: its exact name. */
    static FilePattern exactly(String name) {
        return of(name.toLowerCase(Locale.ROOT));
    }
}
