package org.liqlens.charts;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * The heatmap's plot: an XYPlot that draws its gridlines only where the heatmap will not cover them. The
 * grid is opaque, so over the usual view the gridlines are never seen, yet dashed antialiased lines across
 * the whole plot cost milliseconds a repaint. Where the view reaches past the grid they are drawn, clipped
 * to the strips beside it, pixel for pixel as before.
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

    /** False draws every gridline, hidden or not (tests compare the two). */
    private boolean skipHiddenGridlines = true;

    void setSkipHiddenGridlines(boolean skip) {
        skipHiddenGridlines = skip;
    }

    @Override
    protected void drawDomainGridlines(Graphics2D g2, Rectangle2D dataArea, List<ValueTick> ticks) {
        List<Rectangle2D> visible = visibleParts(g2, dataArea);
        if (visible == null) {
            super.drawDomainGridlines(g2, dataArea, ticks);
            return;
        }
        Shape saved = g2.getClip();
        for (Rectangle2D part : visible) {
            g2.clip(part);
            super.drawDomainGridlines(g2, dataArea, ticks);
            g2.setClip(saved);
        }
    }

    @Override
    protected void drawRangeGridlines(Graphics2D g2, Rectangle2D dataArea, List<ValueTick> ticks) {
        List<Rectangle2D> visible = visibleParts(g2, dataArea);
        if (visible == null) {
            super.drawRangeGridlines(g2, dataArea, ticks);
            return;
        }
        Shape saved = g2.getClip();
        for (Rectangle2D part : visible) {
            g2.clip(part);
            super.drawRangeGridlines(g2, dataArea, ticks);
            g2.setClip(saved);
        }
    }

    /**
     * The parts of the data area the grid leaves visible (none when it covers it all), or null for "all of
     * it": no layer, or a transform that rotates, where clipping to strips could not be exact.
     */
    private List<Rectangle2D> visibleParts(Graphics2D g2, Rectangle2D dataArea) {
        if (layer == null || !skipHiddenGridlines) return null;
        HeatmapLayer.Placement p = layer.place(g2, this, dataArea, getDomainAxis(), getRangeAxis());
        if (p == null || !p.axisAligned()) return null;
        return p.uncovered();
    }
}
