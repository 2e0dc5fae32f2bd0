package org.liqlens.charts;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
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
        Path absolute = target.toAbsolutePath();
        checkWritable(absolute);
        try {
            AtomicFiles.write(absolute, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        } catch (IOException e) {
            throw new IOException(cannotWritePng(absolute, reason(e, absolute)), e);
        }
    }

    /**
     * Fails, saying why, when {@code target} plainly cannot be written: it is a directory, a folder on its path
     * is a file, or the nearest existing folder is not writable. Lets a caller refuse an output path before
     * spending time on the chart; {@link #writePng} checks again and still reports what only the write finds.
     */
    public static void checkWritable(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) throw new IOException(cannotWritePng(absolute, "is a directory"));
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isDirectory(existing)) throw new IOException(cannotWritePng(absolute, existing + " is not a directory"));
        if (!Files.isWritable(existing)) throw new IOException(cannotWritePng(absolute, "directory " + existing + " is not writable"));
    }

    private static String cannotWritePng(Path target, String reason) {
        return "cannot write PNG " + target + ": " + reason;
    }

    /** In words: java.nio's exceptions carry the reason in their type or in a capitalised C library text. */
    private static String reason(IOException e, Path target) {
        if (!(e instanceof FileSystemException f)) return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        // The temporary sibling is an implementation detail: a failure on it is a failure on the target.
        String other = f.getFile() == null || Objects.equals(Path.of(f.getFile()).toAbsolutePath().getParent(), target.getParent())
                ? "" : " (" + f.getFile() + ")";
        if (f instanceof AccessDeniedException) return "permission denied" + other;
        if (f instanceof NoSuchFileException) {
            // A folder that vanished after createDirectories, or one that takes no new files (/proc).
            Path dir = target.getParent();
            return Files.isDirectory(dir) ? "cannot create files in " + dir : "no such directory " + dir;
        }
        // From createDirectories: a file stands where a folder of the path should be.
        if (f instanceof FileAlreadyExistsException) return f.getFile() + " is not a directory";
        String why = f.getReason();
        if (why != null && !why.isEmpty()) return why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1) + other;
        return f.getClass().getSimpleName() + other;
    }
}
