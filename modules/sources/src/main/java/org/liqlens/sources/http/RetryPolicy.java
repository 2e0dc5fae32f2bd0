package org.liqlens.sources.http;

/**
 * How hard {@link HttpFetcher} tries before giving up on one request.
 *
 * @param maxAttempts      total attempts per request, the first included
 * @param backoff          waits after 5xx, timeouts, cut-off or malformed bodies, and 429 without Retry-After
 * @param maxRetryAfterMs  the longest {@code Retry-After} worth waiting for; a longer one (a Binance 418 IP ban
 *                         can last days) fails at once with the exchange's message instead of hanging
 */
public record RetryPolicy(int maxAttempts, Backoff backoff, long maxRetryAfterMs) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, new Backoff(1_000, 30_000), 300_000);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }
}
