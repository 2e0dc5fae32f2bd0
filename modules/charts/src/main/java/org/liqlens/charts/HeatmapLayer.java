package org.liqlens.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Objects;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.liqlens.engine.HeatmapGrid;

/**
 * Draws a heatmap grid behind the candles. JFreeChart's XYBlockRenderer would paint one rectangle per
 * cell, far too slow for a million cells. Two ways, chosen per repaint by how many pixels the view gives
 * each cell:
 * <ul>
 * <li>at least one pixel per cell on both axes (zoomed in, or a small grid): the one-pixel-per-cell image
 *     of the whole grid, scaled by Java2D's nearest-neighbour blit, which only touches the pixels in view.
 *     The image is built once per style;</li>
 * <li>more cells than pixels on either axis: the cells in view rendered at the device's resolution with
 *     max pooling ({@link GridRaster}), so that a one-bucket band still lights its row where sampling would
 *     skip it. That image is kept: a repaint with the same style, view and size is one 1:1 blit; a zoom or
 *     pan renders again from the grid, costing the pixels on screen plus the cells in view.</li>
 * </ul>
 * The first way is exactly how the chart was drawn before styles existed, so a default-style chart of a
 * grid smaller than the plot (the command line's 480 x 400) keeps every pixel.
 *
 * <p>Not thread-safe: draw and restyle it from the thread that paints the chart (the EDT for a displayed one).
 */
final class HeatmapLayer extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** The colour of an empty cell, the palette's darkest. */
    private static final int EMPTY = InfernoPalette.argbAt(0);

    private final transient HeatmapGrid grid;
    private final transient CellQuantiles quantiles;
    private HeatmapStyle style;
    private transient PaletteLookup palette;

    /** One pixel per cell, columns left to right, high prices at the top; built on first use per style. */
    private transient BufferedImage cellImage;
    private transient PaletteLookup cellImagePalette;

    // The last rendered view: device-pixel extent of the whole grid, the visible pixel rectangle, and the palette.
    private transient BufferedImage image;
    private transient PaletteLookup imagePalette;
    private long imageL, imageR, imageT, imageB;
    private int imageX, imageY;
    private transient int[] colLo = new int[0], colHi = new int[0], rowLo = new int[0], rowHi = new int[0];
    private transient double[] pooled;
    private long renders;

    HeatmapLayer(HeatmapGrid grid, HeatmapStyle style) {
        this(grid, CellQuantiles.of(grid.values()), style);
    }

    HeatmapLayer(HeatmapGrid grid, CellQuantiles quantiles, HeatmapStyle style) {
        this.grid = Objects.requireNonNull(grid);
        this.quantiles = quantiles;
        this.pooled = new double[grid.buckets()];
        applyStyle(style);
    }

    HeatmapGrid grid() { return grid; }
    HeatmapStyle style() { return style; }
    IntensityScale scale() { return palette.scale(); }
    /** How many times the view was rendered from the grid (not served from the kept image); for tests. */
    long renders() { return renders; }

    /** Changes the colour mapping; the next draw renders from the grid again. Cheap: no cell is read here. */
    void setStyle(HeatmapStyle newStyle) {
        if (newStyle.equals(style)) return;
        applyStyle(newStyle);
        fireAnnotationChanged();
    }

    private void applyStyle(HeatmapStyle newStyle) {
        this.style = Objects.requireNonNull(newStyle);
        IntensityScale scale = IntensityScale.of(newStyle, quantiles);
        if (palette == null || !palette.scale().equals(scale)) palette = new PaletteLookup(scale);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (plot.getOrientation() != PlotOrientation.VERTICAL) return;
        AffineTransform userToDevice = g2.getTransform();
        // Render in device pixels (HiDPI, a ChartPanel scaled past its maximum draw size) unless the
        // transform rotates or shears (printing sideways): then in user space, drawn through the transform.
        boolean axisAligned = userToDevice.getShearX() == 0 && userToDevice.getShearY() == 0
                && userToDevice.getScaleX() > 0 && userToDevice.getScaleY() > 0;
        AffineTransform t = axisAligned ? userToDevice : new AffineTransform();
        double sx = t.getScaleX(), sy = t.getScaleY(), tx = t.getTranslateX(), ty = t.getTranslateY();

        // The whole grid's extent, rounded to whole pixels as a stretched one-pixel-per-cell image was drawn.
        long l = Math.round(sx * domainAxis.valueToJava2D(grid.start(), dataArea, plot.getDomainAxisEdge()) + tx);
        long r = Math.round(sx * domainAxis.valueToJava2D(grid.end(), dataArea, plot.getDomainAxisEdge()) + tx);
        long top = Math.round(sy * rangeAxis.valueToJava2D(grid.priceHigh(), dataArea, plot.getRangeAxisEdge()) + ty);
        long bottom = Math.round(sy * rangeAxis.valueToJava2D(grid.priceLow(), dataArea, plot.getRangeAxisEdge()) + ty);
        long x0 = Math.max(Math.min(l, r), (long) Math.floor(sx * dataArea.getMinX() + tx));
        long x1 = Math.min(Math.max(l, r), (long) Math.ceil(sx * dataArea.getMaxX() + tx));
        long y0 = Math.max(Math.min(top, bottom), (long) Math.floor(sy * dataArea.getMinY() + ty));
        long y1 = Math.min(Math.max(top, bottom), (long) Math.ceil(sy * dataArea.getMaxY() + ty));
        if (x1 <= x0 || y1 <= y0) return;

        Shape savedClip = g2.getClip();
        g2.clip(dataArea);
        if (Math.abs(r - l) >= grid.columns() && Math.abs(bottom - top) >= grid.buckets()) {
            drawCellImage(g2, plot, dataArea, domainAxis, rangeAxis);
            g2.setClip(savedClip);
            return;
        }
        int width = (int) (x1 - x0), height = (int) (y1 - y0);
        if (!cached(l, r, top, bottom, (int) x0, (int) y0, width, height)) {
            render(l, r, top, bottom, (int) x0, (int) y0, width, height);
        }

        g2.setTransform(axisAligned ? new AffineTransform() : userToDevice);
        g2.drawImage(image, imageX, imageY, null);
        g2.setTransform(userToDevice);
        g2.setClip(savedClip);
    }

    /** The one-pixel-per-cell image stretched over the grid's extent, in user space, as the chart always drew it. */
    private void drawCellImage(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis) {
        if (cellImage == null || cellImagePalette != palette) {
            cellImage = cellImage(grid, palette);
            cellImagePalette = palette;
        }
        double left = domainAxis.valueToJava2D(grid.start(), dataArea, plot.getDomainAxisEdge());
        double right = domainAxis.valueToJava2D(grid.end(), dataArea, plot.getDomainAxisEdge());
        double top = rangeAxis.valueToJava2D(grid.priceHigh(), dataArea, plot.getRangeAxisEdge());
        double bottom = rangeAxis.valueToJava2D(grid.priceLow(), dataArea, plot.getRangeAxisEdge());
        Object savedInterpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        // Nearest neighbour: a bucket is a bucket; smoothing would invent levels between them.
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(cellImage, (int) Math.round(left), (int) Math.round(top),
                (int) Math.round(right) - (int) Math.round(left), (int) Math.round(bottom) - (int) Math.round(top), null);
        if (savedInterpolation != null) g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, savedInterpolation);
    }

    /** One pixel per cell: columns left to right, buckets bottom (low price) to top (high price). */
    static BufferedImage cellImage(HeatmapGrid grid, PaletteLookup palette) {
        int columns = grid.columns();
        int buckets = grid.buckets();
        BufferedImage image = new BufferedImage(columns, buckets, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        double[] values = grid.values(); // index c * buckets + b
        for (int c = 0; c < columns; c++) {
            int base = c * buckets;
            for (int b = 0, p = (buckets - 1) * columns + c; b < buckets; b++, p -= columns) {
                pixels[p] = palette.argb(values[base + b]);
            }
        }
        return image;
    }

    private boolean cached(long l, long r, long top, long bottom, int x, int y, int width, int height) {
        return image != null && imagePalette == palette && imageL == l && imageR == r && imageT == top && imageB == bottom
                && imageX == x && imageY == y && image.getWidth() == width && image.getHeight() == height;
    }

    private void render(long l, long r, long top, long bottom, int x, int y, int width, int height) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        if (colLo.length < width) { colLo = new int[width]; colHi = new int[width]; }
        if (rowLo.length < height) { rowLo = new int[height]; rowHi = new int[height]; }
        int buckets = grid.buckets();
        GridRaster.pixelCells(x, width, l, r, grid.columns(), colLo, colHi);
        // Rows count from the top (the highest price): row k holds bucket (buckets - 1 - k).
        GridRaster.pixelCells(y, height, top, bottom, buckets, rowLo, rowHi);
        for (int i = 0; i < height; i++) {
            if (rowLo[i] < 0) continue;
            int fromTop = rowLo[i], toTop = rowHi[i];
            rowLo[i] = buckets - 1 - toTop;
            rowHi[i] = buckets - 1 - fromTop;
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        GridRaster.render(grid.values(), buckets, colLo, colHi, width, rowLo, rowHi, height, palette, EMPTY, pixels, pooled);
        imagePalette = palette;
        imageL = l;
        imageR = r;
        imageT = top;
        imageB = bottom;
        imageX = x;
        imageY = y;
        renders++;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
