package org.liqlens.desktop.panes;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.score.Scorecard;
import org.liqlens.engine.score.ScorecardResult;
import org.liqlens.engine.score.ScorecardSpec;
import org.liqlens.engine.score.Verdicts;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.SourceSpec;
import org.openide.util.RequestProcessor;

/**
 * The scorecard of a pane's model and window on the data its source can give: the whole file or simulated
 * market, or the last 30 days of an exchange's candles (cached), with the default definitions
 * ({@link ScorecardSpec#defaults()}). It is what {@code liqlens-cli score} computes for the same data. Results
 * are kept per source, symbol, model, window and parameters (for an exchange, per 6-hour period), so the badge
 * of every pane and the Scorecard window share one computation; they run one at a time on a low-priority worker.
 */
public final class PaneScorecards {
    /** How much of an exchange's history a desktop scorecard reads: what Binance's open-interest history holds too. */
    public static final long EXCHANGE_HISTORY_MS = 30L * 24 * 3_600_000L;
    private static final long PERIOD_MS = 6 * 3_600_000L;
    private static final RequestProcessor SCORING = new RequestProcessor("LiqLens scorecards", 1, true);
    private static final Map<String, CompletableFuture<ScorecardResult>> RESULTS = new ConcurrentHashMap<>();

    private PaneScorecards() { }

    /** The scorecard of {@code spec}'s model and window; computed in the background the first time. Any thread. */
    public static CompletableFuture<ScorecardResult> of(PaneSpec spec) {
        SourceSpec source = SourceSpec.parse(spec.source());
        boolean exchange = !spec.isSimulated() && !spec.isFile();
        long now = System.currentTimeMillis();
        String key = spec.source() + '|' + spec.symbol() + '|' + spec.modelId() + '|' + spec.windowMs() + '|' + spec.params()
                + (exchange ? "|" + Math.floorDiv(now, PERIOD_MS) : "");
        return RESULTS.computeIfAbsent(key, k -> {
            CompletableFuture<ScorecardResult> f = new CompletableFuture<>();
            SCORING.post(() -> {
                try {
                    f.complete(compute(spec, source, exchange, now));
                } catch (RuntimeException e) {
                    // Not kept: an exchange that was unreachable is asked again the next time a pane wants it.
                    RESULTS.remove(k, f);
                    f.completeExceptionally(e);
                }
            }, startupDelayMs(), Thread.MIN_PRIORITY);
            return f;
        });
    }

    /**
     * In the app's first seconds the panes' own estimates and charts come first: a scorecard reads a month and
     * runs the model at every as-of time, and on two cores it would delay the first heatmap by seconds. The
     * record can wait that long; the maps cannot.
     */
    private static int startupDelayMs() {
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        return (int) Math.max(0, STARTUP_QUIET_MS - uptime);
    }

    /** How long after the JVM's start scorecards wait. */
    static final long STARTUP_QUIET_MS = 15_000;

    /** Forgets every result: the ladder, MMR or source settings changed. */
    static void clear() {
        RESULTS.clear();
    }

    private static ScorecardResult compute(PaneSpec spec, SourceSpec sourceSpec, boolean exchange, long now) {
        if (sourceSpec.isCombined()) {
            throw new IllegalArgumentException("the scorecard runs on one exchange's data; open the pane on one exchange to see it");
        }
        LiquidationEngine engine = PaneEstimator.engine();
        LiquidationModel model = engine.model(spec.modelId());
        if (model.requiredInputs().contains(ModelInput.TRADES)) {
            throw new IllegalArgumentException("the scorecard measures candle-based models; " + model.id() + " needs trades");
        }
        MarketDataSource source = PaneEstimator.source(sourceSpec);
        long from = exchange ? now - EXCHANGE_HISTORY_MS : Long.MIN_VALUE / 2;
        long to = exchange ? now - Math.floorMod(now, 60_000L) : Long.MAX_VALUE / 2;
        CandleSeries candles = source.candles(spec.symbol(), 60_000L, from, to, CancelToken.NONE);
        if (candles.isEmpty()) throw new SourceException("no candles for " + spec.symbol() + " from " + source.displayName());
        OpenInterestSeries oi = null;
        if (model.requiredInputs().contains(ModelInput.OPEN_INTEREST)) {
            oi = source.openInterest(spec.symbol(), 5 * 60_000L, candles.firstOpenTime(), candles.lastCloseTime() + 1, CancelToken.NONE);
        }
        Scorecard scorecard = new Scorecard(engine, new MarketInputs(candles, oi, null), ScorecardSpec.defaults(), source.liquidationRule());
        return scorecard.run(model.id(), spec.windowMs(), WorkbenchSettings.effectiveParams(model.parameters(), spec.params()), null);
    }

    /** The badge's few words for a verdict; the full verdict goes in its tooltip. */
    public static String shortVerdict(String overall) {
        if (overall.startsWith(Verdicts.LIFT_DEMONSTRATED)) return "lift shown";
        if (overall.equals(Verdicts.TOO_LITTLE_DATA)) return "too little data";
        return "no demonstrated lift";
    }
}
