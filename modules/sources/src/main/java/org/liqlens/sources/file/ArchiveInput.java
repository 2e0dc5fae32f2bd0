package org.liqlens.sources.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.liqlens.sources.SourceException;

/**
 * A data file opened for reading, whatever its packaging: plain text, a ZIP archive of one file (as
 * data.binance.vision ships them; an archive of several files is refused) or gzip. The format is recognised
 * by its first bytes, not its name.
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
            // "PK" then 3 4 (a file entry), 5 6 (an empty archive) or 7 8 (a spanned one)
            if (got == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] + 1 == magic[3] && magic[2] >= 3 && magic[2] <= 7) {
                return openZip(file, fileName);
            }
            InputStream raw = Files.newInputStream(file);
            if (got >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
                return new ArchiveInput(new GZIPInputStream(raw, 1 << 16), fileName);
            }
            return new ArchiveInput(raw, fileName);
        } catch (IOException e) {
            throw new SourceException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The one file of a ZIP archive. An archive of several files is refused rather than read in part: which of
     * them holds the data is not for the importer to guess, and ignoring the rest would silently lose rows.
     */
    private static ArchiveInput openZip(Path file, String fileName) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new SourceException(fileName + ": not a readable ZIP archive (" + e.getMessage() + ")", e);
        }
        try {
            List<ZipEntry> files = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (!e.isDirectory()) files.add(e);
            }
            if (files.isEmpty()) {
                throw new SourceException(fileName + ": the ZIP archive holds no file");
            }
            if (files.size() > 1) {
                List<String> names = files.stream().limit(5).map(ZipEntry::getName).toList();
                throw new SourceException(fileName + ": the ZIP archive holds " + files.size() + " files ("
                        + String.join(", ", names) + (files.size() > 5 ? ", ..." : "") + "); LiqLens reads archives"
                        + " of one file, as data.binance.vision ships them: unpack it into a folder and use file:FOLDER");
            }
            ZipEntry only = files.get(0);
            InputStream in = new BufferedInputStream(zip.getInputStream(only), 1 << 16);
            return new ArchiveInput(new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            }, fileName + "!" + only.getName());
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
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
