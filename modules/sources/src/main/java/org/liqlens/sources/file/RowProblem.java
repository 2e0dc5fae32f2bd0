package org.liqlens.sources.file;

/**
 * What is wrong with the current row; the importer loop adds file name and line number. No stack trace: it
 * is an expected outcome that becomes a {@link org.liqlens.sources.MalformedDataException}.
 */
final class RowProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowProblem(String message) {
        super(message, null, false, false);
    }
}
