package org.liqlens.engine.score;

import java.util.List;

/**
 * A scorecard of one model × window over one series.
 *
 * @param symbol      the instrument
 * @param model       the model's id
 * @param windowMs    the look-back W
 * @param spec        what was measured
 * @param asOfTimes   how many as-of times T the grid gave
 * @param firstAsOf   the first T (or Long.MIN_VALUE when there is none)
 * @param lastAsOf    the last T
 * @param onePass     true when the maps came from one pass over the series, false from an estimate per T
 * @param rows        one per variant × band × horizon, in that order
 * @param direction   one per band × horizon
 * @param verdict     the one-line verdict of {@link Verdicts#overall}
 */
public record ScorecardResult(String symbol, String model, long windowMs, ScorecardSpec spec, int asOfTimes, long firstAsOf,
                              long lastAsOf, boolean onePass, List<ScoreRow> rows, List<DirectionRow> direction, String verdict) {
    public ScorecardResult {
        rows = List.copyOf(rows);
        direction = List.copyOf(direction);
    }
}
