package org.liqlens.sources.okx;

import java.util.Locale;

/**
 * LiqLens names perpetuals the Binance way ({@code BTCUSDT}); OKX names them {@code BTC-USDT-SWAP}.
 */
public final class OkxSymbols {
    private static final String[] QUOTES = {"USDT", "USDC", "USD"};

    private OkxSymbols() { }

    /** {@code BTCUSDT} gives {@code BTC-USDT-SWAP}; an id that already contains a dash is kept as it is. */
    public static String toInstId(String symbol) {
        String s = symbol.trim().toUpperCase(Locale.ROOT);
        if (s.contains("-")) {
            return s;
        }
        for (String q : QUOTES) {
            if (s.endsWith(q) && s.length() > q.length()) {
                return s.substring(0, s.length() - q.length()) + "-" + q + "-SWAP";
            }
        }
        throw new IllegalArgumentException("cannot map '" + symbol + "' to an OKX perpetual: expected a symbol ending in "
                + String.join(", ", QUOTES) + " (e.g. BTCUSDT) or an OKX id (e.g. BTC-USDT-SWAP)");
    }

    /** {@code BTC-USDT-SWAP} gives {@code BTCUSDT}. */
    public static String fromInstId(String instId) {
        String s = instId.endsWith("-SWAP") ? instId.substring(0, instId.length() - 5) : instId;
        return s.replace("-", "");
    }

    /** {@code BTC-USDT-SWAP} gives the instrument family {@code BTC-USDT}. */
    static String family(String instId) {
        return instId.endsWith("-SWAP") ? instId.substring(0, instId.length() - 5) : instId;
    }
}
