package org.liqlens.charts;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.liqlens.engine.io.AtomicFiles;

/**
 * Writes charts to image files atomically: a reader never sees half a PNG, a crash never leaves one. A file
 * that cannot be written fails with an {@link IOException} whose message says which file and why in words
 * ({@code cannot write PNG /x/y.png: permission denied}); java.nio's own messages often give only a path.
 */
public final class ChartFiles {
    private ChartFiles() { }

    /**
     * The chart drawn once into an image of {@code width x height} ({@link JFreeChart#createBufferedImage}) and
     * written by {@link PngEncoder}: the pixels JFreeChart's own PNG writer wrote, in a few milliseconds where
     * ImageIO's encoder took a few hundred on a cold start.
     */
    public static void writePng(JFreeChart chart, Path target, int width, int height) throws IOException {
        byte[] png = png(chart, width, height);
        AtomicFiles.write(target, "PNG", out -> out.write(png));
    }

    /** The chart as PNG bytes, drawn as {@link #writePng} draws it. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return PngEncoder.encode(chart.createBufferedImage(width, height));
    }

    /**
     * Fails, saying why, when {@code target} plainly cannot be written: it is a directory, a folder on its path
     * is a file, or the nearest existing folder is not writable. Lets a caller refuse an output path before
     * spending time on the chart; {@link #writePng} checks again and still reports what only the write finds.
     */
    public static void checkWritable(Path target) throws IOException {
        AtomicFiles.checkWritable(target, "PNG");
    }

    /**
     * Initialises what the first picture would otherwise pay for on the critical path: Java2D's loops, the fonts
     * of {@link ChartTheme} and their glyphs, antialiased text and shapes, JFreeChart's axes, titles and legend
     * classes, and the PNG encoder. A command line run calls it on a spare thread while it loads data; it draws
     * nothing anyone sees, and fails silently (the real drawing reports any real problem).
     */
    public static void warmUp() {
        try {
            org.jfree.chart.axis.DateAxis time = new org.jfree.chart.axis.DateAxis();
            time.setTimeZone(java.util.TimeZone.getTimeZone(java.time.ZoneOffset.UTC));
            time.setRange(0, 86_400_000L);
            org.jfree.chart.axis.NumberAxis price = new org.jfree.chart.axis.NumberAxis("Price (USDT)");
            price.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
            price.setRange(1, 2);
            org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(new org.jfree.data.xy.XYSeriesCollection(), time, price,
                    new CandleRenderer());
            plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(1.5, ChartTheme.PRICE_LINE, ChartTheme.DASHED));
            JFreeChart chart = new JFreeChart("warm-up · 0123456789", ChartTheme.TITLE_FONT, plot, false);
            ChartTheme.apply(chart);
            chart.addSubtitle(new org.jfree.chart.title.TextTitle("Liquidation heatmap — warm-up USDⓈ-M", ChartTheme.SUBTITLE_FONT));
            org.jfree.chart.axis.NumberAxis legendAxis = new org.jfree.chart.axis.NumberAxis(HeatmapChartFactory.LEGEND_LABEL);
            legendAxis.setRange(0, 1);
            ChartTheme.styleAxis(legendAxis);
            org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(
                    new org.jfree.chart.renderer.LookupPaintScale(0, 1, ChartTheme.TEXT), legendAxis);
            legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
            legend.setSubdivisionCount(8);
            chart.addSubtitle(legend);
            png(chart, 320, 200);
        } catch (RuntimeException | Error e) {
            // Only a head start.
        }
    }
}
