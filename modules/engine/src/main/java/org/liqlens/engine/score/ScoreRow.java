package org.liqlens.engine.score;

/**
 * One cell of a scorecard: model × window × level variant × band × horizon.
 *
 * @param cases          (T, side) pairs that had a level within the band
 * @param hits           cases whose level price reached within the horizon
 * @param hitRate        hits ÷ cases, with its 95 % Wilson interval {@code hitRateLow .. hitRateHigh}
 * @param baseline       the mean distance-matched probability: how often price reached the same distance on
 *                       the same side within the horizon, from times T′ at least a horizon away from T
 * @param baselineRecent the same from T′ in the 3 days before T only (cases with such T′)
 * @param lift           hits ÷ the sum of the distance-matched probabilities; {@code liftLow .. liftHigh} its 95 %
 *                       interval by block bootstrap over calendar days
 * @param liftOpposite   hits ÷ hits of the level at the same distance on the other side at the same T
 * @param liftRecent     hits ÷ the sum of the recent probabilities, with its bootstrap interval
 * @param dayBlocks      calendar days (UTC) holding cases: the bootstrap's blocks
 * @param verdict        one of {@link Verdicts}
 */
public record ScoreRow(String model, long windowMs, LevelVariant variant, double bandPct, long horizonMs, int cases, int hits,
                       double hitRate, double hitRateLow, double hitRateHigh, double baseline, double baselineRecent,
                       double lift, double liftLow, double liftHigh, double liftOpposite,
                       double liftRecent, double liftRecentLow, double liftRecentHigh, int dayBlocks, String verdict) {

    public double horizonHours() { return horizonMs / 3_600_000.0; }
}
