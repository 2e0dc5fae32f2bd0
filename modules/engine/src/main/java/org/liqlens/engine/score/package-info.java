/**
 * The scorecard (issue 12): does a model's map say where price goes? {@link org.liqlens.engine.score.Scorecard}
 * runs one model × window over a series and returns a {@link org.liqlens.engine.score.ScorecardResult} (rows with
 * hit rates, lifts against distance-matched, recent and opposite baselines, bootstrap and Wilson intervals,
 * verdicts, and one overall line); {@link org.liqlens.engine.score.ScorecardTables} writes them as CSV and
 * Markdown. Plain Java, like the rest of the engine: the desktop and the command line share it.
 */
package org.liqlens.engine.score;
