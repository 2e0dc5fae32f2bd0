package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.Side;

/**
 * Readouts over the twelve-candle zig-zag (price 102, 8 buckets over about 85.9..116.9, 6 columns of 2 h).
 * Expected values come from the estimate's raw arrays: bucket and column found by the documented formulas,
 * notionals summed tier by tier, by hand.
 */
class CursorReadoutTest {
    private static EstimateResult heat;   // with a heatmap
    private static EstimateResult map;    // map only: columns 0

    @BeforeAll
    static void estimate() {
        heat = TestEstimates.tiny(6, 8);
        CandleSeries candles = TestEstimates.zigZag();
        map = LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(candles), "m1")
                .asOf(candles.lastCloseTime() + 1).window(12 * TestEstimates.HOUR).columns(0).buckets(8).build());
    }

    @Test
    void belowThePriceTheCumulativeIsTheLongsFromTheCursorsBucketUp() {
        LiquidationMap m = map.map();
        double price = priceIn(m, 1, 0.3);
        CursorReadout r = CursorReadout.onMap(map, price);
        assertEquals(1, r.bucket());
        assertEquals(Side.LONG, r.cumulativeSide());
        double expected = longs(m, 1, m.buckets() - 1);
        assertTrue(expected > 0);
        assertEquals(expected, r.cumulativeNotional(), 1e-9);
        assertEquals(longs(m, 1, 1) + shorts(m, 1, 1), r.cellNotional(), 1e-9);
        assertEquals(Side.LONG, r.cellSide(), "bucket 1 holds only longs");
        assertFalse(r.beyondRange());
        assertEquals((price - 102) / 102 * 100, r.distancePercent(), 1e-12);
    }

    @Test
    void aboveThePriceTheCumulativeIsTheShortsFromTheCursorsBucketDown() {
        LiquidationMap m = map.map();
        CursorReadout r = CursorReadout.onMap(map, priceIn(m, 6, 0.5));
        assertEquals(6, r.bucket());
        assertEquals(Side.SHORT, r.cumulativeSide());
        double expected = shorts(m, 0, 6);
        assertTrue(expected > 0);
        assertEquals(expected, r.cumulativeNotional(), 1e-9);
        assertEquals(Side.SHORT, r.cellSide());
    }

    @Test
    void exactlyAtThePriceNothingLiesBetween() {
        LiquidationMap m = map.map();
        CursorReadout r = CursorReadout.onMap(map, 102.0);
        assertEquals(102.0, r.currentPrice());
        assertNull(r.cumulativeSide());
        assertEquals(0.0, r.cumulativeNotional());
        int b = (int) Math.floor((102.0 - m.priceLow()) / ((m.priceHigh() - m.priceLow()) / 8));
        assertEquals(b, r.bucket());
        assertEquals(longs(m, b, b) + shorts(m, b, b), r.cellNotional(), 1e-9);
    }

    /**
     * Between two buckets: the documented formula floor((p - low) * (buckets / (high - low))) puts the smallest
     * price it maps to bucket 2 in bucket 2, and the double just below it in bucket 1; the cumulative follows.
     */
    @Test
    void atTheBoundaryBetweenTwoBucketsTheFormulaDecides() {
        LiquidationMap m = map.map();
        double perUnit = 8 / (m.priceHigh() - m.priceLow());
        double boundary = m.priceLow() + 2 * (m.priceHigh() - m.priceLow()) / 8;
        while (Math.floor((boundary - m.priceLow()) * perUnit) < 2) boundary = Math.nextUp(boundary);
        while (Math.floor((Math.nextDown(boundary) - m.priceLow()) * perUnit) >= 2) boundary = Math.nextDown(boundary);
        CursorReadout r = CursorReadout.onMap(map, boundary);
        assertEquals(2, r.bucket());
        assertEquals(longs(m, 2, 7), r.cumulativeNotional(), 1e-9);
        CursorReadout justBelow = CursorReadout.onMap(map, Math.nextDown(boundary));
        assertEquals(1, justBelow.bucket());
        assertEquals(longs(m, 1, 7), justBelow.cumulativeNotional(), 1e-9);
        assertTrue(longs(m, 1, 1) > 0, "the two readouts differ by bucket 1's longs");
    }

    @Test
    void outsideTheRangeTheCumulativeCountsEveryBucketOnThatSide() {
        LiquidationMap m = map.map();
        CursorReadout below = CursorReadout.onMap(map, m.priceLow() - 5);
        assertEquals(-1, below.bucket());
        assertFalse(below.hasCell());
        assertTrue(Double.isNaN(below.cellNotional()));
        assertNull(below.cellSide());
        assertTrue(below.beyondRange());
        assertEquals(Side.LONG, below.cumulativeSide());
        assertEquals(longs(m, 0, 7), below.cumulativeNotional(), 1e-9);

        CursorReadout above = CursorReadout.onMap(map, m.priceHigh() + 1);
        assertEquals(-1, above.bucket());
        assertTrue(above.beyondRange());
        assertEquals(Side.SHORT, above.cumulativeSide());
        assertEquals(shorts(m, 0, 7), above.cumulativeNotional(), 1e-9);
    }

    @Test
    void onAMapTheTimeIsIgnored() {
        double price = priceIn(map.map(), 2, 0.5);
        CursorReadout a = CursorReadout.at(map, 0, price), b = CursorReadout.at(map, 123_456_789L, price);
        assertEquals(a, b);
        assertEquals(CursorReadout.NO_TIME, a.time());
        assertEquals(-1, a.column());
    }

    @Test
    void onAHeatmapTheCellIsTheGridValueAtThatTimeAndPrice() {
        HeatmapGrid g = heat.heatmap();
        long window = g.end() - g.start();
        // 5 h in: column floor(5 / 12 * 6) = 2, which ends at 6 h; the price then is candle 5's close, 98
        long t = g.start() + 5 * TestEstimates.HOUR;
        int c = (int) ((t - g.start()) * 6 / window);
        assertEquals(2, c);
        double price = priceIn(heat.map(), 4, 0.5);    // bucket 4: about 101.4..105.3, wholly above 98
        CursorReadout r = CursorReadout.onHeatmap(heat, t, price);
        assertEquals(2, r.column());
        assertEquals(4, r.bucket());
        assertEquals(g.value(c, 4), r.cellNotional());
        assertTrue(r.cellNotional() > 0);
        assertEquals(Side.SHORT, r.cellSide());
        // the cumulative is the map's at the estimate's instant, whatever the time
        assertEquals(shorts(heat.map(), 0, 4), r.cumulativeNotional(), 1e-9);

        // bucket 2 (about 93.6..97.5) lies wholly below 98: longs; bucket 3 (97.5..101.4) holds 98: unknown
        assertEquals(Side.LONG, CursorReadout.onHeatmap(heat, t, priceIn(heat.map(), 2, 0.5)).cellSide());
        CursorReadout mixed = CursorReadout.onHeatmap(heat, t, priceIn(heat.map(), 3, 0.5));
        assertNull(mixed.cellSide());
        assertEquals(g.value(c, 3), mixed.cellNotional());
    }

    @Test
    void theWindowsEndIsTheLastColumnAndOutsideTheWindowThereIsNoCell() {
        HeatmapGrid g = heat.heatmap();
        double price = priceIn(heat.map(), 5, 0.5);
        CursorReadout atEnd = CursorReadout.onHeatmap(heat, g.end(), price);
        assertEquals(5, atEnd.column());
        assertEquals(g.value(5, 5), atEnd.cellNotional());
        assertEquals(heat.map().shortNotional(5), atEnd.cellNotional(), 1e-9, "the last column is the map");

        for (long t : new long[] {g.start() - 1, g.end() + 1}) {
            CursorReadout r = CursorReadout.onHeatmap(heat, t, price);
            assertEquals(-1, r.column());
            assertFalse(r.hasCell());
            assertEquals(5, r.bucket());
            assertEquals(shorts(heat.map(), 0, 5), r.cumulativeNotional(), 1e-9);
        }
        assertEquals(CursorReadout.onHeatmap(heat, g.start(), price).column(), 0);
    }

    @Test
    void aHeatmapReadoutNeedsAHeatmap() {
        assertThrows(IllegalArgumentException.class, () -> CursorReadout.onHeatmap(map, 0, 100));
    }

    /** A price {@code fraction} of the way through bucket b, from the range's documented bucket width. */
    private static double priceIn(LiquidationMap m, int b, double fraction) {
        double width = (m.priceHigh() - m.priceLow()) / m.buckets();
        return m.priceLow() + (b + fraction) * width;
    }

    /** Long notional in buckets from..to, summed tier by tier. */
    private static double longs(LiquidationMap m, int from, int to) {
        double sum = 0;
        for (double[] tier : m.longByTier()) for (int b = from; b <= to; b++) sum += tier[b];
        return sum;
    }

    private static double shorts(LiquidationMap m, int from, int to) {
        double sum = 0;
        for (double[] tier : m.shortByTier()) for (int b = from; b <= to; b++) sum += tier[b];
        return sum;
    }
}
