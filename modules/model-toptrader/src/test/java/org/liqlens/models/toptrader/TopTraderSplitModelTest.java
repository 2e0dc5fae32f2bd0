package org.liqlens.models.toptrader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.MissingInputException;

/** Known answers on constructed candles and ratios, computed by hand in the comments. */
class TopTraderSplitModelTest {

    static final long T0 = 1_780_272_000_000L, M = 60_000L;
    static final Map<String, Double> TEN_X_ONLY = Map.of("ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0,
            "ladder.100x", 0.0, "ladder.10x", 1.0);

    /**
     * Three 1m candles at 100 (H 101, L 99), each 1,000 of quote volume with 700 taker buys (m1: 700 long, 300 short).
     * Ratio samples: 1.5 at T0 (long share 0.6) and 0.25 at T0 + 2m (share 0.2). Candle 0 closes at T0 + 59 999: the
     * sample at or before T0 + 1m is the one at T0, 0.6: 600 long. Candle 1 (closing before T0 + 2m) uses the sample
     * stamped T0 + 2m, which covers it: 200. Candle 2 also 200. Longs 1,000, shorts 2,000; m1 2,100 and 900.
     */
    static MarketInputs inputs() {
        var b = CandleSeries.builder("BTCUSDT", M);
        for (int i = 0; i < 3; i++) b.add(T0 + i * M, 100, 101, 99, 100, 10, 1_000, 700);
        var ratio = new LongShortRatioSeries("BTCUSDT", 2 * M, new long[] {T0, T0 + 2 * M}, new double[] {1.5, 0.25});
        return MarketInputs.of(b.build()).withTopTraderRatio(ratio);
    }

    static LiquidationMap map(String model, MarketInputs in, Map<String, Double> extra) {
        var params = new java.util.HashMap<>(TEN_X_ONLY);
        params.putAll(extra);
        return LiquidationEngine.standard().estimate(EstimateRequest.builder(in, model).params(params).mmrOverride(0.0)
                .window(3 * M).asOf(T0 + 3 * M).range(new PriceRange(80, 120)).buckets(40).build()).map();
    }

    @Test
    void splitsByTheTopTradersRatio() {
        LiquidationMap r = map("m1r", inputs(), Map.of());
        assertEquals(1_000, r.totalLong(), 1e-9);
        assertEquals(2_000, r.totalShort(), 1e-9);
        assertEquals(1_000, r.longNotional(r.bucketOf(90.0)), 1e-9, "10x long at 100 x 0.9");
        LiquidationMap m1 = map("m1", inputs(), Map.of());
        assertEquals(2_100, m1.totalLong(), 1e-9);
        assertEquals(900, m1.totalShort(), 1e-9);
    }

    /** ratioWeight 0.5: candle 0 0.5 x 0.6 + 0.5 x 0.7 = 0.65, candles 1 and 2 0.45: longs 650 + 450 + 450 = 1,550. */
    @Test
    void theWeightBlendsWithTheTakerSplit() {
        assertEquals(1_550, map("m1r", inputs(), Map.of("ratioWeight", 0.5)).totalLong(), 1e-9);
        assertEquals(2_100, map("m1r", inputs(), Map.of("ratioWeight", 0.0)).totalLong(), 1e-9, "weight 0 is m1");
    }

    /** A ratio stamped at or after T is not read: with the as-of at T0 + 2m the sample at T0 + 2m is cut, 0.6 serves both candles. */
    @Test
    void noLookAheadAndStaleSamplesFallBackToTheTakerSplit() {
        var map = LiquidationEngine.standard().estimate(EstimateRequest.builder(inputs(), "m1r").params(TEN_X_ONLY).mmrOverride(0.0)
                .window(2 * M).asOf(T0 + 2 * M).range(new PriceRange(80, 120)).buckets(40).build()).map();
        assertEquals(1_200, map.totalLong(), 1e-9);
        // maxSampleAgeMinutes 5 and a single sample 10 minutes before: the taker split, 700 per candle
        var b = CandleSeries.builder("BTCUSDT", M);
        b.add(T0 + 10 * M, 100, 101, 99, 100, 10, 1_000, 700);
        var old = MarketInputs.of(b.build()).withTopTraderRatio(new LongShortRatioSeries("BTCUSDT", 5 * M, new long[] {T0}, new double[] {1.5}));
        var stale = LiquidationEngine.standard().estimate(EstimateRequest.builder(old, "m1r").params(Map.of("maxSampleAgeMinutes", 5.0))
                .window(M).asOf(T0 + 11 * M).build()).map();
        assertEquals(700, stale.totalLong(), 1e-9);
    }

    @Test
    void needsTheRatio() {
        var e = assertThrows(MissingInputException.class, () -> LiquidationEngine.standard().estimate(
                EstimateRequest.builder(MarketInputs.of(inputs().candles()), "m1r").build()));
        assertTrue(e.getMessage().contains("top-trader long/short position ratio history"), e.getMessage());
    }
}
