package org.liqlens.engine;

/**
 * The benchmarks' door to the engine's package-private brute-force reference ({@code NaiveSweep}), so that
 * the naive and the fast heatmap can be timed side by side. Lives in the bench module only: the engine's
 * public API does not change.
 */
public final class EngineBenchAccess {

    private EngineBenchAccess() {}

    /** {@code NaiveSweep}'s heatmap of the request: O(events x live levels + columns x live levels). */
    public static HeatmapGrid naiveHeatmap(LiquidationEngine engine, EstimateRequest request) {
        return engine.naiveHeatmap(request);
    }
}
