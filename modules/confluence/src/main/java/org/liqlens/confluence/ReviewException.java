package org.liqlens.confluence;

import java.io.IOException;

/**
 * A review request that failed. The message names the request ({@code POST URL}, without credentials or
 * query), the HTTP status when there was one and the server's own error message; it never holds the API key.
 */
public final class ReviewException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ReviewException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response came (a refused connection, a timeout). */
    public int status() { return status; }
}
