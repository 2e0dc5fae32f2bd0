package org.liqlens.engine.liq;

import java.io.IOException;

/** A bracket table file that cannot be used, with the file and line at fault. */
public final class BracketFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public BracketFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file or resource name the table came from. */
    public String source() { return source; }

    /** 1-based line number of the offending row; 0 when the problem is the file as a whole. */
    public int line() { return line; }
}
