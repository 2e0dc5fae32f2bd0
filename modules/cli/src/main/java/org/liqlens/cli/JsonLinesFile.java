package org.liqlens.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A file of JSON lines that is only ever appended to. Each line goes to the operating system in one
 * {@code write} of an {@code O_APPEND} channel, so once {@link #append} returns the line survives the
 * process being killed (Ctrl-C, a crash, {@code kill -9}); nothing is buffered in the JVM.
 *
 * <p>Existing content is never rewritten. If an earlier run died in the middle of a line, that torn line
 * is reported and closed off with a newline, so that the next record starts on a line of its own and a
 * reader loses only the torn fragment.
 */
final class JsonLinesFile implements Closeable {
    private final Path path;
    private final FileChannel channel;

    private JsonLinesFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens {@code path} for appending, creating the file when missing. Its folder must exist: one created
     * from a mistyped path would hold a recording nobody finds; {@link #whyNotWritable} says so instead.
     *
     * @param warn receives one line about a torn last line left by an earlier run
     */
    static JsonLinesFile openForAppend(Path path, Consumer<String> warn) throws IOException {
        long tornLine = tornLastLine(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        JsonLinesFile file = new JsonLinesFile(path, channel);
        if (tornLine > 0) {
            warn.accept(path + ":" + tornLine + ": incomplete last line left by an earlier run; skipping it,"
                    + " new records start on line " + (tornLine + 1));
            try {
                file.writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
            } catch (IOException e) {
                file.close();
                throw e;
            }
        }
        return file;
    }

    /**
     * Why {@link #openForAppend} failed with {@code e}, in words. java.nio's exceptions for the common cases
     * carry only the path, so the reason is read off the file system where it can be.
     */
    static String whyNotWritable(Path path, IOException e) {
        Path absolute = path.toAbsolutePath();
        if (Files.isDirectory(absolute)) return "is a directory";
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // The nearest ancestor that exists tells a missing folder from a file standing where a folder should.
            Path existing = parent;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            return existing != null && !Files.isDirectory(existing) ? existing + " is not a directory" : "no such directory " + parent;
        }
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return LiqLensCli.oneLine(e);
    }

    Path path() {
        return path;
    }

    /** Appends {@code json} (which must not contain a newline) and its newline in one write. */
    void append(String json) throws IOException {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer line = ByteBuffer.allocate(text.length + 1).put(text).put((byte) '\n');
        line.flip();
        writeFully(line);
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Forces the lines to the disk (a process crash cannot lose them; a power cut before this can). */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isOpen()) channel.force(false);
        } finally {
            channel.close();
        }
    }

    /**
     * The 1-based number of the last line when it lacks its newline, or 0 when the file is absent, empty
     * or ends with a newline. Lines are counted only in that (rare) case.
     */
    static long tornLastLine(Path path) throws IOException {
        if (!Files.isRegularFile(path)) return 0;
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) return 0;
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            if (last.get(0) == '\n') return 0;
            long newlines = 0;
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long position = 0;
            while (position < size) {
                buf.clear();
                int n = in.read(buf, position);
                if (n < 0) break;
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') newlines++;
                }
                position += n;
            }
            return newlines + 1;
        }
    }
}
