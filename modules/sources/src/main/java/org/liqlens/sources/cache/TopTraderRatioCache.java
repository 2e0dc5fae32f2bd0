package org.liqlens.sources.cache;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.sources.Intervals;

/**
 * Top traders' long/short ratio samples on disk, one file per endpoint folder, symbol and period
 * ({@code toptrader/<namespace>/<SYMBOL>-<period>.csv}, e.g. {@code toptrader/binance/BTCUSDT-5m.csv}). Binance serves
 * this history for the last 30 days only, so the file is the one place where older samples survive:
 * <ul>
 *   <li>what the file covers is served from it, however old, and only the parts of a request it does not cover are
 *       fetched, one fetch per missing part;</li>
 *   <li>a missing part older than what the exchange still serves is not asked for: it is logged, naming the symbol,
 *       the period and the missing range, and the series lacks it (it starts later, or has a hole), as a fetch
 *       without the cache would;</li>
 *   <li>a range counts as covered only up to the clock's now minus one period minus {@link CandleCache#SETTLE_MS}: a
 *       sample is kept once its period has ended and been published, a later one is fetched again next time;</li>
 *   <li>file format, atomic writes and concurrent writers: {@link SampleFile}. A damaged file is reported with its line,
 *       set aside as {@code <name>.damaged-<ms>} rather than deleted (it may hold history no exchange serves any
 *       more), and what the exchange still serves is fetched again.</li>
 * </ul>
 */
public final class TopTraderRatioCache {
    private static final Logger LOG = Logger.getLogger(TopTraderRatioCache.class.getName());
    static final SampleFile.Kind KIND = new SampleFile.Kind("top-trader ratio", "time,ratio",
            r -> r > 0 && r != Double.POSITIVE_INFINITY, "a positive ratio", true, false);

    /** Fetches the samples timed in {@code [fromMs, toMs)} from the exchange. */
    @FunctionalInterface
    public interface RangeFetcher {
        LongShortRatioSeries fetch(long fromMs, long toMs);
    }

    private final Path root;
    private final Clock clock;

    public TopTraderRatioCache(Path cacheRoot, Clock clock) {
        this.root = cacheRoot.resolve("toptrader");
        this.clock = clock;
    }

    /** The file of one endpoint folder, symbol and period. */
    public Path file(String namespace, String symbol, long periodMs) {
        return root.resolve(namespace).resolve(symbol.trim().toUpperCase(Locale.ROOT) + "-" + Intervals.format(periodMs) + ".csv");
    }

    /**
     * The samples timed in {@code [fromMs, toMs)}: the file's, and {@code fetch} for each part the file does not cover,
     * each settled part merged into the file as soon as it arrives (a fetch failing half-way keeps what came before).
     *
     * @param earliestServedMs the first sample time the exchange serves now. A part before it is not asked for, nor is
     *                         the period starting at it, which leaves the exchange's window while the request is made.
     */
    public LongShortRatioSeries ratio(String namespace, String symbol, long periodMs, long fromMs, long toMs,
                                      long earliestServedMs, RangeFetcher fetch) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        if (fromMs >= toMs) return new LongShortRatioSeries(sym, periodMs, new long[0], new double[0]);
        Path file = file(namespace, sym, periodMs);
        SampleFile.Stored stored = SampleFile.read(file, KIND);
        if (stored == null) stored = new SampleFile.Stored();
        TreeMap<Long, Double> out = new TreeMap<>(stored.slice(fromMs, toMs));
        long askable = earliestServedMs + periodMs;
        long settled = clock.millis() - periodMs - CandleCache.SETTLE_MS;
        List<long[]> lost = new ArrayList<>();
        for (long[] gap : stored.missing(fromMs, toMs)) {
            long from = Math.max(gap[0], askable);
            if (from > gap[0]) lost.add(new long[] {gap[0], Math.min(gap[1], from)});
            if (from >= gap[1]) continue;
            LongShortRatioSeries fresh = fetch.fetch(from, gap[1]);
            TreeMap<Long, Double> rows = new TreeMap<>();
            for (int i = 0; i < fresh.size(); i++) rows.put(fresh.time(i), fresh.ratio(i));
            out.putAll(rows.subMap(from, true, gap[1], false));
            long settledTo = Math.min(gap[1], settled);
            if (settledTo > from) {
                SampleFile.Stored settledPart = new SampleFile.Stored();
                settledPart.add(from, settledTo, rows);
                SampleFile.merge(file, settledPart, KIND);
            }
        }
        if (!lost.isEmpty()) {
            StringBuilder ranges = new StringBuilder();
            for (long[] r : lost) {
                ranges.append(ranges.length() == 0 ? "" : ", ").append('[').append(Instant.ofEpochMilli(r[0])).append(", ")
                        .append(Instant.ofEpochMilli(r[1])).append(')');
            }
            LOG.log(Level.INFO, "{0}: top-trader ratio {1} {2}: {3} missing: older than the exchange serves (from {4}) and not in the cache {5}",
                    new Object[] {namespace, sym, Intervals.format(periodMs), ranges, Instant.ofEpochMilli(earliestServedMs), file});
        }
        SampleFile.Columns c = SampleFile.Columns.of(out);
        return new LongShortRatioSeries(sym, periodMs, c.times(), c.values());
    }
}
