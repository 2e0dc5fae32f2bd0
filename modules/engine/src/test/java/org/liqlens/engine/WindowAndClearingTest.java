package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.market.TradeSeries;

/**
 * Window edges and clearing on hand-made series. One ladder tier (10x) and MMR 0, so a long level sits at
 * exactly 0.9 x entry and a short at 1.1 x entry; every expected number below is worked out by hand.
 */
class WindowAndClearingTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long BASE = 60_000_000L;   // T - W
    static final long MIN = 60_000L;

    /** Only the 10x tier. */
    static final Map<String, Double> TEN_X = Map.of("ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0,
            "ladder.100x", 0.0, "ladder.10x", 1.0);

    /**
     * c0 before the window (would create levels near 93 and clear everything), c1..c4 inside, c5 closing
     * exactly at T (would wipe everything with its low of 50).
     */
    static CandleSeries series() {
        return CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE - MIN, 100, 130, 80, 100, 0, 1_000_000, 500_000)   // c0: open_time = T-W-1m, excluded
                .add(BASE, 100, 101, 99, 100, 0, 1000, 600)                   // c1: typical 100 -> long 600 @ 90, short 400 @ 110
                .add(BASE + MIN, 100, 105, 95, 100, 0, 300, 100)              // c2: typical 100 -> long 100 @ 90, short 200 @ 110
                .add(BASE + 2 * MIN, 100, 112, 100, 108, 0, 90, 90)           // c3: typical 106.667 -> long 90 @ 96; high 112 clears shorts @ 110
                .add(BASE + 3 * MIN, 100, 109, 89, 100, 0, 30, 15)            // c4: typical 99.333 -> long 15 @ 89.4, short 15 @ 109.267;
                                                                              //     low 89 clears longs @ 90 and 96 but not its own @ 89.4
                .add(BASE + 4 * MIN, 100, 100, 50, 60, 0, 1e9, 5e8)           // c5: close_time = T, excluded
                .build();
    }

    static final long T = BASE + 5 * MIN - 1;   // = close_time of c5
    static final long W = T - BASE;

    static EstimateRequest request(int columns) {
        return EstimateRequest.builder(MarketInputs.of(series()), "m1")
                .params(TEN_X).mmrOverride(0.0).asOf(T).window(W)
                .range(new PriceRange(80.5, 120.5)).buckets(40).columns(columns).build();
    }

    @Test
    void mapAtTHoldsOnlyTheLastInWindowCandlesOwnLevels() {
        EstimateResult r = ENGINE.estimate(request(5));
        assertEquals(100.0, r.price(), "price = close of c4, the last candle with close_time < T");
        assertEquals(4, r.windowCandles().size());
        assertEquals(BASE, r.windowCandles().openTime(0), "open_time == T-W is included");
        assertEquals(7, r.levelCount(), "c1 2, c2 2, c3 1 (no short volume), c4 2");
        LiquidationMap m = r.map();
        // bucket of p = floor(p - 80.5): 89.4 -> 8, 109.267 -> 28
        for (int b = 0; b < 40; b++) {
            assertEquals(b == 8 ? 15.0 : 0.0, m.longNotional(b), 1e-12, "long bucket " + b);
            assertEquals(b == 28 ? 15.0 : 0.0, m.shortNotional(b), 1e-12, "short bucket " + b);
        }
        assertEquals(15.0, m.totalLong(), 1e-12);
        assertEquals(15.0, m.totalShort(), 1e-12);
        assertEquals(15.0, m.cumulativeLong(0), 1e-12);
        assertEquals(15.0, m.cumulativeLong(8), 1e-12);
        assertEquals(0.0, m.cumulativeLong(9), 1e-12);
        assertEquals(0.0, m.cumulativeShort(27), 1e-12);
        assertEquals(15.0, m.cumulativeShort(28), 1e-12);
        assertEquals(15.0, m.longByTier(0, 8), 1e-12);
        assertEquals(1, m.tiers());
        assertEquals(10.0, m.leverage(0));
    }

    @Test
    void heatmapColumnsByHand() {
        HeatmapGrid g = ENGINE.estimate(request(5)).heatmap();
        assertNotNull(g);
        // columns start at BASE + ceil(c * 299,999 / 5): 0, 60,000, 120,000, 180,000, 240,000; end at T
        assertEquals(BASE + 2 * MIN, g.columnStart(2));
        assertEquals(T, g.columnEnd(4));
        double[][] expected = new double[5][40];
        expected[0][9] = 600;   expected[0][29] = 400;                       // after c1: long @ 90, short @ 110
        expected[1][9] = 700;   expected[1][29] = 600;                       // after c2
        expected[2][9] = 700;   expected[2][15] = 90;                        // c3 cleared the shorts, added long @ 96
        expected[3][8] = 15;    expected[3][28] = 15;                        // c4 cleared longs @ 90 and 96, added its own
        expected[4][8] = 15;    expected[4][28] = 15;                        // nothing happens in the last column
        for (int c = 0; c < 5; c++) {
            for (int b = 0; b < 40; b++) {
                assertEquals(expected[c][b], g.value(c, b), 1e-9, "column " + c + ", bucket " + b);
            }
        }
        assertEquals(700, g.max(), 1e-9);
    }

    @Test
    void candleClosingExactlyAtTIsExcludedAndOneMsLaterIncluded() {
        // T one millisecond later: c5 (close_time = old T < new T) now counts and its low of 50 clears every long;
        // with W + 1 the window still starts at BASE
        EstimateRequest r = request(0).toBuilder().asOf(T + 1).window(W + 1).range(null).build();
        EstimateResult res = ENGINE.estimate(r);
        assertEquals(60.0, res.price());
        assertEquals(5, res.windowCandles().size());
        // c5's own long at 0.9 x 70 = 63 survives (below 60? no: 63 >= 60 is past the final price, so it counts as liquidated);
        // c5's own short at 1.1 x 70 = 77; c4's short @ 109.267 (c5 high 100 < 109.267) survives
        assertEquals(0.0, res.map().totalLong(), 1e-9);
        double c5Short = (1e9 - 5e8);
        assertEquals(15 + c5Short, res.map().totalShort(), 1e-3);
        assertEquals(c5Short, res.map().shortNotional(res.map().bucketOf(77.0)), 1e-3);
        // default range: [min(window low 50, price 60) x 0.88, max(window high 112, 60) x 1.12]
        assertEquals(50 * 0.88, res.map().priceLow(), 1e-9);
        assertEquals(112 * 1.12, res.map().priceHigh(), 1e-9);
    }

    @Test
    void candleOpeningBeforeTheWindowIsExcluded() {
        // window starting 1 ms after BASE drops c1 (open_time < T-W)
        EstimateResult r = ENGINE.estimate(request(0).toBuilder().window(W - 1).build());
        assertEquals(3, r.windowCandles().size());
        assertEquals(BASE + MIN, r.windowCandles().openTime(0));
        assertEquals(15.0, r.map().totalLong(), 1e-12);
    }

    @Test
    void touchingALevelClearsIt() {
        // 2x with MMR 0: long at exactly 0.5 x entry, short at exactly 1.5 x entry (all exact binary fractions)
        Map<String, Double> twoX = Map.of("ladder.5x", 0.0, "ladder.10x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0,
                "ladder.100x", 0.0, "ladder.2x", 1.0);
        CandleSeries touch = CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE, 100, 100, 100, 100, 0, 8, 4)            // long 4 @ 50, short 4 @ 150
                .add(BASE + MIN, 100, 150, 50, 100, 0, 0, 0)       // touches both exactly
                .add(BASE + 2 * MIN, 100, 100, 100, 100, 0, 0, 0)
                .build();
        CandleSeries miss = CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE, 100, 100, 100, 100, 0, 8, 4)
                .add(BASE + MIN, 100, 149.99, 50.01, 100, 0, 0, 0)
                .add(BASE + 2 * MIN, 100, 100, 100, 100, 0, 0, 0)
                .build();
        EstimateResult touched = ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(touch), "m1")
                .params(twoX).mmrOverride(0.0).window(3 * MIN).columns(3).build());
        EstimateResult missed = ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(miss), "m1")
                .params(twoX).mmrOverride(0.0).window(3 * MIN).columns(3).build());
        assertEquals(0.0, touched.map().totalLong());
        assertEquals(0.0, touched.map().totalShort());
        assertEquals(4.0, missed.map().totalLong());
        assertEquals(4.0, missed.map().totalShort());
    }

    @Test
    void zonesOfTheHandMadeMap() {
        List<Zone> zones = ENGINE.estimate(request(0)).zones();
        assertEquals(2, zones.size());
        Zone shortZone = zones.get(0), longZone = zones.get(1);   // short is nearer: 8.5 % against 10.5 %
        assertEquals(Side.SHORT, shortZone.side());
        assertEquals(108.5, shortZone.low(), 1e-9);
        assertEquals(109.5, shortZone.high(), 1e-9);
        assertEquals(109.0, shortZone.peakPrice(), 1e-9);
        assertEquals(15.0, shortZone.intensity(), 1e-9);
        assertEquals(8.5, shortZone.distancePct(), 1e-9);
        assertEquals(0.0, shortZone.cumulativeBefore(), 1e-12);
        assertEquals(Side.LONG, longZone.side());
        assertEquals(88.5, longZone.low(), 1e-9);
        assertEquals(89.5, longZone.high(), 1e-9);
        assertEquals(10.5, longZone.distancePct(), 1e-9);
    }

    @Test
    void levelTableRecordsCreationAndClearing() {
        LevelTable t = ENGINE.levels(request(0));
        assertEquals(7, t.size());
        int survivors = 0;
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.createdBy(i) >= 1 && t.createdBy(i) <= 4, "only c1..c4 create levels");
            if (t.clearedBy(i) >= 0) {
                assertTrue(t.clearedBy(i) > t.createdBy(i), "a candle never clears its own levels");
                assertEquals(t.isLong(i) ? 4 : 3, t.clearedBy(i), "longs die at c4, shorts at c3");
            } else {
                survivors++;
                assertEquals(4, t.createdBy(i));
            }
        }
        assertEquals(2, survivors);
    }

    @Test
    void tradesWindowAndClearing() {
        // m1t, one 10x tier, MMR 0: a taker buy of notional n opens a long n @ 0.9 p; a taker sell a short @ 1.1 p
        TradeSeries trades = TradeSeries.builder("TESTUSDT", 8)
                .add(BASE - 1, 100, 50, false)        // before the window
                .add(BASE, 100, 1, false)             // long 100 @ 90
                .add(BASE + 10, 100, 2, true)         // short 200 @ 110
                .add(BASE + 20, 111, 1, false)        // long 111 @ 99.9; 111 >= 110 clears the short
                .add(BASE + 30, 90, 1, true)          // short 90 @ 99; 90 <= 90 and <= 99.9 clear both longs
                .add(BASE + 30, 95, 2, false)         // long 190 @ 85.5 (same millisecond, later trade)
                .add(BASE + 40, 200, 1, true)         // at T: excluded
                .build();
        EstimateResult r = ENGINE.estimate(EstimateRequest.builder(MarketInputs.ofTrades(trades), "m1t")
                .params(TEN_X).mmrOverride(0.0).asOf(BASE + 40).window(40).range(new PriceRange(80.5, 120.5)).buckets(40)
                .columns(4).build());
        assertEquals(95.0, r.price());
        assertEquals(190.0, r.map().totalLong(), 1e-9);
        assertEquals(90.0, r.map().totalShort(), 1e-9);
        assertEquals(190.0, r.map().longNotional(5), 1e-9);   // 85.5 -> bucket 5
        assertEquals(90.0, r.map().shortNotional(18), 1e-9);  // 99 -> bucket 18
        HeatmapGrid g = r.heatmap();
        // four 10 ms columns; trade at BASE+10 is in column 1, BASE+20 in column 2, BASE+30 in column 3
        assertEquals(100.0, g.value(0, 9), 1e-9);
        assertEquals(100.0, g.value(1, 9), 1e-9);
        assertEquals(200.0, g.value(1, 29), 1e-9);
        assertEquals(0.0, g.value(2, 29), 1e-9);
        assertEquals(111.0, g.value(2, 19), 1e-9);   // 99.9 -> bucket 19
        assertEquals(0.0, g.value(3, 9), 1e-9);
        assertEquals(0.0, g.value(3, 19), 1e-9);
        assertEquals(190.0, g.value(3, 5), 1e-9);
        assertEquals(90.0, g.value(3, 18), 1e-9);
        assertNotNull(r.windowCandles());
        assertTrue(r.windowCandles().size() >= 1);
    }

    @Test
    void emptyWindowIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.estimate(request(0).toBuilder().asOf(BASE - 1).window(MIN).build()));
        assertTrue(e.getMessage().contains("no closed TESTUSDT candle"), e.getMessage());
    }
}
