package org.liqlens.sources.collect;

import java.util.Arrays;

/** Index orderings for column data, fast for the common already-ascending and newest-first inputs. */
final class Sorting {
    private Sorting() { }

    static int[] orderBy(long[] key, int n) {
        return orderBy(key, null, n);
    }

    /** Indices of the first {@code n} rows ordered by {@code key} then {@code tieBreak}; stable. */
    static int[] orderBy(long[] key, long[] tieBreak, int n) {
        int[] order = new int[n];
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < n; i++) {
            int c = compare(key, tieBreak, i - 1, i);
            if (c > 0) ascending = false;
            if (c < 0) descending = false;
        }
        if (ascending) {
            for (int i = 0; i < n; i++) order[i] = i;
            return order;
        }
        if (descending) {
            for (int i = 0; i < n; i++) order[i] = n - 1 - i;
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> compare(key, tieBreak, a, b));
        for (int i = 0; i < n; i++) order[i] = boxed[i];
        return order;
    }

    private static int compare(long[] key, long[] tieBreak, int a, int b) {
        int c = Long.compare(key[a], key[b]);
        if (c != 0 || tieBreak == null) return c;
        return Long.compare(tieBreak[a], tieBreak[b]);
    }
}
