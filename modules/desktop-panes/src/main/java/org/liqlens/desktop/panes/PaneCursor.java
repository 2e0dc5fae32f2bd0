package org.liqlens.desktop.panes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.panel.CrosshairOverlay;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;

/**
 * A pane's end of the linked cursors: turns the mouse over its charts into a price (and, over the heatmap, a
 * time), draws it, publishes it on the {@link CursorBus}, and draws what other panes of the same symbol
 * publish. The readout under the chart says the price, the cell's notional and the notional between the
 * cursor and the current price.
 */
final class PaneCursor implements CursorBus.Listener {
    private static final Color LINE = new Color(0x7FE7FF);

    /** The crosshairs drawn on one chart panel. */
    private record Lines(ChartPanel panel, boolean heatmap, Crosshair price, Crosshair time) { }

    private final List<Lines> lines = new ArrayList<>();
    private ChartPaneTopComponent pane;
    /** The last cursor shown here, mine or another pane's; null when none. */
    private CursorBus.Cursor current;

    void attach(ChartPaneTopComponent p) {
        pane = p;
        CursorBus.subscribe(this);
    }

    void detach() {
        CursorBus.unsubscribe(this);
    }

    CursorBus.Cursor current() {
        return current;
    }

    void install(ChartPanel panel, boolean heatmap) {
        Crosshair price = crosshair();
        Crosshair time = heatmap ? crosshair() : null;
        CrosshairOverlay overlay = new CrosshairOverlay();
        // Heatmap: price is the range axis, time the domain. Map (horizontal orientation): price is the domain.
        if (heatmap) {
            overlay.addRangeCrosshair(price);
            overlay.addDomainCrosshair(time);
        } else {
            overlay.addDomainCrosshair(price);
        }
        panel.addOverlay(overlay);
        Lines l = new Lines(panel, heatmap, price, time);
        lines.add(l);
        panel.addChartMouseListener(new ChartMouseListener() {
            @Override public void chartMouseClicked(ChartMouseEvent event) { }

            @Override public void chartMouseMoved(ChartMouseEvent event) {
                moved(l, event.getTrigger());
            }
        });
        panel.addMouseListener(new MouseAdapter() {
            @Override public void mouseExited(MouseEvent e) {
                if (pane == null) return;
                show(null);
                CursorBus.clear(pane, pane.spec().symbol());
            }
        });
    }

    private static Crosshair crosshair() {
        Crosshair c = new Crosshair(Double.NaN, LINE, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 3f}, 0f));
        c.setVisible(false);
        return c;
    }

    private void moved(Lines l, MouseEvent e) {
        if (pane == null || pane.result() == null) return;
        Rectangle2D area = l.panel().getScreenDataArea();
        if (!area.contains(e.getPoint())) {
            show(null);
            CursorBus.clear(pane, pane.spec().symbol());
            return;
        }
        XYPlot plot = l.panel().getChart().getXYPlot();
        double price;
        Long time = null;
        if (l.heatmap()) {
            time = (long) plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
            price = plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
        } else {
            double screen = plot.getOrientation() == PlotOrientation.HORIZONTAL ? e.getY() : e.getX();
            price = plot.getDomainAxis().java2DToValue(screen, area, plot.getDomainAxisEdge());
        }
        CursorBus.Cursor c = new CursorBus.Cursor(pane, pane.spec().symbol(), price, time);
        show(c);
        CursorBus.publish(c);
    }

    @Override
    public void cursorChanged(Object sender, String symbol, CursorBus.Cursor cursor) {
        if (sender == pane || pane == null || !symbol.equals(pane.spec().symbol())) return;
        show(cursor);
    }

    /** Draws {@code c} (null hides the lines) and updates the readout. */
    void show(CursorBus.Cursor c) {
        current = c;
        for (Lines l : lines) {
            l.price().setVisible(c != null);
            if (c != null) l.price().setValue(c.price());
            if (l.time() != null) {
                boolean timed = c != null && c.timeMs() != null;
                l.time().setVisible(timed);
                if (timed) l.time().setValue(c.timeMs());
            }
        }
        pane.setReadout(c == null ? null : CursorText.describe(pane.result(), c.price(), c.timeMs()));
    }
}
