package org.liqlens.engine.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * Funding-rate history of one perpetual: at each funding time (epoch ms, strictly increasing) the rate settled then,
 * as a fraction of the position's value (Binance {@code fundingRate}, data.binance.vision {@code last_funding_rate}).
 * A positive rate means longs pay shorts. Binance settles every 8 hours (00, 08, 16 UTC) on most symbols, more
 * often on some.
 */
public final class FundingRateSeries {
    private final String symbol;
    private final long[] time;
    private final double[] rate;

    public FundingRateSeries(String symbol, long[] time, double[] rate) {
        this.symbol = Objects.requireNonNull(symbol);
        if (time.length != rate.length) throw new IllegalArgumentException("funding: " + time.length + " times but " + rate.length + " rates");
        for (int i = 0; i < time.length; i++) {
            if (i > 0 && time[i] <= time[i - 1]) {
                throw new IllegalArgumentException("funding time " + time[i] + " at row " + i + " is not after the previous " + time[i - 1]);
            }
            if (!Double.isFinite(rate[i])) throw new IllegalArgumentException("funding rate at row " + i + " is not a number: " + rate[i]);
        }
        this.time = time.clone();
        this.rate = rate.clone();
    }

    public String symbol() { return symbol; }
    public int size() { return time.length; }
    public long time(int i) { return time[i]; }
    public double rate(int i) { return rate[i]; }

    /** Index of the first funding at or after {@code t}; {@code size()} when there is none. */
    public int firstIndexAtOrAfter(long t) {
        int i = Arrays.binarySearch(time, t);
        return i >= 0 ? i : -i - 1;
    }

    /** The fundings stamped before {@code t}: what an estimate as of t may know. */
    public FundingRateSeries before(long t) {
        int end = firstIndexAtOrAfter(t);
        return end == time.length ? this : new FundingRateSeries(symbol, Arrays.copyOf(time, end), Arrays.copyOf(rate, end));
    }

    @Override
    public String toString() { return "FundingRateSeries[" + symbol + ", " + time.length + " fundings]"; }
}
