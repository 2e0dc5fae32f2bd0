package org.liqlens.charts;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Maps surviving notional to a colour. Intensity is relative, so the scale saturates at a chosen notional
 * (by default a high percentile of the non-empty cells rather than the single largest one: one huge cell
 * would otherwise leave everything else dark), and a curve ({@link HeatmapStyle.Curve}) then a gamma (the
 * style's contrast) spread what lies below it over the palette. Empty cells get the palette's darkest colour,
 * distinct from the faintest non-empty one.
 *
 * <p>Palette position of a notional v > 0: {@code FLOOR + (1 - FLOOR) * curve(min(1, v / saturation))^gamma}.
 */
public final class IntensityScale implements PaintScale {

    /** Where non-empty cells start on the palette, so that "a little" differs visibly from "nothing". */
    private static final double FLOOR = 0.10;
    /** Decades below saturation that the log curve spreads over the palette. */
    public static final int LOG_DECADES = 4;

    private final HeatmapStyle.Curve curve;
    private final double saturation;
    private final double gamma;

    /** The square-root scale with neutral contrast, saturating at the given notional (1 when not positive). */
    public IntensityScale(double saturationNotional) {
        this(HeatmapStyle.Curve.SQRT, saturationNotional, 1.0);
    }

    public IntensityScale(HeatmapStyle.Curve curve, double saturationNotional, double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) throw new IllegalArgumentException("gamma must be positive: " + gamma);
        this.curve = java.util.Objects.requireNonNull(curve);
        this.saturation = saturationNotional > 0 ? saturationNotional : 1.0;
        this.gamma = gamma;
    }

    /**
     * A square-root scale saturating at the given percentile (a fraction, e.g. 0.995) of the positive values;
     * at least 1. Sorts a copy, O(n log n): call it off the EDT for large grids.
     */
    public static IntensityScale fromPercentile(float[] values, double percentile) {
        return new IntensityScale(CellQuantiles.of(values).at(percentile));
    }

    /** The scale of a style over cells whose quantiles are known. */
    static IntensityScale of(HeatmapStyle style, CellQuantiles quantiles) {
        return new IntensityScale(style.curve(), quantiles.at(style.clipPercentile() / 100.0), style.gamma());
    }

    public HeatmapStyle.Curve curve() { return curve; }
    public double saturation() { return saturation; }
    public double gamma() { return gamma; }

    /** Position on the palette in [0, 1]; 0 only for an empty cell. */
    public double position(double notional) {
        if (!(notional > 0)) return 0;
        double r = Math.min(1.0, notional / saturation);
        double u = switch (curve) {
            case LINEAR -> r;
            case SQRT -> Math.sqrt(r);
            case LOG -> Math.max(0.0, 1.0 + Math.log10(r) / LOG_DECADES);
        };
        if (gamma != 1.0) u = Math.pow(u, gamma);
        return FLOOR + (1 - FLOOR) * u;
    }

    /** Index into the 256-entry palette, as {@link InfernoPalette#argb(double)} rounds the position. */
    int paletteIndex(double notional) {
        return InfernoPalette.index(position(notional));
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
        return o instanceof IntensityScale s && s.curve == curve && s.saturation == saturation && s.gamma == gamma;
    }

    @Override
    public int hashCode() { return (curve.hashCode() * 31 + Double.hashCode(saturation)) * 31 + Double.hashCode(gamma); }

    @Override
    public String toString() {
        return "IntensityScale[" + curve.label() + ", saturation " + saturation + ", gamma " + gamma + "]";
    }
}
