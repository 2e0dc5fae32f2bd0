package org.liqlens.confluence;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.awt.image.BufferedImage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.liqlens.charts.HeatmapChartFactory;

/** A pane's pictures for the bundle: the heatmap with candles, as the app and the CLI draw it, off-screen. */
public final class ChartImages {
    private ChartImages() { }

    /** The pane's heatmap chart ({@link HeatmapChartFactory}); the estimate must include a heatmap. */
    public static JFreeChart heatmap(PaneEstimate pane) {
        if (pane.result().heatmap() == null) {
            throw new IllegalArgumentException("pane " + pane.name() + " has no heatmap (an estimate with 0 columns): a bundle draws heatmaps");
        }
        return HeatmapChartFactory.create(pane.result(), pane.sourceLabel(), pane.simulated());
    }

    /**
     * The chart as PNG. Encoded at deflate level 1 rather than ImageIO's 4: a chart's large flat areas compress
     * almost as well, and encoding is then about half of the time it takes to draw.
     */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f - 1f / 9);   // the JDK's writer uses deflate level 9 * (1 - quality)
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Initialises what the first picture would otherwise pay for on the critical path: fonts, Java2D, ImageIO's
     * PNG writer, JFreeChart's and JFreeSVG's classes. A command line run calls it on a spare thread while it
     * loads data; it draws nothing anyone sees.
     */
    public static void warmUp() {
        try {
            org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(new org.jfree.data.xy.XYSeriesCollection(),
                    new org.jfree.chart.axis.DateAxis(), new org.jfree.chart.axis.NumberAxis("Price"), null);
            JFreeChart chart = new JFreeChart("warm-up", plot);
            png(chart, 320, 200);
            svg(chart, 320, 200, "warm-");
        } catch (IOException | RuntimeException e) {
            // Only a head start: the real drawing reports any real problem.
        }
    }

    /**
     * The chart as SVG (JFreeSVG). The heatmap's cells are one raster image, which SVG embeds as a PNG; the
     * axes, candles and text are vectors. {@code idPrefix} fixes the ids of clip paths and gradients (JFreeSVG
     * otherwise derives them from the clock), so the same pane gives the same document.
     */
    public static byte[] svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
