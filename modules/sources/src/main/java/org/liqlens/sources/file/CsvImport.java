package org.liqlens.sources.file;

import java.io.EOFException;
import java.io.IOException;
import org.liqlens.sources.MalformedDataException;
import org.liqlens.sources.SourceException;

/**
 * The loop every CSV importer shares: optional header row (recognised by a letter where a number would be),
 * one call per data row, and errors turned into {@code file:line: problem}. A blank line is accepted only at
 * the end of the file; nothing is skipped silently.
 */
final class CsvImport {

    interface Handler {
        /** The header's column names, before any row; not called for a headerless file. */
        default void header(CsvRow header, long lineNumber) { }

        /** A data row; throw {@link RowProblem} (or IllegalArgumentException) to reject it. */
        void row(CsvRow row, long lineNumber);

        /**
         * A data row straight from its bytes {@code [start, end)}, in one pass, for a handler that can: true when
         * the row was handled (as {@link #row} would have, to the same values and the same error), false to have it
         * split and passed to {@link #row}. Only a row in the plain form the handler expects may be taken here; any
         * other (spaces, quotes, signs, long numbers, missing fields) is declined, so every message about a bad row
         * comes from {@link #row}.
         */
        default boolean fastRow(byte[] b, int start, int end) { return false; }

        /** False once the handler needs no more rows: the rest of the file is not read. */
        default boolean wantsMore() { return true; }
    }

    private CsvImport() { }

    static void read(ArchiveInput input, Handler handler) {
        read(input, handler, true);
    }

    /**
     * @param fromFileStart false when the input starts at a line inside the file: no header there, and the line
     *                      numbers of messages count from that line (such a caller reads the whole file again to
     *                      report a problem with its real line)
     */
    static void read(ArchiveInput input, Handler handler, boolean fromFileStart) {
        Rows rows = new Rows(input, handler, fromFileStart);
        try {
            // The loop body is a method of its own: a file's rows are one call of this method, whose loop the JIT
            // compiles only after some 60,000 turns (a month of 1m rows is 43,200), so a cold read would run it
            // interpreted throughout; step() is compiled after a few hundred calls, with what it calls inlined.
            while (rows.step()) { }
        } catch (RowProblem | IllegalArgumentException e) {
            throw new MalformedDataException(input.name(), rows.line, e.getMessage());
        } catch (EOFException e) {
            throw new MalformedDataException(input.name(), rows.line, "the file ends abruptly (truncated download?)", e);
        } catch (IOException e) {
            throw new SourceException(input.name() + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The state of one read: where it is, whether the header may come next, the first blank line seen. */
    private static final class Rows {
        private final ArchiveInput input;
        private final Handler handler;
        private final LineReader lines;
        private final CsvRow row = new CsvRow();
        private long blankLine;
        private boolean first;
        long line;

        Rows(ArchiveInput input, Handler handler, boolean fromFileStart) {
            this.input = input;
            this.handler = handler;
            this.lines = new LineReader(input.stream());
            this.first = fromFileStart;
        }

        /** Reads the next line; false at the end of the input or once the handler wants no more. */
        boolean step() throws IOException {
            if (!lines.next()) return false;
            line = lines.lineNumber();
            if (lines.isBlank()) {
                if (blankLine == 0) blankLine = line;
                return true;
            }
            if (blankLine != 0) {
                throw new MalformedDataException(input.name(), blankLine, "blank line inside the data");
            }
            byte[] b = lines.buffer();
            int start = lines.start(), end = lines.end();
            if (first) {
                first = false;
                if (looksLikeHeader(b, start, end)) {
                    handler.header(row.split(b, start, end), line);
                    return true;
                }
            }
            if (!handler.fastRow(b, start, end)) handler.row(row.split(b, start, end), line);
            return handler.wantsMore();
        }
    }

    private static boolean looksLikeHeader(byte[] b, int start, int end) {
        int i = start;
        while (i < end && (b[i] == ' ' || b[i] == '"')) i++;
        return i < end && ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z');
    }

    /** The index of {@code name} in the header, or a problem naming the columns that are there. */
    static int column(String[] header, String name, String fileName) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) return i;
        }
        throw new SourceException(fileName + ":1: no column '" + name + "' in header " + String.join(",", header));
    }

    static String[] names(CsvRow header) {
        String[] n = new String[header.count()];
        for (int i = 0; i < n.length; i++) n[i] = header.text(i);
        return n;
    }
}
