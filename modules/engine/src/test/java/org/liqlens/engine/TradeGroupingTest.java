package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.TradeSeries;

/**
 * The trades sweep groups openings with the same entry, side and number of tiers that survive their own column
 * (and falls back to merging runs where that does not pay). These cases pin that grouping to values worked out
 * by hand and to the exact per-level path.
 */
class TradeGroupingTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long START = 1_767_225_600_000L;
    static final double MMR = 0.005;
    static final double[] LEVERAGE = {5, 10, 25, 50, 100};
    static final double[] WEIGHT = {0.10, 0.25, 0.30, 0.20, 0.15};

    static double longLiq(double entry, double lev) { return entry * (1 - 1 / lev) / (1 - MMR); }

    static double shortLiq(double entry, double lev) { return entry * (1 + 1 / lev) / (1 + MMR); }

    /**
     * Two buys at 100 with a dip to 99 between them: the dip clears the earlier buy's 100x level (99.497) and
     * nothing else, so the two openings share an entry but not their surviving tiers and must not merge.
     */
    @Test
    void theSameEntryWithADipBetweenKeepsOnlyTheLaterOpeningsClosestTier() {
        TradeSeries t = TradeSeries.builder("RNDUSDT", 4)
                .add(START, 100.0, 1.0, false)          // taker buy: long 100
                .add(START + 1, 99.0, 0.001, true)      // taker sell at the dip: short 0.099
                .add(START + 2, 100.0, 2.0, false)      // taker buy: long 200
                .add(START + 3, 100.5, 0.001, false)    // the last trade: price at T 100.5
                .build();
        assertTrue(longLiq(100, 100) > 99.0 && longLiq(100, 50) < 99.0, "the dip lies between the 100x and 50x levels");
        EstimateResult r = ENGINE.estimate(EstimateRequest.builder(MarketInputs.ofTrades(t), "m1t")
                .window(10).mmrOverride(MMR).columns(2).buckets(50).build());

        // longs: the first buy loses its 100x tier (15 %), the second keeps all, the last trade's levels survive
        double expectedLong = 100.0 * (1 - 0.15) + 200.0 + 100.5 * 0.001;
        // shorts of the dip at 99: 100x (99.49) is cleared by the buy at 100, 50x (100.478) by the trade at 100.5
        assertTrue(shortLiq(99, 100) <= 100.0 && shortLiq(99, 50) <= 100.5 && shortLiq(99, 25) > 100.5);
        double expectedShort = 99.0 * 0.001 * (0.10 + 0.25 + 0.30);
        assertEquals(expectedLong, r.map().totalLong(), 1e-9);
        assertEquals(expectedShort, r.map().totalShort(), 1e-12);
        assertEquals(100.5, r.price());
        assertEquals(4 * 5, r.levelCount());

        // the 100x level of the first buy must not be in the map, the second buy's must
        LiquidationMap m = r.map();
        double liq100 = longLiq(100, 100);
        assertEquals(200.0 * 0.15 + bucketShare(m, liq100, 100.5 * 0.001, 100.5), m.longByTier(4, m.bucketOf(liq100)), 1e-9);
    }

    /** What the last trade's 100x long adds to the bucket of {@code liq100} (0 unless it falls in the same one). */
    private static double bucketShare(LiquidationMap m, double liq100, double lastNotional, double lastEntry) {
        return m.bucketOf(longLiq(lastEntry, 100)) == m.bucketOf(liq100) ? lastNotional * 0.15 : 0;
    }

    /**
     * Long alternating stretches of a random walk (grouping pays) and of long runs of one price (merging runs
     * pays), so the sweep changes mode many times, checked bucket by bucket against the exact per-level path.
     */
    @Test
    void switchingBetweenGroupingAndRunsKeepsTheMapExact() {
        int n = 300_000;
        SplittableRandom rnd = new SplittableRandom(5);
        TradeSeries.Builder b = TradeSeries.builder("RNDUSDT", n);
        long time = START, ticks = 10_000;
        boolean sell = false;
        for (int i = 0; i < n; i++) {
            boolean walk = (i / 40_000) % 2 == 0;
            time += rnd.nextInt(3);
            if (walk || rnd.nextDouble() >= 0.97) {
                ticks += rnd.nextInt(7) - 3;
                sell = rnd.nextBoolean();
            }
            b.add(time, ticks / 100.0, 0.001 + rnd.nextDouble(), sell);
        }
        TradeSeries t = b.build();
        for (int columns : new int[] {0, 1, 97}) {
            EstimateRequest req = EstimateRequest.builder(MarketInputs.ofTrades(t), "m1t")
                    .window(t.time(n - 1) - t.time(0) + 1).mmrOverride(MMR).columns(columns).buckets(120).build();
            EstimateResult r = ENGINE.estimate(req);
            LevelTable levels = ENGINE.levels(req);
            LiquidationMap m = r.map();
            double[] longs = new double[m.buckets()], shorts = new double[m.buckets()];
            double totalLong = 0, totalShort = 0;
            for (int i = 0; i < levels.size(); i++) {
                if (levels.clearedBy(i) != LevelTable.SURVIVES) continue;
                double w = levels.notionalAtAsOf(i), p = levels.price(i);
                int bucket = p >= m.priceLow() && p < m.priceHigh() ? m.bucketOf(p) : -1;
                if (levels.isLong(i)) {
                    totalLong += w;
                    if (bucket >= 0) longs[bucket] += w;
                } else {
                    totalShort += w;
                    if (bucket >= 0) shorts[bucket] += w;
                }
            }
            assertTrue(totalLong > 0 && totalShort > 0, "survivors on both sides");
            assertEquals(totalLong, m.totalLong(), 1e-9 * totalLong, columns + " columns: long total");
            assertEquals(totalShort, m.totalShort(), 1e-9 * totalShort, columns + " columns: short total");
            for (int k = 0; k < m.buckets(); k++) {
                assertEquals(longs[k], m.longNotional(k), 1e-9 * totalLong, columns + " columns: long bucket " + k);
                assertEquals(shorts[k], m.shortNotional(k), 1e-9 * totalShort, columns + " columns: short bucket " + k);
            }
            assertEquals((long) n * 5, r.levelCount());
        }
    }
}
