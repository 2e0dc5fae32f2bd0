package org.liqlens.engine.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * Open-interest history of one symbol: at each sample time, the open interest in base units and its
 * value in quote currency (Binance {@code sumOpenInterest} / {@code sumOpenInterestValue}). Strictly
 * increasing times; the interval is the nominal sampling period (5m on Binance).
 */
public final class OpenInterestSeries {
    private final String symbol;
    private final long intervalMs;
    private final long[] time;
    private final double[] openInterest;
    private final double[] openInterestValue;

    public OpenInterestSeries(String symbol, long intervalMs, long[] time, double[] openInterest, double[] openInterestValue) {
        this.symbol = Objects.requireNonNull(symbol);
        if (time.length != openInterest.length || time.length != openInterestValue.length) {
            throw new IllegalArgumentException("column lengths differ");
        }
        for (int i = 1; i < time.length; i++) {
            if (time[i] <= time[i - 1]) {
                throw new IllegalArgumentException("open-interest time " + time[i] + " at row " + i
                        + " is not after the previous " + time[i - 1]);
            }
        }
        this.intervalMs = intervalMs;
        this.time = time.clone();
        this.openInterest = openInterest.clone();
        this.openInterestValue = openInterestValue.clone();
    }

    public String symbol() { return symbol; }
    public long intervalMs() { return intervalMs; }
    public int size() { return time.length; }
    public long time(int i) { return time[i]; }
    public double openInterest(int i) { return openInterest[i]; }
    public double openInterestValue(int i) { return openInterestValue[i]; }
    public long[] times() { return time; }
    public double[] openInterestValues() { return openInterestValue; }

    /** Index of the first sample at or after {@code t}; {@code size()} when there is none. */
    public int firstIndexAtOrAfter(long t) {
        int i = Arrays.binarySearch(time, t);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The samples stamped before {@code t}: this series itself when it has none at or after {@code t}. A sample
     * stamped t is a snapshot at t, published after it, so an estimate as of t must not see it.
     */
    public OpenInterestSeries before(long t) {
        int end = firstIndexAtOrAfter(t);
        if (end == time.length) return this;
        return new OpenInterestSeries(symbol, intervalMs, Arrays.copyOf(time, end), Arrays.copyOf(openInterest, end),
                Arrays.copyOf(openInterestValue, end));
    }

    @Override
    public String toString() {
        return "OpenInterestSeries[" + symbol + ", " + time.length + " samples]";
    }
}
