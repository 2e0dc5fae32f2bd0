package org.liqlens.sources.collect;

import java.util.Arrays;
import org.liqlens.engine.market.CandleSeries;

/**
 * Candles gathered in any order (Bybit and OKX page newest-first), turned into a series sorted by open time
 * with repeats at page boundaries removed. Validation is the engine builder's.
 */
public final class CandleRows {
    private long[] t = new long[256];
    private double[][] v = new double[7][256];
    private int n;

    public void add(long openTime, double open, double high, double low, double close, double volume,
                    double quoteVolume, double takerBuyQuoteVolume) {
        if (n == t.length) {
            t = Arrays.copyOf(t, n * 2);
            for (int c = 0; c < 7; c++) v[c] = Arrays.copyOf(v[c], n * 2);
        }
        t[n] = openTime;
        v[0][n] = open; v[1][n] = high; v[2][n] = low; v[3][n] = close;
        v[4][n] = volume; v[5][n] = quoteVolume; v[6][n] = takerBuyQuoteVolume;
        n++;
    }

    public int size() {
        return n;
    }

    /** The smallest open time added, or {@link Long#MAX_VALUE} when empty. */
    public long minOpenTime() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) m = Math.min(m, t[i]);
        return m;
    }

    /**
     * @throws IllegalArgumentException when a candle is invalid (see {@link CandleSeries.Builder#add})
     */
    public CandleSeries build(String symbol, long intervalMs) {
        int[] order = Sorting.orderBy(t, n);
        CandleSeries.Builder b = CandleSeries.builder(symbol, intervalMs, n);
        for (int k : order) {
            if (b.size() > 0 && t[k] == b.lastOpenTime()) {
                continue; // the same candle on two pages
            }
            b.add(t[k], v[0][k], v[1][k], v[2][k], v[3][k], v[4][k], v[5][k], v[6][k]);
        }
        return b.build();
    }
}
