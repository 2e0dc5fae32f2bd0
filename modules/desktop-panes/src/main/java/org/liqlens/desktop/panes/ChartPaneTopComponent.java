package org.liqlens.desktop.panes;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.liqlens.charts.HeatmapChartFactory;
import org.liqlens.charts.MapChartFactory;
import org.liqlens.engine.Coverage;
import org.liqlens.engine.EstimateResult;
import org.liqlens.sources.CancelToken;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * A docked chart pane for one {@link PaneSpec}: the liquidation heatmap or the liquidation map. The estimate runs on a background
 * {@link RequestProcessor} with a cancellable NetBeans progress bar; the EDT only swaps in the finished
 * chart. Panes are not persisted by the window system (PERSISTENCE_NEVER): which panes to reopen is the
 * workspace's job, not a serialised Swing tree's.
 */
@TopComponent.Description(preferredID = "LiqLensChartPane", persistenceType = TopComponent.PERSISTENCE_NEVER)
@Messages({
    "# {0} - pane title",
    "MSG_Estimating=Estimating {0}…",
    "MSG_Loading=Loading market data…",
    "MSG_Cancelled=Cancelled. Close and reopen the pane to estimate again.",
    "# {0} - error message",
    "MSG_Failed=Could not estimate this pane: {0}",
    "# {0} - pane title",
    "HINT_Heatmap=Liquidation heatmap: {0}",
    "# {0} - pane title",
    "HINT_Map=Liquidation map: {0}",
    "# {0} - pane title",
    "# {1} - coverage percentage",
    "TITLE_Partial={0} (data covers {1})",
    "# {0} - source",
    "# {1} - coverage description",
    "MSG_Coverage={0} · {1}",
    "# {0} - source",
    "# {1} - coverage description",
    "MSG_PartialCoverage=⚠ {0} · {1}: this pane shows only that"
})
public final class ChartPaneTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ChartPaneTopComponent.class.getName());
    /** Shared by every pane: two estimates at a time keeps a 2-core machine responsive. */
    private static final RequestProcessor ESTIMATES = new RequestProcessor("LiqLens estimates", 2, true);
    /** Set to Boolean.TRUE once a chart is showing; tests and tools read it. */
    public static final String PROPERTY_READY = "liqlens.heatmap.ready";

    private final PaneSpec spec;
    private final PaneKind kind;
    private final JLabel status = new JLabel("", SwingConstants.CENTER);
    /** Below the chart: the source and what its data covers of the window. */
    private final JLabel footer = new JLabel("", SwingConstants.LEFT);
    private transient RequestProcessor.Task task;
    private transient CancelToken cancel;
    private transient EstimateResult result;

    public ChartPaneTopComponent(PaneSpec spec, PaneKind kind) {
        this.spec = spec;
        this.kind = kind;
        String title = spec.title(kind);
        setName(title);
        setDisplayName(title);
        setToolTipText(kind == PaneKind.HEATMAP ? Bundle.HINT_Heatmap(title) : Bundle.HINT_Map(title));
        setLayout(new BorderLayout());
        status.setForeground(new Color(0x9A94B4));
        status.setFont(status.getFont().deriveFont(Font.PLAIN, 13f));
        setBackground(new Color(0x0E0B1A));
        setOpaque(true);
        add(status, BorderLayout.CENTER);
    }

    /** Opens a pane for {@code spec} docked in its kind's mode and makes it active. */
    public static ChartPaneTopComponent open(PaneSpec spec, PaneKind kind) {
        ChartPaneTopComponent tc = new ChartPaneTopComponent(spec, kind);
        Mode mode = WindowManager.getDefault().findMode(kind.mode());
        if (mode != null) mode.dockInto(tc);
        tc.open();
        tc.requestActive();
        return tc;
    }

    public PaneSpec spec() { return spec; }

    public PaneKind kind() { return kind; }

    /** The estimate this pane shows, or null while it is being computed. */
    public EstimateResult result() { return result; }

    @Override
    protected void componentOpened() {
        if (task == null) startEstimate();
    }

    @Override
    protected void componentClosed() {
        if (cancel != null) cancel.cancel();
        if (task != null) task.cancel();
    }

    private void startEstimate() {
        status.setText(Bundle.MSG_Loading());
        // A source that retries says why here, so a slow or failing exchange is never a silent pane.
        CancelToken token = CancelToken.create(message -> SwingUtilities.invokeLater(() -> status.setText(message)));
        cancel = token;
        task = ESTIMATES.create(() -> estimate(token));
        task.schedule(0);
    }

    /** Runs off the EDT. */
    private void estimate(CancelToken token) {
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Estimating(getName()), () -> {
            token.cancel();
            return true;
        });
        progress.start();
        try {
            progress.switchToIndeterminate();
            long started = System.nanoTime();
            EstimateResult r = PaneEstimator.estimate(spec, kind, token);
            long estimated = System.nanoTime();
            String label = PaneEstimator.sourceLabel(spec);
            JFreeChart chart = kind == PaneKind.HEATMAP
                    ? HeatmapChartFactory.create(r, label, spec.isSimulated())
                    : MapChartFactory.create(r, label, spec.isSimulated(), PlotOrientation.HORIZONTAL);
            long charted = System.nanoTime();
            SwingUtilities.invokeLater(() -> {
                show(r, chart);
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.log(Level.INFO, "{0}: load + estimate {1} ms, chart {2} ms; shown {3} ms after JVM start",
                        new Object[] {getName(), (estimated - started) / 1_000_000, (charted - estimated) / 1_000_000, sinceJvmStart});
            });
        } catch (CancellationException ex) {
            SwingUtilities.invokeLater(() -> status.setText(Bundle.MSG_Cancelled()));
        } catch (RuntimeException ex) {
            LOG.log(Level.INFO, "estimate failed for " + spec, ex);
            String message = ex.getMessage() != null ? ex.getMessage() : ex.toString();
            SwingUtilities.invokeLater(() -> status.setText(Bundle.MSG_Failed(message)));
        } finally {
            progress.finish();
        }
    }

    private void show(EstimateResult r, JFreeChart chart) {
        result = r;
        ChartPanel panel = new ChartPanel(chart, false, true, true, true, true);
        panel.setMouseWheelEnabled(true);
        panel.setMouseZoomable(true);
        panel.setMaximumDrawWidth(4096);
        panel.setMaximumDrawHeight(4096);
        panel.setMinimumDrawWidth(200);
        panel.setMinimumDrawHeight(150);
        removeAll();
        add(panel, BorderLayout.CENTER);
        showCoverage(r, PaneEstimator.sourceLabel(spec));
        add(footer, BorderLayout.SOUTH);
        revalidate();
        repaint();
        putClientProperty(PROPERTY_READY, Boolean.TRUE);
    }

    /**
     * Says what the data covers: a line below the chart, and in the title and tab when the window is not
     * wholly covered, so that a partial map is never taken for the one asked for.
     */
    private void showCoverage(EstimateResult r, String sourceLabel) {
        Coverage c = r.coverage();
        String title = spec.title(kind);
        footer.setBorder(javax.swing.BorderFactory.createEmptyBorder(3, 8, 3, 8));
        footer.setFont(footer.getFont().deriveFont(Font.PLAIN, 11.5f));
        if (c.isComplete()) {
            footer.setForeground(new Color(0x9A94B4));
            footer.setText(Bundle.MSG_Coverage(sourceLabel, c.describe()));
            setDisplayName(title);
        } else {
            footer.setForeground(new Color(0xF2B84B));
            footer.setText(Bundle.MSG_PartialCoverage(sourceLabel, c.describe()));
            setDisplayName(Bundle.TITLE_Partial(title, c.percent()));
        }
        footer.setToolTipText(footer.getText());
    }
}
