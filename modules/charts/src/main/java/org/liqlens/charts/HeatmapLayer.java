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
    /** The grid's rows, {@code rows[column][bucket]} (its own arrays, not copies). */
    private final transient float[][] rows;
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

    /** The kept view: an image spanning the pixels the data-area clip lets through, and what it was drawn from. */
    private transient BufferedImage image;
    private transient ViewKey imageKey;
    private transient int[] colLo = new int[0], colHi = new int[0], rowLo = new int[0], rowHi = new int[0];
    private transient byte[] pooled;
    /** The cells' codes ({@link CellCodes}) and their palette indices under the current palette, rebuilt on first use per style. */
    private transient CellCodes codes;
    private transient byte[] indices;
    private transient PaletteLookup indicesPalette;
    private long renders;

    HeatmapLayer(HeatmapGrid grid, HeatmapStyle style) {
        this(grid, style, null, null);
    }

    HeatmapLayer(HeatmapGrid grid, HeatmapStyle style, CandleView candles, CandleRenderer candleRenderer) {
        this(grid, style, candles, candleRenderer, true);
    }

    /**
     * @param forRestyling true for a chart that will be repainted and restyled (a pane): the cells are sorted
     *                     and coded now, off the EDT, so that neither a first paint nor a restyle does it; false
     *                     for a picture drawn once (a PNG): only the one saturation quantile it needs is selected
     *                     (linear, no sort), and the codes are made only should a draw need them (more cells than
     *                     pixels), so that a grid drawn as one pixel per cell never pays for them
     */
    HeatmapLayer(HeatmapGrid grid, HeatmapStyle style, CandleView candles, CandleRenderer candleRenderer, boolean forRestyling) {
        this.grid = Objects.requireNonNull(grid);
        this.rows = rowsOf(grid);
        this.quantiles = forRestyling ? CellQuantiles.of(rows) : CellQuantiles.lazy(rows);
        this.candles = candles;
        this.candleRenderer = candleRenderer;
        this.pooled = new byte[grid.columns()];
        applyStyle(style);
        if (forRestyling) {
            // The caller is off the EDT (it just ran the estimate): prepare what the first paint needs.
            codes = CellCodes.of(rows, grid.buckets());
            indices = codes.paletteIndices(rows, palette);
            indicesPalette = palette;
        }
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
     * Where the grid falls on the device for one draw, in device pixels (user-space units when the transform
     * rotates or shears, and the image is then drawn through it): the grid's whole extent, rounded to whole
     * pixels as a stretched one-pixel-per-cell image was drawn; the pixels the data-area clip lets through
     * (those whose centre lies inside it); and the part of the grid among them, {@code [x0, x1) x [y0, y1)},
     * empty when the grid is out of view.
     */
    record Placement(long l, long r, long top, long bottom, int clipX, int clipY, int clipWidth, int clipHeight,
                     int x0, int y0, int x1, int y1, boolean axisAligned, AffineTransform userToPixels) {
        boolean isEmpty() { return x1 <= x0 || y1 <= y0; }

        boolean coversClip() {
            return x0 == clipX && y0 == clipY && x1 == clipX + clipWidth && y1 == clipY + clipHeight;
        }

        /** The visible pixels outside the grid, as up to four rectangles in user space (axis-aligned placements only). */
        java.util.List<Rectangle2D> uncovered() {
            java.util.List<Rectangle2D> strips = new java.util.ArrayList<>(4);
            int cx1 = clipX + clipWidth, cy1 = clipY + clipHeight;
            if (isEmpty()) {
                strips.add(user(clipX, clipY, cx1, cy1));
                return strips;
            }
            if (clipX < x0) strips.add(user(clipX, clipY, x0, cy1));
            if (x1 < cx1) strips.add(user(x1, clipY, cx1, cy1));
            if (clipY < y0) strips.add(user(x0, clipY, x1, y0));
            if (y1 < cy1) strips.add(user(x0, y1, x1, cy1));
            return strips;
        }

        private Rectangle2D user(double px0, double py0, double px1, double py1) {
            double sx = userToPixels.getScaleX(), sy = userToPixels.getScaleY();
            double tx = userToPixels.getTranslateX(), ty = userToPixels.getTranslateY();
            return new Rectangle2D.Double((px0 - tx) / sx, (py0 - ty) / sy, (px1 - px0) / sx, (py1 - py0) / sy);
        }

        // Written out: a record's own equals and hashCode link through method handles on first use, tens of
        // milliseconds of a command line's one picture.
        @Override
        public boolean equals(Object o) {
            return o instanceof Placement p && p.l == l && p.r == r && p.top == top && p.bottom == bottom && p.clipX == clipX
                    && p.clipY == clipY && p.clipWidth == clipWidth && p.clipHeight == clipHeight && p.x0 == x0 && p.y0 == y0
                    && p.x1 == x1 && p.y1 == y1 && p.axisAligned == axisAligned && Objects.equals(p.userToPixels, userToPixels);
        }

        @Override
        public int hashCode() {
            int h = Long.hashCode(l);
            for (long v : new long[] {r, top, bottom, clipX, clipY, clipWidth, clipHeight, x0, y0, x1, y1}) h = 31 * h + Long.hashCode(v);
            return 31 * (31 * h + Boolean.hashCode(axisAligned)) + Objects.hashCode(userToPixels);
        }
    }

    /** What a kept image was drawn from: the placement, the palette, whether the candles are on it, and how it was drawn. */
    private record ViewKey(Placement placement, PaletteLookup palette, boolean withCandles, AffineTransform userToDevice,
                           Object antialiasing) {
        // written out, as Placement's
        @Override
        public boolean equals(Object o) {
            return o instanceof ViewKey k && Objects.equals(k.placement, placement) && k.palette == palette
                    && k.withCandles == withCandles && Objects.equals(k.userToDevice, userToDevice)
                    && Objects.equals(k.antialiasing, antialiasing);
        }

        @Override
        public int hashCode() {
            return Objects.hash(placement, System.identityHashCode(palette), withCandles, userToDevice, antialiasing);
        }
    }

    /** Where the grid falls on this draw's device; null for a horizontal plot, which this layer does not draw. */
    Placement place(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis) {
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
        int cx0 = (int) Math.ceil(sx * dataArea.getMinX() + tx - 0.5), cx1 = (int) Math.ceil(sx * dataArea.getMaxX() + tx - 0.5);
        int cy0 = (int) Math.ceil(sy * dataArea.getMinY() + ty - 0.5), cy1 = (int) Math.ceil(sy * dataArea.getMaxY() + ty - 0.5);
        int x0 = (int) Math.max(Math.min(l, r), cx0), x1 = (int) Math.min(Math.max(l, r), cx1);
        int y0 = (int) Math.max(Math.min(top, bottom), cy0), y1 = (int) Math.min(Math.max(top, bottom), cy1);
        return new Placement(l, r, top, bottom, cx0, cy0, Math.max(0, cx1 - cx0), Math.max(0, cy1 - cy0), x0, y0, x1, y1,
                axisAligned, t);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (candleRenderer != null) candleRenderer.setDrawnByLayer(false);
        Placement p = place(g2, plot, dataArea, domainAxis, rangeAxis);
        if (p == null || p.isEmpty()) return;
        AffineTransform userToDevice = g2.getTransform();
        // Candles go on the kept image only where it is the whole visible plot: elsewhere the plot's
        // background and gridlines show around the grid, and candles there are the plot's to draw.
        boolean withCandles = candles != null && keepCandles && p.coversClip();
        ViewKey key = new ViewKey(p, palette, withCandles, userToDevice, g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING));
        if (!key.equals(imageKey)) {
            render(p, withCandles, g2, plot, dataArea, domainAxis, rangeAxis);
            imageKey = key;
            renders++;
        }

        Shape savedClip = g2.getClip();
        Composite savedComposite = g2.getComposite();
        g2.clip(dataArea);
        g2.setTransform(p.axisAligned() ? new AffineTransform() : userToDevice);
        // Every kept pixel is opaque: a plain copy, not a blend, whatever the image type.
        g2.setComposite(AlphaComposite.Src);
        g2.drawImage(image, p.x0(), p.y0(), p.x1(), p.y1(),
                p.x0() - p.clipX(), p.y0() - p.clipY(), p.x1() - p.clipX(), p.y1() - p.clipY(), null);
        g2.setComposite(savedComposite);
        g2.setTransform(userToDevice);
        g2.setClip(savedClip);
        if (withCandles) candleRenderer.setDrawnByLayer(true);
    }

    /** Draws the grid's part of the view, and the candles if asked, onto the kept image (which spans the clip). */
    private void render(Placement p, boolean withCandles, Graphics2D g2, XYPlot plot, Rectangle2D dataArea,
                        ValueAxis domainAxis, ValueAxis rangeAxis) {
        if (image == null || image.getWidth() != p.clipWidth() || image.getHeight() != p.clipHeight()
                || !(image.getRaster().getDataBuffer() instanceof DataBufferInt)) {
            image = compatibleImage(g2, p.clipWidth(), p.clipHeight());
        }
        Graphics2D ig = null;
        if (Math.abs(p.r() - p.l()) >= grid.columns() && Math.abs(p.bottom() - p.top()) >= grid.buckets()) {
            ig = imageGraphics(g2, p, dataArea);
            drawCellImage(ig, plot, dataArea, domainAxis, rangeAxis);
        } else {
            renderPooled(p);
        }
        if (withCandles) {
            if (ig == null) ig = imageGraphics(g2, p, dataArea);
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
    private Graphics2D imageGraphics(Graphics2D g2, Placement p, Rectangle2D dataArea) {
        Graphics2D ig = image.createGraphics();
        ig.setRenderingHints(g2.getRenderingHints());
        AffineTransform t = AffineTransform.getTranslateInstance(-p.clipX(), -p.clipY());
        t.concatenate(p.userToPixels());
        ig.setTransform(t);
        ig.clip(dataArea);
        return ig;
    }

    private void renderPooled(Placement p) {
        int width = p.x1() - p.x0(), height = p.y1() - p.y0();
        if (colLo.length < width) { colLo = new int[width]; colHi = new int[width]; }
        if (rowLo.length < height) { rowLo = new int[height]; rowHi = new int[height]; }
        int buckets = grid.buckets();
        GridRaster.pixelCells(p.x0(), width, p.l(), p.r(), grid.columns(), colLo, colHi);
        // Rows count from the top (the highest price): row k holds bucket (buckets - 1 - k).
        GridRaster.pixelCells(p.y0(), height, p.top(), p.bottom(), buckets, rowLo, rowHi);
        for (int i = 0; i < height; i++) {
            if (rowLo[i] < 0) continue;
            int fromTop = rowLo[i], toTop = rowHi[i];
            rowLo[i] = buckets - 1 - toTop;
            rowHi[i] = buckets - 1 - fromTop;
        }
        if (indices == null || indicesPalette != palette) {
            if (codes == null) codes = CellCodes.of(rows, grid.buckets());
            indices = codes.paletteIndices(rows, palette);
            indicesPalette = palette;
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int offset = (p.y0() - p.clipY()) * p.clipWidth() + (p.x0() - p.clipX());
        GridRaster.render(indices, grid.columns(), colLo, colHi, width, rowLo, rowHi, height, palette.colours(), EMPTY,
                pixels, offset, p.clipWidth(), pooled);
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
        for (int c = 0; c < columns; c++) {
            float[] row = grid.row(c);
            for (int b = 0, p = (buckets - 1) * columns + c; b < buckets; b++, p -= columns) {
                pixels[p] = palette.argb(row[b]);
            }
        }
        return image;
    }

    /** The grid's rows, in column order. */
    static float[][] rowsOf(HeatmapGrid grid) {
        float[][] rows = new float[grid.columns()][];
        for (int c = 0; c < rows.length; c++) rows[c] = grid.row(c);
        return rows;
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
