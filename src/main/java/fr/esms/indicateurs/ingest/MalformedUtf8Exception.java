package fr.esms.indicateurs.ingest;

import java.io.IOException;

/** Bytes that are not valid UTF-8, found at a physical {@code line} of a file (first line = 1). */
final class MalformedUtf8Exception extends IOException {

    private final long line;

    MalformedUtf8Exception(long line) {
        super("malformed UTF-8 at line " + line);
        this.line = line;
    }

    long line() {
        return line;
    }
}
