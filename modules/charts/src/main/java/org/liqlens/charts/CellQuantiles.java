package org.liqlens.charts;

import java.util.Arrays;

/**
 * The quantiles of a grid's non-empty cells. {@link #of} sorts them once (O(n log n), off the EDT) and keeps
 * them, so that a saturation percentile is one array read and moving a percentile slider never sorts again:
 * 4 bytes per non-empty cell (the grid's cells are floats). {@link #lazy} sorts nothing up front: its first
 * quantile is selected exactly in two linear passes over the grid (a picture drawn once, in one style, needs
 * only that one), and only a second, different quantile sorts.
 */
final class CellQuantiles {
    /** The cells, a row per column (a grid's rows, {@link org.liqlens.engine.HeatmapGrid#row}); rows may repeat. */
    private final float[][] rows;
    private float[] sortedPositive;
    private int count = -1;
    /** The one quantile {@link #lazy} selected without sorting: its fraction and value (NaN: none yet). */
    private double selectedFraction = Double.NaN;
    private double selectedValue;

    private CellQuantiles(float[][] rows) {
        this.rows = rows;
    }

    /** Sorts the non-empty cells now. */
    static CellQuantiles of(float[]... rows) {
        CellQuantiles q = new CellQuantiles(rows);
        q.sort();
        return q;
    }

    /** Reads the cells only when a quantile is asked for; the grid must not change meanwhile. */
    static CellQuantiles lazy(float[]... rows) {
        return new CellQuantiles(rows);
    }

    /**
     * The value at {@code fraction} (0..1) of the sorted non-empty cells, index {@code round(fraction * (n - 1))};
     * 1 when there are none.
     */
    synchronized double at(double fraction) {
        if (sortedPositive == null) {
            if (fraction == selectedFraction) return selectedValue;
            if (Double.isNaN(selectedFraction)) {
                selectedValue = select(fraction);
                selectedFraction = fraction;
                return selectedValue;
            }
            sort();
        }
        int n = sortedPositive.length;
        if (n == 0) return 1.0;
        return sortedPositive[index(fraction, n)];
    }

    synchronized int count() {
        if (count < 0) count = countPositive(rows);
        return count;
    }

    private static int index(double fraction, int n) {
        return (int) Math.min(n - 1, Math.max(0, Math.round(fraction * (n - 1))));
    }

    private void sort() {
        int cells = 0;
        for (float[] row : rows) cells += row.length;
        float[] positive = new float[cells];
        int n = 0;
        for (float[] row : rows) {
            for (float v : row) {
                if (v > 0) positive[n++] = v;
            }
        }
        positive = Arrays.copyOf(positive, n);
        Arrays.sort(positive);
        sortedPositive = positive;
        count = n;
    }

    /**
     * The element of rank {@code index(fraction, n)} among the non-empty cells, without sorting: positive floats
     * order as their bit patterns do, so a histogram of the top 16 bits finds the bin holding that rank, and a
     * histogram of the low 16 bits of the cells in that bin finds the value.
     */
    private double select(double fraction) {
        int[] high = new int[1 << 15]; // a positive float's sign bit is 0: its top 16 bits are below 2^15
        int n = histogramHigh(rows, high);
        count = n;
        if (n == 0) return 1.0;
        int rank = index(fraction, n);
        int bin = 0;
        while (rank >= high[bin]) rank -= high[bin++];
        int[] low = new int[1 << 16];
        histogramLow(rows, bin, low);
        int lowBits = 0;
        while (rank >= low[lowBits]) rank -= low[lowBits++];
        return Float.intBitsToFloat(bin << 16 | lowBits);
    }

    private static int histogramHigh(float[][] rows, int[] high) {
        int n = 0;
        for (float[] row : rows) {
            for (float v : row) {
                if (v > 0) {
                    high[Float.floatToRawIntBits(v) >>> 16]++;
                    n++;
                }
            }
        }
        return n;
    }

    private static void histogramLow(float[][] rows, int bin, int[] low) {
        for (float[] row : rows) {
            for (float v : row) {
                if (v > 0) {
                    int bits = Float.floatToRawIntBits(v);
                    if (bits >>> 16 == bin) low[bits & 0xFFFF]++;
                }
            }
        }
    }

    private static int countPositive(float[][] rows) {
        int n = 0;
        for (float[] row : rows) {
            for (float v : row) {
                if (v > 0) n++;
            }
        }
        return n;
    }
}
