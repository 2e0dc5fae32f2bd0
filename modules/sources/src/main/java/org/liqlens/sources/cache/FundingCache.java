package org.liqlens.sources.cache;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.liqlens.engine.market.FundingRateSeries;

/**
 * Settled funding rates on disk, one file per endpoint folder and symbol ({@code funding/<namespace>/<SYMBOL>.csv}): a
 * settled rate never changes, so a range the file covers is served from it and only what lies outside is asked for.
 * The covered range is capped at the clock's now minus {@link CandleCache#SETTLE_MS} so that a settlement still being
 * published is asked for again. File format, atomic writes and damaged files: {@link SampleFile} (a damaged file is
 * deleted with a warning naming its line and fetched again; files of the first version, without an end line, are read).
 */
public final class FundingCache {
    static final SampleFile.Kind KIND = new SampleFile.Kind("funding", "time,rate", Double::isFinite, "a finite rate",
            false, true);

    private final Path root;
    private final Clock clock;

    public FundingCache(Path cacheRoot, Clock clock) {
        this.root = cacheRoot.resolve("funding");
        this.clock = clock;
    }

    /** The file of one endpoint folder and symbol. */
    public Path file(String namespace, String symbol) {
        return root.resolve(namespace).resolve(symbol.toUpperCase(Locale.ROOT) + ".csv");
    }

    /**
     * The fundings of {@code [fromMs, toMs)}: from the file when it covers the range, otherwise {@code fetch(from, to)}
     * for the range, merged into the file (a range touching or overlapping the covered one extends it; another
     * replaces it).
     */
    public FundingRateSeries funding(String namespace, String symbol, long fromMs, long toMs,
                                     BiFunction<Long, Long, FundingRateSeries> fetch) {
        Path file = file(namespace, symbol);
        SampleFile.Stored stored = SampleFile.read(file, KIND);
        if (stored != null && stored.covers(fromMs, toMs)) return series(symbol, stored.slice(fromMs, toMs));
        FundingRateSeries fresh = fetch.apply(fromMs, toMs);
        long coveredTo = Math.min(toMs, clock.millis() - CandleCache.SETTLE_MS);
        if (coveredTo > fromMs) {
            SampleFile.Stored next = stored != null && stored.touches(fromMs, coveredTo) ? stored : new SampleFile.Stored();
            TreeMap<Long, Double> rows = new TreeMap<>();
            for (int i = 0; i < fresh.size(); i++) rows.put(fresh.time(i), fresh.rate(i));
            next.add(fromMs, coveredTo, rows);
            SampleFile.write(file, next, KIND);
        }
        return fresh;
    }

    private static FundingRateSeries series(String symbol, Map<Long, Double> rows) {
        SampleFile.Columns c = SampleFile.Columns.of(rows);
        return new FundingRateSeries(symbol.toUpperCase(Locale.ROOT), c.times(), c.values());
    }
}
