package org.liqlens.desktop.confluence;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.beans.PropertyChangeListener;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.TableRowSorter;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.liqlens.charts.WindowLabels;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.panes.PaneScorecards;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.desktop.panes.PaneView;
import org.liqlens.engine.score.LevelVariant;
import org.liqlens.engine.score.ScoreRow;
import org.liqlens.engine.score.ScorecardResult;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;

/**
 * The Scorecard window: does the focused pane's model, at its window, mark levels that price reaches more often
 * than a level at the same distance chosen without the map? The table has every band × horizon (hits, hit rate
 * with its Wilson interval, both baselines, lift with its day-block bootstrap interval against the
 * distance-matched and the recent baseline, the opposite-side lift, the verdict); the chart puts the hit rate
 * beside the distance-matched baseline per horizon, so that volatility timing is never read as attraction.
 * It runs in the background on the data the pane's source can give ({@link PaneScorecards}).
 */
@ConvertAsProperties(dtd = "-//org.liqlens.desktop.confluence//Scorecard//EN", autostore = false)
@TopComponent.Description(preferredID = ScorecardTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "output", openAtStartup = true, position = 15)
@ActionID(category = "Window", id = "org.liqlens.desktop.confluence.ScorecardTopComponent")
@ActionReference(path = "Menu/Window", position = 32)
@TopComponent.OpenActionRegistration(displayName = "#CTL_ScorecardAction", preferredID = ScorecardTopComponent.ID)
@Messages({
    "CTL_ScorecardAction=Scorecard",
    "CTL_Scorecard=Scorecard",
    "HINT_Scorecard=Does the focused pane's model mark levels that price reaches more often than chance at the same distance?",
    "MSG_ScorecardFocus=Click a chart pane: the scorecard of its model and window on its data shows here.",
    "# {0} - pane",
    "MSG_Scoring=Measuring {0} on its data… (in the background)",
    "# {0} - pane",
    "# {1} - error",
    "MSG_ScoreFailed=No scorecard for {0}: {1}",
    "# {0} - symbol",
    "# {1} - model",
    "# {2} - window",
    "# {3} - verdict",
    "# {4} - as-of times",
    "# {5} - first",
    "# {6} - last",
    "MSG_ScoreHeader=<html><b>{0} {1} {2}: {3}</b><br><span style='color:#9A9A9A'>{4} as-of times every 6 h from {5} to {6} UTC. The level is the map''s strongest bucket within ±3 % or ±5 %; lift = hits ÷ the hits a level at the same distance would get (distance-matched over the period; recent: the 3 days before). Intervals: 95 %, day-block bootstrap. An estimate is not a prediction.</span></html>"
})
public final class ScorecardTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    public static final String ID = "LiqLensScorecard";
    private static final String[] COLUMNS = {"band %", "horizon h", "cases", "hits", "hit rate", "hit rate 95 %", "baseline",
        "lift", "lift 95 %", "recent baseline", "lift vs recent", "lift vs recent 95 %", "lift vs opposite", "day blocks", "verdict"};

    private final JLabel header = new JLabel(Bundle.MSG_ScorecardFocus());
    private final RowsModel rows = new RowsModel();
    private final ChartPanel chart = new ChartPanel(null, false, false, false, false, true);
    private transient PaneSpec shown;
    private transient volatile ScorecardResult result;
    private final transient PropertyChangeListener registryListener = e -> {
        if (TopComponent.Registry.PROP_ACTIVATED.equals(e.getPropertyName())
                && TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent pane) {
            follow(pane.spec());
        }
    };

    public ScorecardTopComponent() {
        setName(Bundle.CTL_Scorecard());
        setToolTipText(Bundle.HINT_Scorecard());
        setLayout(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        header.setVerticalAlignment(SwingConstants.TOP);
        add(header, BorderLayout.NORTH);
        JTable table = new FittedTable(rows);
        table.setRowSorter(new TableRowSorter<>(rows));
        table.setFillsViewportHeight(true);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), chart);
        split.setResizeWeight(0.62);
        split.setBorder(null);
        add(split, BorderLayout.CENTER);
    }

    @Override
    protected void componentOpened() {
        TopComponent.getRegistry().addPropertyChangeListener(registryListener);
        if (TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent pane) {
            follow(pane.spec());
        } else {
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                if (tc instanceof ChartPaneTopComponent pane) {
                    follow(pane.spec());
                    break;
                }
            }
        }
    }

    @Override
    protected void componentClosed() {
        TopComponent.getRegistry().removePropertyChangeListener(registryListener);
    }

    /** Shows the scorecard of {@code spec}'s model and window, computing it in the background if needed. EDT. */
    public void follow(PaneSpec spec) {
        PaneSpec asked = spec.withView(PaneView.HEATMAP);
        if (asked.equals(shown)) return;
        shown = asked;
        result = null;
        header.setText(Bundle.MSG_Scoring(asked.title()));
        rows.set(List.of());
        chart.setChart(null);
        PaneScorecards.of(asked).whenComplete((r, error) -> SwingUtilities.invokeLater(() -> {
            if (!asked.equals(shown)) return;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                header.setText(Bundle.MSG_ScoreFailed(asked.title(), String.valueOf(cause.getMessage())));
                return;
            }
            show(r);
        }));
    }

    /** The result shown, or null while none is. */
    public ScorecardResult result() {
        return result;
    }

    private void show(ScorecardResult r) {
        result = r;
        List<ScoreRow> bucket = r.rows().stream().filter(x -> x.variant() == LevelVariant.BUCKET).toList();
        header.setText(Bundle.MSG_ScoreHeader(r.symbol(), r.model(), WindowLabels.format(r.windowMs()), r.verdict(), r.asOfTimes(),
                r.asOfTimes() > 0 ? org.liqlens.desktop.panes.PaneSpec.formatAsOf(r.firstAsOf()) : "–",
                r.asOfTimes() > 0 ? org.liqlens.desktop.panes.PaneSpec.formatAsOf(r.lastAsOf()) : "–"));
        rows.set(bucket.isEmpty() ? r.rows() : bucket);
        chart.setChart(chart(bucket.isEmpty() ? r.rows() : bucket));
        firePropertyChange("result", null, r);
    }

    /** Hit rate (Wilson interval) and the distance-matched baseline per horizon, one pair of series per band. */
    static JFreeChart chart(List<ScoreRow> rows) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<Double> bands = rows.stream().map(ScoreRow::bandPct).distinct().sorted().toList();
        for (double band : bands) {
            String b = String.format(Locale.ROOT, "±%.0f %%", band);
            YIntervalSeries hit = new YIntervalSeries("hit rate " + b);
            YIntervalSeries base = new YIntervalSeries("distance-matched baseline " + b);
            for (ScoreRow r : rows) {
                if (r.bandPct() != band || r.cases() == 0) continue;
                hit.add(r.horizonHours() + (band - bands.get(0)) * 0.15, r.hitRate(), r.hitRateLow(), r.hitRateHigh());
                base.add(r.horizonHours() + (band - bands.get(0)) * 0.15 + 0.3, r.baseline(), r.baseline(), r.baseline());
            }
            data.addSeries(hit);
            data.addSeries(base);
        }
        NumberAxis x = new NumberAxis("horizon (hours)");
        NumberAxis y = new NumberAxis("share of cases touched");
        y.setRange(0, 1.0);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(1.4f));
        Color[] colours = {new Color(0xF5B03E), new Color(0x9A94B4), new Color(0x3FB7C9), new Color(0x6E6A84)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            if (i % 2 == 1) {
                renderer.setSeriesStroke(i, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            }
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Color bg = new Color(0x0E0B1A), text = new Color(0xD8D4E8);
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(new Color(255, 255, 255, 28));
        plot.setRangeGridlinePaint(new Color(255, 255, 255, 28));
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelPaint(text);
            a.setTickLabelPaint(text);
            a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        JFreeChart c = new JFreeChart("Hit rate against a level at the same distance", new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, true);
        c.setBackgroundPaint(bg);
        c.getTitle().setPaint(text);
        c.getLegend().setBackgroundPaint(bg);
        c.getLegend().setItemPaint(text);
        return c;
    }

    private static final class RowsModel extends AbstractTableModel {
        private static final long serialVersionUID = 1L;
        private List<ScoreRow> list = List.of();

        void set(List<ScoreRow> rows) {
            list = List.copyOf(rows);
            fireTableDataChanged();
        }

        @Override public int getRowCount() { return list.size(); }
        @Override public int getColumnCount() { return COLUMNS.length; }
        @Override public String getColumnName(int c) { return COLUMNS[c]; }

        @Override
        public Class<?> getColumnClass(int c) {
            return switch (c) {
                case 0, 1, 4, 6, 7, 9, 10, 12 -> Double.class;
                case 2, 3, 13 -> Integer.class;
                default -> String.class;
            };
        }

        @Override
        public Object getValueAt(int row, int c) {
            ScoreRow r = list.get(row);
            return switch (c) {
                case 0 -> r.bandPct();
                case 1 -> r.horizonHours();
                case 2 -> r.cases();
                case 3 -> r.hits();
                case 4 -> round(r.hitRate());
                case 5 -> interval(r.hitRateLow(), r.hitRateHigh());
                case 6 -> round(r.baseline());
                case 7 -> round(r.lift());
                case 8 -> interval(r.liftLow(), r.liftHigh());
                case 9 -> round(r.baselineRecent());
                case 10 -> round(r.liftRecent());
                case 11 -> interval(r.liftRecentLow(), r.liftRecentHigh());
                case 12 -> round(r.liftOpposite());
                case 13 -> r.dayBlocks();
                default -> r.verdict();
            };
        }

        private static Double round(double v) {
            return Double.isNaN(v) ? null : Math.rint(v * 1000) / 1000;
        }

        private static String interval(double lo, double hi) {
            if (Double.isNaN(lo) || Double.isNaN(hi)) return "–";
            return String.format(Locale.ROOT, "%.3f – %.3f", lo, hi);
        }
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1");
    }

    void readProperties(java.util.Properties p) {
        // follows the focused pane; nothing to restore
    }

}
