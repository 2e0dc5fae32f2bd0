package org.liqlens.sources.json;

/**
 * A well-formed JSON payload does not have the shape or values the exchange documents (a missing field, a
 * price that is not a number). Raised by the parsing helpers; the HTTP layer adds the request URL.
 */
public final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PayloadException(String message) {
        super(message);
    }

    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
