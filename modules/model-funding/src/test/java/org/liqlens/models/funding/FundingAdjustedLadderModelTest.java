package org.liqlens.models.funding;

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
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.MissingInputException;

/** Known answers on constructed candles and fundings, computed by hand in the comments. */
class FundingAdjustedLadderModelTest {

    static final long T0 = 1_780_272_000_000L;   // 2026-06-01 00:00 UTC, a settlement time
    static final long M = 60_000L, H = 3_600_000L;
    static final Map<String, Double> TEN_X_ONLY = Map.of("ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0,
            "ladder.100x", 0.0, "ladder.10x", 1.0);

    static LiquidationEngine engine() {
        return LiquidationEngine.standard();   // finds m1f through META-INF/services, as the CLI and the app do
    }

    /**
     * Candle 0 (00:00) opens 600 long and 400 short at typical price 100 (H 101, L 99, C 100). Candles 1..959 are flat
     * at 100 with no volume. Settlements at 08:00 (rate +0.001) and at 16:00 (rate +0.002), each charged on the last
     * close, 100: a long pays 0.1 then 0.2 per unit, 0.3 in all. MMR 0, 10x: the long level starts at 100 x 0.9 = 90
     * and ends at 90.3; the short one starts at 100 x 1.1 = 110 and ends at 110.3 (it received 0.3).
     */
    static CandleSeries flatDay() {
        var b = CandleSeries.builder("BTCUSDT", M);
        b.add(T0, 100, 101, 99, 100, 10, 1_000, 600);
        for (int i = 1; i < 24 * 60; i++) b.add(T0 + i * M, 100, 100, 100, 100, 0, 0, 0);
        return b.build();
    }

    static EstimateResult estimate(String model, MarketInputs in, double fundingScale) {
        var r = EstimateRequest.builder(in, model).params(TEN_X_ONLY).mmrOverride(0.0).window(24 * H).asOf(T0 + 24 * H)
                .range(new PriceRange(80, 130)).buckets(500);
        if (model.equals("m1f")) r.param("fundingScale", fundingScale);
        return engine().estimate(r.build());
    }

    @Test
    void isFoundAndDeclaresItsInputs() {
        LiquidationModel m = engine().model("m1f");
        assertEquals("Funding-adjusted ladder", m.displayName());
        assertTrue(m.requiredInputs().contains(org.liqlens.engine.model.ModelInput.FUNDING_RATES));
        var e = org.junit.jupiter.api.Assertions.assertThrows(MissingInputException.class,
                () -> engine().estimate(EstimateRequest.builder(MarketInputs.of(flatDay()), "m1f").build()));
        assertTrue(e.getMessage().contains("needs funding-rate history"), e.getMessage());
    }

    @Test
    void positiveFundingMovesBothLevelsUpByWhatWasPaid() {
        var funding = new FundingRateSeries("BTCUSDT", new long[] {T0 + 8 * H, T0 + 16 * H}, new double[] {0.001, 0.002});
        MarketInputs in = MarketInputs.of(flatDay()).withFunding(funding);
        var map = estimate("m1f", in, 1).map();
        assertEquals(600, map.totalLong(), 1e-9);
        assertEquals(400, map.totalShort(), 1e-9);
        assertEquals(600, map.longNotional(map.bucketOf(90.3)), 1e-9, "long level 90 + 0.1 + 0.2");
        assertEquals(400, map.shortNotional(map.bucketOf(110.3)), 1e-9, "short level 110 + 0.3 received");
        var m1 = estimate("m1", in, 1).map();
        assertEquals(600, m1.longNotional(m1.bucketOf(90.0)), 1e-9, "m1 leaves the long at 90");
        // scale 2 doubles the payments: 90.6; scale 0 is m1
        assertEquals(600, estimate("m1f", in, 2).map().longNotional(map.bucketOf(90.6)), 1e-9);
        assertEquals(600, estimate("m1f", in, 0).map().longNotional(map.bucketOf(90.0)), 1e-9);
    }

    @Test
    void negativeFundingMovesBothLevelsDownAndShortsPay() {
        var funding = new FundingRateSeries("BTCUSDT", new long[] {T0 + 8 * H}, new double[] {-0.005});   // 0.5 per unit
        var map = estimate("m1f", MarketInputs.of(flatDay()).withFunding(funding), 1).map();
        assertEquals(600, map.longNotional(map.bucketOf(89.5)), 1e-9, "the long received 0.5: 90 - 0.5");
        assertEquals(400, map.shortNotional(map.bucketOf(109.5)), 1e-9, "the short paid 0.5: 110 - 0.5, toward its entry");
    }

    /**
     * A payer whose margin is used up: 10x on 100 holds 10 per unit of margin; a rate of 0.06 at 08:00 and again at
     * 16:00 charges 6 + 6 = 12 > 10, so the long's level, 90 + 12 = 102, passes the price (100) and the flat candle
     * after 16:00 (low 100) clears it. After the first charge alone (96) it survives.
     */
    @Test
    void aPayerWhoseMarginIsGoneIsLiquidated() {
        var funding = new FundingRateSeries("BTCUSDT", new long[] {T0 + 8 * H, T0 + 16 * H}, new double[] {0.06, 0.06});
        var map = estimate("m1f", MarketInputs.of(flatDay()).withFunding(funding), 1).map();
        assertEquals(0, map.totalLong(), 1e-9);
        assertEquals(400, map.shortNotional(map.bucketOf(122.0)), 1e-9, "the short received 12: 110 + 12");
        var once = new FundingRateSeries("BTCUSDT", new long[] {T0 + 8 * H}, new double[] {0.06});
        var m2 = estimate("m1f", MarketInputs.of(flatDay()).withFunding(once), 1).map();
        assertEquals(600, m2.longNotional(m2.bucketOf(96.0)), 1e-9);
    }

    @Test
    void settlementsAtOrAfterTheAsOfAreNotRead() {
        var before = new FundingRateSeries("BTCUSDT", new long[] {T0 + 8 * H}, new double[] {0.001});
        var withLater = new FundingRateSeries("BTCUSDT", new long[] {T0 + 8 * H, T0 + 24 * H, T0 + 32 * H},
                new double[] {0.001, 0.05, 0.05});
        var a = estimate("m1f", MarketInputs.of(flatDay()).withFunding(before), 1).map();
        var b = estimate("m1f", MarketInputs.of(flatDay()).withFunding(withLater), 1).map();
        for (int k = 0; k < a.buckets(); k++) {
            assertEquals(a.longNotional(k), b.longNotional(k));
            assertEquals(a.shortNotional(k), b.shortNotional(k));
        }
        assertEquals(List.of(T0 + 8 * H), List.of(FundingAdjustedLadderModel.flow(flatDay(), withLater, T0, T0 + 24 * H, 1).time(0)));
        assertEquals(1, FundingAdjustedLadderModel.flow(flatDay(), withLater, T0, T0 + 24 * H, 1).size());
    }
}
