package org.liqlens.sources.collect;

import java.util.Arrays;
import org.liqlens.engine.market.OpenInterestSeries;

/** Open-interest samples gathered in any order, built into a time-sorted series without repeated times. */
public final class OpenInterestRows {
    private long[] t = new long[256];
    private double[] oi = new double[256];
    private double[] value = new double[256];
    private int n;

    public void add(long time, double openInterest, double openInterestValue) {
        if (n == t.length) {
            t = Arrays.copyOf(t, n * 2);
            oi = Arrays.copyOf(oi, n * 2);
            value = Arrays.copyOf(value, n * 2);
        }
        t[n] = time;
        oi[n] = openInterest;
        value[n] = openInterestValue;
        n++;
    }

    public int size() {
        return n;
    }

    public long minTime() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) m = Math.min(m, t[i]);
        return m;
    }

    public OpenInterestSeries build(String symbol, long intervalMs) {
        int[] order = Sorting.orderBy(t, n);
        long[] ts = new long[n];
        double[] o = new double[n];
        double[] val = new double[n];
        int m = 0;
        for (int k : order) {
            if (m > 0 && ts[m - 1] == t[k]) {
                continue; // the same sample on two pages
            }
            ts[m] = t[k];
            o[m] = oi[k];
            val[m] = value[k];
            m++;
        }
        return new OpenInterestSeries(symbol, intervalMs, Arrays.copyOf(ts, m), Arrays.copyOf(o, m), Arrays.copyOf(val, m));
    }
}
