package org.liqlens.sources.collect;

import java.util.Arrays;

/**
 * Samples of one value in time, gathered in any order (pages, files): sorted by time, a repeat with the same value
 * dropped, a repeat with another value refused. For funding rates and long/short ratios.
 */
public final class TimedValues {
    private long[] time = new long[64];
    private double[] value = new double[64];
    private int size;

    public void add(long t, double v) {
        if (size == time.length) {
            time = Arrays.copyOf(time, size * 2);
            value = Arrays.copyOf(value, size * 2);
        }
        time[size] = t;
        value[size] = v;
        size++;
    }

    public int size() { return size; }

    /**
     * The samples in time order without repeats.
     *
     * @param what names the series in the message of a conflict ("funding rates for BTCUSDT")
     * @throws IllegalStateException when one time came twice with different values
     */
    public Sorted sorted(String what) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b]));
        long[] t = new long[size];
        double[] v = new double[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (n > 0 && time[i] == t[n - 1]) {
                if (Double.compare(value[i], v[n - 1]) != 0) {
                    throw new IllegalStateException("inconsistent " + what + ": the sample at " + time[i]
                            + " came twice with different values (" + v[n - 1] + " and " + value[i] + ")");
                }
                continue;
            }
            t[n] = time[i];
            v[n] = value[i];
            n++;
        }
        return new Sorted(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    /** Times strictly increasing, and their values. */
    public record Sorted(long[] times, double[] values) { }
}
