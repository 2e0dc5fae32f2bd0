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
        LineReader lines = new LineReader(input.stream());
        CsvRow row = new CsvRow();
        long blankLine = 0;
        boolean first = fromFileStart;
        long line = 0;
        try {
            while (lines.next()) {
                line = lines.lineNumber();
                if (lines.isBlank()) {
                    if (blankLine == 0) blankLine = line;
                    continue;
                }
                if (blankLine != 0) {
                    throw new MalformedDataException(input.name(), blankLine, "blank line inside the data");
                }
                row.split(lines.buffer(), lines.start(), lines.end());
                if (first) {
                    first = false;
                    if (looksLikeHeader(lines.buffer(), lines.start(), lines.end())) {
                        handler.header(row, line);
                        continue;
                    }
                }
                handler.row(row, line);
                if (!handler.wantsMore()) break;
            }
        } catch (RowProblem | IllegalArgumentException e) {
            throw new MalformedDataException(input.name(), line, e.getMessage());
        } catch (EOFException e) {
            throw new MalformedDataException(input.name(), line, "the file ends abruptly (truncated download?)", e);
        } catch (IOException e) {
            throw new SourceException(input.name() + ": cannot read: " + e.getMessage(), e);
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
