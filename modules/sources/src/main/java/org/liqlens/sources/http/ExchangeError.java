package org.liqlens.sources.http;

/**
 * An error an exchange reported in its response body.
 *
 * @param retryable true for rate limits and transient server trouble, which are worth retrying
 */
public record ExchangeError(String code, String message, boolean retryable) {

    @Override
    public String toString() {
        return "exchange error " + code + ": " + message;
    }
}
