package org.liqlens.sources.collect;

import java.util.Arrays;
import org.liqlens.engine.market.CandleSeries;

/**
 * Candles received over the network, in whatever order the pages brought them (Bybit and OKX page
 * newest-first; a proxy or a fault may shuffle or repeat rows), turned into a series sorted by open time.
 *
 * <p>Each row is checked when added, by the same {@link RowChecks} as the archive importer, so that the
 * network path accepts exactly the rows a file would. A candle that arrives twice with the same values (the
 * overlap of two pages) is kept once; one that arrives twice with different values is an error, because
 * either copy could be the wrong one.
 */
public final class CandleRows {
    private static final int COLUMNS = 7;
    private long[] t = new long[256];
    private double[][] v = new double[COLUMNS][256];
    private int n;
    private long newest = Long.MIN_VALUE;

    /**
     * @param takerBuyVolume      base-currency taker-buy volume, NaN where the source does not report it
     * @param takerBuyQuoteVolume quote-currency taker-buy volume, NaN where the source does not report it
     * @throws RowChecks.RowCheckFailure when the row breaks a rule of {@link RowChecks#candle}
     */
    public void add(long openTime, double open, double high, double low, double close, double volume,
                    double quoteVolume, double takerBuyVolume, double takerBuyQuoteVolume) {
        RowChecks.candle(open, high, low, close, volume, quoteVolume, takerBuyVolume, takerBuyQuoteVolume);
        if (n == t.length) {
            t = Arrays.copyOf(t, n * 2);
            for (int c = 0; c < COLUMNS; c++) v[c] = Arrays.copyOf(v[c], n * 2);
        }
        t[n] = openTime;
        v[0][n] = open; v[1][n] = high; v[2][n] = low; v[3][n] = close;
        v[4][n] = volume; v[5][n] = quoteVolume; v[6][n] = takerBuyQuoteVolume;
        n++;
        newest = Math.max(newest, openTime);
    }

    public int size() {
        return n;
    }

    /** The largest open time added, or {@link Long#MIN_VALUE} when empty. */
    public long newestOpenTime() {
        return newest;
    }

    /** The smallest open time added, or {@link Long#MAX_VALUE} when empty. */
    public long minOpenTime() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) m = Math.min(m, t[i]);
        return m;
    }

    /**
     * The rows sorted by open time, exact repeats dropped.
     *
     * @throws IllegalArgumentException when one open time came with two different candles
     */
    public CandleSeries build(String symbol, long intervalMs) {
        int[] order = Sorting.orderBy(t, n);
        CandleSeries.Builder b = CandleSeries.builder(symbol, intervalMs, n);
        int previous = -1;
        for (int k : order) {
            if (previous >= 0 && t[k] == t[previous]) {
                if (!sameValues(k, previous)) {
                    throw new RowChecks.RowCheckFailure("the candle at open time " + t[k]
                            + " came twice with different values (close " + RowChecks.show(v[3][previous]) + " and "
                            + RowChecks.show(v[3][k]) + ", volume " + RowChecks.show(v[4][previous]) + " and "
                            + RowChecks.show(v[4][k]) + ")");
                }
                continue;
            }
            b.add(t[k], v[0][k], v[1][k], v[2][k], v[3][k], v[4][k], v[5][k], v[6][k]);
            previous = k;
        }
        return b.build();
    }

    private boolean sameValues(int a, int b) {
        for (int c = 0; c < COLUMNS; c++) {
            if (Double.doubleToLongBits(v[c][a]) != Double.doubleToLongBits(v[c][b])) return false;
        }
        return true;
    }
}
