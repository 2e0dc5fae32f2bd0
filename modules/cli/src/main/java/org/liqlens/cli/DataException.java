package org.liqlens.cli;

/** Bad or missing data (a malformed file row, an empty window): one line on stderr, exit status 1. */
final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataException(String message) {
        super(message);
    }

    DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
