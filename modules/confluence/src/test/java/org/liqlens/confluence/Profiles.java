package org.liqlens.confluence;

import java.util.List;
import java.util.Map;
import org.liqlens.engine.Coverage;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.Zones;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.LeverageLadder;

/**
 * Constructed maps: 400 buckets of width 0.1 over [80, 120), price 100, so bucket b covers
 * [80 + b/10, 80 + (b+1)/10) and its centre is 80.05 + b/10.
 */
final class Profiles {
    static final long AS_OF = 1_771_545_600_000L;   // 2026-02-20T00:00:00Z
    static final double PRICE = 100;
    static final int BUCKETS = 400;

    private Profiles() { }

    /** {@code cells} are pairs (bucket, notional); a positive bucket index is a long, a bucket + 1000 a short. */
    static PaneEstimate pane(String model, long windowMs, double... cells) {
        double[] longs = new double[BUCKETS], shorts = new double[BUCKETS];
        for (int i = 0; i < cells.length; i += 2) {
            int b = (int) cells[i];
            if (b >= 1000) shorts[b - 1000] = cells[i + 1]; else longs[b] = cells[i + 1];
        }
        LiquidationMap map = LiquidationMap.ofProfile(AS_OF, PRICE, new PriceRange(80, 120), longs, shorts);
        Coverage coverage = new Coverage(AS_OF - windowMs, AS_OF, 60_000L, windowMs / 60_000L, windowMs / 60_000L, AS_OF - windowMs,
                AS_OF, List.of(), 0);
        EstimateResult r = new EstimateResult("TESTUSDT", model, AS_OF, windowMs, PRICE, null, map, Zones.find(map),
                () -> CandleSeries.builder("TESTUSDT", 60_000L).build(), LeverageLadder.DEFAULT, 0.004, Map.of(), 0, coverage);
        return PaneEstimate.of(r, "test profile", false);
    }
}
