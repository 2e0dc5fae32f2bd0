package org.liqlens.engine;

import java.util.Arrays;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.model.WeightScale;

/**
 * Brute-force reference for the heatmap, for tests and for the benchmark's comparison: walk the events
 * forward keeping a plain list of live levels, test every live level against every event, and at the end
 * of each column add every live level's current notional into that column. O(events x live levels +
 * columns x live levels). Shares only the model's openings and the ladder with the fast path, not its
 * clearing search, its per-bucket running sums or its scaling recurrence.
 */
final class NaiveSweep {

    private NaiveSweep() {}

    static HeatmapGrid heatmap(Plan pl) {
        if (pl.columns == 0) throw new IllegalArgumentException("the naive sweep needs at least one column");
        final int nb = pl.buckets, nc = pl.columns, nt = pl.ladder.size();
        final WeightScale scale = pl.scale;
        final int n = pl.to - pl.from;
        double[] entry = new double[n], lng = new double[n], sht = new double[n];
        pl.run.openings(pl.from, pl.to, entry, lng, sht);

        float[][] grid = new float[nc][];
        double[] row = new double[nb];       // a column's sums, in double, stored once
        float max = 0;
        int cap = 1024, m = 0;
        double[] p = new double[cap], w = new double[cap];
        long[] st = new long[cap];
        boolean[] isLong = new boolean[cap];
        int col = 0;
        for (int i = pl.from; i < pl.to; i++) {
            long stamp = pl.stamp(i);
            while (pl.columnStarts[col + 1] <= stamp) {
                max = snapshot(grid, row, col++, pl, p, w, st, isLong, m, false, max);
            }
            double lo = pl.lows[i], hi = pl.highs[i];
            for (int k = 0; k < m; ) {
                boolean cleared = isLong[k] ? lo <= p[k] : hi >= p[k];
                if (cleared) {
                    m--;
                    p[k] = p[m]; w[k] = w[m]; st[k] = st[m]; isLong[k] = isLong[m];
                } else {
                    k++;
                }
            }
            int e = i - pl.from;
            for (int t = 0; t < nt; t++) {
                for (int side = 0; side < 2; side++) {
                    double notional = (side == 0 ? lng[e] : sht[e]) * pl.ladder.weight(t);
                    if (!(notional > 0)) continue;
                    if (m == cap) {
                        cap *= 2;
                        p = Arrays.copyOf(p, cap); w = Arrays.copyOf(w, cap);
                        st = Arrays.copyOf(st, cap); isLong = Arrays.copyOf(isLong, cap);
                    }
                    Side s = side == 0 ? Side.LONG : Side.SHORT;
                    p[m] = pl.rule.freshPrice(s, entry[e], pl.ladder.leverage(t), pl.mmr);
                    w[m] = notional;
                    st[m] = stamp;
                    isLong[m] = side == 0;
                    m++;
                }
            }
        }
        while (col < nc) {
            max = snapshot(grid, row, col, pl, p, w, st, isLong, m, col == nc - 1, max);
            col++;
        }
        return new HeatmapGrid(pl.start, pl.windowMs, pl.columnStarts, pl.priceBuckets, grid, max);
    }

    /** Writes column c from the live levels, summed in {@code row}; returns the grid's maximum so far. */
    private static float snapshot(float[][] grid, double[] row, int c, Plan pl, double[] p, double[] w, long[] st,
                                  boolean[] isLong, int m, boolean atAsOf, float max) {
        long end = pl.columnStarts[c + 1];
        Arrays.fill(row, 0);
        for (int k = 0; k < m; k++) {
            if (atAsOf && (isLong[k] ? p[k] >= pl.price : p[k] <= pl.price)) continue;
            int b = pl.priceBuckets.bucketOf(p[k]);
            if (b >= 0) row[b] += w[k] * pl.scale.factor(st[k], end);
        }
        return HeatmapGrid.storeRow(row, grid, c, max);
    }
}
