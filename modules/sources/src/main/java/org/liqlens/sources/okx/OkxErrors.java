package org.liqlens.sources.okx;

import com.fasterxml.jackson.databind.JsonNode;
import org.liqlens.sources.http.ExchangeError;
import org.liqlens.sources.http.ExchangeErrorDecoder;

/** OKX v5 envelopes carry {@code code} (a string, "0" for success) and {@code msg}. */
final class OkxErrors implements ExchangeErrorDecoder {
    static final OkxErrors INSTANCE = new OkxErrors();

    @Override
    public ExchangeError decode(int httpStatus, JsonNode body) {
        JsonNode code = body.get("code");
        if (!body.isObject() || code == null || code.asText().equals("0")) {
            return null;
        }
        String c = code.asText();
        // 50011 rate limit, 50001 service unavailable, 50004 endpoint timeout, 50013 busy, 50026 system error.
        boolean retryable = c.equals("50011") || c.equals("50001") || c.equals("50004") || c.equals("50013")
                || c.equals("50026");
        return new ExchangeError(c, body.path("msg").asText(), retryable);
    }
}
