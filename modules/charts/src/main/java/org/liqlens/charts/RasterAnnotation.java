package org.liqlens.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Draws a prebuilt raster (one pixel per grid cell) stretched over a rectangle in data coordinates.
 * JFreeChart's XYBlockRenderer would paint one rectangle per cell, which is far too slow for hundreds of
 * thousands of cells; this costs one image blit per repaint, and the image is rebuilt only when the data
 * change, not on zoom.
 */
final class RasterAnnotation extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    private final transient BufferedImage image;
    private final double x0, x1, y0, y1;

    /** The image's top row is drawn at {@code y1}, its bottom row at {@code y0}. */
    RasterAnnotation(BufferedImage image, double x0, double x1, double y0, double y1) {
        this.image = image;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (plot.getOrientation() != PlotOrientation.VERTICAL) return;
        RectangleEdge domainEdge = plot.getDomainAxisEdge();
        RectangleEdge rangeEdge = plot.getRangeAxisEdge();
        double left = domainAxis.valueToJava2D(x0, dataArea, domainEdge);
        double right = domainAxis.valueToJava2D(x1, dataArea, domainEdge);
        double top = rangeAxis.valueToJava2D(y1, dataArea, rangeEdge);
        double bottom = rangeAxis.valueToJava2D(y0, dataArea, rangeEdge);
        Shape savedClip = g2.getClip();
        Object savedInterpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.clip(dataArea);
        // Nearest neighbour: a bucket is a bucket; smoothing would invent levels between them.
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(image, (int) Math.round(left), (int) Math.round(top),
                (int) Math.round(right) - (int) Math.round(left), (int) Math.round(bottom) - (int) Math.round(top), null);
        if (savedInterpolation != null) g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, savedInterpolation);
        g2.setClip(savedClip);
    }
}
