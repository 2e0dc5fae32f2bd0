package org.liqlens.charts;

import java.util.Objects;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.Side;

/**
 * What lies under a cursor on a heatmap or a map: the price, the cell there, and how much would be
 * liquidated if price moved from where it is now to the cursor. Plain lookups, O(log candles) at most: cheap
 * enough for every mouse move on the EDT.
 *
 * @param price              the cursor's price
 * @param time               the cursor's time (epoch ms) on a heatmap; {@link Long#MIN_VALUE} on a map
 * @param bucket             the price bucket holding {@code price}, -1 outside the price range
 * @param column             the heatmap column holding {@code time}, -1 on a map or outside the window
 * @param cellNotional       the surviving notional in that cell (heatmap) or bucket (map, longs plus shorts); NaN
 *                           when the cursor is on no cell
 * @param cellSide           the side of the positions in the cell where it is clear: on a map, the only side with
 *                           notional in the bucket; on a heatmap, LONG for a bucket wholly below the price at the
 *                           end of that column and SHORT wholly above it. Null when mixed, empty or unknown
 * @param currentPrice       the estimate's price (as of its instant)
 * @param cumulativeSide     LONG when the cursor is below the current price (a fall there liquidates longs), SHORT
 *                           above it, null exactly at it
 * @param cumulativeNotional the notional liquidated on the way from the current price to the cursor, as the
 *                           map's cumulative curves define it: the longs in the cursor's bucket and every bucket
 *                           above it, or the shorts in the cursor's bucket and every bucket below it
 *                           ({@link LiquidationMap#cumulativeLong}, {@link LiquidationMap#cumulativeShort}); 0
 *                           at the current price. Always the map at the estimate's instant, whatever the time
 * @param beyondRange        the cursor lies outside the price range: the cumulative then counts every bucket on
 *                           its side of the price, and more may lie beyond the range
 */
public record CursorReadout(double price, long time, int bucket, int column, double cellNotional, Side cellSide,
                            double currentPrice, Side cumulativeSide, double cumulativeNotional, boolean beyondRange) {

    /** The time of a map readout, which has none. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /**
     * The readout at ({@code timeMs}, {@code price}): on the estimate's heatmap when it has one, else on its
     * map (the time is then ignored).
     */
    public static CursorReadout at(EstimateResult result, long timeMs, double price) {
        return result.heatmap() != null ? onHeatmap(result, timeMs, price) : onMap(result, price);
    }

    /** The readout at {@code price} on the estimate's map (a map has no time). */
    public static CursorReadout onMap(EstimateResult result, double price) {
        LiquidationMap map = result.map();
        int b = map.bucketOf(price);
        double cell = Double.NaN;
        Side side = null;
        if (b >= 0) {
            double longs = map.longNotional(b), shorts = map.shortNotional(b);
            cell = longs + shorts;
            side = longs > 0 && shorts == 0 ? Side.LONG : shorts > 0 && longs == 0 ? Side.SHORT : null;
        }
        return withCumulative(result, price, NO_TIME, b, -1, cell, side);
    }

    /**
     * The readout at ({@code timeMs}, {@code price}) on the estimate's heatmap. The window's end, the right
     * edge of the chart, counts as the last column (which describes that instant).
     *
     * @throws IllegalArgumentException when the estimate has no heatmap
     */
    public static CursorReadout onHeatmap(EstimateResult result, long timeMs, double price) {
        HeatmapGrid grid = result.heatmap();
        if (grid == null) throw new IllegalArgumentException("the estimate has no heatmap grid (columns = 0)");
        int b = grid.bucketOf(price);
        int c = timeMs == grid.end() ? grid.columns() - 1 : grid.columnOf(timeMs);
        double cell = Double.NaN;
        Side side = null;
        if (b >= 0 && c >= 0) {
            cell = grid.value(c, b);
            double columnPrice = c == grid.columns() - 1 ? result.price() : priceAtEndOf(result.windowCandles(), grid.columnEnd(c));
            if (cell > 0 && !Double.isNaN(columnPrice)) {
                // Surviving longs lie below every low since they were opened, shorts above every high.
                side = grid.bucketHigh(b) <= columnPrice ? Side.LONG : grid.bucketLow(b) > columnPrice ? Side.SHORT : null;
            }
        }
        return withCumulative(result, price, timeMs, b, c, cell, side);
    }

    /** The close of the last candle closed before {@code t} (a column's cells are as of its end); NaN if none. */
    private static double priceAtEndOf(CandleSeries candles, long t) {
        int end = candles.endIndexClosedBefore(t);
        return end > 0 ? candles.close(end - 1) : Double.NaN;
    }

    private static CursorReadout withCumulative(EstimateResult result, double price, long time, int bucket, int column,
                                                double cell, Side cellSide) {
        Objects.requireNonNull(result);
        if (Double.isNaN(price)) throw new IllegalArgumentException("price is NaN");
        LiquidationMap map = result.map();
        double current = result.price();
        int n = map.buckets();
        boolean beyond = bucket < 0;
        Side side;
        double cumulative;
        if (price < current) {
            side = Side.LONG;
            // clamp into the range: below it, every bucket lies between; above it, none does
            int b = bucket >= 0 ? bucket : price < map.priceLow() ? 0 : n;
            cumulative = b < n ? map.cumulativeLong(b) : 0;
        } else if (price > current) {
            side = Side.SHORT;
            int b = bucket >= 0 ? bucket : price >= map.priceHigh() ? n - 1 : -1;
            cumulative = b >= 0 ? map.cumulativeShort(b) : 0;
        } else {
            side = null;
            cumulative = 0;
        }
        return new CursorReadout(price, time, bucket, column, cell, cellSide, current, side, cumulative, beyond);
    }

    /** True when the cursor is on a cell of the heatmap or a bucket of the map. */
    public boolean hasCell() {
        return !Double.isNaN(cellNotional);
    }

    /** The cursor's distance from the current price, in percent of it (negative below). */
    public double distancePercent() {
        return (price - currentPrice) / currentPrice * 100;
    }
}
