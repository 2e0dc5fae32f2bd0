package org.liqlens.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.sim.SimulatedMarket;

/**
 * The scorecard's controls: it must find lift where lift was put, and none where there is none.
 *
 * <p>Positive: a random walk in which, at every 6-hourly as-of time, the m1 24 h map's strongest bucket within
 * ±5 % (the larger of the side's peaks) pulls price towards it for up to 4 hours with a known probability. Null:
 * the plain simulated market, whose path never looks at any map.
 */
class ScorecardControlTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long MINUTE = 60_000L, HOUR = 3_600_000L, DAY = 86_400_000L;
    static final long START = 1_780_000_000_000L - Math.floorMod(1_780_000_000_000L, DAY);

    /**
     * @param strength the probability that the strongest cluster pulls price at an as-of time
     * @return 1m candles
     */
    static CandleSeries attractedMarket(long seed, int days, double strength) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CandleSeries.Builder b = CandleSeries.builder("ATTRUSDT", MINUTE, days * 1440);
        double price = 100, sigma = 0.0008;
        double target = Double.NaN, drift = 0;
        long pullEnds = 0;
        for (int i = 0; i < days * 1440; i++) {
            long t = START + i * MINUTE;
            if (t % (6 * HOUR) == 0 && t >= START + DAY) {
                target = Double.NaN;
                if (rnd.nextDouble() < strength) {
                    CandleSeries sofar = b.build();
                    double p = sofar.close(sofar.size() - 1);
                    EstimateResult r = ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(sofar), "m1").asOf(t).window(DAY)
                            .columns(0).range(new PriceRange(p * 0.95, p * 1.05)).buckets(100).build());
                    int bestLong = 0, bestShort = 50;
                    for (int k = 0; k < 50; k++) if (r.map().longNotional(k) > r.map().longNotional(bestLong)) bestLong = k;
                    for (int k = 50; k < 100; k++) if (r.map().shortNotional(k) > r.map().shortNotional(bestShort)) bestShort = k;
                    boolean up = r.map().shortNotional(bestShort) > r.map().longNotional(bestLong);
                    double level = r.map().bucketCentre(up ? bestShort : bestLong);
                    if ((up ? r.map().shortNotional(bestShort) : r.map().longNotional(bestLong)) > 0) {
                        target = level;
                        drift = Math.log(level / p) / 120;   // there in about two hours
                        pullEnds = t + 4 * HOUR;
                    }
                }
            }
            boolean pulling = !Double.isNaN(target) && t < pullEnds;
            double o = price;
            double c = o * Math.exp((pulling ? drift : 0) + sigma * rnd.nextGaussian());
            double h = Math.max(o, c) * (1 + Math.abs(rnd.nextGaussian()) * 0.0003);
            double l = Math.min(o, c) * (1 - Math.abs(rnd.nextGaussian()) * 0.0003);
            if (pulling && (drift > 0 ? h >= target : l <= target)) target = Double.NaN;   // touched: the pull ends
            double z = Math.log(c / o) / sigma;
            double q = 1e6 * (0.5 + rnd.nextDouble());
            b.add(t, o, h, l, c, q / c, q, q * Math.max(0.05, Math.min(0.95, 0.5 + 0.15 * Math.tanh(z) + 0.05 * rnd.nextGaussian())));
            price = c;
        }
        return b.build();
    }

    static final ScorecardSpec SPEC = ScorecardSpec.builder().bandsPct(5).horizons(4 * HOUR).build();

    @Test
    void aMarketDrawnTowardTheStrongestClusterShowsLiftAboveOne() {
        CandleSeries c = attractedMarket(11, 40, 0.8);
        ScorecardResult r = new Scorecard(ENGINE, MarketInputs.of(c), SPEC).run("m1", DAY);
        ScoreRow row = r.rows().get(0);
        System.out.println("positive control: " + row);
        assertTrue(row.cases() >= 200, "cases " + row.cases());
        assertTrue(row.liftLow() > 1, "the interval lies above 1: " + row.liftLow() + " .. " + row.liftHigh());
        assertTrue(row.liftRecentLow() > 1, "also against the recent baseline: " + row.liftRecentLow());
        assertEquals(Verdicts.LIFT_DEMONSTRATED, row.verdict());
    }

    @Test
    void thePlainSimulatedMarketShowsNone() {
        SimulatedMarket.Data d = SimulatedMarket.generate("BTCUSDT", 1, SimulatedMarket.DEFAULT_END_MS, 40);
        ScorecardResult r = new Scorecard(ENGINE, MarketInputs.of(d.candles1m()), SPEC).run("m1", DAY);
        ScoreRow row = r.rows().get(0);
        System.out.println("null control: " + row);
        assertTrue(row.cases() >= 200, "cases " + row.cases());
        assertTrue(row.liftLow() <= 1 && row.liftHigh() >= 1, "the interval holds 1: " + row.liftLow() + " .. " + row.liftHigh());
        assertTrue(List.of(Verdicts.NO_EVIDENCE).contains(row.verdict()), row.verdict());
    }

    @Test
    void theSameDataGiveTheSameScorecard() {
        SimulatedMarket.Data d = SimulatedMarket.generate("BTCUSDT", 2, SimulatedMarket.DEFAULT_END_MS, 20);
        ScorecardSpec spec = ScorecardSpec.builder().variants(List.of(LevelVariant.values())).build();
        String a = ScorecardTables.csv(List.of(new Scorecard(ENGINE, MarketInputs.of(d.candles1m()), spec).run("m3", DAY)));
        String b = ScorecardTables.csv(List.of(new Scorecard(ENGINE, MarketInputs.of(d.candles1m()), spec).run("m3", DAY)));
        assertEquals(a, b);
        assertEquals(1 + 3 * 2 * 3, a.split("\n").length, "header + 3 variants x 2 bands x 3 horizons");
    }
}
