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
     * Initialises what the first picture would otherwise pay for on the critical path, by drawing a heatmap of a
     * few hours of made-up candles through {@link HeatmapChartFactory} at {@code width x height} and encoding it:
     * Java2D's loops and antialiased rasteriser, the fonts of {@link ChartTheme} and their glyphs, JFreeChart's
     * axes, titles and legend, the heatmap layer and the candles, the PNG encoder; the code the real picture runs
     * gets compiled. A command line run calls it on the second core while it loads data and estimates; it draws
     * nothing anyone sees, and fails silently (the real drawing reports any real problem).
     */
    public static void warmUp(int width, int height) {
        warmUp(width, height, false);
    }

    /**
     * {@link #warmUp(int, int)}, drawing the liquidation map ({@link MapChartFactory}) of the made-up estimate
     * instead of its heatmap when {@code map} is true: the warm-up for a command that will draw a map.
     */
    public static void warmUp(int width, int height, boolean map) {
        try {
            long hour = 3_600_000L, minute = 60_000L;
            org.liqlens.engine.market.CandleSeries.Builder b = org.liqlens.engine.market.CandleSeries.builder("WARMUPUSDT", minute, 240);
            double open = 100;
            for (int i = 0; i < 240; i++) {
                double close = 100 + 3 * Math.sin(i / 17.0) + (i % 7) * 0.1;
                b.add(i * minute, open, Math.max(open, close) + 0.2, Math.min(open, close) - 0.2, close, 10, 1_000 + i, 500);
                open = close;
            }
            org.liqlens.engine.market.CandleSeries candles = b.build();
            org.liqlens.engine.EstimateResult result = org.liqlens.engine.LiquidationEngine.standard().estimate(
                    org.liqlens.engine.EstimateRequest.builder(org.liqlens.engine.market.MarketInputs.of(candles), "m1")
                            .asOf(candles.lastCloseTime() + 1).window(4 * hour).columns(48).buckets(40).build());
            png(map ? MapChartFactory.create(result, "Warm-up USD\u24c8-M", false)
                    : HeatmapChartFactory.create(result, "Warm-up USD\u24c8-M", false), width, height);
        } catch (RuntimeException | Error e) {
            // Only a head start.
        }
    }

    /** {@link #warmUp(int, int)} at the heatmap's usual 1600 x 900. */
    public static void warmUp() {
        warmUp(1600, 900);
    }
}
