package org.liqlens.desktop.panes;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.sim.SimulatedMarket;

/**
 * Loads a pane's market data and runs the engine for it, off the EDT. The engine is the same one the CLI
 * and the export use, so a pane shows exactly the numbers {@code liqlens-cli} prints for the same spec.
 */
final class PaneEstimator {
    /** Heatmap resolution of a pane: enough for a full-screen pane without being wasteful. */
    static final int COLUMNS = 480;
    static final int BUCKETS = 400;

    private static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    /** Simulated markets by seed: several panes on the same seed share one generated series. */
    private static final ConcurrentHashMap<Long, SimulatedMarket.Data> SIMULATED = new ConcurrentHashMap<>();

    private PaneEstimator() { }

    static EstimateResult estimate(PaneSpec spec, BooleanSupplier cancelled) {
        MarketInputs inputs = load(spec);
        long asOf = inputs.candles().lastCloseTime() + 1;
        EstimateRequest request = EstimateRequest.builder(inputs, spec.modelId())
                .asOf(asOf)
                .window(spec.windowMs())
                .buckets(BUCKETS)
                .columns(COLUMNS)
                .cancelled(cancelled)
                .build();
        return ENGINE.estimate(request);
    }

    static String sourceLabel(PaneSpec spec) {
        if (spec.isSimulated()) return "simulated market, seed " + seed(spec);
        return spec.source();
    }

    private static MarketInputs load(PaneSpec spec) {
        if (!spec.isSimulated()) {
            throw new IllegalArgumentException("source '" + spec.source() + "' is not available in this build yet");
        }
        SimulatedMarket.Data data = SIMULATED.computeIfAbsent(seed(spec),
                s -> SimulatedMarket.generate(spec.symbol(), s, SimulatedMarket.DEFAULT_END_MS, SimulatedMarket.DEFAULT_DAYS));
        return new MarketInputs(data.candles1m(), data.openInterest5m(), null);
    }

    private static long seed(PaneSpec spec) {
        int colon = spec.source().indexOf(':');
        return colon < 0 ? SimulatedMarket.DEFAULT_SEED : Long.parseLong(spec.source().substring(colon + 1));
    }
}
