package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;

class HeatmapRenderTest {
    private static final int SENTINEL = 0xFF00FF;

    /** One simulated day, 1,000 buckets x 1,440 columns: more cells than the test's pixels on both axes. */
    private static EstimateResult day;

    @BeforeAll
    static void estimate() {
        day = TestEstimates.simulated(1, 1_000, 1_440);
    }

    @Test
    void aPixelShowsTheCellUnderItsCentreWhenZoomedInAndEveryCellCentredInItWhenZoomedOut() {
        int[] lo = new int[8], hi = new int[8];
        // 4 cells over pixels 10..18 (2 px each): pixel 10 centre 10.5 -> cell 0, pixel 13 -> cell 1, 16 -> cell 3
        GridRaster.pixelCells(9, 8, 10, 18, 4, lo, hi);
        assertArrayEquals(new int[] {-1, 0, 0, 1, 1, 2, 2, 3}, lo);
        assertArrayEquals(lo, hi);
        // 10 cells over pixels 0..4 (2.5 cells a pixel): cell centres 0.5, 1.5, ... fall in pixel floor(centre / 2.5)
        lo = new int[4];
        hi = new int[4];
        GridRaster.pixelCells(0, 4, 0, 4, 10, lo, hi);
        assertArrayEquals(new int[] {0, 2, 5, 7}, lo);
        assertArrayEquals(new int[] {1, 4, 6, 9}, hi);
        // the same laid out right to left (an axis running the other way)
        GridRaster.pixelCells(0, 4, 4, 0, 10, lo, hi);
        assertArrayEquals(new int[] {7, 5, 2, 0}, lo);
        assertArrayEquals(new int[] {9, 6, 4, 1}, hi);
    }

    /** The per-style shortcut through cell codes gives every cell exactly its own palette index. */
    @Test
    void cellCodesGiveEveryCellItsExactPaletteIndex() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int columns = 37, buckets = 53;
        for (double decades : new double[] {3, 12, 40}) {   // 40 decades need more bins than 16-bit codes hold
            float[] values = new float[columns * buckets];   // a grid's cells are floats (HeatmapGrid)
            for (int i = 0; i < values.length; i++) {
                values[i] = rnd.nextInt(5) == 0 ? 0 : (float) (1e6 * Math.pow(10, -decades * rnd.nextDouble()));
            }
            values[7] = -1;   // not a notional: drawn as empty
            float[][] rows = new float[columns][];   // a grid's rows: rows[column][bucket]
            for (int c = 0; c < columns; c++) rows[c] = java.util.Arrays.copyOfRange(values, c * buckets, (c + 1) * buckets);
            CellCodes codes = CellCodes.of(rows, buckets);
            for (HeatmapStyle style : new HeatmapStyle[] {HeatmapStyle.DEFAULT, HeatmapStyle.log().withContrast(100),
                    HeatmapStyle.percentileClip(90).withContrast(0)}) {
                PaletteLookup palette = new PaletteLookup(IntensityScale.of(style, CellQuantiles.of(rows)));
                byte[] indices = codes.paletteIndices(rows, palette);
                for (int c = 0; c < columns; c++) {
                    for (int b = 0; b < buckets; b++) {
                        double v = values[c * buckets + b];
                        assertEquals(palette.scale().paletteIndex(v), indices[b * columns + c] & 0xFF,
                                style + ", " + decades + " decades, cell " + c + "," + b + " = " + v);
                    }
                }
            }
        }
    }

    /** A band one bucket tall in a 1,000-bucket column drawn 100 pixels tall: sampling skips it, pooling keeps it. */
    @Test
    void aOneBucketBandSurvivesWhenBucketsOutnumberPixelRows() {
        int buckets = 1_000, rows = 100, band = 537;
        float[] values = new float[buckets];
        values[band] = 5;
        values[band + 1] = 1;
        PaletteLookup palette = new PaletteLookup(new IntensityScale(5));
        int[] colLo = {0}, colHi = {0}, rowLo = new int[rows], rowHi = new int[rows], out = new int[rows];
        GridRaster.pixelCells(0, rows, 0, rows, buckets, rowLo, rowHi);   // rows from the top, as the layer counts them
        for (int y = 0; y < rows; y++) {
            int fromTop = rowLo[y], toTop = rowHi[y];
            rowLo[y] = buckets - 1 - toTop;
            rowHi[y] = buckets - 1 - fromTop;
        }
        byte[] indices = CellCodes.of(new float[][] {values}, buckets).paletteIndices(new float[][] {values}, palette);
        GridRaster.render(indices, 1, colLo, colHi, 1, rowLo, rowHi, rows, palette.colours(), SENTINEL, out, 0, 1, new byte[1]);
        // bucket 537 is row 462 from the top, centre 462.5, in pixel row floor(462.5 / 10) = 46; so is bucket 538 (row 461)
        for (int y = 0; y < rows; y++) {
            assertEquals(y == 46 ? InfernoPalette.argb(1.0) : InfernoPalette.argb(0), out[y], "row " + y);
        }

        // what a one-pixel-per-cell image scaled to 100 rows shows: rows sampled at 5, 15, ..., so none of 461, 462
        BufferedImage cells = new BufferedImage(1, buckets, BufferedImage.TYPE_INT_RGB);
        for (int b = 0; b < buckets; b++) cells.setRGB(0, buckets - 1 - b, palette.argb(values[b]));
        BufferedImage scaled = new BufferedImage(1, rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(cells, 0, 0, 1, rows, null);
        g.dispose();
        for (int y = 0; y < rows; y++) {
            assertEquals(InfernoPalette.argb(0) & 0xFFFFFF, scaled.getRGB(0, y) & 0xFFFFFF, "sampling shows no band at row " + y);
        }
    }

    /**
     * Zoomed out, each pixel of the data area has the colour of the brightest cell whose centre lies in it. The
     * expectation goes the other way round from the renderer: cell by cell, into the pixel holding its centre.
     */
    @Test
    void zoomedOutEachPixelShowsTheBrightestCellCentredInIt() {
        HeatmapGrid g = day.heatmap();
        for (HeatmapStyle style : new HeatmapStyle[] {HeatmapStyle.DEFAULT, HeatmapStyle.log().withContrast(80)}) {
            int checked = assertEachPixelShowsTheBrightestCellCentredInIt(g, style, new Rectangle2D.Double(10.3, 5.7, 700.4, 400.2), 1.0);
            assertEquals(699 * 399, checked, "the pixels wholly inside x 10.3..710.7, y 5.7..405.9");
        }
    }

    /** On a HiDPI screen (here 150 %) the view is rendered at the device's resolution, not the chart's units. */
    @Test
    void onAScaledDeviceEachDevicePixelShowsTheBrightestCellCentredInIt() {
        int checked = assertEachPixelShowsTheBrightestCellCentredInIt(day.heatmap(), HeatmapStyle.DEFAULT,
                new Rectangle2D.Double(8, 4, 600, 400), 1.5);
        assertEquals(900 * 600, checked, "device pixels 12..912 x 6..606");
    }

    /** Draws the layer with the whole grid in view on a device scaled by {@code scale}; returns the pixels checked. */
    private static int assertEachPixelShowsTheBrightestCellCentredInIt(HeatmapGrid g, HeatmapStyle style, Rectangle2D area, double scale) {
        HeatmapLayer layer = new HeatmapLayer(g, style);
        XYPlot plot = plot(g.start(), g.end(), g.priceLow(), g.priceHigh());
        int width = (int) Math.ceil(scale * (area.getMaxX() + 10)), height = (int) Math.ceil(scale * (area.getMaxY() + 10));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        g2.scale(scale, scale);
        layer.draw(g2, plot, area, plot.getDomainAxis(), plot.getRangeAxis(), 0, null);
        g2.dispose();

        // the grid's extent in device pixels, rounded to whole pixels
        long l = Math.round(scale * plot.getDomainAxis().valueToJava2D(g.start(), area, RectangleEdge.BOTTOM));
        long r = Math.round(scale * plot.getDomainAxis().valueToJava2D(g.end(), area, RectangleEdge.BOTTOM));
        long t = Math.round(scale * plot.getRangeAxis().valueToJava2D(g.priceHigh(), area, RectangleEdge.LEFT));
        long b = Math.round(scale * plot.getRangeAxis().valueToJava2D(g.priceLow(), area, RectangleEdge.LEFT));
        double[][] brightest = new double[width][height];
        for (double[] row : brightest) java.util.Arrays.fill(row, Double.NaN);
        for (int c = 0; c < g.columns(); c++) {
            int px = (int) Math.floor(l + (c + 0.5) * (r - l) / g.columns());
            for (int k = 0; k < g.buckets(); k++) {   // k: rows from the top
                int py = (int) Math.floor(t + (k + 0.5) * (b - t) / g.buckets());
                double v = g.value(c, g.buckets() - 1 - k);
                if (!(brightest[px][py] >= v)) brightest[px][py] = v;
            }
        }
        IntensityScale intensity = layer.scale();
        int checked = 0, lit = 0;
        for (int x = (int) Math.ceil(scale * area.getMinX()); x + 1 <= scale * area.getMaxX(); x++) {
            for (int y = (int) Math.ceil(scale * area.getMinY()); y + 1 <= scale * area.getMaxY(); y++) {
                assertFalse(Double.isNaN(brightest[x][y]), "every pixel holds a cell centre when zoomed out");
                int px = x, py = y;
                assertEquals(intensity.argb(brightest[x][y]) & 0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, () -> style + " pixel " + px + "," + py);
                checked++;
                if (brightest[x][y] > 0) lit++;
            }
        }
        assertTrue(lit > checked / 10, "the test grid is mostly empty: " + lit + " of " + checked);
        return checked;
    }

    @Test
    void aRepaintOfTheSameViewReusesTheImageAndAZoomPanOrRestyleRendersAgain() {
        HeatmapGrid g = day.heatmap();
        HeatmapLayer layer = new HeatmapLayer(g, HeatmapStyle.DEFAULT);
        XYPlot plot = plot(g.start(), g.end(), g.priceLow(), g.priceHigh());
        Rectangle2D area = new Rectangle2D.Double(0, 0, 700, 400);
        BufferedImage first = draw(layer, plot, area, 700, 400);
        assertEquals(1, layer.renders());
        BufferedImage again = draw(layer, plot, area, 700, 400);
        assertEquals(1, layer.renders(), "same style, view and size: the kept image");
        assertPixelsEqual(first, again);

        double span = g.end() - g.start();
        plot.getDomainAxis().setRange(g.start() + 0.25 * span, g.start() + 0.75 * span);   // still 720 columns on 700 px
        draw(layer, plot, area, 700, 400);
        assertEquals(2, layer.renders(), "zoom");
        plot.getDomainAxis().setRange(g.start() + 0.28 * span, g.start() + 0.78 * span);
        draw(layer, plot, area, 700, 400);
        assertEquals(3, layer.renders(), "pan");
        draw(layer, plot, area, 700, 400);
        assertEquals(3, layer.renders());

        layer.setStyle(HeatmapStyle.sqrt());
        draw(layer, plot, area, 700, 400);
        assertEquals(4, layer.renders(), "restyle");
        layer.setStyle(HeatmapStyle.DEFAULT);
        plot.getDomainAxis().setRange(g.start(), g.end());
        assertPixelsEqual(first, draw(layer, plot, area, 700, 400));
    }

    /** With more pixels than cells the layer draws exactly what the stretched one-pixel-per-cell image drew. */
    @Test
    void zoomedInTheLayerDrawsWhatTheStretchedCellImageDraws() {
        HeatmapGrid g = day.heatmap();
        HeatmapLayer layer = new HeatmapLayer(g, HeatmapStyle.DEFAULT);
        double span = g.end() - g.start();
        double mid = (g.priceLow() + g.priceHigh()) / 2, height = g.priceHigh() - g.priceLow();
        XYPlot plot = plot(g.start() + 0.4 * span, g.start() + 0.6 * span, mid - 0.1 * height, mid + 0.1 * height);
        Rectangle2D area = new Rectangle2D.Double(3.4, 2.2, 700.3, 400.6);
        BufferedImage drawn = draw(layer, plot, area, 720, 420);
        assertEquals(1, layer.renders());

        BufferedImage expected = new BufferedImage(720, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = expected.createGraphics();
        g2.setColor(new java.awt.Color(SENTINEL));
        g2.fillRect(0, 0, 720, 420);
        g2.clip(area);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int l = (int) Math.round(plot.getDomainAxis().valueToJava2D(g.start(), area, RectangleEdge.BOTTOM));
        int r = (int) Math.round(plot.getDomainAxis().valueToJava2D(g.end(), area, RectangleEdge.BOTTOM));
        int t = (int) Math.round(plot.getRangeAxis().valueToJava2D(g.priceHigh(), area, RectangleEdge.LEFT));
        int b = (int) Math.round(plot.getRangeAxis().valueToJava2D(g.priceLow(), area, RectangleEdge.LEFT));
        g2.drawImage(HeatmapChartFactory.rasterise(g, layer.scale()), l, t, r - l, b - t, null);
        g2.dispose();
        assertPixelsEqual(expected, drawn);
    }

    @Test
    void restyleRecoloursTheChartAndItsLegendWithoutANewEstimate() {
        JFreeChart chart = HeatmapChartFactory.create(day, "test", true, HeatmapStyle.DEFAULT);
        BufferedImage before = draw(chart);
        assertEquals(HeatmapStyle.DEFAULT, HeatmapChartFactory.style(chart));
        assertEquals("Surviving notional per cell (USDT), sqrt scale · clipped at p99.5 · contrast 50", legend(chart).getAxis().getLabel());

        HeatmapStyle log = HeatmapStyle.log().withContrast(70);
        HeatmapChartFactory.restyle(chart, log);
        assertEquals(log, HeatmapChartFactory.style(chart));
        assertEquals("Surviving notional per cell (USDT), log scale (4 decades) · no clip · contrast 70", legend(chart).getAxis().getLabel());
        assertEquals(day.heatmap().max(), HeatmapChartFactory.scale(chart).saturation(), "no clip: saturates at the largest cell");
        // the log legend runs over log10 of the notional, four decades up to the saturation
        assertEquals(Math.log10(day.heatmap().max()), legend(chart).getAxis().getUpperBound(), 1e-12);
        assertEquals(Math.log10(day.heatmap().max()) - 4, legend(chart).getAxis().getLowerBound(), 1e-12);
        assertNotEquals(0, differingPixels(before, draw(chart)));

        HeatmapChartFactory.restyle(chart, HeatmapStyle.DEFAULT);
        assertEquals(0, differingPixels(before, draw(chart)), "back to the default, pixel for pixel");
    }

    @Test
    void theCommandLinesChartNamesNoScaleAndAStyledChartDoes() {
        EstimateResult r = TestEstimates.tiny(6, 8);
        assertEquals("Surviving notional per cell (USDT)", legend(HeatmapChartFactory.create(r, "t", false)).getAxis().getLabel());
        assertEquals(HeatmapStyle.DEFAULT, HeatmapChartFactory.style(HeatmapChartFactory.create(r, "t", false)));
        assertTrue(legend(HeatmapChartFactory.create(r, "t", false, HeatmapStyle.linear())).getAxis().getLabel().endsWith("linear scale · no clip · contrast 50"));
    }

    /** The layer keeps the candles on its image only where that changes no pixel of what the plot would draw. */
    @Test
    void candlesKeptOnTheImageLookExactlyAsThePlotDrawsThem() {
        JFreeChart kept = HeatmapChartFactory.create(day, "test", true, HeatmapStyle.DEFAULT);
        JFreeChart plain = HeatmapChartFactory.create(day, "test", true, HeatmapStyle.DEFAULT);
        HeatmapChartFactory.layer(plain).setKeepCandles(false);
        assertEquals(0, differingPixels(draw(plain), draw(kept)));
        long renders = HeatmapChartFactory.layer(kept).renders();
        assertEquals(0, differingPixels(draw(plain), draw(kept)), "drawn again from the kept image");
        assertEquals(renders, HeatmapChartFactory.layer(kept).renders());

        // Zoomed out past the grid, the plot's background shows around it: the plot draws the candles.
        for (JFreeChart chart : new JFreeChart[] {kept, plain}) {
            XYPlot plot = (XYPlot) chart.getPlot();
            plot.getRangeAxis().setRange(day.heatmap().priceLow() * 0.9, day.heatmap().priceHigh() * 1.1);
        }
        assertEquals(0, differingPixels(draw(plain), draw(kept)));
    }

    /** Gridlines under the opaque grid are never seen: skipping them there changes no pixel, whatever the view. */
    @Test
    void gridlinesAreDrawnOnlyWhereTheGridLeavesThemVisible() {
        JFreeChart skipping = HeatmapChartFactory.create(day, "test", true, HeatmapStyle.DEFAULT);
        JFreeChart all = HeatmapChartFactory.create(day, "test", true, HeatmapStyle.DEFAULT);
        ((HeatmapPlot) all.getPlot()).setSkipHiddenGridlines(false);
        XYPlot a = (XYPlot) skipping.getPlot(), b = (XYPlot) all.getPlot();
        HeatmapGrid g = day.heatmap();
        double span = g.end() - g.start(), height = g.priceHigh() - g.priceLow();
        double[][] views = {
            {g.start(), g.end(), a.getRangeAxis().getLowerBound(), a.getRangeAxis().getUpperBound()},   // the first view
            {g.start() - span / 4, g.end() - span / 3, g.priceLow() - height / 5, g.priceLow() + height / 3},   // left and below
            {g.start() + span / 2, g.end() + span / 5, g.priceHigh() - height / 4, g.priceHigh() + height / 7},  // right and above
            {g.end() + span, g.end() + 2 * span, g.priceLow(), g.priceHigh()},                                  // past the grid
        };
        for (double[] v : views) {
            for (XYPlot plot : new XYPlot[] {a, b}) {
                plot.getDomainAxis().setRange(v[0], v[1]);
                plot.getRangeAxis().setRange(v[2], v[3]);
            }
            assertEquals(0, differingPixels(draw(all), draw(skipping)), java.util.Arrays.toString(v));
        }
        // and the gridlines are there to see beside the grid
        b.setDomainGridlinesVisible(false);
        b.setRangeGridlinesVisible(false);
        assertTrue(differingPixels(draw(all), draw(skipping)) > 100);
    }

    @Test
    void restyleRefusesAChartThatIsNotAHeatmap() {
        JFreeChart map = MapChartFactory.create(TestEstimates.tiny(6, 8), "t", false);
        assertThrows(IllegalArgumentException.class, () -> HeatmapChartFactory.restyle(map, HeatmapStyle.log()));
    }

    private static XYPlot plot(double x0, double x1, double y0, double y1) {
        NumberAxis x = new NumberAxis();
        x.setRange(x0, x1);
        NumberAxis y = new NumberAxis();
        y.setRange(y0, y1);
        return new XYPlot(null, x, y, null);
    }

    private static BufferedImage draw(HeatmapLayer layer, XYPlot plot, Rectangle2D area, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        g2.setColor(new java.awt.Color(SENTINEL));
        g2.fillRect(0, 0, width, height);
        layer.draw(g2, plot, area, plot.getDomainAxis(), plot.getRangeAxis(), 0, null);
        g2.dispose();
        return img;
    }

    private static BufferedImage draw(JFreeChart chart) {
        BufferedImage img = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 900, 500));
        g2.dispose();
        return img;
    }

    private static PaintScaleLegend legend(JFreeChart chart) {
        for (Object t : chart.getSubtitles()) {
            if (t instanceof PaintScaleLegend l) return l;
        }
        throw new AssertionError("no colour legend");
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
            }
        }
        return n;
    }

    private static void assertPixelsEqual(BufferedImage expected, BufferedImage actual) {
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int px = x, py = y;
                assertEquals(expected.getRGB(x, y) & 0xFFFFFF, actual.getRGB(x, y) & 0xFFFFFF, () -> "pixel " + px + "," + py);
            }
        }
    }
}
