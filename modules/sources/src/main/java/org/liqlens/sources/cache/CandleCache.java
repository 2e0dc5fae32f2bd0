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
 * {@code <root>/candles/<source>/<SYMBOL>/<interval>/<yyyy-MM-dd>.lqc}, so that a restart or a wider window
 * fetches only the days it does not have. {@code <source>} is the exchange's id for its default endpoint
 * ({@code binance}) and the id plus the endpoint's host otherwise ({@code binance@testnet.binancefuture.com}),
 * so that candles from a testnet, a proxy or a recorded-response server are never served as the exchange's
 * own, nor the other way round.
 *
 * <p>Rules that keep the cache from ever serving wrong data:
 * <ul>
 *   <li>A day is served from disk only when it is known to be complete: it holds every candle of the day, or
 *       a second fetch at least {@link #CONFIRM_GAPS_AFTER_MS} after the first found the same candles, which
 *       confirms its gaps (exchanges do have maintenance gaps, and nothing before a listing). Until then the
 *       day is stored as provisional and fetched again on every use: one truncated answer must not be kept
 *       for ever. A day must also have ended more than {@link #SETTLE_MS} ago; today is always fetched.</li>
 *   <li>Writes are atomic: a temporary file in the same folder is written, forced to disk, then moved over
 *       the target with {@code ATOMIC_MOVE}. A crash leaves either the old file or the new one.</li>
 *   <li>Every file ends with its payload length and a CRC-32; a file that is truncated, altered, or of
 *       another format is deleted and its day fetched again.</li>
 * </ul>
 * Intervals that do not divide a day (and any range when the fetcher fails) bypass the cache.
 *
 * <p>File layout (version 2), big-endian: magic {@code LQLC}, version (int), interval ms (long), day start
 * ms (long), state (int: 0 complete, 1 complete with confirmed gaps, 2 provisional), first fetch ms (long),
 * gap count (int) and each gap's first and end open time (long, long; end exclusive), candle count (int);
 * then the columns open time (long), open, high, low, close, volume, quote volume, taker-buy quote volume
 * (double), each {@code count} long; then payload length (long) and CRC-32 (long) of everything before them.
 * Version 1 files (no state) are read as complete when they hold every candle and as provisional otherwise,
 * since the version that wrote them stored truncated days as complete.
 */
public final class CandleCache {
    private static final Logger LOG = Logger.getLogger(CandleCache.class.getName());
    private static final int MAGIC = 0x4C514C43; // "LQLC"
    private static final int VERSION = 2;
    private static final int V1_HEADER_BYTES = 4 + 4 + 8 + 8 + 4;
    private static final int TRAILER_BYTES = 8 + 8;
    private static final int BYTES_PER_CANDLE = 8 * 8;
    /** How long after midnight UTC a day counts as final: exchanges publish the last candle at its close. */
    public static final long SETTLE_MS = 2 * Intervals.MINUTE;
    /** A day with missing candles counts as complete once a fetch at least this much later finds the same. */
    public static final long CONFIRM_GAPS_AFTER_MS = Intervals.MINUTE;
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

    /** What a day file says about its day. */
    public enum DayState {
        /** Every candle of the day is there. */
        COMPLETE,
        /** Some candles are missing, and a later fetch confirmed that they are missing at the source. */
        CONFIRMED_GAPS,
        /** Some candles are missing and nothing has confirmed that yet: fetched again on every use. */
        PROVISIONAL
    }

    /** One day as stored: its candles, what is known of its completeness, and when it was first fetched so. */
    record CachedDay(CandleSeries candles, DayState state, long firstFetchMs) {
        /** Complete, or with confirmed gaps: good to serve without asking the exchange. */
        boolean known() {
            return state != DayState.PROVISIONAL;
        }
    }

    /**
     * Candles with open time in {@code [fromMs, toMs)} from {@code source} (an exchange id, or an id and host:
     * see {@link #namespace}), from day files where present and known to be complete, the rest from
     * {@code fetcher} (one call per run of up to {@value #MAX_DAYS_PER_FETCH} consecutive days to fetch).
     */
    public CandleSeries candles(String source, String symbol, long intervalMs, long fromMs, long toMs,
                                CancelToken cancel, RangeFetcher fetcher) {
        if (fromMs >= toMs) {
            return CandleSeries.builder(symbol, intervalMs, 0).build();
        }
        if (Intervals.DAY % intervalMs != 0) {
            return fetcher.fetch(fromMs, toMs, cancel);
        }
        long firstDay = Intervals.floor(fromMs, Intervals.DAY);
        int days = (int) ((Intervals.floor(toMs - 1, Intervals.DAY) - firstDay) / Intervals.DAY + 1);
        CachedDay[] stored = new CachedDay[days];
        CandleSeries[] byDay = new CandleSeries[days];
        for (int d = 0; d < days; d++) {
            stored[d] = read(dayFile(source, symbol, intervalMs, firstDay + d * Intervals.DAY), symbol, intervalMs,
                    firstDay + d * Intervals.DAY);
            if (stored[d] != null && stored[d].known()) byDay[d] = stored[d].candles();
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
                throw new SourceException(source + ": asked for " + Intervals.format(intervalMs)
                        + " candles but got " + Intervals.format(fetched.intervalMs()));
            }
            long now = clock.millis();
            for (int k = d; k < end; k++) {
                long dayStart = firstDay + k * Intervals.DAY;
                CandleSeries day = fetched.slice(fetched.firstIndexOpenAtOrAfter(dayStart),
                        fetched.firstIndexOpenAtOrAfter(dayStart + Intervals.DAY));
                byDay[k] = store(dayFile(source, symbol, intervalMs, dayStart), day, dayStart, stored[k], now);
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

    /**
     * Decides what a freshly fetched day is and stores it when its day has settled; returns the candles to
     * use now. A day with gaps becomes complete only when it is fetched again at least
     * {@link #CONFIRM_GAPS_AFTER_MS} after the first fetch that saw those gaps and has the same candles.
     */
    private CandleSeries store(Path file, CandleSeries day, long dayStart, CachedDay previous, long now) {
        if (dayStart + Intervals.DAY > now - SETTLE_MS) {
            return day; // not over yet: never stored
        }
        long perDay = Intervals.DAY / day.intervalMs();
        if (day.size() == perDay) {
            write(file, day, dayStart, DayState.COMPLETE, now);
            return day;
        }
        if (previous != null && previous.candles().size() > day.size()) {
            // This fetch saw less than an earlier one: a truncated answer. Keep the fuller day, still unconfirmed.
            LOG.log(Level.INFO, "{0}: this fetch holds {1} candles, an earlier one {2}; keeping the earlier, unconfirmed",
                    new Object[]{file, String.valueOf(day.size()), String.valueOf(previous.candles().size())});
            return previous.candles();
        }
        boolean sameAsBefore = previous != null && sameOpenTimes(previous.candles(), day);
        long firstFetch = sameAsBefore ? previous.firstFetchMs() : now;
        DayState state = sameAsBefore && now - firstFetch >= CONFIRM_GAPS_AFTER_MS ? DayState.CONFIRMED_GAPS
                : DayState.PROVISIONAL;
        write(file, day, dayStart, state, firstFetch);
        return day;
    }

    private static boolean sameOpenTimes(CandleSeries a, CandleSeries b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.openTime(i) != b.openTime(i)) return false;
        }
        return true;
    }

    /**
     * The cache folder name for a source: its id when it talks to {@code defaultBaseUrl}, else the id and the
     * endpoint's host (with the port and path when they are not the default), in file-name-safe characters.
     */
    public static String namespace(String sourceId, okhttp3.HttpUrl baseUrl, String defaultBaseUrl) {
        okhttp3.HttpUrl def = okhttp3.HttpUrl.parse(defaultBaseUrl);
        if (baseUrl.equals(def)) {
            return sourceId;
        }
        StringBuilder where = new StringBuilder(baseUrl.host());
        if (baseUrl.port() != okhttp3.HttpUrl.defaultPort(baseUrl.scheme())) where.append('_').append(baseUrl.port());
        String path = baseUrl.encodedPath();
        if (!path.equals("/")) where.append(path.replace('/', '_'));
        return sourceId + "@" + where;
    }

    /** The file that holds (or would hold) one day. */
    public Path dayFile(String source, String symbol, long intervalMs, long dayStartMs) {
        LocalDate date = Instant.ofEpochMilli(dayStartMs).atZone(ZoneOffset.UTC).toLocalDate();
        return root.resolve("candles").resolve(safe(source)).resolve(safe(symbol))
                .resolve(Intervals.format(intervalMs)).resolve(date + ".lqc");
    }

    /** A cached day, or {@code null} when it is absent or damaged (a damaged file is deleted). */
    CachedDay read(Path file, String symbol, long intervalMs, long dayStart) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read cache file " + file + "; fetching its day again", e);
            return null;
        }
        Layout layout = new Layout();
        String problem = validate(bytes, intervalMs, dayStart, layout);
        if (problem != null) {
            LOG.log(Level.WARNING, "cache file {0} is damaged ({1}); deleting it and fetching its day again",
                    new Object[]{file, problem});
            delete(file);
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(layout.columnsAt);
        int n = layout.count;
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
            delete(file);
            return null;
        }
        DayState state = layout.state;
        long firstFetch = layout.firstFetchMs;
        if (layout.version == 1) {
            state = n == Intervals.DAY / intervalMs ? DayState.COMPLETE : DayState.PROVISIONAL;
            firstFetch = lastModified(file);
        }
        return new CachedDay(b.build(), state, firstFetch);
    }

    /** Where the parts of a valid file start, filled in by {@link #validate}. */
    private static final class Layout {
        int version;
        DayState state = DayState.COMPLETE;
        long firstFetchMs;
        int count;
        int columnsAt;
    }

    private static String validate(byte[] bytes, long intervalMs, long dayStart, Layout layout) {
        if (bytes.length < V1_HEADER_BYTES + TRAILER_BYTES) {
            return "only " + bytes.length + " bytes";
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - TRAILER_BYTES);
        if (in.getInt() != MAGIC) return "not a LiqLens candle file";
        int version = in.getInt();
        if (version != 1 && version != VERSION) return "format version " + version;
        layout.version = version;
        long interval = in.getLong();
        long start = in.getLong();
        int gaps = 0;
        if (version >= 2) {
            if (in.remaining() < 4 + 8 + 4) return "header cut off";
            int state = in.getInt();
            if (state < 0 || state >= DayState.values().length) return "unknown day state " + state;
            layout.state = DayState.values()[state];
            layout.firstFetchMs = in.getLong();
            gaps = in.getInt();
            if (gaps < 0 || (long) gaps * 16 > in.remaining()) return "gap count " + gaps;
            in.position(in.position() + gaps * 16);
        }
        if (in.remaining() < 4) return "header cut off";
        int n = in.getInt();
        if (n < 0) return "negative count";
        layout.count = n;
        layout.columnsAt = in.position();
        long expected = (long) in.position() + (long) n * BYTES_PER_CANDLE + TRAILER_BYTES;
        if (bytes.length != expected) return "length " + bytes.length + " but " + n + " candles need " + expected;
        ByteBuffer trailer = ByteBuffer.wrap(bytes, bytes.length - TRAILER_BYTES, TRAILER_BYTES);
        long payloadLength = trailer.getLong();
        long storedCrc = trailer.getLong();
        if (payloadLength != bytes.length - TRAILER_BYTES) return "recorded length " + payloadLength;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        if (crc.getValue() != storedCrc) return "CRC mismatch";
        if (interval != intervalMs || start != dayStart) return "header names another interval or day";
        ByteBuffer whole = ByteBuffer.wrap(bytes);
        for (int i = 0; i < n; i++) {
            long t = whole.getLong(layout.columnsAt + i * 8);
            if (t < dayStart || t >= dayStart + Intervals.DAY) return "candle outside its day";
        }
        return null;
    }

    /** The runs of missing candles in a day, as [first missing open time, next present open time) pairs. */
    static long[] gaps(CandleSeries day, long dayStart) {
        long step = day.intervalMs();
        long[] out = new long[16];
        int n = 0;
        long expect = dayStart;
        for (int i = 0; i <= day.size(); i++) {
            long t = i < day.size() ? day.openTime(i) : dayStart + Intervals.DAY;
            if (t > expect) {
                if (n + 2 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                out[n++] = expect;
                out[n++] = t;
            }
            expect = t + step;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Writes a settled day atomically; failures are logged, never fatal (the data is still returned). */
    void write(Path file, CandleSeries day, long dayStart, DayState state, long firstFetchMs) {
        int n = day.size();
        long[] gaps = state == DayState.COMPLETE ? new long[0] : gaps(day, dayStart);
        int header = V1_HEADER_BYTES + 4 + 8 + 4 + gaps.length * 8;
        ByteBuffer out = ByteBuffer.allocate(header + n * BYTES_PER_CANDLE + TRAILER_BYTES);
        out.putInt(MAGIC).putInt(VERSION).putLong(day.intervalMs()).putLong(dayStart)
                .putInt(state.ordinal()).putLong(firstFetchMs).putInt(gaps.length / 2);
        for (long g : gaps) out.putLong(g);
        out.putInt(n);
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
                delete(tmp);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: a damaged file is replaced by the next write, a leftover temp file never matches a day.
            LOG.log(Level.FINE, "cannot delete " + file, e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
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
                    || c == '@' || c == '.'
                    ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }
}
