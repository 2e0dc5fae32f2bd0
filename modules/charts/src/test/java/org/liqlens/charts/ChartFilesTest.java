package org.liqlens.charts;

import static org.liqlens.charts.PngEncoderTest.assertSamePixels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.EstimateResult;

/** The PNGs the command line writes are the pictures JFreeChart's own PNG writer wrote, pixel for pixel. */
class ChartFilesTest {

    @Test
    void writePngHasThePixelsOfJFreeChartsOwnWriter(@TempDir Path dir) throws IOException {
        EstimateResult r = TestEstimates.simulated(3, 400, 480);
        check(HeatmapChartFactory.create(r, "Simulated market (seed 1)", true), 1600, 900, dir.resolve("heatmap.png"));
        check(MapChartFactory.create(r, "Simulated market (seed 1)", true), 1000, 1000, dir.resolve("map.png"));
    }

    @Test
    void warmUpDrawsNothingAndNeverThrows() {
        ChartFiles.warmUp(400, 225);
        ChartFiles.warmUp();
    }

    private static void check(JFreeChart chart, int width, int height, Path file) throws IOException {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(before, chart, width, height);
        ChartFiles.writePng(chart, file, width, height);
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(before.toByteArray()));
        BufferedImage written = ImageIO.read(Files.newInputStream(file));
        assertSamePixels(expected, written);
    }
}
