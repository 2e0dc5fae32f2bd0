package org.liqlens.sources.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import org.liqlens.sources.http.ExchangeError;
import org.liqlens.sources.http.ExchangeErrorDecoder;

/** Bybit v5 reports errors in {@code retCode}/{@code retMsg}, usually with HTTP 200. */
final class BybitErrors implements ExchangeErrorDecoder {
    static final BybitErrors INSTANCE = new BybitErrors();

    @Override
    public ExchangeError decode(int httpStatus, JsonNode body) {
        JsonNode code = body.get("retCode");
        if (code == null || code.asText().equals("0")) {
            return null;
        }
        String c = code.asText();
        // 10006 too many visits, 10016 server error, 10000 server timeout: transient per Bybit's error list.
        boolean retryable = c.equals("10006") || c.equals("10016") || c.equals("10000");
        return new ExchangeError(c, body.path("retMsg").asText(), retryable);
    }

    /** Bybit answers an IP over its request limit with 403 instead of 429. */
    @Override
    public boolean isRateLimitStatus(int httpStatus) {
        return httpStatus == 429 || httpStatus == 418 || httpStatus == 403;
    }
}
