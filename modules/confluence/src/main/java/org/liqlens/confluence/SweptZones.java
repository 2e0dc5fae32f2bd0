package org.liqlens.confluence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.Zone;
import org.liqlens.engine.Zones;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.Side;

/**
 * Where price swept liquidation bands within an estimate's window, read from its heatmap ("recently" means
 * within the window: the heatmap covers exactly {@code [T - W, T)}).
 *
 * <p>A band ends where price traded through it (§3, clearing), so for every heatmap column c ≥ 1 and bucket b
 * the notional cleared is the drop {@code value(c-1, b) - value(c, b)}, counted only where the candles of
 * column c traded through bucket b: a decaying model (m3) or an open-interest fall (m2) lowers every cell a
 * little, and those drops are not sweeps. A cleared bucket counts as long liquidations when it lay below the
 * previous column's last close (price fell into it), short otherwise. The cleared notional per bucket, put
 * below or above the current price, is then a profile like a map's, and its zones are found by
 * {@link Zones#find} with the same threshold as the map's.
 */
public final class SweptZones {
    private SweptZones() { }

    /** The swept zones of one pane, nearest first; empty when the estimate has no heatmap. */
    public static List<SweptZone> find(String pane, EstimateResult result, double zoneThreshold) {
        HeatmapGrid g = result.heatmap();
        if (g == null || g.columns() < 2) return List.of();
        CandleSeries candles = result.windowCandles();
        int columns = g.columns(), buckets = g.buckets();
        double[] colLow = new double[columns], colHigh = new double[columns], colClose = new double[columns];
        int[] colFirstCandle = new int[columns];
        Arrays.fill(colLow, Double.POSITIVE_INFINITY);
        Arrays.fill(colHigh, Double.NEGATIVE_INFINITY);
        Arrays.fill(colClose, Double.NaN);
        Arrays.fill(colFirstCandle, -1);
        for (int i = 0; i < candles.size(); i++) {
            int c = g.columnOf(candles.closeTime(i));
            if (c < 0) continue;
            colLow[c] = Math.min(colLow[c], candles.low(i));
            colHigh[c] = Math.max(colHigh[c], candles.high(i));
            colClose[c] = candles.close(i);
            if (colFirstCandle[c] < 0) colFirstCandle[c] = i;
        }

        double[] clearedLong = new double[buckets], clearedShort = new double[buckets];
        int[] lastClearColumn = new int[buckets];
        Arrays.fill(lastClearColumn, -1);
        double previousClose = Double.NaN;
        for (int c = 0; c < columns; c++) {
            if (c > 0 && colFirstCandle[c] >= 0) {
                double reference = Double.isNaN(previousClose) ? result.price() : previousClose;
                int from = Math.max(0, bucketAtOrBelow(g, colLow[c])), to = Math.min(buckets - 1, bucketAtOrAbove(g, colHigh[c]));
                float[] before = g.row(c - 1), after = g.row(c);
                for (int b = from; b <= to; b++) {
                    if (g.bucketHigh(b) < colLow[c] || g.bucketLow(b) > colHigh[c]) continue;
                    // in double: the cells are floats, and a small drop of a large cell must not round away
                    double drop = (double) before[b] - after[b];
                    if (!(drop > 0)) continue;
                    if (g.bucketCentre(b) < reference) clearedLong[b] += drop; else clearedShort[b] += drop;
                    lastClearColumn[b] = c;
                }
            }
            if (!Double.isNaN(colClose[c])) previousClose = colClose[c];
        }

        // Below or above the current price, as a map's longs and shorts lie, so that Zones.find measures distances.
        double price = result.price();
        double[] below = new double[buckets], above = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            double cleared = clearedLong[b] + clearedShort[b];
            if (g.bucketCentre(b) < price) below[b] = cleared; else above[b] = cleared;
        }
        LiquidationMap profile = LiquidationMap.ofProfile(result.asOf(), price, new PriceRange(g.priceLow(), g.priceHigh()), below, above);
        List<SweptZone> out = new ArrayList<>();
        for (Zone z : Zones.find(profile, zoneThreshold)) {
            int lastColumn = -1;
            double longs = 0, shorts = 0;
            for (int b = z.firstBucket(); b <= z.lastBucket(); b++) {
                lastColumn = Math.max(lastColumn, lastClearColumn[b]);
                longs += clearedLong[b];
                shorts += clearedShort[b];
            }
            if (lastColumn < 0) continue;
            long clearedAt = g.columnStart(lastColumn);
            for (int i = colFirstCandle[lastColumn]; i >= 0 && i < candles.size() && g.columnOf(candles.closeTime(i)) == lastColumn; i++) {
                if (candles.low(i) <= z.high() && candles.high(i) >= z.low()) {
                    clearedAt = candles.openTime(i);
                    break;
                }
            }
            out.add(new SweptZone(pane, z.side(), longs >= shorts ? Side.LONG : Side.SHORT, z.low(), z.high(), z.intensity(),
                    z.distancePct(), clearedAt));
        }
        return out;
    }

    private static int bucketAtOrBelow(HeatmapGrid g, double p) {
        if (p <= g.priceLow()) return 0;
        int b = g.bucketOf(p);
        return b < 0 ? g.buckets() - 1 : b;
    }

    private static int bucketAtOrAbove(HeatmapGrid g, double p) {
        if (p >= g.priceHigh()) return g.buckets() - 1;
        int b = g.bucketOf(p);
        return b < 0 ? 0 : b;
    }
}
