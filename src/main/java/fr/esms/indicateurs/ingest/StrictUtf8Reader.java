package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes UTF-8 strictly (malformed bytes are an error, never replaced) and drops one leading BOM. Unlike
 * {@link java.io.InputStreamReader}, it first hands out every character decoded before the bad bytes and only then
 * throws a {@link MalformedUtf8Exception} that knows the physical line of the bad bytes (CR, LF and CRLF each end
 * a line, as in Commons CSV). A physical line longer than {@code maxLineChars} is an error too
 * ({@link LineTooLongException}), so that a file without line breaks cannot make Commons CSV hold a huge value.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
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

    StrictUtf8Reader(InputStream in, long maxLineChars) {
        this.in = in;
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
                throw new MalformedUtf8Exception(line);
            }
            if (done) {
                return -1;
            }
            int n = decodeSome(cbuf, off, len);
            if (n > 0 && !bomChecked) {
                bomChecked = true;
                if (cbuf[off] == '\uFEFF') {
                    System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                    n--;
                }
            }
            if (n > 0) {
                countLines(cbuf, off, n);
                return n;
            }
        }
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
