package org.liqlens.sources.http;

/**
 * Exponential backoff: {@code initialMs}, then doubling, never above {@code maxMs}. No jitter: this client
 * is one process talking to public endpoints, and deterministic waits keep the tests exact.
 */
public record Backoff(long initialMs, long maxMs) {

    public Backoff {
        if (initialMs < 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max: " + initialMs + ", " + maxMs);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public long delayMs(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long d = initialMs << shift;
        return (d < 0 || d > maxMs) ? maxMs : d;
    }
}
