package org.liqlens.engine.model;

import java.util.Arrays;

/**
 * Answers "which is the first event after i whose low is at or below p" (the event that clears a long
 * level at p created by event i) and the same for highs at or above p (short levels), in O(log n) per
 * query and O(n) memory, for queries in any order: a min-tree over lows and a max-tree over highs.
 *
 * <p>The engine's own sweep uses a faster sequential structure (a monotonic stack, events visited from
 * the last to the first); this class is for models that need clearing times before the sweep, such as
 * the open-interest model, and for checks.
 */
public final class ClearingIndex {
    private final int from, n, leaves;
    private final double[] minLow, maxHigh;

    private ClearingIndex(double[] lows, double[] highs, int from, int to) {
        this.from = from;
        this.n = to - from;
        int l = 1;
        while (l < Math.max(1, n)) l <<= 1;
        leaves = l;
        minLow = new double[2 * l];
        maxHigh = new double[2 * l];
        Arrays.fill(minLow, Double.POSITIVE_INFINITY);
        Arrays.fill(maxHigh, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            minLow[l + i] = lows[from + i];
            maxHigh[l + i] = highs[from + i];
        }
        for (int k = l - 1; k >= 1; k--) {
            minLow[k] = Math.min(minLow[2 * k], minLow[2 * k + 1]);
            maxHigh[k] = Math.max(maxHigh[2 * k], maxHigh[2 * k + 1]);
        }
    }

    /** An index over events {@code [from, to)} with the given lows and highs (indices are absolute). */
    public static ClearingIndex of(double[] lows, double[] highs, int from, int to) {
        if (from < 0 || to < from || to > lows.length || to > highs.length) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + lows.length);
        }
        return new ClearingIndex(lows, highs, from, to);
    }

    /** First event j in (i, to) with {@code low_j <= p}, or -1 if there is none. */
    public int firstLowAtOrBelow(int i, double p) {
        int q = i + 1 - from;
        if (q >= n) return -1;
        int node = leaves + Math.max(q, 0);
        while (true) {
            if (minLow[node] <= p) {
                while (node < leaves) {
                    node <<= 1;
                    if (minLow[node] > p) node++;
                }
                return from + node - leaves;
            }
            while ((node & 1) == 1) node >>= 1;
            if (node == 0) return -1;
            node++;
        }
    }

    /** First event j in (i, to) with {@code high_j >= p}, or -1 if there is none. */
    public int firstHighAtOrAbove(int i, double p) {
        int q = i + 1 - from;
        if (q >= n) return -1;
        int node = leaves + Math.max(q, 0);
        while (true) {
            if (maxHigh[node] >= p) {
                while (node < leaves) {
                    node <<= 1;
                    if (maxHigh[node] < p) node++;
                }
                return from + node - leaves;
            }
            while ((node & 1) == 1) node >>= 1;
            if (node == 0) return -1;
            node++;
        }
    }
}
