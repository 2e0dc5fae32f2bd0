package org.liqlens.desktop.panes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.live.LiveEstimator;
import org.liqlens.sources.load.WindowEstimate;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;
import org.openide.util.Lookup;

/**
 * Runs the estimate of a pane, off the EDT, through exactly the path {@code liqlens-cli map|heatmap} takes
 * ({@link WindowEstimator}), so a pane shows the numbers the CLI prints for the same source, symbol, model,
 * parameters, window and as-of, the sum of three exchanges for {@code all} included.
 */
final class PaneEstimator {
    /**
     * Heatmap resolution of a pane: the engine's defaults, which the CLI uses too, so that a pane's zones and an
     * exported bundle's tables equal {@code liqlens-cli zones|bundle} for the same panes.
     */
    static final int COLUMNS = org.liqlens.engine.EstimateRequest.DEFAULT_COLUMNS;
    static final int BUCKETS = org.liqlens.engine.EstimateRequest.DEFAULT_BUCKETS;

    /**
     * Configured sources by spec text, so panes on one source share its in-memory data (the sim's series) and
     * `all` shares each exchange with the single-exchange panes. Cleared when the source settings change.
     */
    private static final Map<String, MarketDataSource> SOURCES = new ConcurrentHashMap<>();

    static {
        SourceSettings.preferences().addPreferenceChangeListener(e -> SOURCES.clear());
    }

    private PaneEstimator() { }

    /**
     * The models installed right now. The default Lookup reads every enabled module's META-INF/services, so a
     * model module installed through Tools › Plugins shows up without a restart; ServiceLoader on our own
     * class loader would not see it.
     */
    static LiquidationEngine engine() {
        return LiquidationEngine.of(Lookup.getDefault().lookupAll(LiquidationModel.class));
    }

    /** The request a pane makes: the pane's spec with the Options' ladder and MMR under its own overrides. */
    static WindowSpec windowSpec(PaneSpec spec, LiquidationEngine engine) {
        LiquidationModel model = engine.model(spec.modelId());
        return WindowSpec.builder(SourceSpec.parse(spec.source()), spec.symbol(), model.id(), spec.windowMs())
                .params(WorkbenchSettings.effectiveParams(model.parameters(), spec.params()))
                .asOf(spec.asOfMs())
                .buckets(BUCKETS)
                .columns(COLUMNS) // always: a pane switches between heatmap and map without recomputing
                .build();
    }

    /** Runs off the EDT; parameters are checked before anything is downloaded. */
    static WindowEstimate estimate(PaneSpec spec, CancelToken cancel) {
        WindowEstimator estimator = new WindowEstimator(engine(), PaneEstimator::source);
        WindowSpec request = windowSpec(spec, estimator.engine());
        estimator.checkParameters(request);
        return estimator.estimate(request, cancel);
    }

    /**
     * For a live pane whose window can be moved forward candle by candle ({@link LiveEstimator#canFollow}): the
     * estimator that loads it once and then only runs the engine each minute. Null when the pane must be loaded
     * afresh each time (`all`, trade-based models). Parameters are checked here, before anything is downloaded.
     */
    static LiveEstimator follow(PaneSpec spec) {
        WindowEstimator estimator = new WindowEstimator(engine(), PaneEstimator::source);
        WindowSpec request = windowSpec(spec, estimator.engine());
        estimator.checkParameters(request);
        return LiveEstimator.canFollow(estimator, request) ? new LiveEstimator(estimator, request) : null;
    }

    /** One exchange, file or simulator as the desktop configures it: the user's URLs and the app's cache. */
    static MarketDataSource source(SourceSpec spec) {
        return SOURCES.computeIfAbsent(spec.toString(), text -> {
            SourceSpec configured = SourceSettings.apply(spec);
            // Lookup, like for models: a source contributed by a plug-in module is found too.
            for (MarketDataSource registered : Lookup.getDefault().lookupAll(MarketDataSource.class)) {
                if (registered.id().equals(configured.id())) return registered.configure(configured);
            }
            return configured.open();
        });
    }
}
