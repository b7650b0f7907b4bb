package fr.esms.indicateurs.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The encodings an editor file may be declared in. {@link #AUTO} reads UTF-8 when the file is valid UTF-8, and
 * Windows-1252 otherwise: French Windows software writes Windows-1252, never ISO-8859-1 (they differ on €, œ, ’).
 */
public enum Encoding {
    UTF_8("utf-8", "UTF-8", StandardCharsets.UTF_8),
    WINDOWS_1252("windows-1252", "Windows-1252", Charset.forName("windows-1252")),
    ISO_8859_1("iso-8859-1", "ISO-8859-1", StandardCharsets.ISO_8859_1),
    AUTO("auto", "détection automatique (UTF-8, sinon Windows-1252)", null);

    private final String key;
    private final String label;
    private final Charset charset;

    Encoding(String key, String label, Charset charset) {
        this.key = key;
        this.label = label;
        this.charset = charset;
    }

    /** The name written in a profile. */
    public String key() {
        return key;
    }

    /** The name shown to users. */
    public String label() {
        return label;
    }

    /** Null for {@link #AUTO}. */
    Charset charset() {
        return charset;
    }

    /** Accepts the usual spellings: {@code utf8}, {@code cp1252}, {@code latin1}... */
    static Optional<Encoding> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        return switch (t) {
            case "utf-8", "utf8" -> Optional.of(UTF_8);
            case "windows-1252", "cp1252", "cp-1252", "ansi" -> Optional.of(WINDOWS_1252);
            case "iso-8859-1", "latin1", "latin-1", "iso8859-1" -> Optional.of(ISO_8859_1);
            case "auto" -> Optional.of(AUTO);
            default -> Optional.empty();
        };
    }

    static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Encoding::key).toList());
    }
}
