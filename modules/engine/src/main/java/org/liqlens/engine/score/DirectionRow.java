package org.liqlens.engine.score;

/**
 * The direction rule for one model × window × band × horizon: predict up when the short notional within +X
 * exceeds the long notional within −X; the outcome is the side of the larger excursion over the horizon.
 *
 * @param cases          as-of times with a prediction and an outcome
 * @param correct        predictions on the outcome's side; {@code hitRate} = correct ÷ cases, Wilson 95 % beside it
 * @param upShare        the share of outcomes that were up (what "always up" would score)
 * @param momentumCases  cases with a 24 h return before T (of the same as-of times)
 * @param momentumRate   the share of those where the sign of the 24 h return called the outcome
 * @param verdict        {@link Verdicts#BETTER_THAN_CHANCE}, {@link Verdicts#WORSE_THAN_CHANCE},
 *                       {@link Verdicts#NO_BETTER_THAN_CHANCE} (against 50 %), or {@link Verdicts#TOO_LITTLE_DATA}
 */
public record DirectionRow(String model, long windowMs, double bandPct, long horizonMs, int cases, int correct, double hitRate,
                           double hitRateLow, double hitRateHigh, double upShare, int momentumCases, int momentumCorrect,
                           double momentumRate, int dayBlocks, String verdict) {

    public double horizonHours() { return horizonMs / 3_600_000.0; }
}
