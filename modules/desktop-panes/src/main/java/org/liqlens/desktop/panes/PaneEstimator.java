package org.liqlens.desktop.panes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowLoader;
import org.openide.util.Lookup;

/**
 * Loads a pane's window and runs the engine for it, off the EDT, through exactly the path
 * {@code liqlens-cli map|heatmap} takes ({@link SourceSpec}, {@link WindowLoader}, {@link LiquidationEngine}),
 * so a pane shows the numbers the CLI prints for the same source, symbol, model, window and as-of.
 */
final class PaneEstimator {
    /** Heatmap resolution of a pane: enough for a full-screen pane without being wasteful. */
    static final int COLUMNS = 480;
    static final int BUCKETS = 400;

    /**
     * Configured sources by spec text, so panes on one source share its in-memory data (the sim's series).
     * Cleared when the source settings change.
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

    /** Runs off the EDT. Always computes the time grid too, so a pane can switch view without recomputing. */
    static EstimateResult estimate(PaneSpec spec, CancelToken cancel) {
        LiquidationEngine engine = engine();
        LiquidationModel model = engine.model(spec.modelId());
        java.util.Map<String, Double> params = WorkbenchSettings.effectiveParams(model.parameters(), spec.params());
        engine.checkParameters(model.id(), spec.symbol(), params, null); // before any download
        WindowLoader.Loaded loaded = WindowLoader.load(source(spec), spec.symbol(), model.requiredInputs(), spec.asOfMs(),
                spec.windowMs(), cancel);
        EstimateRequest request = EstimateRequest.builder(loaded.inputs(), model.id())
                .asOf(loaded.asOfMs())
                .window(spec.windowMs())
                .params(params)
                .buckets(BUCKETS)
                .columns(COLUMNS)
                .cancelled(cancel::isCancelled)
                .build();
        return engine.estimate(request);
    }

    static String sourceLabel(PaneSpec spec) {
        return source(spec).displayName();
    }

    static MarketDataSource source(PaneSpec spec) {
        return SOURCES.computeIfAbsent(spec.source(), text -> {
            SourceSpec parsed = SourceSettings.apply(SourceSpec.parse(text));
            // Lookup, like for models: a source contributed by a plug-in module is found too.
            for (MarketDataSource registered : Lookup.getDefault().lookupAll(MarketDataSource.class)) {
                if (registered.id().equals(parsed.id())) return registered.configure(parsed);
            }
            return parsed.open();
        });
    }
}
