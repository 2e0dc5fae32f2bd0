package org.liqlens.charts;

import java.awt.AlphaComposite;
import java.awt.Composite;
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
 * Draws a heatmap grid, and the candles over it, behind the plot's markers. JFreeChart's XYBlockRenderer
 * would paint one rectangle per cell, far too slow for a million cells. The grid is drawn one of two ways,
 * chosen per repaint by how many pixels the view gives each cell:
 * <ul>
 * <li>at least one pixel per cell on both axes (zoomed in, or a small grid): the one-pixel-per-cell image
 *     of the whole grid, scaled by Java2D's nearest-neighbour blit, which only touches the pixels in view;
 *     the image is built once per style;</li>
 * <li>more cells than pixels on either axis: the cells in view rendered at the device's resolution with
 *     max pooling ({@link GridRaster}), so that a one-bucket band still lights its row where sampling would
 *     skip it.</li>
 * </ul>
 * The first way is exactly how the chart was drawn before styles existed, so a default-style chart of a
 * grid smaller than the plot (the command line's 480 x 400) keeps every pixel.
 *
 * <p>The result is kept, with the candles drawn on it when the grid covers the whole data area (the usual
 * view; antialiased candles cost several milliseconds): a repaint with the same style, view, size and
 * transform is one blit, and the plot's own pass over the candles draws nothing ({@link CandleRenderer}). A
 * zoom, pan or restyle renders again, costing the pixels on screen plus the cells and candles in view.
 *
 * <p>Not thread-safe: draw and restyle it from the thread that paints the chart (the EDT for a displayed one).
 */
final class HeatmapLayer extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** The colour of an empty cell, the palette's darkest. */
    private static final int EMPTY = InfernoPalette.argbAt(0);

    private final transient HeatmapGrid grid;
    private final transient CellQuantiles quantiles;
    /** The candles to draw over the grid and their renderer; null for a bare grid. */
    private final transient CandleView candles;
    private final transient CandleRenderer candleRenderer;
    private HeatmapStyle style;
    private transient PaletteLookup palette;
    /** False leaves the candles to the plot on every draw (tests compare the two). */
    private boolean keepCandles = true;

    /** One pixel per cell, columns left to right, high prices at the top; built on first use per style. */
    private transient BufferedImage cellImage;
    private transient PaletteLookup cellImagePalette;

    /** The kept view: the pixels [x, x + w) x [y, y + h) of the device, and what they were drawn from. */
    private transient BufferedImage image;
    private transient ViewKey imageKey;
    private transient int[] colLo = new int[0], colHi = new int[0], rowLo = new int[0], rowHi = new int[0];
    private transient byte[] pooled;
    /** The cells' palette indices, bucket-major ({@link GridRaster#paletteIndices}); built on first use per style. */
    private transient byte[] indices;
    private transient PaletteLookup indicesPalette;
    private long renders;

    HeatmapLayer(HeatmapGrid grid, HeatmapStyle style) {
        this(grid, style, null, null);
    }

    HeatmapLayer(HeatmapGrid grid, HeatmapStyle style, CandleView candles, CandleRenderer candleRenderer) {
        this.grid = Objects.requireNonNull(grid);
        this.quantiles = CellQuantiles.of(grid.values());
        this.candles = candles;
        this.candleRenderer = candleRenderer;
        this.pooled = new byte[grid.columns()];
        applyStyle(style);
    }

    HeatmapGrid grid() { return grid; }
    HeatmapStyle style() { return style; }
    IntensityScale scale() { return palette.scale(); }
    /** How many times the view was drawn afresh (not served from the kept image); for tests. */
    long renders() { return renders; }

    void setKeepCandles(boolean keep) {
        keepCandles = keep;
    }

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

    /**
     * What a kept image was drawn from: the grid's extent and the visible rectangle in device pixels, the
     * palette, whether the candles are on it, and the transform and antialiasing they were drawn with.
     */
    private record ViewKey(long l, long r, long top, long bottom, int x, int y, int width, int height,
                           PaletteLookup palette, boolean withCandles, AffineTransform transform, Object antialiasing) { }

    /**
     * Where the grid falls on the device for this draw: its whole extent, rounded to whole pixels as a
     * stretched one-pixel-per-cell image was drawn, and the pixels the data-area clip lets through (those
     * whose centre lies inside it); null when the grid is out of view.
     */
    private record Placement(long l, long r, long top, long bottom, long x0, long x1, long y0, long y1,
                             boolean coversDataArea, boolean axisAligned, AffineTransform userToPixels) { }

    private Placement place(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis) {
        if (plot.getOrientation() != PlotOrientation.VERTICAL) return null;
        AffineTransform userToDevice = g2.getTransform();
        // Render in device pixels (HiDPI, a ChartPanel scaled past its maximum draw size) unless the
        // transform rotates or shears (printing sideways): then in user space, drawn through the transform.
        boolean axisAligned = userToDevice.getShearX() == 0 && userToDevice.getShearY() == 0
                && userToDevice.getScaleX() > 0 && userToDevice.getScaleY() > 0;
        AffineTransform t = axisAligned ? userToDevice : new AffineTransform();
        double sx = t.getScaleX(), sy = t.getScaleY(), tx = t.getTranslateX(), ty = t.getTranslateY();
        long l = Math.round(sx * domainAxis.valueToJava2D(grid.start(), dataArea, plot.getDomainAxisEdge()) + tx);
        long r = Math.round(sx * domainAxis.valueToJava2D(grid.end(), dataArea, plot.getDomainAxisEdge()) + tx);
        long top = Math.round(sy * rangeAxis.valueToJava2D(grid.priceHigh(), dataArea, plot.getRangeAxisEdge()) + ty);
        long bottom = Math.round(sy * rangeAxis.valueToJava2D(grid.priceLow(), dataArea, plot.getRangeAxisEdge()) + ty);
        long cx0 = (long) Math.ceil(sx * dataArea.getMinX() + tx - 0.5), cx1 = (long) Math.ceil(sx * dataArea.getMaxX() + tx - 0.5);
        long cy0 = (long) Math.ceil(sy * dataArea.getMinY() + ty - 0.5), cy1 = (long) Math.ceil(sy * dataArea.getMaxY() + ty - 0.5);
        long x0 = Math.max(Math.min(l, r), cx0), x1 = Math.min(Math.max(l, r), cx1);
        long y0 = Math.max(Math.min(top, bottom), cy0), y1 = Math.min(Math.max(top, bottom), cy1);
        if (x1 <= x0 || y1 <= y0) return null;
        boolean covers = x0 == cx0 && x1 == cx1 && y0 == cy0 && y1 == cy1;
        return new Placement(l, r, top, bottom, x0, x1, y0, y1, covers, axisAligned, t);
    }

    /** True when this draw's grid will hide every pixel of the data area (so what lies under it need not be drawn). */
    boolean coversDataArea(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis) {
        Placement p = place(g2, plot, dataArea, domainAxis, rangeAxis);
        return p != null && p.coversDataArea();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (candleRenderer != null) candleRenderer.setDrawnByLayer(false);
        Placement p = place(g2, plot, dataArea, domainAxis, rangeAxis);
        if (p == null) return;
        AffineTransform userToDevice = g2.getTransform();
        // Candles go on the kept image only where it is the whole visible plot: elsewhere the plot's
        // background and gridlines show around the grid, and candles there are the plot's to draw.
        boolean withCandles = candles != null && keepCandles && p.coversDataArea();
        ViewKey key = new ViewKey(p.l(), p.r(), p.top(), p.bottom(), (int) p.x0(), (int) p.y0(), (int) (p.x1() - p.x0()),
                (int) (p.y1() - p.y0()), palette, withCandles, userToDevice, g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING));
        if (!key.equals(imageKey)) {
            render(key, g2, p.userToPixels(), plot, dataArea, domainAxis, rangeAxis);
            imageKey = key;
            renders++;
        }

        Shape savedClip = g2.getClip();
        Composite savedComposite = g2.getComposite();
        g2.clip(dataArea);
        g2.setTransform(p.axisAligned() ? new AffineTransform() : userToDevice);
        // Every kept pixel is opaque: a plain copy, not a blend, whatever the image type.
        g2.setComposite(AlphaComposite.Src);
        g2.drawImage(image, key.x(), key.y(), null);
        g2.setComposite(savedComposite);
        g2.setTransform(userToDevice);
        g2.setClip(savedClip);
        if (withCandles) candleRenderer.setDrawnByLayer(true);
    }

    private void render(ViewKey key, Graphics2D g2, AffineTransform userToImageDevice, XYPlot plot, Rectangle2D dataArea,
                        ValueAxis domainAxis, ValueAxis rangeAxis) {
        int width = key.width(), height = key.height();
        if (image == null || image.getWidth() != width || image.getHeight() != height
                || !(image.getRaster().getDataBuffer() instanceof DataBufferInt)) {
            image = compatibleImage(g2, width, height);
        }
        Graphics2D ig = null;
        if (Math.abs(key.r() - key.l()) >= grid.columns() && Math.abs(key.bottom() - key.top()) >= grid.buckets()) {
            ig = imageGraphics(g2, key, userToImageDevice, dataArea);
            drawCellImage(ig, plot, dataArea, domainAxis, rangeAxis);
        } else {
            renderPooled(key);
        }
        if (key.withCandles()) {
            if (ig == null) ig = imageGraphics(g2, key, userToImageDevice, dataArea);
            candleRenderer.drawAll(ig, dataArea, plot, domainAxis, rangeAxis, candles);
        }
        if (ig != null) ig.dispose();
    }

    /**
     * An image for the kept view of the same type as the destination where that is int-packed RGB, so that
     * antialiased candles blend exactly as they would drawn straight onto it.
     */
    private static BufferedImage compatibleImage(Graphics2D g2, int width, int height) {
        BufferedImage img = g2.getDeviceConfiguration().createCompatibleImage(width, height);
        int type = img.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_ARGB_PRE) {
            return img;
        }
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** Graphics onto the kept image, placed, clipped and hinted as the chart's own. */
    private Graphics2D imageGraphics(Graphics2D g2, ViewKey key, AffineTransform userToImageDevice, Rectangle2D dataArea) {
        Graphics2D ig = image.createGraphics();
        ig.setRenderingHints(g2.getRenderingHints());
        AffineTransform t = AffineTransform.getTranslateInstance(-key.x(), -key.y());
        t.concatenate(userToImageDevice);
        ig.setTransform(t);
        ig.clip(dataArea);
        return ig;
    }

    private void renderPooled(ViewKey key) {
        int width = key.width(), height = key.height();
        if (colLo.length < width) { colLo = new int[width]; colHi = new int[width]; }
        if (rowLo.length < height) { rowLo = new int[height]; rowHi = new int[height]; }
        int buckets = grid.buckets();
        GridRaster.pixelCells(key.x(), width, key.l(), key.r(), grid.columns(), colLo, colHi);
        // Rows count from the top (the highest price): row k holds bucket (buckets - 1 - k).
        GridRaster.pixelCells(key.y(), height, key.top(), key.bottom(), buckets, rowLo, rowHi);
        for (int i = 0; i < height; i++) {
            if (rowLo[i] < 0) continue;
            int fromTop = rowLo[i], toTop = rowHi[i];
            rowLo[i] = buckets - 1 - toTop;
            rowHi[i] = buckets - 1 - fromTop;
        }
        if (indices == null || indicesPalette != palette) {
            indices = GridRaster.paletteIndices(grid.values(), grid.columns(), buckets, palette);
            indicesPalette = palette;
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        GridRaster.render(indices, grid.columns(), colLo, colHi, width, rowLo, rowHi, height, palette.colours(), EMPTY, pixels, pooled);
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
        // Nearest neighbour: a bucket is a bucket; smoothing would invent levels between them.
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(cellImage, (int) Math.round(left), (int) Math.round(top),
                (int) Math.round(right) - (int) Math.round(left), (int) Math.round(bottom) - (int) Math.round(top), null);
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

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
