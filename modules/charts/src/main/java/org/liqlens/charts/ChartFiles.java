package org.liqlens.charts;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.liqlens.engine.io.AtomicFiles;

/**
 * Writes charts to image files atomically: a reader never sees half a PNG, a crash never leaves one. A file
 * that cannot be written fails with an {@link IOException} whose message says which file and why in words
 * ({@code cannot write PNG /x/y.png: permission denied}); java.nio's own messages often give only a path.
 */
public final class ChartFiles {
    private ChartFiles() { }

    public static void writePng(JFreeChart chart, Path target, int width, int height) throws IOException {
        AtomicFiles.write(target, "PNG", out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    /**
     * Fails, saying why, when {@code target} plainly cannot be written: it is a directory, a folder on its path
     * is a file, or the nearest existing folder is not writable. Lets a caller refuse an output path before
     * spending time on the chart; {@link #writePng} checks again and still reports what only the write finds.
     */
    public static void checkWritable(Path target) throws IOException {
        AtomicFiles.checkWritable(target, "PNG");
    }
}
