package fr.esms.indicateurs.ingest;

import java.io.IOException;

/**
 * Bytes that are not valid in the file's encoding, found at a physical {@code line} of a file (first line = 1);
 * {@code frenchReason} says what was found.
 */
final class UndecodableException extends IOException {

    private final long line;
    private final String frenchReason;

    UndecodableException(long line, String frenchReason) {
        super("undecodable input at line " + line);
        this.line = line;
        this.frenchReason = frenchReason;
    }

    long line() {
        return line;
    }

    String frenchReason() {
        return frenchReason;
    }
}
