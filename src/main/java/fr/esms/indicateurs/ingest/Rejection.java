package fr.esms.indicateurs.ingest;

/**
 * A rejected row, or a whole file or package (then {@code line} is 0 and {@code column} may be empty), for the
 * rejection report. {@code value} never holds an identifier that looks like a NIR/INS: it is masked.
 */
public record Rejection(String packageName, String file, long line, String column, String value, String reason) {
}
