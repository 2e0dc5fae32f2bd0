package org.liqlens.charts;

import java.util.Arrays;

/**
 * The non-empty cells of a grid, sorted, so that a saturation percentile is one array read. Built once per
 * heatmap (an O(n log n) sort, off the EDT) and kept by the chart, so that moving a percentile slider never
 * sorts again. Costs 4 bytes per non-empty cell (the grid's cells are floats).
 */
final class CellQuantiles {
    private final float[] sortedPositive;

    private CellQuantiles(float[] sortedPositive) {
        this.sortedPositive = sortedPositive;
    }

    static CellQuantiles of(float[] values) {
        float[] positive = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (v > 0) positive[n++] = v;
        }
        positive = Arrays.copyOf(positive, n);
        Arrays.sort(positive);
        return new CellQuantiles(positive);
    }

    /**
     * The value at {@code fraction} (0..1) of the sorted non-empty cells, index {@code round(fraction * (n - 1))};
     * 1 when there are none.
     */
    double at(double fraction) {
        int n = sortedPositive.length;
        if (n == 0) return 1.0;
        int idx = (int) Math.min(n - 1, Math.max(0, Math.round(fraction * (n - 1))));
        return sortedPositive[idx];
    }

    int count() { return sortedPositive.length; }
}
