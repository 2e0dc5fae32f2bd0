package org.liqlens.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * The heatmap's plot: an XYPlot that skips its gridlines wherever the heatmap will cover them. The grid is
 * opaque, so over the usual view the gridlines are never seen, yet dashed antialiased lines across the whole
 * plot cost milliseconds a repaint. Where the view reaches past the grid they are drawn as usual.
 */
final class HeatmapPlot extends XYPlot {
    private static final long serialVersionUID = 1L;

    private transient HeatmapLayer layer;

    HeatmapPlot(XYDataset dataset, ValueAxis domainAxis, ValueAxis rangeAxis, XYItemRenderer renderer) {
        super(dataset, domainAxis, rangeAxis, renderer);
    }

    void setLayer(HeatmapLayer layer) {
        this.layer = layer;
    }

    @Override
    protected void drawDomainGridlines(Graphics2D g2, Rectangle2D dataArea, List<ValueTick> ticks) {
        if (!covered(g2, dataArea)) super.drawDomainGridlines(g2, dataArea, ticks);
    }

    @Override
    protected void drawRangeGridlines(Graphics2D g2, Rectangle2D dataArea, List<ValueTick> ticks) {
        if (!covered(g2, dataArea)) super.drawRangeGridlines(g2, dataArea, ticks);
    }

    private boolean covered(Graphics2D g2, Rectangle2D dataArea) {
        return layer != null && layer.coversDataArea(g2, this, dataArea, getDomainAxis(), getRangeAxis());
    }
}
