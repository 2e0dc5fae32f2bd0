package org.liqlens.desktop.panes;

import java.awt.BorderLayout;
import java.awt.Container;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.liqlens.charts.HeatmapChartFactory;
import org.liqlens.charts.MapChartFactory;
import org.liqlens.engine.EstimateResult;
import org.liqlens.sources.load.WindowEstimate;

/**
 * The charts inside a pane: the heatmap, the map, or both side by side with the map's price axis following
 * the heatmap's. Charts are built off the EDT ({@link #prepare}); installing them keeps what the user zoomed
 * or scrolled to, so a live update or a settings change never throws the view back to the full window.
 */
final class PaneCharts {

    /** Charts built for one estimate, off the EDT. */
    record Prepared(EstimateResult result, JFreeChart heatmap, JFreeChart map) { }

    /** A map bar's tooltip for the `all` source: the price and each exchange's share of the bucket. */
    private static org.jfree.chart.labels.XYToolTipGenerator exchangeShares(WindowEstimate e) {
        java.text.DecimalFormat price = new java.text.DecimalFormat("#,##0.##");
        return (dataset, series, item) -> {
            double x = dataset.getXValue(series, item);
            int bucket = e.result().map().bucketOf(x);
            if (bucket < 0 || bucket >= e.result().map().buckets()) return null;
            double[] shares = e.mapShares(bucket);
            StringBuilder b = new StringBuilder("<html>").append(price.format(x)).append(" USDT");
            for (int i = 0; i < shares.length; i++) {
                b.append("<br>").append(e.parts().get(i).displayName()).append(": ")
                        .append(Math.round(shares[i] * 1000) / 10.0).append(" %");
            }
            return b.append("</html>").toString();
        };
    }

    private final ChartPaneTopComponent pane;
    private ChartPanel heatmapPanel;
    private ChartPanel mapPanel;
    private JComponent shown;
    /** The axis ranges the factories chose: a panel whose ranges differ from these was zoomed or scrolled. */
    private Range heatmapTimeHome, heatmapPriceHome, mapPriceHome;
    private Prepared current;

    PaneCharts(ChartPaneTopComponent pane) {
        this.pane = pane;
    }

    Prepared prepare(WindowEstimate e, PaneSpec spec) {
        // Both charts are built: switching the view must not wait for a recompute, and the focused-map window
        // shows this pane's map even while the pane itself shows only the heatmap.
        EstimateResult r = e.result();
        JFreeChart map = mapChart(e, spec);
        return new Prepared(r, HeatmapChartFactory.create(r, e.sourceName(), spec.isSimulated(),
                WorkbenchSettings.heatmapStyle(contrast)), map);
    }

    /** The map of an estimate; for `all`, its bars' tooltips give each exchange's share. */
    static JFreeChart mapChart(WindowEstimate e, PaneSpec spec) {
        JFreeChart map = MapChartFactory.create(e.result(), e.sourceName(), spec.isSimulated(), PlotOrientation.HORIZONTAL);
        if (e.isCombined()) {
            XYPlot plot = map.getXYPlot();
            for (int i = 0; i < plot.getRendererCount(); i++) {
                if (plot.getRenderer(i) != null) plot.getRenderer(i).setDefaultToolTipGenerator(exchangeShares(e));
            }
        }
        return map;
    }

    JComponent install(Prepared p, PaneView view, boolean keepZoom) {
        Range time = null, price = null, mapPrice = null;
        if (keepZoom && heatmapPanel != null) {
            XYPlot plot = heatmapPanel.getChart().getXYPlot();
            if (!plot.getDomainAxis().getRange().equals(heatmapTimeHome)) time = plot.getDomainAxis().getRange();
            if (!plot.getRangeAxis().getRange().equals(heatmapPriceHome)) price = plot.getRangeAxis().getRange();
        }
        if (keepZoom && mapPanel != null) {
            XYPlot plot = mapPanel.getChart().getXYPlot();
            if (!plot.getDomainAxis().getRange().equals(mapPriceHome)) mapPrice = plot.getDomainAxis().getRange();
        }
        current = p;
        XYPlot heat = p.heatmap().getXYPlot();
        XYPlot map = p.map().getXYPlot();
        heatmapTimeHome = heat.getDomainAxis().getRange();
        heatmapPriceHome = heat.getRangeAxis().getRange();
        mapPriceHome = map.getDomainAxis().getRange();
        applyHighlight(heat, map);
        if (time != null) heat.getDomainAxis().setRange(time);
        if (price != null) heat.getRangeAxis().setRange(price);
        if (mapPrice != null) map.getDomainAxis().setRange(mapPrice);
        StartupTrace.watch(p.heatmap());
        if (heatmapPanel == null) {
            heatmapPanel = newPanel(p.heatmap());
            cursor.install(heatmapPanel, true);
        } else {
            heatmapPanel.setChart(p.heatmap());
        }
        if (mapPanel == null) {
            mapPanel = newPanel(p.map());
            cursor.install(mapPanel, false);
        } else {
            mapPanel.setChart(p.map());
        }
        // One price scale for both when side by side: the map follows the heatmap's zoom and scroll.
        heat.getRangeAxis().addChangeListener(e -> {
            if (pane.spec().view() == PaneView.BOTH) map.getDomainAxis().setRange(heat.getRangeAxis().getRange());
        });
        return arrange(view);
    }

    /** The view changed, the numbers did not. */
    void show(EstimateResult r, PaneView view, boolean unused) {
        if (current == null || current.result() != r) return;
        Container parent = shown == null ? null : shown.getParent();
        JComponent next = arrange(view);
        if (parent != null && next.getParent() != parent) {
            parent.add(next, BorderLayout.CENTER);
            parent.revalidate();
            parent.repaint();
        }
    }

    private JComponent arrange(PaneView view) {
        Container parent = shown == null ? null : shown.getParent();
        if (parent != null) parent.remove(shown);
        XYPlot heat = heatmapPanel.getChart().getXYPlot();
        XYPlot map = mapPanel.getChart().getXYPlot();
        if (view == PaneView.BOTH) {
            map.getDomainAxis().setRange(heat.getRangeAxis().getRange());
            JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, heatmapPanel, mapPanel);
            split.setResizeWeight(0.72);
            split.setBorder(null);
            split.setContinuousLayout(true);
            shown = split;
        } else {
            JPanel holder = new JPanel(new BorderLayout());
            holder.add(view == PaneView.MAP ? mapPanel : heatmapPanel, BorderLayout.CENTER);
            shown = holder;
        }
        return shown;
    }

    private static ChartPanel newPanel(JFreeChart chart) {
        ChartPanel panel = new ChartPanel(chart, false, true, true, true, true);
        panel.setMouseWheelEnabled(true);
        panel.setMouseZoomable(true);
        panel.setMaximumDrawWidth(4096);
        panel.setMaximumDrawHeight(4096);
        panel.setMinimumDrawWidth(200);
        panel.setMinimumDrawHeight(150);
        return panel;
    }

    void detach(JPanel body) {
        if (shown != null && shown.getParent() == body) body.remove(shown);
    }

    void clear() {
        current = null;
    }

    /** The price band the Zones window points at, {low, high}, or null; kept across recomputes. */
    private double[] highlight;
    private IntervalMarker heatMarker, mapMarker;

    /** Shades {@code [low, high]} across the heatmap and the map (price is the heatmap's range axis, the map's domain). EDT. */
    void highlight(double low, double high) {
        highlight = new double[] {low, high};
        if (current != null) applyHighlight(current.heatmap().getXYPlot(), current.map().getXYPlot());
    }

    void clearHighlight() {
        highlight = null;
        if (current != null) applyHighlight(current.heatmap().getXYPlot(), current.map().getXYPlot());
    }

    double[] highlighted() {
        return highlight == null ? null : highlight.clone();
    }

    private void applyHighlight(XYPlot heat, XYPlot map) {
        if (heatMarker != null) {
            heat.removeRangeMarker(heatMarker, Layer.FOREGROUND);
            map.removeDomainMarker(mapMarker, Layer.FOREGROUND);
        }
        heatMarker = mapMarker = null;
        if (highlight == null) return;
        heatMarker = bandMarker(highlight);
        mapMarker = bandMarker(highlight);
        heat.addRangeMarker(heatMarker, Layer.FOREGROUND);
        map.addDomainMarker(mapMarker, Layer.FOREGROUND);
    }

    /** A translucent cyan band with an outline: visible over inferno's dark and bright ends alike. */
    private static IntervalMarker bandMarker(double[] band) {
        IntervalMarker m = new IntervalMarker(band[0], band[1], new java.awt.Color(0x40, 0xE0, 0xFF, 60),
                new java.awt.BasicStroke(1.2f), new java.awt.Color(0x40, 0xE0, 0xFF, 220), new java.awt.BasicStroke(1.2f), 1f);
        return m;
    }

    /** The pane's contrast slider, 0..100 with 50 neutral: brings faint bands up without recomputing. */
    private volatile double contrast = org.liqlens.charts.HeatmapStyle.NEUTRAL_CONTRAST;

    void setContrast(double c) {
        contrast = c;
        restyle();
    }

    /** The colour scale or the contrast changed: redraw the heatmap's colours, same numbers. EDT. */
    void restyle() {
        if (heatmapPanel != null) HeatmapChartFactory.restyle(heatmapPanel.getChart(), WorkbenchSettings.heatmapStyle(contrast));
    }

    /** Draws the linked cursor: a price line in every chart, a time line in the heatmap. */
    private final PaneCursor cursor = new PaneCursor();

    void opened() {
        cursor.attach(pane);
    }

    void closed() {
        cursor.detach();
    }

    PaneCursor cursor() {
        return cursor;
    }

    EstimateResult result() {
        return current == null ? null : current.result();
    }

    JFreeChart mapChart() {
        return current == null ? null : current.map();
    }
}
