package org.liqlens.charts;

import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.sim.SimulatedMarket;

/** Estimates the chart tests draw: small hand-made ones and large simulated ones. */
final class TestEstimates {
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    private TestEstimates() { }

    /** Twelve 1h candles zig-zagging around 100, so levels are created and some are cleared. */
    static EstimateResult tiny(int columns, int buckets) {
        CandleSeries candles = zigZag();
        return LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(candles), "m1")
                .asOf(candles.lastCloseTime() + 1).window(12 * HOUR).columns(columns).buckets(buckets).build());
    }

    static CandleSeries zigZag() {
        CandleSeries.Builder b = CandleSeries.builder("TESTUSDT", HOUR);
        double[] closes = {100, 101, 99.5, 102, 100.5, 98, 99, 103, 101, 100, 104, 102};
        double open = 100;
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            b.add(i * HOUR, open, Math.max(open, c) + 0.4, Math.min(open, c) - 0.4, c, 10, 1_000 + 100 * i, 600);
            open = c;
        }
        return b.build();
    }

    /** m1 over {@code days} of simulated 1m BTCUSDT candles (seed 1), the whole series as the window. */
    static EstimateResult simulated(int days, int buckets, int columns) {
        SimulatedMarket.Data d = SimulatedMarket.generate("BTCUSDT", 1L, SimulatedMarket.DEFAULT_END_MS, days);
        return LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(d.candles1m()), "m1")
                .window(days * DAY).buckets(buckets).columns(columns).build());
    }
}
