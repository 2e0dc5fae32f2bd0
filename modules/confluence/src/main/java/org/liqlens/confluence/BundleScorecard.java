package org.liqlens.confluence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.score.Scorecard;
import org.liqlens.engine.score.ScorecardResult;
import org.liqlens.engine.score.ScorecardSpec;
import org.liqlens.engine.score.ScorecardTables;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.load.WindowLoader;

/**
 * The record of a bundle's panes (issue 12): each pane's model and window scored ({@link Scorecard}, the issue's
 * default definitions) on the {@link #HISTORY_MS 30 days} of the bundle's data <em>before</em> its as-of time, so
 * that the reviewer can weigh each map by how its model has done on this symbol, and nothing after the as-of time
 * reaches the bundle. The CLI's {@code bundle} and the desktop's Export panel both call {@link #measure}, so the
 * same data give byte-identical {@code tables/scorecard.*}.
 *
 * @param symbol   the instrument
 * @param fromMs   the first candle's open time of the history read: {@code asOf − 30 d}, or later when the data
 *                 start later
 * @param asOfMs   the bundle's as-of time, the end (exclusive) of the history
 * @param panes    one per bundle pane, in the bundle's order
 */
public record BundleScorecard(String symbol, long fromMs, long asOfMs, List<PaneScore> panes) {

    /** How much history before the as-of time is scored: what an exchange's open-interest history holds too. */
    public static final long HISTORY_MS = 30L * 86_400_000L;

    /**
     * One pane's scorecard, or why it has none.
     *
     * @param pane        the pane's name in the bundle
     * @param result      the scorecard, or null
     * @param notMeasured why there is none (a trade-based model, an input the source lacks), or null
     */
    public record PaneScore(String pane, String model, long windowMs, ScorecardResult result, String notMeasured) {
        public PaneScore {
            Objects.requireNonNull(pane);
            Objects.requireNonNull(model);
            if ((result == null) == (notMeasured == null)) throw new IllegalArgumentException("a pane has a scorecard or a reason, not both");
        }
    }

    public BundleScorecard {
        panes = List.copyOf(panes);
    }

    /**
     * Scores every pane on the source's data in {@code [asOf − 30 d, asOf)}. A pane that cannot be scored (a
     * trade-based model, an input the source cannot give, too short a history for any as-of time) gets its reason
     * and never stops the others or the bundle.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is cancelled
     */
    public static BundleScorecard measure(LiquidationEngine engine, MarketDataSource source, String symbol, long asOfMs,
                                          List<PaneEstimate> panes, CancelToken cancel) {
        long from = asOfMs - HISTORY_MS;
        List<PaneEstimate> named = Panes.uniqueNames(panes);
        // One load and one Scorecard per set of inputs (m1 and m3 share candles; m2 adds open interest), so one
        // input the source lacks fails only the panes that need it.
        Map<Set<ModelInput>, Object> loaded = new LinkedHashMap<>();   // Scorecard, or the String reason
        long[] dataFrom = {Long.MAX_VALUE};
        Map<String, ScorecardResult> done = new LinkedHashMap<>();
        List<PaneScore> out = new ArrayList<>();
        for (PaneEstimate p : named) {
            if (cancel.isCancelled()) throw new java.util.concurrent.CancellationException("the scorecard was cancelled");
            LiquidationModel model = engine.model(p.modelId());
            Set<ModelInput> needs = EnumSet.of(ModelInput.CANDLES);
            needs.addAll(model.requiredInputs());
            if (needs.contains(ModelInput.TRADES)) {
                out.add(new PaneScore(p.name(), p.modelId(), p.windowMs(), null,
                        "not measured: the scorecard measures candle-based models, and " + p.modelId() + " needs trades"));
                continue;
            }
            Object card = loaded.computeIfAbsent(needs, n -> load(engine, source, symbol, n, asOfMs, cancel, dataFrom));
            if (card instanceof String reason) {
                out.add(new PaneScore(p.name(), p.modelId(), p.windowMs(), null, reason));
                continue;
            }
            String key = p.modelId() + '|' + p.windowMs() + '|' + p.parameters();
            ScorecardResult r = done.get(key);
            if (r == null) {
                try {
                    r = ((Scorecard) card).run(p.modelId(), p.windowMs(), p.parameters(), null);
                } catch (IllegalArgumentException e) {
                    out.add(new PaneScore(p.name(), p.modelId(), p.windowMs(), null, "not measured: " + e.getMessage()));
                    continue;
                }
                done.put(key, r);
            }
            out.add(new PaneScore(p.name(), p.modelId(), p.windowMs(), r, null));
        }
        return new BundleScorecard(symbol, dataFrom[0] == Long.MAX_VALUE ? from : dataFrom[0], asOfMs, out);
    }

    /** Every pane without a scorecard, for one reason (a combined source, which has no one exchange's history). */
    public static BundleScorecard notMeasured(String symbol, long asOfMs, List<PaneEstimate> panes, String reason) {
        List<PaneScore> out = new ArrayList<>();
        for (PaneEstimate p : Panes.uniqueNames(panes)) out.add(new PaneScore(p.name(), p.modelId(), p.windowMs(), null, "not measured: " + reason));
        return new BundleScorecard(symbol, asOfMs - HISTORY_MS, asOfMs, out);
    }

    private static Object load(LiquidationEngine engine, MarketDataSource source, String symbol, Set<ModelInput> needs, long asOfMs,
                               CancelToken cancel, long[] dataFrom) {
        MarketInputs inputs;
        try {
            inputs = WindowLoader.load(source, symbol, needs, asOfMs, HISTORY_MS, Intervals.MINUTE, cancel).inputs();
        } catch (SourceException | UnsupportedOperationException e) {
            return "not measured: " + e.getMessage();
        }
        if (inputs.candles().size() < 2) return "not measured: fewer than 2 candles before the as-of time";
        dataFrom[0] = Math.min(dataFrom[0], inputs.candles().firstOpenTime());
        return new Scorecard(engine, inputs, ScorecardSpec.defaults(), source.liquidationRule(), cancel::isCancelled);
    }

    /** The scorecards that exist, in pane order, each model × window once. */
    public List<ScorecardResult> results() {
        List<ScorecardResult> out = new ArrayList<>();
        for (PaneScore p : panes) if (p.result() != null && !out.contains(p.result())) out.add(p.result());
        return out;
    }

    /** {@code tables/scorecard.csv}: {@link ScorecardTables#CSV_HEADER}, the level rows of every scored pane. */
    public String csv() {
        return ScorecardTables.csv(results());
    }

    /** {@code tables/scorecard-direction.csv}. */
    public String directionCsv() {
        return ScorecardTables.directionCsv(results());
    }

    /** {@code tables/scorecard.md}: what was measured, the tables, then each pane's verdict or why it has none. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Scorecard of the bundle's panes: ").append(symbol).append("\n\n").append(period()).append("\n\n");
        List<ScorecardResult> results = results();
        if (!results.isEmpty()) b.append(ScorecardTables.markdown(results)).append('\n');
        b.append("Each pane:\n\n").append(verdicts()).append('\n');
        return b.toString();
    }

    /**
     * The prompt's {@code {scorecard}}: the period and definitions in one paragraph, then one line per pane with
     * its verdict.
     */
    public String promptText() {
        return period() + " Every figure is in `tables/scorecard.md`.\n\n" + verdicts().stripTrailing();
    }

    private String period() {
        ScorecardSpec s = ScorecardSpec.defaults();
        long[] hs = s.horizonsMs();
        StringBuilder horizons = new StringBuilder();
        for (int i = 0; i < hs.length; i++) {
            horizons.append(i == 0 ? "" : i == hs.length - 1 ? " or " : ", ").append(Numbers.fixed(hs[i] / 3_600_000.0, hs[i] % 3_600_000L == 0 ? 0 : 2));
        }
        horizons.append(" h");
        StringBuilder bands = new StringBuilder();
        for (double x : s.bandsPct()) bands.append(bands.length() == 0 ? "±" : " and ±").append(x == Math.rint(x) ? Long.toString((long) x) : Numbers.fixed(x, 1)).append(" %");
        return "Measured by LiqLens on the " + symbol + " data from " + Instant.ofEpochMilli(fromMs) + " to " + Instant.ofEpochMilli(asOfMs)
                + " (at most the 30 days before the as-of time; nothing after it): every " + Numbers.fixed(s.stepMs() / 3_600_000.0, 0)
                + " h, is each side's strongest level within " + bands + " of the price reached within " + horizons
                + " more often than the same distance chosen without the map (lift over a distance-matched and a recent "
                + "baseline, 95 % day-block bootstrap intervals)? Lift is demonstrated only when both intervals lie above 1. Each "
                + "model × window is tested in " + (s.bandsPct().length * hs.length) + " band × horizon cells, so one such cell can "
                + "come from chance alone (up to about 1 in 7 for a map with no edge, fewer as the cells overlap): weigh a single "
                + "cell lightly.";
    }

    private String verdicts() {
        StringBuilder b = new StringBuilder();
        for (PaneScore p : panes) {
            b.append("- `").append(p.pane()).append("` (").append(p.model()).append(", ").append(ScorecardTables.duration(p.windowMs())).append("): ");
            if (p.result() == null) {
                b.append(p.notMeasured());
            } else {
                ScorecardResult r = p.result();
                b.append(r.verdict()).append("; ").append(r.asOfTimes()).append(" as-of times");
            }
            b.append('\n');
        }
        return b.toString();
    }
}
