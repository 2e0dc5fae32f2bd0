package org.liqlens.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader, or the next start after a crash, sees either the old file or the whole new
 * one, never half of it: the content goes to a sibling temporary file, which is then moved over the target.
 * Used for everything the user keeps (pictures, workspaces); the candle cache adds its own fsyncs.
 */
public final class AtomicFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() { }

    /**
     * Writes {@code content} to {@code target}, creating its folder. On failure the target is unchanged and the
     * temporary file is gone.
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // A unique sibling, created with the default permissions (createTempFile would make it owner-only).
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".part");
        Path dir = absolute.getParent();
        if (dir != null) Files.createDirectories(dir);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
