package org.liqlens.confluence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.liqlens.engine.io.AtomicFiles;

/** Reads a bundle back: its entries in order, the prompt and the PNG pictures (for a review), and adds a review. */
public final class BundleReader {
    private final Path path;
    private final Map<String, BundleWriter.Entry> entries;

    private BundleReader(Path path, Map<String, BundleWriter.Entry> entries) {
        this.path = path;
        this.entries = entries;
    }

    /**
     * Reads the whole bundle into memory (a bundle is a few megabytes).
     *
     * @throws IOException naming the file when it cannot be read or is not a zip with a {@code prompt.md}
     */
    public static BundleReader read(Path bundle) throws IOException {
        Map<String, BundleWriter.Entry> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    LocalDateTime time = e.getTimeLocal();
                    entries.put(e.getName(), new BundleWriter.Entry(e.getName(), in.readAllBytes(), time));
                }
            }
        } catch (ZipException e) {
            throw new IOException(bundle + " is not a LiqLens bundle (not a zip: " + e.getMessage() + ")", e);
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException("no such bundle: " + bundle, e);
        }
        if (!entries.containsKey(BundleWriter.PROMPT)) throw new IOException(bundle + " is not a LiqLens bundle: it holds no " + BundleWriter.PROMPT);
        return new BundleReader(bundle, entries);
    }

    public Path path() { return path; }

    /** The entry names in the zip's order. */
    public List<String> entryNames() { return new ArrayList<>(entries.keySet()); }

    /** An entry's bytes, or null when the bundle has none of that name. */
    public byte[] entry(String name) {
        BundleWriter.Entry e = entries.get(name);
        return e == null ? null : e.content().clone();
    }

    public String prompt() {
        return new String(entries.get(BundleWriter.PROMPT).content(), StandardCharsets.UTF_8);
    }

    /** The PNG pictures ({@code images/*.png}) by entry name, in bundle order. */
    public Map<String, byte[]> pngImages() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (BundleWriter.Entry e : entries.values()) {
            if (e.path().startsWith("images/") && e.path().endsWith(".png")) out.put(e.path(), e.content());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Rewrites the bundle atomically with {@code review.md} (an assistant's answer) as its last entry, replacing
     * an earlier review; every other entry keeps its bytes, time and place.
     */
    public static void addReview(Path bundle, String reviewMarkdown) throws IOException {
        BundleReader r = read(bundle);
        List<BundleWriter.Entry> out = new ArrayList<>();
        for (BundleWriter.Entry e : r.entries.values()) if (!e.path().equals(BundleWriter.REVIEW)) out.add(e);
        out.add(new BundleWriter.Entry(BundleWriter.REVIEW, reviewMarkdown.getBytes(StandardCharsets.UTF_8), BundleWriter.FIXED_TIME));
        AtomicFiles.write(bundle, "bundle", o -> BundleWriter.writeZip(o, out));
    }
}
