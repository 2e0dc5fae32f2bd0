package org.liqlens.confluence;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.ImageElement;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.liqlens.charts.ChartFiles;
import org.liqlens.charts.HeatmapChartFactory;
import org.liqlens.charts.PngEncoder;

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

    /** The chart as PNG ({@link ChartFiles#png}: {@link PngEncoder}, a few milliseconds where ImageIO's writer took a hundred). */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return ChartFiles.png(chart, width, height);
    }

    /**
     * Initialises what the first picture would otherwise pay for on the critical path: fonts, Java2D, the PNG
     * encoder and JFreeChart's classes ({@link ChartFiles#warmUp}, as the command line's {@code --png} does), and
     * JFreeSVG's. A command line run calls it on a spare thread while it loads data; it draws nothing anyone sees.
     */
    public static void warmUp() {
        ChartFiles.warmUp();
        try {
            org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(new org.jfree.data.xy.XYSeriesCollection(),
                    new org.jfree.chart.axis.NumberAxis("Time"), new org.jfree.chart.axis.NumberAxis("Price"), null);
            svg(new JFreeChart("warm-up", plot), 320, 200, "warm-");
        } catch (RuntimeException e) {
            // Only a head start: the real drawing reports any real problem.
        }
    }

    /**
     * The chart as SVG (JFreeSVG). The heatmap's cells are one raster image, embedded as a PNG data URL; the axes,
     * candles and text are vectors. JFreeSVG is told to reference images rather than encode them itself, and
     * the references are then replaced by data URLs from {@link PngEncoder}, the same fast encoder as the PNGs.
     * {@code idPrefix} fixes the ids of clip paths and gradients (JFreeSVG otherwise derives them from the
     * clock), so the same pane gives the same document.
     */
    public static byte[] svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        g.setRenderingHint(SVGHints.KEY_IMAGE_HANDLING, SVGHints.VALUE_IMAGE_HANDLING_REFERENCE);
        String marker = "liqlens-svg-image-" + idPrefix;
        g.setFilePrefix(marker);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String document = g.getSVGDocument();
        for (ImageElement image : g.getSVGImages()) {
            String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(PngEncoder.encode(toBuffered(image.getImage())));
            // JFreeSVG quotes attributes with ' (and might with "): replace the quoted reference either way
            document = document.replace("'" + image.getHref() + "'", "'" + dataUrl + "'")
                    .replace("\"" + image.getHref() + "\"", "\"" + dataUrl + "\"");
        }
        return document.getBytes(StandardCharsets.UTF_8);
    }

    private static BufferedImage toBuffered(Image image) {
        if (image instanceof BufferedImage b) return b;
        BufferedImage b = new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = b.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return b;
    }
}
