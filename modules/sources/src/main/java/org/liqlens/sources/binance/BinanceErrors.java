package org.liqlens.sources.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.liqlens.sources.http.ExchangeError;
import org.liqlens.sources.http.ExchangeErrorDecoder;

/** Binance's error envelope {@code {"code":-1121,"msg":"Invalid symbol."}}. */
final class BinanceErrors implements ExchangeErrorDecoder {
    static final BinanceErrors INSTANCE = new BinanceErrors();

    @Override
    public ExchangeError decode(int httpStatus, JsonNode body) {
        if (!body.isObject() || !body.has("code") || !body.has("msg")) {
            return null;
        }
        String code = body.get("code").asText();
        if ("200".equals(code) || "0".equals(code)) {
            return null;
        }
        // -1003 too many requests, -1001 internal disconnect, -1007 backend timeout: transient by Binance's docs.
        boolean retryable = code.equals("-1003") || code.equals("-1001") || code.equals("-1007");
        return new ExchangeError(code, body.get("msg").asText(), retryable);
    }
}
