package org.liqlens.confluence;

import java.util.Locale;

/** The formats a {@link Table} is written in, with their file extensions. */
public enum TableFormat {
    CSV("csv"), JSON("json"), MARKDOWN("md");

    private final String extension;

    TableFormat(String extension) { this.extension = extension; }

    /** The file extension without the dot: csv, json, md. */
    public String extension() { return extension; }

    /** csv, json, md or markdown (any case). */
    public static TableFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            case "md", "markdown" -> MARKDOWN;
            default -> throw new IllegalArgumentException("a table format is csv, json or md, not '" + text + "'");
        };
    }
}
