package org.liqlens.sources.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.SourceException;

/**
 * A window of a plain (uncompressed) klines CSV, read without the rest of the file, and where the file's data ends,
 * read from its last row. A month of 1m klines is 43,200 rows; a 3-day map needs 4,320 of them, and parsing the
 * other 39,000 only to find where the data ends was most of a cold command-line run.
 *
 * <p>The rows of a klines file are in open-time order (the full import checks it and refuses a file that is not), so
 * the window's first row is found by bisecting the file's bytes, reading the first field of a line at each probe,
 * and the reading stops at the first row at or after the window's end: no row stamped at or after the as-of time is
 * parsed. Every row that is read gets the full import's checks. Nothing here reports a bad row itself: when a probed
 * line is not a plain row, or a row of the window fails a check, the answer is "not known" and the caller reads the
 * whole file as before, whose message names the file and the line. A bad row outside the window therefore no longer
 * stops a map of the window; it cannot change it either.
 */
final class KlineWindow {
    /** "Read the whole file instead": {@link #end} could not tell from the tail. */
    static final long UNKNOWN = Long.MIN_VALUE;

    /** The first field of a line past the data: the end of the file, or blank lines that end it. */
    private static final long PAST_THE_DATA = Long.MAX_VALUE;
    /** A probed line that is the header (only the first line may be). */
    private static final long HEADER = Long.MIN_VALUE + 1;
    /** Longer than any kline row (about 100 to 200 bytes); a longer line makes the answer "not known". */
    private static final int LONGEST_LINE = 1024;

    private KlineWindow() { }

    /**
     * The rows of {@code file} whose open time lies in {@code [fromMs, toMs)}, as the full import would give them
     * (same checks, same candles), or null when the file is compressed, is not in the expected shape, or a row of
     * the window fails a check: the caller then reads the whole file.
     *
     * @param intervalMs the file's interval (from its name); a file whose rows say otherwise gives null
     */
    static CandleSeries read(Path file, String symbol, long intervalMs, long fromMs, long toMs) {
        if (!isPlain(file)) return null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = firstLineAtOrAfter(ch, fromMs);
            if (start < 0) return null;
            ch.position(start);
            long rows = Math.max(16, Math.min(BinanceVisionImporter.estimateRows(file, 100), (toMs - fromMs) / intervalMs + 2));
            BinanceVisionImporter.KlineHandler h = new BinanceVisionImporter.KlineHandler(symbol, (int) rows, fromMs, toMs);
            InputStream in = Channels.newInputStream(ch);
            CsvImport.read(new ArchiveInput(in, file.getFileName().toString()), h, start == 0);
            CandleSeries s = h.buildOrNull();
            if (s == null) {
                // No row read. After a file whose last row is sound (an earlier month of a folder), the window holds
                // none of its rows; a file of nothing but a header has no sound last row: the full import says so.
                return start > 0 && end(file, symbol, intervalMs) != UNKNOWN ? CandleSeries.builder(symbol, intervalMs, 0).build() : null;
            }
            return s.intervalMs() == intervalMs ? s : null;
        } catch (IOException | SourceException | IllegalArgumentException | RowProblem e) {
            return null;
        }
    }

    /**
     * The close time + 1 of the file's last row, that row checked as the full import checks it, or {@link #UNKNOWN}
     * (compressed, a last row that does not parse or is of another interval, an unreadable file).
     */
    static long end(Path file, String symbol, long intervalMs) {
        if (!isPlain(file)) return UNKNOWN;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(size, 4L * LONGEST_LINE);
            byte[] tail = readAt(ch, size - n, n);
            int e = n;
            while (e > 0 && isSpace(tail[e - 1])) e--;
            int s = e;
            while (s > 0 && tail[s - 1] != '\n') s--;
            if (e == s || (s == 0 && n < size)) return UNKNOWN;
            CsvRow row = new CsvRow();
            row.split(tail, s, e);
            BinanceVisionImporter.KlineHandler h = new BinanceVisionImporter.KlineHandler(symbol, 1, Long.MIN_VALUE, Long.MAX_VALUE);
            h.row(row, 0);
            CandleSeries last = h.buildOrNull();
            if (last == null || last.intervalMs() != intervalMs) return UNKNOWN;
            return last.lastCloseTime() + 1;
        } catch (IOException | SourceException | IllegalArgumentException | RowProblem e) {
            return UNKNOWN;
        }
    }

    /**
     * The offset of the first line whose open time is at or after {@code fromMs} (the file's length when there is
     * none), or -1 when a probed line is not a plain row. Bisection over byte offsets: the open time of the first line
     * starting at or after an offset never decreases with the offset in a file in time order.
     */
    static long firstLineAtOrAfter(FileChannel ch, long fromMs) throws IOException {
        long size = ch.size();
        long[] lineStart = new long[1];
        long first = timeOfLineAtOrAfter(ch, size, 0, lineStart);
        if (first == UNKNOWN) return -1;
        if (first != HEADER && first >= fromMs) return 0;
        long lo = 0, hi = size;   // the line at or after lo is before fromMs (or the header); the one at or after hi is not
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            long t = timeOfLineAtOrAfter(ch, size, mid, lineStart);
            if (t == UNKNOWN || t == HEADER) return -1;
            if (t < fromMs) lo = mid;
            else hi = mid;
        }
        long t = timeOfLineAtOrAfter(ch, size, hi, lineStart);
        if (t == UNKNOWN || t == HEADER) return -1;
        return lineStart[0];
    }

    /**
     * The open time (ms) in the first field of the first line starting at or after {@code pos}, {@link #HEADER} for a
     * header at the file's start, {@link #PAST_THE_DATA} at the end of the file or in the blank lines that may end it,
     * or {@link #UNKNOWN}. Sets {@code lineStart[0]} to where that line starts.
     */
    private static long timeOfLineAtOrAfter(FileChannel ch, long size, long pos, long[] lineStart) throws IOException {
        long start = pos;
        if (pos > 0) {
            // a line starts at pos when the byte before it ends one
            int n = (int) Math.min(LONGEST_LINE + 1L, size - (pos - 1));
            byte[] b = readAt(ch, pos - 1, n);
            int i = 0;
            while (i < n && b[i] != '\n') i++;
            if (i == n) {
                lineStart[0] = size;
                return n == size - (pos - 1) ? PAST_THE_DATA : UNKNOWN;
            }
            start = pos - 1 + i + 1;
        }
        lineStart[0] = start;
        if (start >= size) return PAST_THE_DATA;
        int n = (int) Math.min(LONGEST_LINE, size - start);
        byte[] b = readAt(ch, start, n);
        int i = 0;
        if (start == 0 && n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) i = 3;
        if (i < n && isSpace(b[i])) {
            // blank: fine only where nothing but blanks follows (the full import accepts them only at the end)
            if (size - start > LONGEST_LINE) return UNKNOWN;
            for (int k = i; k < n; k++) if (!isSpace(b[k])) return UNKNOWN;
            return PAST_THE_DATA;
        }
        if (i < n && ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z')) return start == 0 ? HEADER : UNKNOWN;
        long v = 0;
        int digits = 0;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            if (++digits > 18) return UNKNOWN;
            v = v * 10 + (b[i++] - '0');
        }
        if (digits == 0 || i >= n || b[i] != ',') return UNKNOWN;
        return Timestamps.toMillis(v);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static byte[] readAt(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            int got = ch.read(buf, pos + buf.position());
            if (got < 0) throw new IOException("the file shrank while it was read");
        }
        return buf.array();
    }

    /** Neither a ZIP nor a gzip file: the bytes are the CSV's own. */
    private static boolean isPlain(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".zip") || name.endsWith(".gz")) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < 4) return false;
            byte[] m = readAt(ch, 0, 4);
            boolean zip = m[0] == 'P' && m[1] == 'K';
            boolean gzip = (m[0] & 0xFF) == 0x1F && (m[1] & 0xFF) == 0x8B;
            return !zip && !gzip;
        } catch (IOException e) {
            return false;
        }
    }
}
