package org.liqlens.sources.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.liqlens.sources.SourceException;

/**
 * A data file opened for reading, whatever its packaging: plain text, a ZIP archive (its first file, as
 * data.binance.vision ships them) or gzip. The format is recognised by its first bytes, not its name.
 * {@link #name()} is what error messages show: the file name, or {@code archive.zip!entry.csv}.
 */
final class ArchiveInput implements Closeable {
    private final InputStream in;
    private final String name;

    ArchiveInput(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    static ArchiveInput open(Path file) {
        String fileName = file.getFileName().toString();
        try {
            byte[] magic = new byte[4];
            int got;
            try (InputStream probe = Files.newInputStream(file)) {
                got = probe.readNBytes(magic, 0, 4);
            }
            InputStream raw = Files.newInputStream(file);
            if (got == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, 1 << 16));
                ZipEntry e = zip.getNextEntry();
                while (e != null && e.isDirectory()) {
                    e = zip.getNextEntry();
                }
                if (e == null) {
                    zip.close();
                    throw new SourceException(fileName + ": the ZIP archive holds no file");
                }
                return new ArchiveInput(zip, fileName + "!" + e.getName());
            }
            if (got >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
                return new ArchiveInput(new GZIPInputStream(raw, 1 << 16), fileName);
            }
            return new ArchiveInput(raw, fileName);
        } catch (IOException e) {
            throw new SourceException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    InputStream stream() {
        return in;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Read-only input: nothing is lost by a failed close.
        }
    }
}
