package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

/**
 * The heatmap where a column's low lands in the same bucket as levels it clears and levels it spares, and where
 * the final price does. One ladder tier (10x), MMR 0, long notional only (taker-buy = quote volume), one column
 * per 1m candle, 40 buckets of width 1: a long level sits at exactly 0.9 x the typical price, and every expected
 * cell below is worked out by hand.
 */
class HeatmapSweptBandTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long BASE = 60_000_000L;
    static final long MIN = 60_000L;
    static final Map<String, Double> TEN_X = Map.of("ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0,
            "ladder.100x", 0.0, "ladder.10x", 1.0);

    static EstimateResult estimate(CandleSeries candles, double rangeLow) {
        return ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(candles), "m1")
                .params(TEN_X).mmrOverride(0.0).asOf(BASE + 4 * MIN).window(4 * MIN)
                .range(new PriceRange(rangeLow, rangeLow + 40)).buckets(40).columns(4).build());
    }

    static void assertColumn(HeatmapGrid g, int c, int bucket, double expected) {
        for (int b = 0; b < g.buckets(); b++) {
            // exact: a cleared level leaves nothing behind, not the residue of an addition and a subtraction
            assertEquals(b == bucket ? expected : 0.0, g.value(c, b), 0.0, "column " + c + ", bucket " + b);
        }
    }

    @Test
    void aLowInsideABucketClearsOnlyTheLevelsAtOrAboveIt() {
        CandleSeries candles = CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE, 100, 101, 99, 100, 0, 600, 600)                 // typical 100: long 600 @ 90.0, bucket 10
                .add(BASE + MIN, 100, 101.5, 99.5, 100.5, 0, 300, 300)     // typical 100.5: long 300 @ 90.45, bucket 10
                .add(BASE + 2 * MIN, 100, 100, 90.2, 95, 0, 0, 0)          // low 90.2 in bucket 10: clears 90.45, not 90.0
                .add(BASE + 3 * MIN, 95, 95, 85, 86, 0, 0, 0)              // low 85: clears 90.0
                .build();
        HeatmapGrid g = estimate(candles, 80).heatmap();
        assertColumn(g, 0, 10, 600);
        assertColumn(g, 1, 10, 900);
        assertColumn(g, 2, 10, 600);
        assertColumn(g, 3, 10, 0);
        assertEquals(900, g.max());
    }

    @Test
    void theFinalPriceClearsInItsOwnBucketFromAnEarlierColumn() {
        // the last two columns hold no candle, so the last candle's levels are created two columns before T
        CandleSeries candles = CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE, 89.5, 90, 89, 89.5, 0, 600, 600)                // typical 89.5: long 600 @ 80.55, bucket 0
                .add(BASE + MIN, 90, 109.5, 81, 81, 0, 400, 400)           // typical 90.5: long 400 @ 81.45, bucket 0;
                                                                           // low 81 spares 80.55; price 81 at T
                .build();
        EstimateResult r = estimate(candles, 80.5);
        assertEquals(81, r.price());
        HeatmapGrid g = r.heatmap();
        assertColumn(g, 0, 0, 600);
        assertColumn(g, 1, 0, 1000);
        assertColumn(g, 2, 0, 1000);
        // 81.45 lies beyond the price 81 at T: liquidated then, so the last column holds 80.55 alone, as the map does
        assertColumn(g, 3, 0, 600);
        assertEquals(600, r.map().longNotional(0), 0.0);
        assertEquals(600, r.map().totalLong(), 0.0);
    }
}
