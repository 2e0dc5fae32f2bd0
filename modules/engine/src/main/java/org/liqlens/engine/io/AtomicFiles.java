package org.liqlens.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;

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

    /**
     * Fails, saying why, when {@code target} plainly cannot be written: it is a directory, a folder on its path
     * is a file, or the nearest existing folder is not writable. Lets a caller refuse an output path before
     * spending time on the content; {@link #write} still reports what only the write finds.
     *
     * @param what what the file is, for the message: {@code cannot write <what> <path>: <why>}, e.g. "PNG"
     */
    public static void checkWritable(Path target, String what) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) throw new IOException(cannotWrite(what, absolute, "is a directory"));
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isDirectory(existing)) throw new IOException(cannotWrite(what, absolute, existing + " is not a directory"));
        if (!Files.isWritable(existing)) throw new IOException(cannotWrite(what, absolute, "directory " + existing + " is not writable"));
    }

    /** {@link #write}, with a failure said as {@code cannot write <what> <path>: <why in words>}. */
    public static void write(Path target, String what, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        checkWritable(absolute, what);
        try {
            write(absolute, content);
        } catch (IOException e) {
            throw new IOException(cannotWrite(what, absolute, reason(e, absolute)), e);
        }
    }

    private static String cannotWrite(String what, Path target, String reason) {
        return "cannot write " + what + " " + target + ": " + reason;
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
