package org.liqlens.confluence;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of a bundle beyond the fixed layout (later {@code tables/scorecard.csv}), written after the tables
 * in the order given, with the fixed timestamp.
 *
 * @param path    the path inside the zip, e.g. {@code tables/scorecard.csv}: relative, '/'-separated, no "..";
 *                not one of the fixed layout's paths
 * @param content the bytes
 */
public record BundleEntry(String path, byte[] content) {
    public BundleEntry {
        Objects.requireNonNull(path);
        Objects.requireNonNull(content);
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.endsWith("/")
                || java.util.Arrays.asList(path.split("/")).contains("..") || java.util.Arrays.asList(path.split("/")).contains("")) {
            throw new IllegalArgumentException("a bundle entry needs a relative path such as tables/x.csv, not '" + path + "'");
        }
        content = content.clone();
    }

    /** A UTF-8 text entry. */
    public static BundleEntry text(String path, String text) {
        return new BundleEntry(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() { return content.clone(); }
}
