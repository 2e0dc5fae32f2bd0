package org.liqlens.desktop.panes;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.liqlens.charts.HeatmapChartFactory;
import org.liqlens.charts.HeatmapStyle;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.load.WindowEstimate;
import org.openide.util.RequestProcessor;

/**
 * Gets a pane's work started before the pane exists. While the platform builds its windows (about a second
 * in which the event thread and the main thread are busy, and a second core is mostly idle), a fresh start can
 * already generate the simulated market of its first pane, run the engine over it and build a heatmap and a
 * map once, so that the pane, when it opens, finds the market in the shared source and the engine and chart
 * code loaded. Results are thrown away: the pane computes its own estimate from its spec as always.
 */
public final class PaneWarmUp {
    private static final Logger LOG = Logger.getLogger(PaneWarmUp.class.getName());
    private static final RequestProcessor WARM_UP = new RequestProcessor("LiqLens warm-up", 1);

    private PaneWarmUp() { }

    /**
     * In the background, estimates {@code spec} once and charts it, keeping only what the shared source keeps
     * (the simulated market). Only for the simulator, whose market is generated locally and then kept; any other
     * spec is ignored.
     */
    public static void prepare(PaneSpec spec) {
        if (!spec.isSimulated()) return;
        WARM_UP.post(() -> {
            try {
                WindowEstimate e = PaneEstimator.estimate(spec, CancelToken.NONE);
                HeatmapChartFactory.create(e.result(), e.sourceName(), true,
                        WorkbenchSettings.heatmapStyle(HeatmapStyle.NEUTRAL_CONTRAST));
                PaneCharts.mapChart(e, spec);
            } catch (RuntimeException ex) {
                LOG.log(Level.FINE, "warm-up of " + spec + " failed; the pane will say why", ex);
            }
        });
    }
}
