package org.liqlens.models.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

/** The template's known answer: test yours the same way, on a few constructed candles, by hand. */
class FixedSplitModelTest {

    /** One candle of 1,000 at 100 (H 101, L 99, C 100), longShare 0.25, only 10x, MMR 0: 250 long at 90, 750 short at 110. */
    @Test
    void opensTheFixedShareAtTheTypicalPrice() {
        long t0 = 1_780_272_000_000L;
        var b = CandleSeries.builder("BTCUSDT", 60_000L);
        b.add(t0, 100, 101, 99, 100, 10, 1_000, 600);
        b.add(t0 + 60_000L, 100, 100, 100, 100, 0, 0, 0);
        var map = LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(b.build()), "x1")
                .params(Map.of("longShare", 0.25, "ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0, "ladder.100x", 0.0))
                .mmrOverride(0.0).window(120_000L).asOf(t0 + 120_000L).range(new PriceRange(80, 120)).buckets(40).build()).map();
        assertEquals(250, map.longNotional(map.bucketOf(90.0)), 1e-9);
        assertEquals(750, map.shortNotional(map.bucketOf(110.0)), 1e-9);
    }
}
