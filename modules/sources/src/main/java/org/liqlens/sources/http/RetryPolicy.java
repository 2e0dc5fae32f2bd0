package org.liqlens.sources.http;

/**
 * How hard {@link HttpFetcher} tries before giving up on one request.
 *
 * @param maxAttempts      total attempts per request, the first included
 * @param backoff          waits after 5xx, timeouts, cut-off or malformed bodies, and 429 without Retry-After
 * @param maxRetryAfterMs  the longest {@code Retry-After} worth waiting for; a longer one (a Binance 418 IP ban
 *                         can last days) fails at once with the exchange's message instead of hanging
 * @param totalMs          the longest one request may take, its retries and waits included: a server that
 *                         accepts and never answers, or one that refuses every connection, fails within it
 *                         with the last problem seen, instead of leaving the user in silence for minutes
 */
public record RetryPolicy(int maxAttempts, Backoff backoff, long maxRetryAfterMs, long totalMs) {

    /** The default bound of one request with its retries. */
    public static final long DEFAULT_TOTAL_MS = 60_000;
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, new Backoff(1_000, 30_000), 300_000, DEFAULT_TOTAL_MS);

    public RetryPolicy(int maxAttempts, Backoff backoff, long maxRetryAfterMs) {
        this(maxAttempts, backoff, maxRetryAfterMs, DEFAULT_TOTAL_MS);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        if (totalMs < 1) {
            throw new IllegalArgumentException("the time bound must be positive: " + totalMs);
        }
    }

    /** This policy with another bound for a whole request (the CLI's {@code --timeout}). */
    public RetryPolicy withTotalMs(long ms) {
        return new RetryPolicy(maxAttempts, backoff, Math.min(maxRetryAfterMs, ms), ms);
    }
}
