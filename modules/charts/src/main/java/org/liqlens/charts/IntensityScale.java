package org.liqlens.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import org.jfree.chart.renderer.PaintScale;

/**
 * Maps surviving notional to a colour. Intensity is relative, so the scale saturates at a high
 * percentile of the non-empty cells rather than at the single largest one (one huge cell would otherwise
 * leave everything else dark), and a square-root curve lifts the faint bands an analyst still wants to
 * see. Empty cells get the palette's darkest colour, distinct from the faintest non-empty one.
 */
public final class IntensityScale implements PaintScale {

    /** Where non-empty cells start on the palette, so that "a little" differs visibly from "nothing". */
    private static final double FLOOR = 0.10;

    private final double saturation;

    public IntensityScale(double saturationNotional) {
        this.saturation = saturationNotional > 0 ? saturationNotional : 1.0;
    }

    /**
     * A scale saturating at the given percentile (e.g. 0.995) of the positive values; at least 1.
     * Sorting a copy is O(n log n) on the background thread; 480 x 400 cells take a few milliseconds.
     */
    public static IntensityScale fromPercentile(double[] values, double percentile) {
        double[] positive = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (v > 0) positive[n++] = v;
        }
        if (n == 0) return new IntensityScale(1.0);
        Arrays.sort(positive, 0, n);
        int idx = (int) Math.min(n - 1, Math.max(0, Math.round(percentile * (n - 1))));
        return new IntensityScale(positive[idx]);
    }

    public double saturation() { return saturation; }

    /** Position on the palette in [0, 1]; 0 only for an empty cell. */
    public double position(double notional) {
        if (!(notional > 0)) return 0;
        double r = Math.min(1.0, notional / saturation);
        return FLOOR + (1 - FLOOR) * Math.sqrt(r);
    }

    public int argb(double notional) {
        return InfernoPalette.argb(position(notional));
    }

    @Override public double getLowerBound() { return 0; }
    @Override public double getUpperBound() { return saturation; }

    @Override
    public Paint getPaint(double value) {
        return new Color(argb(value), false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntensityScale s && s.saturation == saturation;
    }

    @Override
    public int hashCode() { return Double.hashCode(saturation); }
}
