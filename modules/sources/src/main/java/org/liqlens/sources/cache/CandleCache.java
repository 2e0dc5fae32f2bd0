package org.liqlens.sources.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;

/**
 * Candles fetched from exchanges, kept on disk one UTC day per file under
 * {@code <root>/candles/<exchange>/<SYMBOL>/<interval>/<yyyy-MM-dd>.lqc}, so that a restart or a wider window
 * fetches only the days it does not have.
 *
 * <p>Rules that keep the cache from ever serving wrong data:
 * <ul>
 *   <li>Only complete days are stored: a day is complete once it ended more than {@link #SETTLE_MS} ago by the
 *       clock. Today is always fetched again. A complete day with no candles (before a listing) is stored as
 *       an empty file, so it is not asked for again either.</li>
 *   <li>Writes are atomic: a temporary file in the same folder is written, forced to disk, then moved over
 *       the target with {@code ATOMIC_MOVE}. A crash leaves either the old file or the new one.</li>
 *   <li>Every file ends with its payload length and a CRC-32; a file that is truncated, altered, or of
 *       another format is deleted and its day fetched again.</li>
 * </ul>
 * Intervals that do not divide a day (and any range when the fetcher fails) bypass the cache.
 *
 * <p>File layout, big-endian: magic {@code LQLC}, version (int), interval ms (long), day start ms (long),
 * count (int); then the columns open time (long), open, high, low, close, volume, quote volume,
 * taker-buy quote volume (double), each {@code count} long; then payload length (long) and CRC-32 (long) of
 * everything before them.
 */
public final class CandleCache {
    private static final Logger LOG = Logger.getLogger(CandleCache.class.getName());
    private static final int MAGIC = 0x4C514C43; // "LQLC"
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 4 + 4 + 8 + 8 + 4;
    private static final int TRAILER_BYTES = 8 + 8;
    private static final int BYTES_PER_CANDLE = 8 * 8;
    /** How long after midnight UTC a day counts as final: exchanges publish the last candle at its close. */
    public static final long SETTLE_MS = 2 * Intervals.MINUTE;
    /**
     * Missing days are fetched at most this many at a time and stored before the next batch, so that a long
     * download that fails half-way keeps what it got and the next attempt resumes after it.
     */
    static final int MAX_DAYS_PER_FETCH = 5;

    /** Fetches closed candles with open time in {@code [fromMs, toMs)} (the cache asks for whole days). */
    @FunctionalInterface
    public interface RangeFetcher {
        CandleSeries fetch(long fromMs, long toMs, CancelToken cancel);
    }

    private final Path root;
    private final Clock clock;

    public CandleCache(Path root) {
        this(root, Clock.systemUTC());
    }

    public CandleCache(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root);
        this.clock = Objects.requireNonNull(clock);
    }

    public Path root() {
        return root;
    }

    /**
     * Candles with open time in {@code [fromMs, toMs)}, from day files where present and complete, the rest
     * from {@code fetcher} (one call per run of up to {@value #MAX_DAYS_PER_FETCH} consecutive missing days).
     */
    public CandleSeries candles(String exchange, String symbol, long intervalMs, long fromMs, long toMs,
                                CancelToken cancel, RangeFetcher fetcher) {
        if (fromMs >= toMs) {
            return CandleSeries.builder(symbol, intervalMs, 0).build();
        }
        if (Intervals.DAY % intervalMs != 0) {
            return fetcher.fetch(fromMs, toMs, cancel);
        }
        long firstDay = Intervals.floor(fromMs, Intervals.DAY);
        int days = (int) ((Intervals.floor(toMs - 1, Intervals.DAY) - firstDay) / Intervals.DAY + 1);
        CandleSeries[] byDay = new CandleSeries[days];
        for (int d = 0; d < days; d++) {
            byDay[d] = read(dayFile(exchange, symbol, intervalMs, firstDay + d * Intervals.DAY), symbol, intervalMs,
                    firstDay + d * Intervals.DAY);
        }
        int d = 0;
        while (d < days) {
            if (byDay[d] != null) {
                d++;
                continue;
            }
            int end = d;
            while (end < days && byDay[end] == null && end - d < MAX_DAYS_PER_FETCH) {
                end++;
            }
            cancel.throwIfCancelled();
            long runFrom = firstDay + d * Intervals.DAY;
            long runTo = firstDay + end * Intervals.DAY;
            CandleSeries fetched = fetcher.fetch(runFrom, runTo, cancel);
            if (fetched.intervalMs() != intervalMs) {
                throw new SourceException(exchange + ": asked for " + Intervals.format(intervalMs)
                        + " candles but got " + Intervals.format(fetched.intervalMs()));
            }
            long settledBefore = clock.millis() - SETTLE_MS;
            for (int k = d; k < end; k++) {
                long dayStart = firstDay + k * Intervals.DAY;
                CandleSeries day = fetched.slice(fetched.firstIndexOpenAtOrAfter(dayStart),
                        fetched.firstIndexOpenAtOrAfter(dayStart + Intervals.DAY));
                byDay[k] = day;
                if (dayStart + Intervals.DAY <= settledBefore) {
                    write(dayFile(exchange, symbol, intervalMs, dayStart), day, dayStart);
                }
            }
            d = end;
        }
        int total = 0;
        for (CandleSeries s : byDay) total += s.size();
        CandleSeries.Builder b = CandleSeries.builder(symbol, intervalMs, total);
        for (CandleSeries s : byDay) {
            for (int i = s.firstIndexOpenAtOrAfter(fromMs); i < s.size() && s.openTime(i) < toMs; i++) {
                b.add(s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), s.quoteVolume(i),
                        s.takerBuyQuoteVolume(i));
            }
        }
        return b.build();
    }

    /** The file that holds (or would hold) one day. */
    public Path dayFile(String exchange, String symbol, long intervalMs, long dayStartMs) {
        LocalDate date = Instant.ofEpochMilli(dayStartMs).atZone(ZoneOffset.UTC).toLocalDate();
        return root.resolve("candles").resolve(safe(exchange)).resolve(safe(symbol))
                .resolve(Intervals.format(intervalMs)).resolve(date + ".lqc");
    }

    /** A cached day, or {@code null} when it is absent or damaged (a damaged file is deleted). */
    CandleSeries read(Path file, String symbol, long intervalMs, long dayStart) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read cache file " + file + "; fetching its day again", e);
            return null;
        }
        String problem = validate(bytes, intervalMs, dayStart);
        if (problem != null) {
            LOG.log(Level.WARNING, "cache file {0} is damaged ({1}); deleting it and fetching its day again",
                    new Object[]{file, problem});
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete damaged cache file " + file, e);
            }
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(HEADER_BYTES - 4);
        int n = in.getInt();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) t[i] = in.getLong();
        double[][] cols = new double[7][n];
        for (double[] col : cols) {
            for (int i = 0; i < n; i++) col[i] = in.getDouble();
        }
        CandleSeries.Builder b = CandleSeries.builder(symbol, intervalMs, n);
        try {
            for (int i = 0; i < n; i++) {
                b.add(t[i], cols[0][i], cols[1][i], cols[2][i], cols[3][i], cols[4][i], cols[5][i], cols[6][i]);
            }
        } catch (IllegalArgumentException e) {
            // A valid CRC over invalid candles means a bug wrote it; do not trust the file.
            LOG.log(Level.WARNING, "cache file {0} holds invalid candles ({1}); deleting it", new Object[]{file, e.getMessage()});
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Best effort; the next write replaces it anyway.
            }
            return null;
        }
        return b.build();
    }

    private static String validate(byte[] bytes, long intervalMs, long dayStart) {
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            return "only " + bytes.length + " bytes";
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != MAGIC) return "not a LiqLens candle file";
        int version = in.getInt();
        if (version != VERSION) return "format version " + version;
        long interval = in.getLong();
        long start = in.getLong();
        int n = in.getInt();
        if (n < 0) return "negative count";
        long expected = (long) HEADER_BYTES + (long) n * BYTES_PER_CANDLE + TRAILER_BYTES;
        if (bytes.length != expected) return "length " + bytes.length + " but " + n + " candles need " + expected;
        ByteBuffer trailer = ByteBuffer.wrap(bytes, bytes.length - TRAILER_BYTES, TRAILER_BYTES);
        long payloadLength = trailer.getLong();
        long storedCrc = trailer.getLong();
        if (payloadLength != bytes.length - TRAILER_BYTES) return "recorded length " + payloadLength;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        if (crc.getValue() != storedCrc) return "CRC mismatch";
        if (interval != intervalMs || start != dayStart) return "header names another interval or day";
        for (int i = 0; i < n; i++) {
            long t = in.getLong(HEADER_BYTES + i * 8);
            if (t < dayStart || t >= dayStart + Intervals.DAY) return "candle outside its day";
        }
        return null;
    }

    /** Writes a complete day atomically; failures are logged, never fatal (the data is still returned). */
    void write(Path file, CandleSeries day, long dayStart) {
        int n = day.size();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + n * BYTES_PER_CANDLE + TRAILER_BYTES);
        out.putInt(MAGIC).putInt(VERSION).putLong(day.intervalMs()).putLong(dayStart).putInt(n);
        for (int i = 0; i < n; i++) out.putLong(day.openTime(i));
        for (int i = 0; i < n; i++) out.putDouble(day.open(i));
        for (int i = 0; i < n; i++) out.putDouble(day.high(i));
        for (int i = 0; i < n; i++) out.putDouble(day.low(i));
        for (int i = 0; i < n; i++) out.putDouble(day.close(i));
        for (int i = 0; i < n; i++) out.putDouble(day.volume(i));
        for (int i = 0; i < n; i++) out.putDouble(day.quoteVolume(i));
        for (int i = 0; i < n; i++) out.putDouble(day.takerBuyQuoteVolume(i));
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putLong(out.position()).putLong(crc.getValue());
        out.flip();
        Path tmp = null;
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            tmp = dir.resolve(file.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write cache file " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Leftover temp files are harmless: they never match a day file's name.
                }
            }
        }
    }

    /** Makes the rename durable where the platform allows syncing a directory (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; NTFS journals the rename anyway.
        }
    }

    private static String safe(String part) {
        StringBuilder b = new StringBuilder(part.length());
        for (char c : part.toCharArray()) {
            b.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }
}
