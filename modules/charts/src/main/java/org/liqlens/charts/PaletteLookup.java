package org.liqlens.charts;

import java.util.Arrays;

/**
 * The colour of a notional under an {@link IntensityScale} in a few nanoseconds, with exactly the result of
 * {@link IntensityScale#argb(double)}: a repaint maps a million pixels, and a {@code log10} or {@code pow} per
 * pixel would cost more than the whole frame budget.
 *
 * <p>The position is monotone in the notional, so each palette index i is reached from a threshold on: the
 * smallest notional whose index is at least i, found exactly by bisection over the doubles' bit patterns.
 * A table keyed by the top bits of the notional's bit pattern (its exponent and ten mantissa bits, i.e.
 * log-spaced bins 0.1 % wide) gives the index at each bin's lower edge; a notional then needs one table read
 * and, only when a threshold falls inside its bin, a step or two up the thresholds.
 */
final class PaletteLookup {
    /** Bits of a double's pattern dropped to form the table key: keeps the exponent and 10 mantissa bits. */
    private static final int KEY_SHIFT = 42;
    /** More bins than this would mean a curve spanning hundreds of binary decades: search instead. */
    private static final int MAX_TABLE = 1 << 18;

    private final IntensityScale scale;
    private final int[] colours = new int[256];
    /** {@code threshold[i]}: the smallest positive notional with index at least i; +inf when none has. */
    private final double[] threshold = new double[257];
    /** Index of the smallest positive notional: every non-empty cell is at least this bright. */
    private final int lowestIndex;
    private final long keyMin;
    private final byte[] indexAtBinStart;

    PaletteLookup(IntensityScale scale) {
        this.scale = scale;
        for (int i = 0; i < 256; i++) colours[i] = InfernoPalette.argbAt(i);
        lowestIndex = scale.paletteIndex(Double.MIN_VALUE);
        Arrays.fill(threshold, Double.POSITIVE_INFINITY);
        for (int i = 0; i <= lowestIndex; i++) threshold[i] = Double.MIN_VALUE;
        for (int i = lowestIndex + 1; i < 256; i++) {
            threshold[i] = smallestReaching(i);
        }
        // The table spans the bins from the first real threshold to the last finite one.
        double first = threshold[Math.min(255, lowestIndex + 1)];
        double last = first;
        for (int i = 255; i > lowestIndex; i--) {
            if (threshold[i] != Double.POSITIVE_INFINITY) { last = threshold[i]; break; }
        }
        if (lowestIndex == 255 || first == Double.POSITIVE_INFINITY) {
            keyMin = 0;
            indexAtBinStart = new byte[0];
            return;
        }
        long kMin = key(first), kMax = key(last);
        if (kMax - kMin + 1 > MAX_TABLE) kMin = kMax - MAX_TABLE + 1;
        keyMin = kMin;
        indexAtBinStart = new byte[(int) (kMax - kMin + 1)];
        for (int k = 0; k < indexAtBinStart.length; k++) {
            indexAtBinStart[k] = (byte) search(Double.longBitsToDouble((kMin + k) << KEY_SHIFT));
        }
    }

    IntensityScale scale() { return scale; }

    /** The 256 palette colours, opaque ARGB; entry 0 is the empty cell's. Do not modify. */
    int[] colours() { return colours; }

    /** Opaque ARGB of the notional, identical to {@code scale().argb(notional)}. */
    int argb(double notional) {
        return colours[index(notional)];
    }

    int index(double notional) {
        if (!(notional > 0)) return 0;
        long k = key(notional) - keyMin;
        int i;
        if (k < 0) {
            // Below the table: brighter than the floor only when the table was capped.
            i = notional < threshold[lowestIndex + 1] ? lowestIndex : search(notional);
        } else if (k >= indexAtBinStart.length) {
            i = indexAtBinStart.length == 0 ? lowestIndex : indexAtBinStart[indexAtBinStart.length - 1] & 0xFF;
        } else {
            i = indexAtBinStart[(int) k] & 0xFF;
        }
        while (i < 255 && notional >= threshold[i + 1]) i++;
        return i;
    }

    /** The log-spaced bin of a positive notional: its exponent and top ten mantissa bits. Orders like the notional. */
    static long key(double positive) {
        return Double.doubleToRawLongBits(positive) >>> KEY_SHIFT;
    }

    /**
     * The palette index of each code of {@link CellCodes}: entry 0 (empty) is 0; entry 1 covers every
     * notional up to the end of bin {@code firstKey}; entry j >= 2 covers bin {@code firstKey + j - 1}. An entry
     * is -1 where the notionals of the code do not all share one index (a palette step falls inside).
     */
    int[] indexByCode(long firstKey, int codeCount) {
        int[] out = new int[codeCount];
        for (int j = 1; j < codeCount; j++) {
            long k = firstKey + j - 1;
            double lo = j == 1 ? Double.MIN_VALUE : Double.longBitsToDouble(k << KEY_SHIFT);
            double hi = Math.nextDown(Double.longBitsToDouble((k + 1) << KEY_SHIFT));
            int a = index(lo);
            out[j] = a == index(hi) ? a : -1;
        }
        return out;
    }

    /** Largest i with threshold[i] at most v (v positive): a binary search. */
    private int search(double v) {
        int lo = lowestIndex, hi = 255;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (threshold[mid] <= v) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /**
     * The smallest positive double whose palette index is at least {@code i}, or +inf: bisection over bit
     * patterns, which order positive doubles as their values.
     */
    private double smallestReaching(int i) {
        if (scale.paletteIndex(Double.MAX_VALUE) < i) return Double.POSITIVE_INFINITY;
        // index(lo) < i because i is above the index of the smallest positive double; index(hi) >= i
        long lo = 1, hi = Double.doubleToRawLongBits(Double.MAX_VALUE);
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (scale.paletteIndex(Double.longBitsToDouble(mid)) >= i) hi = mid; else lo = mid;
        }
        return Double.longBitsToDouble(hi);
    }
}
