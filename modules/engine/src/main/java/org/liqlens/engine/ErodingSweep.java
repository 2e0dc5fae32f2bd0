package org.liqlens.engine;

import java.util.Arrays;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.model.MarginFlow;
import org.liqlens.engine.model.WeightScale;

/**
 * The sweep for models whose levels move: a {@link MarginFlow} (funding) pays or credits margin at its steps, and
 * every surviving level's liquidation price becomes {@code (EP * numerator + c) / denominator}, c being what the
 * position has paid per unit of base since it opened. Events are walked forward; each side keeps its live levels
 * in a heap ordered by {@code key = EP * numerator - C(creation)}, where C is the flow's running sum: the price of
 * a level is {@code (key + C(now)) / denominator}, increasing in the key whatever C is, so a step moves every level
 * without reordering the heap, and an event clears levels from the top of the heap only.
 *
 * <p>Cost: O(levels log levels) for clearing plus O(columns x live levels) for the heatmap: fine for a pane (3 days
 * of 1m candles, 480 columns: tens of milliseconds), slower than {@link SweepKernel} over months. With an empty
 * flow it gives the kernel's map (same prices, same clearing), which a test checks.
 *
 * <p>Timing of a step at τ: it applies to levels stamped before τ and before any event stamped at or after τ is
 * tested, so a candle that contains τ is tested against the moved levels (for Binance funding at 00, 08 and 16 UTC
 * τ is a candle's open time, and this is exact).
 */
final class ErodingSweep {

    private static final int CHUNK = 4096;

    private ErodingSweep() {}

    static SweepKernel.Output estimate(Plan pl, MarginFlow flow, boolean withGrid) {
        final int nb = pl.buckets, nt = pl.ladder.size();
        final boolean grid = withGrid && pl.columns > 0;
        final int nc = grid ? pl.columns : 1;
        final long[] colStart = grid ? pl.columnStarts : new long[] {pl.start, pl.asOf};
        final MarginFlow seen = flow.before(pl.asOf);   // §3: no step stamped at or after T
        final WeightScale scale = pl.scale;
        final double[][] up = new double[2][nt];
        final double[] down = {pl.rule.denominator(Side.LONG, pl.mmr), pl.rule.denominator(Side.SHORT, pl.mmr)};
        for (int t = 0; t < nt; t++) {
            up[0][t] = pl.rule.numerator(Side.LONG, pl.ladder.leverage(t), pl.mmr);
            up[1][t] = pl.rule.numerator(Side.SHORT, pl.ladder.leverage(t), pl.mmr);
        }
        Live[] live = {new Live(true), new Live(false)};
        float[][] gridValues = grid ? new float[nc][] : null;
        double[] row = grid ? new double[nb] : null;     // a column's sums, in double, stored once
        float max = 0;

        double c = 0;          // the flow's running sum over the steps applied so far
        int step = 0, col = 0;
        long opened = 0;
        final int chunk = Math.min(CHUNK, Math.max(1, pl.to - pl.from));
        final double[] ent = new double[chunk], lon = new double[chunk], sho = new double[chunk];
        for (int cs = pl.from; cs < pl.to; cs += chunk) {
            pl.checkCancelled();
            final int ce = Math.min(pl.to, cs + chunk);
            pl.run.openings(cs, ce, ent, lon, sho);
            for (int i = cs; i < ce; i++) {
                final long stamp = pl.stamp(i);
                if (grid) {
                    while (colStart[col + 1] <= stamp) {
                        while (step < seen.size() && seen.time(step) < colStart[col + 1]) c += seen.amount(step++);
                        max = snapshot(gridValues, row, col, live, c, down, pl, scale, colStart[col + 1], false, max);
                        col++;
                    }
                }
                while (step < seen.size() && seen.time(step) <= stamp) c += seen.amount(step++);
                live[0].clear(pl.lows[i], c, down[0]);
                live[1].clear(pl.highs[i], c, down[1]);
                final int k = i - cs;
                for (int s = 0; s < 2; s++) {
                    final double notional = s == 0 ? lon[k] : sho[k];
                    if (!(notional > 0)) continue;
                    opened++;
                    for (int t = 0; t < nt; t++) {
                        final double w = notional * pl.ladder.weight(t);
                        if (w > 0) live[s].add(ent[k] * up[s][t] - c, w, stamp, t);
                    }
                }
            }
        }
        while (step < seen.size()) c += seen.amount(step++);     // every remaining step is before T
        if (grid) {
            for (; col < nc; col++) {
                max = snapshot(gridValues, row, col, live, c, down, pl, scale, colStart[col + 1], col == nc - 1, max);
            }
        }

        SweepKernel.Output out = new SweepKernel.Output();
        out.longByTier = new double[nt][nb];
        out.shortByTier = new double[nt][nb];
        double[][][] byTier = {out.longByTier, out.shortByTier};
        double[] total = new double[2];
        for (int s = 0; s < 2; s++) {
            Live l = live[s];
            for (int j = 0; j < l.size; j++) {
                double p = (l.key[j] + c) / down[s];
                if (beyondPrice(s, p, pl.price)) continue;
                double w = l.w[j] * scale.factor(l.stamp[j], pl.asOf);
                total[s] += w;
                int b = pl.priceBuckets.bucketOf(p);
                if (b >= 0) byTier[s][l.tier[j]][b] += w;
            }
        }
        out.totalLong = total[0];
        out.totalShort = total[1];
        out.levels = opened * nt;
        if (grid) {
            out.grid = gridValues;
            out.gridMax = max;
        }
        return out;
    }

    /** A long at or above the price (a short at or below it) is liquidated by now: the price has reached it. */
    private static boolean beyondPrice(int side, double p, double price) {
        return side == 0 ? p >= price : p <= price;
    }

    /** Writes column col from the live levels, summed in {@code row}; returns the grid's maximum so far. */
    private static float snapshot(float[][] grid, double[] row, int col, Live[] live, double c, double[] down, Plan pl,
                                  WeightScale scale, long end, boolean atAsOf, float max) {
        Arrays.fill(row, 0);
        for (int s = 0; s < 2; s++) {
            Live l = live[s];
            for (int j = 0; j < l.size; j++) {
                double p = (l.key[j] + c) / down[s];
                if (atAsOf && beyondPrice(s, p, pl.price)) continue;
                int b = pl.priceBuckets.bucketOf(p);
                if (b >= 0) row[b] += l.w[j] * scale.factor(l.stamp[j], end);
            }
        }
        return HeatmapGrid.storeRow(row, grid, col, max);
    }

    /**
     * The live levels of one side: a binary heap on the key, largest first for longs (the highest liquidation price
     * goes first when price falls), smallest first for shorts.
     */
    private static final class Live {
        final boolean isLong;
        double[] key = new double[1024], w = new double[1024];
        long[] stamp = new long[1024];
        int[] tier = new int[1024];
        int size;

        Live(boolean isLong) { this.isLong = isLong; }

        /** True when a should be nearer the top than b. */
        private boolean above(double a, double b) { return isLong ? a > b : a < b; }

        void add(double k, double weight, long st, int t) {
            if (size == key.length) {
                int n = size * 2;
                key = Arrays.copyOf(key, n); w = Arrays.copyOf(w, n); stamp = Arrays.copyOf(stamp, n); tier = Arrays.copyOf(tier, n);
            }
            int j = size++;
            while (j > 0) {
                int parent = (j - 1) >>> 1;
                if (!above(k, key[parent])) break;
                move(parent, j);
                j = parent;
            }
            key[j] = k; w[j] = weight; stamp[j] = st; tier[j] = t;
        }

        /** Removes every level this event's extreme reaches: a low at or below a long's price, a high at or above a short's. */
        void clear(double extreme, double c, double down) {
            while (size > 0) {
                double p = (key[0] + c) / down;
                if (isLong ? extreme > p : extreme < p) return;
                removeTop();
            }
        }

        private void removeTop() {
            size--;
            if (size == 0) return;
            double k = key[size], weight = w[size];
            long st = stamp[size];
            int t = tier[size];
            int j = 0;
            while (true) {
                int child = 2 * j + 1;
                if (child >= size) break;
                if (child + 1 < size && above(key[child + 1], key[child])) child++;
                if (!above(key[child], k)) break;
                move(child, j);
                j = child;
            }
            key[j] = k; w[j] = weight; stamp[j] = st; tier[j] = t;
        }

        private void move(int from, int to) {
            key[to] = key[from]; w[to] = w[from]; stamp[to] = stamp[from]; tier[to] = tier[from];
        }
    }
}
