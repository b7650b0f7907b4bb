package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Decodes a file strictly in its encoding (malformed or unmappable bytes are an error, never replaced); for UTF-8
 * it drops one leading BOM. Unlike {@link java.io.InputStreamReader}, it first hands out every character decoded
 * before the bad bytes and only then throws an {@link UndecodableException} that knows the physical line of the
 * bad bytes (CR, LF and CRLF each end a line, as in Commons CSV). A file declared Windows-1252 or ISO-8859-1 that
 * starts with a UTF-8 BOM is an error (it is UTF-8), and so is a C1 control character in ISO-8859-1 (the file is
 * Windows-1252: that is where €, œ and ’ sit). A physical line longer than {@code maxLineChars} is an error too
 * ({@link LineTooLongException}), so that a file without line breaks cannot make Commons CSV hold a huge value.
 */
final class StrictReader extends Reader {

    private final InputStream in;
    private final Encoding encoding;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

    private boolean endOfInput;
    private boolean flushing;
    private boolean done;
    private boolean malformed;
    private boolean bomChecked;
    private boolean lastWasCr;
    private long line = 1;
    private long lineChars;
    private final long maxLineChars;

    private String problem;
    private final boolean countLines;

    /** @param encoding not {@link Encoding#AUTO} */
    StrictReader(InputStream in, Encoding encoding, long maxLineChars) {
        this(in, encoding, maxLineChars, true);
    }

    /**
     * @param countLines false when the file was already read through once by a counting reader: lines are then
     *                   neither counted nor measured (the error lines are already known not to exist)
     */
    StrictReader(InputStream in, Encoding encoding, long maxLineChars, boolean countLines) {
        this.countLines = countLines;
        this.in = in;
        this.encoding = encoding;
        this.decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxLineChars = maxLineChars;
    }

    /** A physical line longer than the limit. */
    static final class LineTooLongException extends IOException {
        private final long line;
        private final long max;

        LineTooLongException(long line, long max) {
            super("line " + line + " longer than " + max + " characters");
            this.line = line;
            this.max = max;
        }

        long line() {
            return line;
        }

        long max() {
            return max;
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (malformed) {
                throw new UndecodableException(line, problem != null ? problem : "octets invalides ligne " + line);
            }
            if (done) {
                return -1;
            }
            int n = decodeSome(cbuf, off, len);
            if (n > 0 && !bomChecked) {
                bomChecked = true;
                if (encoding == Encoding.UTF_8 && cbuf[off] == '\uFEFF') {
                    System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                    n--;
                } else if (encoding != Encoding.UTF_8 && n >= 3 && cbuf[off] == '\u00EF'
                        && cbuf[off + 1] == '\u00BB' && cbuf[off + 2] == '\u00BF') {
                    throw new UndecodableException(1, "le fichier commence par la marque d'ordre (BOM) de l'UTF-8 :"
                            + " il est en UTF-8, pas en " + encoding.label());
                }
            }
            int control = encoding == Encoding.ISO_8859_1 ? firstControlCharacter(cbuf, off, n) : -1;
            if (control >= 0) {
                // Hand out what comes before it; the next read fails.
                char c = cbuf[control];
                n = control - off;
                countLines(cbuf, off, n);
                malformed = true;
                problem = "octet 0x" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " ligne " + line
                        + ", un caractère de contrôle en ISO-8859-1 : le fichier est sans doute en Windows-1252"
                        + " (€, œ, ’), à déclarer ainsi dans le profil";
            } else if (n > 0) {
                countLines(cbuf, off, n);
            }
            if (n > 0) {
                return n;
            }
        }
    }

    /** Position of the first C1 control character (0x80-0x9F), or -1. */
    private static int firstControlCharacter(char[] cbuf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (cbuf[i] >= '\u0080' && cbuf[i] <= '\u009F') {
                return i;
            }
        }
        return -1;
    }

    private int decodeSome(char[] cbuf, int off, int len) throws IOException {
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = flushing ? decoder.flush(out) : decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                malformed = true;
                return out.position() - off;
            }
            if (result.isOverflow()) {
                return out.position() - off;
            }
            if (flushing) {
                done = true;
                return out.position() - off;
            }
            if (endOfInput) {
                flushing = true;
                continue;
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void countLines(char[] cbuf, int off, int n) throws LineTooLongException {
        if (!countLines) {
            return;
        }
        for (int i = off; i < off + n; i++) {
            char c = cbuf[i];
            if (c == '\r' || c == '\n') {
                if (c == '\r' || !lastWasCr) {
                    line++;
                }
                lineChars = 0;
            } else if (++lineChars > maxLineChars) {
                throw new LineTooLongException(line, maxLineChars);
            }
            lastWasCr = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
