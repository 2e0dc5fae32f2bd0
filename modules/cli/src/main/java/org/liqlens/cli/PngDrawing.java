package org.liqlens.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.liqlens.charts.ChartFiles;

/**
 * The thread that draws a {@code map} or {@code heatmap} picture ({@code --png}), on the second core. Its first
 * job is a small warm-up picture ({@link ChartFiles#warmUp(int, int, boolean)}: Java2D, the fonts, JFreeChart's
 * classes and code, which the real picture would otherwise wait for; a map for {@code map}, a heatmap for
 * {@code heatmap}); {@link #startEarly} begins it at the top of {@code main}, before the arguments are parsed,
 * so that it runs beside all of the main thread's work; the real picture follows once the estimate is made.
 */
final class PngDrawing {
    /** The warm-up's size: a full-size one costs more than it saves when the estimate ends first. */
    static final int WARM_UP_WIDTH = 400, WARM_UP_HEIGHT = 225;

    private static ExecutorService early;

    private PngDrawing() { }

    /** Starts the drawing thread and its warm-up now when the command line asks for a picture. */
    static synchronized void startEarly(String[] args) {
        if (early == null && asksForPicture(args)) early = start(isMap(args));
    }

    /**
     * The drawing thread, its warm-up submitted: the one {@link #startEarly} started, or a new one warming up
     * for a map ({@code map} true) or a heatmap.
     */
    static synchronized ExecutorService take(boolean map) {
        ExecutorService drawing = early != null ? early : start(map);
        early = null;
        return drawing;
    }

    private static ExecutorService start(boolean map) {
        ExecutorService drawing = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "liqlens-png");
            t.setDaemon(true);
            return t;
        });
        drawing.submit(() -> {
            ChartFiles.warmUp(WARM_UP_WIDTH, WARM_UP_HEIGHT, map);
            Probe.mark("png: warm-up done");
        });
        return drawing;
    }

    /**
     * {@code map} or {@code heatmap} (after {@code --modules DIR}, if given) with a {@code --png} option. A guess
     * made before the arguments are checked: a wrong one only costs a warm-up on a daemon thread.
     */
    static boolean asksForPicture(String[] args) {
        int i = commandIndex(args);
        if (i >= args.length || !(args[i].equals("map") || args[i].equals("heatmap"))) return false;
        for (int j = i + 1; j < args.length; j++) {
            if (args[j].equals("--png") || args[j].startsWith("--png=")) return true;
        }
        return false;
    }

    /** Whether the command (see {@link #asksForPicture}) is {@code map}. */
    static boolean isMap(String[] args) {
        int i = commandIndex(args);
        return i < args.length && args[i].equals("map");
    }

    /** The index of the command word: the first argument after any {@code --modules DIR}. */
    private static int commandIndex(String[] args) {
        int i = 0;
        while (i < args.length && (args[i].equals("--modules") || args[i].startsWith("--modules="))) {
            i += args[i].equals("--modules") ? 2 : 1;
        }
        return i;
    }
}
