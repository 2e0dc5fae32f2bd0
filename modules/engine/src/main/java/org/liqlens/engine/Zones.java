package org.liqlens.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.liqlens.engine.market.Side;

/**
 * Finds zones (§5) in a liquidation map: on each side, every maximal run of adjacent buckets whose notional
 * is at least {@code threshold} times that side's peak bucket. Long zones come from the long profile (below
 * the price), short zones from the short profile (above it). The result is sorted nearest-first, longs
 * before shorts at equal distance.
 */
public final class Zones {

    /** §5's example threshold: 30 % of the side's peak bucket. */
    public static final double DEFAULT_THRESHOLD = 0.30;

    private Zones() {}

    public static List<Zone> find(LiquidationMap map) { return find(map, DEFAULT_THRESHOLD); }

    /**
     * Returns {@code threshold} if it is a fraction in (0, 1]; otherwise throws {@link IllegalArgumentException}
     * saying so. Public so that a caller can reject a bad threshold before any work is done.
     */
    public static double checkThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("zone threshold must be in (0, 1]: " + threshold);
        return threshold;
    }

    /** @param threshold fraction of the side's peak bucket, in (0, 1] */
    public static List<Zone> find(LiquidationMap map, double threshold) {
        return find(map.price(), map.bucketGrid(), map.longNotionals(), map.shortNotionals(), threshold);
    }

    /**
     * The zones of a profile given as arrays: long and short notional per bucket of {@code range} cut into
     * {@code longs.length} equal buckets, the price between them (the scorecard's ±X maps, which are not
     * {@link LiquidationMap}s).
     */
    public static List<Zone> find(double price, PriceRange range, double[] longs, double[] shorts, double threshold) {
        if (longs.length != shorts.length) throw new IllegalArgumentException("long and short profiles differ in length");
        return find(price, new Buckets(range.low(), range.high(), longs.length), longs, shorts, threshold);
    }

    private static List<Zone> find(double price, Buckets grid, double[] longs, double[] shorts, double threshold) {
        checkThreshold(threshold);
        List<Zone> out = new ArrayList<>();
        int n = grid.count;
        double peak = max(longs);
        if (peak > 0) {
            double min = threshold * peak;
            for (int b = n - 1; b >= 0; ) {           // walk down from the price so cumulativeBefore accrues
                if (!(longs[b] >= min)) { b--; continue; }
                int last = b, first = b, best = b;
                double sum = 0;
                while (first >= 0 && longs[first] >= min) {
                    sum += longs[first];
                    if (longs[first] > longs[best]) best = first;
                    first--;
                }
                first++;
                double before = 0;
                for (int k = last + 1; k < n; k++) before += longs[k];
                double high = Math.min(grid.bucketHigh(last), price);
                out.add(new Zone(Side.LONG, grid.bucketLow(first), high, grid.bucketCentre(best), sum,
                        Math.max(0, (price - high) / price * 100), before, first, last));
                b = first - 1;
            }
        }
        peak = max(shorts);
        if (peak > 0) {
            double min = threshold * peak;
            for (int b = 0; b < n; ) {
                if (!(shorts[b] >= min)) { b++; continue; }
                int first = b, last = b, best = b;
                double sum = 0;
                while (last < n && shorts[last] >= min) {
                    sum += shorts[last];
                    if (shorts[last] > shorts[best]) best = last;
                    last++;
                }
                last--;
                double before = 0;
                for (int k = 0; k < first; k++) before += shorts[k];
                double low = Math.max(grid.bucketLow(first), price);
                out.add(new Zone(Side.SHORT, low, grid.bucketHigh(last), grid.bucketCentre(best), sum,
                        Math.max(0, (low - price) / price * 100), before, first, last));
                b = last + 1;
            }
        }
        out.sort(new NearestFirst());
        return List.copyOf(out);
    }

    /**
     * Nearest first, then by side. A class rather than {@code Comparator.comparingDouble(..).thenComparing(..)}: the
     * JDK's lambdas in those are spun at run time on a cold command line (its class-data archive lacks them).
     */
    private static final class NearestFirst implements Comparator<Zone> {
        @Override
        public int compare(Zone a, Zone b) {
            int byDistance = Double.compare(a.distancePct(), b.distancePct());
            return byDistance != 0 ? byDistance : a.side().compareTo(b.side());
        }
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) if (v > m) m = v;
        return m;
    }
}
