package org.liqlens.desktop.panes;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.lang.management.ManagementFactory;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.PreferenceChangeListener;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.liqlens.engine.Coverage;
import org.liqlens.engine.EstimateResult;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.live.LiveEstimator;
import org.liqlens.sources.load.WindowEstimate;
import org.netbeans.api.progress.ProgressHandle;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * A docked chart pane for one {@link PaneSpec}: a toolbar to change what it shows, the liquidation heatmap,
 * the map or both, and a status line saying where the data came from and what it covers. The estimate runs
 * on a background {@link RequestProcessor} with a cancellable NetBeans progress bar, and a new spec cancels
 * the run it replaces; the EDT only swaps in the finished charts.
 *
 * <p>The window system keeps open panes across a restart (PERSISTENCE_ONLY_OPENED): it stores the spec
 * through {@link #writeProperties}, and a restored pane recomputes from it.
 */
@ConvertAsProperties(dtd = "-//org.liqlens.desktop.panes//ChartPane//EN", autostore = false)
@TopComponent.Description(preferredID = "LiqLensChartPane", persistenceType = TopComponent.PERSISTENCE_ONLY_OPENED)
@Messages({
    "# {0} - pane title",
    "MSG_Estimating=Estimating {0}…",
    "MSG_Loading=Loading market data…",
    "MSG_Cancelled=Cancelled. Change any field in the toolbar to estimate again.",
    "# {0} - error message",
    "MSG_Failed=This pane cannot be estimated: {0}",
    "# {0} - model id",
    "# {1} - installed model ids",
    "MSG_ModelGone=Model {0} is not installed any more (its module was disabled or uninstalled). Choose another model in the toolbar: {1}.",
    "# {0} - problem",
    "MSG_BadField=Not applied: {0}",
    "# {0} - problem",
    "MSG_BadStoredPane=The stored pane could not be read ({0}); showing the default instead.",
    "# {0} - pane title",
    "HINT_Pane=Liquidation estimate: {0}. An estimate from public data and leverage assumptions, not a prediction.",
    "# {0} - pane title",
    "# {1} - coverage percentage",
    "TITLE_Partial={0} (data covers {1})",
    "# {0} - source",
    "# {1} - data kind",
    "# {2} - coverage description",
    "MSG_Coverage={0} ({1}) · {2}",
    "# {0} - source",
    "# {1} - data kind",
    "# {2} - coverage description",
    "MSG_PartialCoverage=⚠ {0} ({1}) · {2}: this pane shows only that",
    "KIND_Simulated=simulated",
    "KIND_File=file",
    "KIND_Cached=cached",
    "KIND_Live=live",
    "LBL_Contrast=contrast",
    "BADGE_Scoring=scorecard: measuring…",
    "BADGE_None=scorecard: n/a",
    "# {0} - short verdict",
    "BADGE_Verdict=scorecard: {0}",
    "TIP_Badge=Is this model's strongest level touched more often than a level at the same distance chosen without the map? Window › Scorecard shows the table.",
    "# {0} - reason",
    "TIP_BadgeNone=No scorecard for this pane: {0}",
    "# {0} - verdict",
    "# {1} - number of as-of times",
    "TIP_BadgeVerdict=<html>Measured on this pane''s data ({1} as-of times): <b>{0}</b>.<br>An estimate is not a prediction; Window › Scorecard shows hit rates against the distance-matched and recent baselines.</html>"
})
public final class ChartPaneTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ChartPaneTopComponent.class.getName());
    /** Shared by every pane: two estimates at a time keeps a 2-core machine responsive. */
    static final RequestProcessor ESTIMATES = new RequestProcessor("LiqLens estimates", 2, true);
    /** Set to Boolean.TRUE once a chart is showing; tests and tools read it. */
    public static final String PROPERTY_READY = "liqlens.heatmap.ready";
    /** Fired (on the EDT) when the pane shows a new estimate; the focused-map window listens. */
    public static final String PROP_ESTIMATE = "estimate";
    static final Color BACKGROUND = new Color(0x0E0B1A);
    static final Color MUTED = new Color(0x9A94B4);
    static final Color WARNING = new Color(0xF2B84B);

    private PaneSpec spec;
    private final PaneToolbar toolbar;
    private final PaneCharts charts;
    private final JLabel message = new JLabel("", SwingConstants.CENTER);
    /** Below the chart: the source, what kind of data, what it covers of the window; the cursor readout at the right. */
    private final JLabel footer = new CappedLabel("", SwingConstants.LEFT, 160);
    private final JLabel readout = new JLabel("", SwingConstants.RIGHT);
    /** The model's record on this pane's data, in a few honest words (Window › Scorecard has the table). */
    private final JLabel scoreBadge = new JLabel("");
    /** The spec the badge was computed for: a live update does not recompute it. */
    private transient PaneSpec badgeFor;
    /** Above the chart: a problem that the user should see at once (a dropped live feed, a refused edit). */
    private final JLabel banner = new CappedLabel("", SwingConstants.LEFT, 160);
    private final JPanel body = new JPanel(new BorderLayout());
    private transient RequestProcessor.Task task;
    private transient CancelToken cancel;
    private transient EstimateResult result;
    /** The estimate with, for `all`, each exchange's part; null while none is shown. */
    private transient WindowEstimate estimate;
    /** Incremented per estimate started: a result from a replaced run is dropped, never shown. */
    private transient int generation;
    private transient PaneLiveUpdates live;
    /** The live window this pane moves forward candle by candle, for the spec it was made for; null until needed. */
    private transient volatile Following following;

    /** A live estimator and the spec it follows: a pane whose spec changed must not reuse its predecessor's window. */
    private record Following(PaneSpec spec, LiveEstimator estimator) { }
    private final transient PreferenceChangeListener settingsListener = e -> SwingUtilities.invokeLater(this::settingsChanged);

    /** For the window system, which restores a pane and then calls {@link #readProperties}. */
    public ChartPaneTopComponent() {
        this(PaneSpec.DEFAULT);
    }

    public ChartPaneTopComponent(PaneSpec spec) {
        this.spec = spec;
        setLayout(new BorderLayout());
        setBackground(BACKGROUND);
        setOpaque(true);
        toolbar = new PaneToolbar(spec, this::setSpec, problem -> showBanner(Bundle.MSG_BadField(problem), WARNING));
        toolbar.onModelsChanged = this::modelsChanged;
        charts = new PaneCharts(this);
        toolbar.contrast.addChangeListener(e -> charts.setContrast(toolbar.contrast.getValue()));
        add(toolbar, BorderLayout.NORTH);
        message.setForeground(MUTED);
        message.setFont(message.getFont().deriveFont(Font.PLAIN, 13f));
        body.setBackground(BACKGROUND);
        body.add(message, BorderLayout.CENTER);
        banner.setOpaque(true);
        banner.setBackground(new Color(0x3A2A10));
        banner.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        banner.setVisible(false);
        body.add(banner, BorderLayout.NORTH);
        add(body, BorderLayout.CENTER);
        JPanel status = new JPanel(new BorderLayout());
        status.setBackground(BACKGROUND);
        status.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        for (JLabel l : new JLabel[] {footer, readout}) {
            l.setFont(l.getFont().deriveFont(Font.PLAIN, 11.5f));
            l.setForeground(MUTED);
        }
        status.add(footer, BorderLayout.CENTER);
        JPanel right = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 6, 0));
        right.setOpaque(false);
        right.add(readout);
        scoreBadge.setFont(scoreBadge.getFont().deriveFont(Font.PLAIN, 11f));
        scoreBadge.setForeground(MUTED);
        right.add(scoreBadge);
        scoreBadge.setCursor(java.awt.Cursor.getPredefinedCursor(java.awt.Cursor.HAND_CURSOR));
        scoreBadge.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                // By its ID: the Scorecard window lives in a module that depends on this one.
                TopComponent scorecard = WindowManager.getDefault().findTopComponent("LiqLensScorecard");
                if (scorecard != null) {
                    scorecard.open();
                    scorecard.requestVisible();
                    requestActive();
                }
            }
        });
        JLabel contrastLabel = new JLabel(Bundle.LBL_Contrast());
        contrastLabel.setFont(contrastLabel.getFont().deriveFont(Font.PLAIN, 11f));
        contrastLabel.setForeground(MUTED);
        right.add(contrastLabel);
        right.add(toolbar.contrast);
        status.add(right, BorderLayout.EAST);
        add(status, BorderLayout.SOUTH);
        updateTitle(null);
    }

    /** Opens a pane for {@code spec} docked in mode {@code modeName} (the editor area when null or unknown). */
    public static ChartPaneTopComponent open(PaneSpec spec, String modeName) {
        ChartPaneTopComponent tc = new ChartPaneTopComponent(spec);
        Mode mode = WindowManager.getDefault().findMode(modeName == null ? "editor" : modeName);
        if (mode == null) mode = WindowManager.getDefault().findMode("editor");
        if (mode != null) mode.dockInto(tc);
        tc.open();
        return tc;
    }

    public PaneSpec spec() { return spec; }

    /** The estimate this pane shows, or null while the first one is being computed. */
    public EstimateResult result() { return result; }

    /** What {@link #result()} came from, with each exchange's part for the `all` source; null while computing. */
    public WindowEstimate estimate() { return estimate; }

    /** Shows {@code next} from now on: the toolbar follows, and the estimate is recomputed in the background. */
    public void setSpec(PaneSpec next) {
        if (next.equals(spec)) return;
        boolean dataChanged = !next.withView(spec.view()).equals(spec);
        PaneSpec old = spec;
        spec = next;
        toolbar.show(next);
        hideBanner();
        updateTitle(result);
        if (dataChanged) {
            startEstimate(false);
            if (isOpened()) restartLive();
        } else {
            charts.show(result, next.view(), false); // only the view changed: same numbers, other picture
        }
        firePropertyChange("spec", old, next);
    }

    @Override
    protected void componentOpened() {
        WorkbenchSettings.addListener(settingsListener);
        SourceSettings.preferences().addPreferenceChangeListener(settingsListener);
        charts.opened();
        if (task == null) startEstimate(false);
        restartLive();
    }

    @Override
    protected void componentClosed() {
        WorkbenchSettings.removeListener(settingsListener);
        SourceSettings.preferences().removePreferenceChangeListener(settingsListener);
        charts.closed();
        if (cancel != null) cancel.cancel();
        if (task != null) task.cancel();
        if (live != null) live.stop();
        live = null;
    }

    private void settingsChanged() {
        if (!isOpened()) return;
        following = null; // ladder, MMR or URLs: load the window again with them
        PaneScorecards.clear();
        badgeFor = null;
        charts.restyle();
        startEstimate(true); // ladder, MMR or URLs may have changed: the numbers with them
        restartLive();
    }

    private void restartLive() {
        if (live != null) live.stop();
        live = spec.isLive() ? PaneLiveUpdates.start(this, spec) : null;
        if (live == null) showFooter(result);
    }

    /** A live feed delivered a closed candle: move the window over it and recompute, keeping zoom and scroll. */
    void liveCandleClosed(Candle closed) {
        Following f = following;
        if (f != null && f.estimator() != null) f.estimator().offer(closed);
        startEstimate(true);
    }

    /** The live feed's state for a person, or null when all is well. */
    void liveProblem(String text) {
        if (text == null) hideBanner();
        else showBanner(text, WARNING);
    }

    void liveStatusChanged() {
        showFooter(result);
    }

    /**
     * @param quiet true for a refresh of what is already shown (live update, settings): the chart stays up
     *              and the zoom is kept, instead of the pane going back to "Loading…"
     */
    void startEstimate(boolean quiet) {
        modelMissing = PaneEstimator.engine().models().stream().noneMatch(m -> m.id().equals(spec.modelId()));
        if (cancel != null) cancel.cancel();
        if (task != null) task.cancel();
        int run = ++generation;
        if (!quiet || result == null) showShortMessage(Bundle.MSG_Loading());
        // A source that retries says why here, so a slow or failing exchange is never a silent pane.
        CancelToken token = CancelToken.create(text -> SwingUtilities.invokeLater(() -> {
            if (run == generation) showBanner(text, WARNING);
        }));
        cancel = token;
        PaneSpec asked = spec;
        boolean first = FirstEstimateGate.claim(asked);
        task = ESTIMATES.create(() -> estimate(asked, token, run, quiet, first));
        task.schedule(0);
    }

    /**
     * A model module came or went (on the EDT). A pane whose model left says so, drops its picture and names the
     * models it can switch to; a pane waiting for its model recomputes when the model comes back.
     */
    private void modelsChanged() {
        boolean installed = PaneEstimator.engine().models().stream().anyMatch(m -> m.id().equals(spec.modelId()));
        if (!installed && !modelMissing) {
            modelMissing = true;
            generation++;
            if (cancel != null) cancel.cancel();
            result = null;
            estimate = null;
            charts.clear();
            showMessage(Bundle.MSG_ModelGone(spec.modelId(), String.join(", ",
                    PaneEstimator.engine().models().stream().map(m -> m.id()).toList())));
            updateTitle(null);
            putClientProperty(PROPERTY_READY, null);
            firePropertyChange(PROP_ESTIMATE, null, null);
        } else if (installed && modelMissing) {
            modelMissing = false;
            // only a pane that has nothing to show recomputes: Lookup also fires while the platform starts, and a
            // pane already showing its model must not start over (and drop a highlighted band) for that
            if (result == null) startEstimate(false);
        }
    }

    /** True while this pane's model is not installed (see {@link #modelsChanged}). */
    private boolean modelMissing;

    /**
     * Runs off the EDT. {@code first}: the run's first estimate, which opens the {@link FirstEstimateGate} once it is
     * painted or has failed; every other estimate waits at the gate first.
     */
    private void estimate(PaneSpec asked, CancelToken token, int run, boolean quiet, boolean first) {
        if (!first) {
            try {
                FirstEstimateGate.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt(); // cancelled while waiting: a newer run replaces this one
                return;
            }
        }
        boolean shown = false;
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Estimating(asked.title()), () -> {
            token.cancel();
            return true;
        });
        progress.start();
        try {
            progress.switchToIndeterminate();
            long started = System.nanoTime();
            WindowEstimate r = asked.isLive() ? estimateLive(asked, token) : PaneEstimator.estimate(asked, token);
            long estimated = System.nanoTime();
            PaneCharts.Prepared prepared = charts.prepare(r, asked);
            long charted = System.nanoTime();
            shown = true;
            SwingUtilities.invokeLater(() -> {
                if (run != generation) { // replaced while it ran
                    if (first) FirstEstimateGate.open();
                    return;
                }
                show(r, prepared, quiet);
                // after the repaint that show() asked for, which the event queue runs before this
                if (first) SwingUtilities.invokeLater(FirstEstimateGate::open);
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.log(Level.FINE, "{0}: load + estimate {1} ms, chart {2} ms; shown {3} ms after JVM start",
                        new Object[] {asked.title(), (estimated - started) / 1_000_000, (charted - estimated) / 1_000_000, sinceJvmStart});
            });
        } catch (CancellationException ex) {
            SwingUtilities.invokeLater(() -> {
                if (run == generation) showMessage(Bundle.MSG_Cancelled());
            });
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "estimate failed for " + asked, ex);
            String text = ex.getMessage() != null ? ex.getMessage() : ex.toString();
            SwingUtilities.invokeLater(() -> {
                if (run != generation) return;
                result = null;
                estimate = null;
                charts.clear();
                showMessage(Bundle.MSG_Failed(text));
                updateTitle(null);
                putClientProperty(PROPERTY_READY, null);
                firePropertyChange(PROP_ESTIMATE, null, null);
            });
        } finally {
            progress.finish();
            if (first && !shown) FirstEstimateGate.open();
        }
    }

    /**
     * A live pane keeps its window in memory and moves it over each closed candle, so a minute costs one engine
     * run and no download; `all` and trade-based models are loaded afresh. Runs off the EDT.
     */
    private WindowEstimate estimateLive(PaneSpec asked, CancelToken token) {
        Following f = following;
        if (f == null || !f.spec().equals(asked)) {
            f = new Following(asked, PaneEstimator.follow(asked));
            following = f;
        }
        return f.estimator() != null ? f.estimator().estimate(token) : PaneEstimator.estimate(asked, token);
    }

    private void show(WindowEstimate e, PaneCharts.Prepared prepared, boolean keepZoom) {
        EstimateResult old = result;
        EstimateResult r = e.result();
        estimate = e;
        result = r;
        hideBanner();
        body.remove(message);
        JComponent view = charts.install(prepared, spec.view(), keepZoom);
        if (view.getParent() != body) body.add(view, BorderLayout.CENTER);
        showFooter(r);
        updateTitle(r);
        body.revalidate();
        body.repaint();
        putClientProperty(PROPERTY_READY, Boolean.TRUE);
        firePropertyChange(PROP_ESTIMATE, old, r);
        if (!spec.withView(PaneView.HEATMAP).equals(badgeFor)) refreshBadge();
    }

    /** Asks for the scorecard of this pane's model and window (in the background) and shows its verdict. EDT. */
    private void refreshBadge() {
        PaneSpec asked = spec.withView(PaneView.HEATMAP);
        badgeFor = asked;
        scoreBadge.setText(Bundle.BADGE_Scoring());
        scoreBadge.setToolTipText(Bundle.TIP_Badge());
        PaneScorecards.of(asked).whenComplete((result, error) -> SwingUtilities.invokeLater(() -> {
            if (!asked.equals(badgeFor)) return;
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                scoreBadge.setText(Bundle.BADGE_None());
                scoreBadge.setToolTipText(Bundle.TIP_BadgeNone(String.valueOf(cause.getMessage())));
            } else {
                scoreBadge.setText(Bundle.BADGE_Verdict(PaneScorecards.shortVerdict(result.verdict())));
                scoreBadge.setToolTipText(Bundle.TIP_BadgeVerdict(result.verdict(), result.asOfTimes()));
            }
        }));
    }

    /** The badge's text, for tests: "scorecard: …". */
    public String scoreBadgeText() {
        return scoreBadge.getText();
    }

    private void showMessage(String text) {
        charts.detach(body);
        message.setText("<html><div style='text-align:center;width:420px'>" + escape(text) + "</div></html>");
        if (message.getParent() != body) body.add(message, BorderLayout.CENTER);
        body.revalidate();
        body.repaint();
    }

    /** A one-line message, as plain text: the first HTML label of a run costs the event thread the HTML engine's start. */
    private void showShortMessage(String text) {
        charts.detach(body);
        message.setText(text);
        if (message.getParent() != body) body.add(message, BorderLayout.CENTER);
        body.revalidate();
        body.repaint();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void showBanner(String text, Color colour) {
        banner.setForeground(colour);
        banner.setText(text);
        banner.setToolTipText(text);
        banner.setVisible(true);
    }

    private void hideBanner() {
        banner.setVisible(false);
    }

    /** The price of the linked cursor this pane draws (its own or another pane's), or null; tests and tools read it. */
    public Double cursorPrice() {
        CursorBus.Cursor c = charts.cursor().current();
        return c == null ? null : c.price();
    }

    /** The readout under the chart: the cursor's price and the notional there. */
    public String readout() {
        return readout.getText();
    }

    void setReadout(String text) {
        readout.setText(text == null ? "" : text);
    }

    /** What kind of data this pane shows: simulated, file, live, or cached (an exchange at a past as-of). */
    String dataKind() {
        if (spec.isSimulated()) return Bundle.KIND_Simulated();
        if (spec.isFile()) return Bundle.KIND_File();
        if (live != null) return live.describe();
        return Bundle.KIND_Cached();
    }

    /**
     * Says what the data covers: a line below the chart, and in the title and tab when the window is not
     * wholly covered, so that a partial map is never taken for the one asked for.
     */
    private void showFooter(EstimateResult r) {
        String source = spec.sourceLabel();
        if (r == null) {
            footer.setText(source + " (" + dataKind() + ")");
            footer.setForeground(MUTED);
            return;
        }
        Coverage c = r.coverage();
        if (c.isComplete()) {
            footer.setForeground(live != null && live.isStale() ? WARNING : MUTED);
            footer.setText(Bundle.MSG_Coverage(source, dataKind(), c.describe()));
        } else {
            footer.setForeground(WARNING);
            footer.setText(Bundle.MSG_PartialCoverage(source, dataKind(), c.describe()));
        }
        footer.setToolTipText(footer.getText());
    }

    private void updateTitle(EstimateResult r) {
        String title = spec.title();
        setName(title);
        setDisplayName(r != null && !r.coverage().isComplete() ? Bundle.TITLE_Partial(title, r.coverage().percent()) : title);
        setToolTipText(Bundle.HINT_Pane(title));
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_ONLY_OPENED;
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1");
        p.setProperty("contrast", Integer.toString(contrast()));
        spec.store(p, "pane.");
    }

    /** Shades the price band {@code [low, high]} on this pane's heatmap and map (the Zones window's selection). EDT. */
    public void highlightBand(double low, double high) {
        charts.highlight(low, high);
    }

    public void clearHighlight() {
        charts.clearHighlight();
    }

    /** The band {@link #highlightBand} shades, {low, high}, or null. */
    public double[] highlightedBand() {
        return charts.highlighted();
    }

    /** The heatmap contrast, 0..100 with 50 neutral: a view setting, saved with the pane and its workspace. */
    public int contrast() {
        return toolbar.contrast.getValue();
    }

    /** Sets the contrast slider, which restyles the heatmap without recomputing. EDT. */
    public void setContrast(int contrast) {
        toolbar.contrast.setValue(Math.max(0, Math.min(100, contrast)));
    }

    private static int parseContrast(String text) {
        try {
            return text == null ? 50 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 50; // a hand-edited settings file: the neutral view, the spec still restores
        }
    }

    void readProperties(Properties p) {
        try {
            PaneSpec restored = PaneSpec.fromProperties(p, "pane.");
            setContrast(parseContrast(p.getProperty("contrast")));
            spec = restored;
            toolbar.show(restored);
            updateTitle(null);
        } catch (IllegalArgumentException e) {
            showBanner(Bundle.MSG_BadStoredPane(e.getMessage()), WARNING);
        }
    }
}
