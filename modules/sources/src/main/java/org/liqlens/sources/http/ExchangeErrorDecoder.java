package org.liqlens.sources.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises an exchange's error envelope, which some exchanges send with HTTP 200. */
@FunctionalInterface
public interface ExchangeErrorDecoder {

    /** The error in {@code body}, or {@code null} when it is an ordinary payload. */
    ExchangeError decode(int httpStatus, JsonNode body);

    /** Statuses that mean "slow down" for this exchange (honouring Retry-After). */
    default boolean isRateLimitStatus(int httpStatus) {
        return httpStatus == 429 || httpStatus == 418;
    }
}
