package org.liqlens.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * The heatmap's candlestick renderer. When the {@link HeatmapLayer} has already drawn the candles into its
 * kept image (antialiased candles cost several milliseconds a repaint), the plot's own pass over the items
 * draws nothing; otherwise it draws them as any CandlestickRenderer does.
 */
final class CandleRenderer extends CandlestickRenderer {
    private static final long serialVersionUID = 1L;

    /** Set by the layer on each draw, before the plot renders its items. */
    private boolean drawnByLayer;

    CandleRenderer() {
        // Width 0: worked out from the candles' spacing (the width method's default, average). No tooltip generator:
        // the superclass's default, a HighLowItemLabelGenerator, builds a DateFormat, whose first use starts the JDK's
        // calendar and locale data, tens of milliseconds before a cold command line's first picture; a chart that
        // wants tooltips sets its own (the factory sets none, the desktop pane its exchange shares).
        super(0, false, null);
    }

    void setDrawnByLayer(boolean drawnByLayer) {
        this.drawnByLayer = drawnByLayer;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
                         ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (!drawnByLayer) super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
    }

    /** Draws every item of the series onto {@code g2}, as the plot's pass would (without entities). */
    void drawAll(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset) {
        XYItemRendererState state = initialise(g2, dataArea, plot, dataset, null);
        int n = dataset.getItemCount(0);
        for (int item = 0; item < n; item++) {
            super.drawItem(g2, state, dataArea, null, plot, domainAxis, rangeAxis, dataset, 0, item, null, 0);
        }
    }
}
