package org.liqlens.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.TestData;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.sim.SimulatedMarket;

/** The scorecard's one-pass maps at many T equal the engine's estimate at each T, bucket for bucket. */
class AsOfMapsTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long HOUR = 3_600_000L;

    @ParameterizedTest(name = "{0}, window {1} h, {2}")
    @CsvSource({"m1, 24, random", "m3, 72, random", "m1, 12, sim", "m3, 24, sim", "m2, 24, sim", "m1, 72, LINK"})
    void mapsFromOnePassEqualFreshEstimates(String model, int windowHours, String data) throws Exception {
        MarketInputs in = switch (data) {
            case "random" -> MarketInputs.of(TestData.randomCandles("RNDUSDT", 1_767_225_600_000L, 10 * 1440, 3));
            case "sim" -> {
                SimulatedMarket.Data d = SimulatedMarket.generate("BTCUSDT", 5, SimulatedMarket.DEFAULT_END_MS, 8);
                yield MarketInputs.of(d.candles1m(), d.openInterest5m());
            }
            default -> MarketInputs.of(TestData.readKlines(TestData.require(TestData.LINK_1M), "LINKUSDT"));
        };
        CandleSeries c = in.candles();
        long window = windowHours * HOUR;
        long[] asOfs = new long[25];
        long first = c.firstOpenTime() + window, span = c.lastCloseTime() - first - window;
        for (int k = 0; k < asOfs.length; k++) asOfs[k] = first + span * k / asOfs.length + (k % 3) * 17_001;   // odd instants too
        int perSide = 50;
        AsOfMaps.Maps maps = AsOfMaps.compute(ENGINE, in, model, window, Map.of(), null, LiquidationRule.BINANCE, asOfs, perSide, 0.001,
                () -> false, new AsOfMaps.LevelCache());
        assertEquals(!model.equals("m2"), maps.onePass(), "m1 and m3 in one pass, m2 by an estimate per T");
        double compared = 0;
        for (int k = 0; k < asOfs.length; k++) {
            double p = maps.price()[k];
            EstimateResult r = ENGINE.estimate(EstimateRequest.builder(in, model).asOf(asOfs[k]).window(window).columns(0)
                    .range(new PriceRange(p * (1 - 0.05), p * (1 + 0.05))).buckets(2 * perSide).build());
            assertEquals(r.price(), p, "price at " + asOfs[k]);
            for (int b = 0; b < 2 * perSide; b++) {
                double el = r.map().longNotional(b), es = r.map().shortNotional(b);
                assertEquals(el, maps.longs()[k][b], 1e-9 * Math.max(1, el), "long bucket " + b + " at " + asOfs[k]);
                assertEquals(es, maps.shorts()[k][b], 1e-9 * Math.max(1, es), "short bucket " + b + " at " + asOfs[k]);
                compared += el + es;
            }
        }
        assertTrue(compared > 0, "the maps are not all empty");
        assertFalse(Double.isNaN(compared));
    }
}
