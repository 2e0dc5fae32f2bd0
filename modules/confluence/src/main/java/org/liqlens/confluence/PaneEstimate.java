package org.liqlens.confluence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.liqlens.charts.WindowLabels;
import org.liqlens.engine.EstimateResult;
import org.liqlens.sources.load.WindowEstimate;

/**
 * One pane of a confluence analysis or bundle: an estimate of one source, symbol, model and window at one
 * as-of time, with the name it goes by in the tables, the prompt and the bundle's file names.
 *
 * @param name        the pane's name, e.g. {@code m1-12h}; {@link Panes#uniqueNames} makes names unique and
 *                    safe as file names
 * @param modelId     the model, e.g. {@code m1}
 * @param windowMs    the look-back W
 * @param parameters  the model parameters as resolved (for the manifest); iteration order is kept
 * @param result      the estimate; a bundle needs its heatmap (columns &gt; 0)
 * @param sourceLabel where the data came from, as the charts' subtitle says it ("Binance USDⓈ-M", a file name)
 * @param simulated   true for the simulated market: the charts then say so
 */
public record PaneEstimate(String name, String modelId, long windowMs, Map<String, Double> parameters,
                           EstimateResult result, String sourceLabel, boolean simulated) {

    public PaneEstimate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(sourceLabel, "sourceLabel");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A pane named after its model and window ({@code m1-12h}), with the estimate's own parameters. */
    public static PaneEstimate of(EstimateResult result, String sourceLabel, boolean simulated) {
        return new PaneEstimate(defaultName(result.modelId(), result.windowMs()), result.modelId(), result.windowMs(),
                result.parameters(), result, sourceLabel, simulated);
    }

    /** The desktop's and the CLI's estimate as it comes from {@code WindowEstimator}. */
    public static PaneEstimate of(WindowEstimate estimate, boolean simulated) {
        return of(estimate.result(), estimate.sourceName(), simulated);
    }

    /** {@code model-window}, e.g. {@code m1-12h}, {@code m3-3d}. */
    public static String defaultName(String modelId, long windowMs) {
        return modelId + "-" + WindowLabels.format(windowMs);
    }

    /** The window as analysts write it: 12h, 3d. */
    public String windowLabel() {
        return WindowLabels.format(windowMs);
    }

    /** The same pane under another name. */
    public PaneEstimate withName(String newName) {
        return new PaneEstimate(newName, modelId, windowMs, parameters, result, sourceLabel, simulated);
    }
}
