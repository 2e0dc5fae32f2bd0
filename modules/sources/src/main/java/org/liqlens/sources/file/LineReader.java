package org.liqlens.sources.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Yields the lines of a byte stream as ranges of an internal buffer, without creating a String per line.
 * Accepts {@code \n} and {@code \r\n} endings, a missing final newline, and a UTF-8 byte-order mark.
 * The range is valid until the next call to {@link #next()}.
 */
final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[1 << 17];
    private int pos;
    private int limit;
    private int scanned;
    private boolean eof;
    private long lineNumber;
    private int start;
    private int end;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    scanned = pos;
                    return true;
                }
            }
            scanned = limit;
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    scanned = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int s, int e) {
        lineNumber++;
        if (lineNumber == 1 && e - s >= 3 && (buf[s] & 0xFF) == 0xEF && (buf[s + 1] & 0xFF) == 0xBB && (buf[s + 2] & 0xFF) == 0xBF) {
            s += 3;
        }
        if (e > s && buf[e - 1] == '\r') {
            e--;
        }
        start = s;
        end = e;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            scanned -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() { return buf; }
    int start() { return start; }
    int end() { return end; }
    long lineNumber() { return lineNumber; }

    boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') return false;
        }
        return true;
    }

    String text() {
        return new String(buf, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }
}
