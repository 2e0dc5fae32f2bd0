package org.liqlens.sources.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.liqlens.engine.io.AtomicFiles;
import org.liqlens.engine.market.FundingRateSeries;

/**
 * Settled funding rates on disk, one file per endpoint folder and symbol ({@code funding/<namespace>/<SYMBOL>.csv}): a
 * settled rate never changes, so a range the file covers is served from it and only what lies outside is asked for.
 * The first line records the covered range, {@code # covered FROM TO} (ms, TO exclusive), capped at the clock's now
 * minus {@link CandleCache#SETTLE_MS} so that a settlement still being published is asked for again; then
 * {@code time,rate} rows. Written atomically; a damaged file is deleted with a warning and fetched again.
 */
public final class FundingCache {
    private static final Logger LOG = Logger.getLogger(FundingCache.class.getName());

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
        Stored stored = read(file);
        if (stored != null && stored.from <= fromMs && toMs <= stored.to) return stored.slice(symbol, fromMs, toMs);
        FundingRateSeries fresh = fetch.apply(fromMs, toMs);
        long settled = clock.millis() - CandleCache.SETTLE_MS;
        long coveredTo = Math.min(toMs, settled);
        if (coveredTo > fromMs) {
            TreeMap<Long, Double> rows = new TreeMap<>();
            long from = fromMs, to = coveredTo;
            if (stored != null && stored.from <= coveredTo && fromMs <= stored.to) {
                rows.putAll(stored.rows);
                from = Math.min(from, stored.from);
                to = Math.max(to, stored.to);
            }
            for (int i = 0; i < fresh.size(); i++) if (fresh.time(i) < coveredTo) rows.put(fresh.time(i), fresh.rate(i));
            write(file, new Stored(from, to, rows));
        }
        return fresh;
    }

    private record Stored(long from, long to, TreeMap<Long, Double> rows) {
        FundingRateSeries slice(String symbol, long fromMs, long toMs) {
            var part = rows.subMap(fromMs, true, toMs, false);
            long[] t = new long[part.size()];
            double[] r = new double[t.length];
            int n = 0;
            for (var e : part.entrySet()) {
                t[n] = e.getKey();
                r[n++] = e.getValue();
            }
            return new FundingRateSeries(symbol.toUpperCase(Locale.ROOT), t, r);
        }
    }

    private static Stored read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] head = lines.isEmpty() ? new String[0] : lines.get(0).split(" ");
            if (head.length != 4 || !head[0].equals("#") || !head[1].equals("covered")) {
                throw new IllegalArgumentException("line 1 is not '# covered FROM TO'");
            }
            TreeMap<Long, Double> rows = new TreeMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length != 2) throw new IllegalArgumentException("line " + (i + 1) + " is not 'time,rate'");
                rows.put(Long.parseLong(f[0]), Double.parseDouble(f[1]));
            }
            return new Stored(Long.parseLong(head[2]), Long.parseLong(head[3]), rows);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: damaged funding cache file ({1}); deleted, fetching again", new Object[] {file, e.getMessage()});
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // fetched again either way; the next write replaces it
            }
            return null;
        }
    }

    private static void write(Path file, Stored s) {
        StringBuilder b = new StringBuilder("# covered ").append(s.from).append(' ').append(s.to).append('\n');
        s.rows.forEach((t, r) -> b.append(t).append(',').append(r).append('\n'));
        try {
            AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // a cache that cannot be written only costs a fetch next time
            LOG.log(Level.WARNING, "cannot write the funding cache file {0}: {1}", new Object[] {file, e.getMessage()});
        }
    }
}
