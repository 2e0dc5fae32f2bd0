package org.liqlens.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

/**
 * A few hourly candles with one known level and one touch, every number worked out by hand.
 *
 * <p>Flat candles at 100 (open = high = low = close), quote volume 100 of which 60 taker-buy, one 30x tier and
 * MMR 0: each candle's long level is at 100 · (1 − 1/30) = 96.667 and its short level at 103.333. On the ±5 %
 * map of 0.1 % buckets from 95 these fall in bucket 16 (midpoint 96.65) and bucket 83 (midpoint 103.35). One
 * candle, opening at S = day + 10 h, spikes to 104.
 */
class ScorecardHandTest {

    static final long HOUR = 3_600_000L;
    static final long DAY0 = 1_780_000_000_000L - Math.floorMod(1_780_000_000_000L, 86_400_000L);
    static final long S = DAY0 + 10 * HOUR;
    static final Map<String, Double> ONLY_30X = Map.of("ladder.5x", 0.0, "ladder.10x", 0.0, "ladder.25x", 0.0,
            "ladder.50x", 0.0, "ladder.100x", 0.0, "ladder.30x", 1.0);

    static MarketInputs candles() {
        CandleSeries.Builder b = CandleSeries.builder("TESTUSDT", HOUR);
        for (int h = 0; h < 14; h++) {
            long t = DAY0 + h * HOUR;
            double high = t == S ? 104 : 100;
            b.add(t, 100, high, 100, 100, 1, 100, 60);
        }
        return MarketInputs.of(b.build());
    }

    @Test
    void oneTouchOfAKnownLevelAgainstBaselinesCountedByHand() {
        // as-of times every hour from DAY0 + 2 h (a 2 h window) to S; baselines on an hourly grid over the same period
        ScorecardSpec spec = ScorecardSpec.builder().to(S).step(HOUR).bandsPct(5).horizons(HOUR).baselineGrid(HOUR).draws(200).build();
        Scorecard card = new Scorecard(LiquidationEngine.standard(), candles(), spec);
        assertEquals(9, card.asOfTimes(2 * HOUR).length, "T = DAY0 + 2 h … DAY0 + 10 h");
        ScorecardResult r = card.run("m1", 2 * HOUR, ONLY_30X, 0.0);
        assertEquals(1, r.rows().size());
        ScoreRow row = r.rows().get(0);
        // 9 as-of times x 2 sides, each with a level: 96.65 below, 103.35 above
        assertEquals(18, row.cases());
        // only the level above at T = S is reached (the spike's high 104 >= 103.35); nothing goes below 100
        assertEquals(1, row.hits());
        assertEquals(1.0 / 18, row.hitRate(), 1e-12);
        // distance-matched: T' = DAY0 + 1 h … S (10 points). Above, only T' = S reaches +3.35 %; for each of the 8
        // cases with T != S it is one of the 9 T' other than T (1/9); for T = S it is T itself, excluded (0/9).
        // Below, no T' reaches: 0. Sum = 8/9, mean over 18 cases = 8/162.
        assertEquals(8.0 / 162, row.baseline(), 1e-12);
        assertEquals(1 / (8.0 / 9), row.lift(), 1e-12);
        // the opposite of the level above at S is 96.65, not reached; the opposite of each level below is 103.35,
        // reached at S: 1 opposite hit
        assertEquals(1.0, row.liftOpposite(), 1e-12);
        // recent: T' in [T - 3 d, T - 1 h], all before S: never reached, so the recent baseline is 0 and lift infinite
        assertEquals(0.0, row.baselineRecent(), 0);
        assertEquals(Double.POSITIVE_INFINITY, row.liftRecent());
        assertEquals(1, row.dayBlocks());
        assertEquals(Verdicts.TOO_LITTLE_DATA, row.verdict());
        double[] w = Scorecard.wilson(1, 18);
        assertEquals(w[0], row.hitRateLow(), 0);
        assertTrue(row.hitRateLow() > 0.0098 && row.hitRateLow() < 0.0099, "Wilson lower bound of 1/18: 0.00988… " + row.hitRateLow());

        // direction: long 60 > short 40 within ±5 %, so "down" is said at every T; only at S is there an excursion
        // (up 4 %, down 0): one case, wrong
        DirectionRow d = r.direction().get(0);
        assertEquals(1, d.cases());
        assertEquals(0, d.correct());
        assertEquals(0, d.momentumCases(), "no candle 24 h before any T");
    }

    @Test
    void aCancelledScorecardStops() {
        ScorecardSpec spec = ScorecardSpec.builder().to(S).step(HOUR).bandsPct(5).horizons(HOUR).baselineGrid(HOUR).build();
        Scorecard card = new Scorecard(LiquidationEngine.standard(), candles(), spec, org.liqlens.engine.liq.LiquidationRule.BINANCE,
                () -> true);
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> card.run("m1", 2 * HOUR, ONLY_30X, 0.0));
    }
}
