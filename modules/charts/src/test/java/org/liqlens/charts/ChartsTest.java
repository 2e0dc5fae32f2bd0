package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.PlotOrientation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

class ChartsTest {

    /** matplotlib's inferno: first entry #000004, last #FCFFA4, middle (index 128) #BC3754. */
    @Test
    void infernoMatchesMatplotlibAtBothEndsAndTheMiddle() {
        assertRgbNear(0x000004, InfernoPalette.argb(0.0));
        assertRgbNear(0xFCFFA4, InfernoPalette.argb(1.0));
        assertRgbNear(0xBC3754, InfernoPalette.argb(128 / 255.0));
        assertEquals(InfernoPalette.argb(0.0), InfernoPalette.argb(-3), "clamped below");
        assertEquals(InfernoPalette.argb(1.0), InfernoPalette.argb(7), "clamped above");
    }

    @Test
    void intensityScaleSaturatesAtThePercentileAndUsesASquareRootCurve() {
        float[] values = new float[101];
        for (int i = 1; i <= 100; i++) values[i] = i; // values[0] = 0 is an empty cell and is ignored
        IntensityScale scale = IntensityScale.fromPercentile(values, 0.5);
        // 100 positive values sorted 1..100; index round(0.5 * 99) = 50 holds 51
        assertEquals(51.0, scale.saturation());
        assertEquals(0.0, scale.position(0));
        assertEquals(1.0, scale.position(51), 1e-12);
        assertEquals(1.0, scale.position(5_000), 1e-12, "beyond saturation stays at the top");
        assertEquals(0.10 + 0.90 * 0.5, scale.position(51 / 4.0), 1e-12, "a quarter of saturation is half-way up the curve");
    }

    @Test
    void rasterPutsHighPricesAtTheTopAndTheBrightestCellWhereTheGridHasItsMaximum() {
        EstimateResult r = tinyEstimate(6, 8);
        HeatmapGrid g = r.heatmap();
        IntensityScale scale = new IntensityScale(g.max());
        BufferedImage img = HeatmapChartFactory.rasterise(g, scale);
        assertEquals(g.columns(), img.getWidth());
        assertEquals(g.buckets(), img.getHeight());
        int bestC = 0, bestB = 0;
        for (int c = 0; c < g.columns(); c++) {
            for (int b = 0; b < g.buckets(); b++) {
                if (g.value(c, b) > g.value(bestC, bestB)) { bestC = c; bestB = b; }
                int expected = g.value(c, b) > 0 ? scale.argb(g.value(c, b)) : InfernoPalette.argb(0);
                assertEquals(expected & 0xFFFFFF, img.getRGB(c, g.buckets() - 1 - b) & 0xFFFFFF, "cell " + c + "," + b);
            }
        }
        assertEquals(InfernoPalette.argb(1.0) & 0xFFFFFF, img.getRGB(bestC, g.buckets() - 1 - bestB) & 0xFFFFFF);
    }

    @Test
    void pngsAreWrittenWholeWithNoPartFileLeft(@TempDir Path dir) throws Exception {
        EstimateResult r = tinyEstimate(6, 8);
        Path heat = dir.resolve("heat.png");
        Path map = dir.resolve("sub/map.png");
        ChartFiles.writePng(HeatmapChartFactory.create(r, "test candles", true), heat, 640, 400);
        ChartFiles.writePng(MapChartFactory.create(r, "test candles", false, PlotOrientation.HORIZONTAL), map, 400, 640);
        BufferedImage h = ImageIO.read(heat.toFile());
        BufferedImage m = ImageIO.read(map.toFile());
        assertEquals(640, h.getWidth());
        assertEquals(400, h.getHeight());
        assertEquals(400, m.getWidth());
        assertEquals(640, m.getHeight());
        try (var files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void aPngThatCannotBeWrittenFailsSayingWhyNotOnlyWhere(@TempDir Path dir) throws Exception {
        EstimateResult r = tinyEstimate(6, 8);
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        IOException e = assertThrows(IOException.class,
                () -> ChartFiles.writePng(MapChartFactory.create(r, "test candles", false), file.resolve("map.png"), 400, 300));
        assertEquals("cannot write PNG " + file.resolve("map.png") + ": " + file + " is not a directory", e.getMessage());
        e = assertThrows(IOException.class, () -> ChartFiles.writePng(MapChartFactory.create(r, "test candles", false), dir, 400, 300));
        assertEquals("cannot write PNG " + dir + ": is a directory", e.getMessage());

        // sysfs takes no new files, not even from root: the write itself fails, with an AccessDeniedException
        // whose own message is only the path.
        Path sys = Path.of("/sys/kernel");
        Assumptions.assumeTrue(Files.isDirectory(sys), "no /sys (not Linux)");
        Path png = sys.resolve("liqlens-test.png");
        e = assertThrows(IOException.class, () -> ChartFiles.writePng(MapChartFactory.create(r, "test candles", false), png, 400, 300));
        assertTrue(e.getMessage().equals("cannot write PNG " + png + ": permission denied")
                || e.getMessage().equals("cannot write PNG " + png + ": directory " + sys + " is not writable"), e.getMessage());
    }

    @Test
    void windowLabelsReadLikeAnAnalystWritesThem() {
        assertEquals("12h", WindowLabels.format(12 * 3_600_000L));
        assertEquals("24h", WindowLabels.format(24 * 3_600_000L));
        assertEquals("3d", WindowLabels.format(3 * 86_400_000L));
        assertEquals("30d", WindowLabels.format(30 * 86_400_000L));
        assertEquals("90m", WindowLabels.format(90 * 60_000L));
    }

    /** Twelve 1h candles zig-zagging around 100, so levels are created and some are cleared. */
    private static EstimateResult tinyEstimate(int columns, int buckets) {
        CandleSeries.Builder b = CandleSeries.builder("TESTUSDT", 3_600_000L);
        double[] closes = {100, 101, 99.5, 102, 100.5, 98, 99, 103, 101, 100, 104, 102};
        double open = 100;
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            b.add(i * 3_600_000L, open, Math.max(open, c) + 0.4, Math.min(open, c) - 0.4, c, 10, 1_000 + 100 * i, 600);
            open = c;
        }
        CandleSeries candles = b.build();
        return LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(candles), "m1")
                .asOf(candles.lastCloseTime() + 1).window(12 * 3_600_000L).columns(columns).buckets(buckets).build());
    }

    private static void assertRgbNear(int expectedRgb, int argb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expectedRgb >> shift & 0xFF, a = argb >> shift & 0xFF;
            assertTrue(Math.abs(e - a) <= 6, String.format("channel %d: expected %02X, got %02X (rgb %06X)", shift, e, a, argb & 0xFFFFFF));
        }
    }
}
