package org.liqlens.engine.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * A long/short ratio history of one symbol, such as Binance's top-trader long/short position ratio
 * ({@code /futures/data/topLongShortPositionRatio}; {@code sum_toptrader_long_short_ratio} in the {@code metrics}
 * archives): at each sample time the ratio of long to short positions. A sample stamped t describes the period
 * ending at t and is published after it.
 */
public final class LongShortRatioSeries {
    private final String symbol;
    private final long intervalMs;
    private final long[] time;
    private final double[] ratio;

    public LongShortRatioSeries(String symbol, long intervalMs, long[] time, double[] ratio) {
        this.symbol = Objects.requireNonNull(symbol);
        if (time.length != ratio.length) throw new IllegalArgumentException("ratio: " + time.length + " times but " + ratio.length + " ratios");
        for (int i = 0; i < time.length; i++) {
            if (i > 0 && time[i] <= time[i - 1]) {
                throw new IllegalArgumentException("ratio time " + time[i] + " at row " + i + " is not after the previous " + time[i - 1]);
            }
            if (!(ratio[i] > 0) || ratio[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("long/short ratio at row " + i + " is not a positive number: " + ratio[i]);
            }
        }
        this.intervalMs = intervalMs;
        this.time = time.clone();
        this.ratio = ratio.clone();
    }

    public String symbol() { return symbol; }
    public long intervalMs() { return intervalMs; }
    public int size() { return time.length; }
    public long time(int i) { return time[i]; }
    public double ratio(int i) { return ratio[i]; }

    /** The long share of sample i, ratio / (1 + ratio): 0.6 for a ratio of 1.5. */
    public double longShare(int i) { return ratio[i] / (1 + ratio[i]); }

    /** Index of the last sample stamped at or before {@code t}; -1 when there is none. */
    public int lastIndexAtOrBefore(long t) {
        int i = Arrays.binarySearch(time, t);
        return i >= 0 ? i : -i - 2;
    }

    /** The samples stamped before {@code t}: what an estimate as of t may know. */
    public LongShortRatioSeries before(long t) {
        int i = Arrays.binarySearch(time, t);
        int end = i >= 0 ? i : -i - 1;
        return end == time.length ? this : new LongShortRatioSeries(symbol, intervalMs, Arrays.copyOf(time, end), Arrays.copyOf(ratio, end));
    }

    @Override
    public String toString() { return "LongShortRatioSeries[" + symbol + ", " + time.length + " samples]"; }
}
