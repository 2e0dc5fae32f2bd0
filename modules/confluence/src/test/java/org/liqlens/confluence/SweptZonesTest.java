package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.Side;

/**
 * Swept zones on an engine run worked out by hand: one ladder tier (10x), MMR 0, long notional only, so a
 * candle of typical price p leaves a long level at exactly 0.9 p; 40 buckets of width 1 over [80, 120), one
 * heatmap column per 1m candle.
 */
class SweptZonesTest {
    static final long BASE = 1_771_545_600_000L;
    static final long MIN = 60_000L;
    static final Map<String, Double> TEN_X = Map.of("ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0,
            "ladder.100x", 0.0, "ladder.10x", 1.0);

    static EstimateResult estimate(CandleSeries candles, int minutes) {
        return LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(candles), "m1")
                .params(TEN_X).mmrOverride(0.0).asOf(BASE + minutes * MIN).window(minutes * MIN)
                .range(new PriceRange(80, 120)).buckets(40).columns(minutes).build());
    }

    @Test
    void aLevelClearedByAWickIsTheNearestSweptZoneWithThatCandlesTime() {
        CandleSeries candles = CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE, 100, 100.5, 99.5, 100, 0, 600, 600)          // typical 100: long 600 @ 90.0, bucket 10
                .add(BASE + MIN, 100, 100, 89, 95, 0, 0, 0)             // low 89: clears 90.0
                .add(BASE + 2 * MIN, 95, 96, 94, 95.5, 0, 0, 0)         // price 95.5 at T
                .build();
        EstimateResult r = estimate(candles, 3);
        List<SweptZone> swept = SweptZones.find("p", r, 0.30);
        assertEquals(1, swept.size());
        SweptZone z = swept.get(0);
        assertEquals("p", z.pane());
        assertEquals(Side.LONG, z.position());      // below the price
        assertEquals(Side.LONG, z.swept());         // price fell into it
        assertEquals(90, z.low(), 1e-9);
        assertEquals(91, z.high(), 1e-9);
        assertEquals(600, z.notional(), 1e-9);
        assertEquals((95.5 - 91) / 95.5 * 100, z.distancePct(), 1e-9);
        assertEquals(BASE + MIN, z.clearedAtMs());
    }

    @Test
    void nothingIsSweptWhilePriceStaysAwayAndAMapWithoutHeatmapHasNoSweeps() {
        CandleSeries candles = CandleSeries.builder("TESTUSDT", MIN)
                .add(BASE, 100, 100.5, 99.5, 100, 0, 600, 600)
                .add(BASE + MIN, 100, 101, 98, 99, 0, 0, 0)             // low 98: the 90.0 level survives
                .add(BASE + 2 * MIN, 99, 100, 97, 98, 0, 0, 0)
                .build();
        assertTrue(SweptZones.find("p", estimate(candles, 3), 0.30).isEmpty());
        assertTrue(SweptZones.find("p", Profiles.pane("m1", 3 * MIN, 150, 100).result(), 0.30).isEmpty());
    }
}
