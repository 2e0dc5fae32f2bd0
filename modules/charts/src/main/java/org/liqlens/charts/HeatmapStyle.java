package org.liqlens.charts;

import java.util.Objects;

/**
 * How a heatmap maps surviving notional to colour: a curve, a clip percentile and a contrast. Immutable; a
 * desktop control builds a new one per change and hands it to {@link HeatmapChartFactory#restyle}.
 *
 * <p>The four mappings analysts ask for are combinations of the first two: {@link #linear()},
 * {@link #sqrt()} and {@link #log()} saturate at the largest cell, {@link #percentileClip(double)} saturates at
 * the p-th percentile of the non-empty cells (one huge cell then no longer leaves everything else dark). The
 * {@link #DEFAULT} is the picture LiqLens has always drawn: square root, clipped at the 99.5th percentile.
 *
 * @param curve          how notional below the saturation point spreads over the palette
 * @param clipPercentile the percentile of the non-empty cells at which colour saturates, in (0, 100];
 *                       100 saturates at the largest cell, i.e. clips nothing
 * @param contrast       0..100, 50 neutral; above 50 lifts faint bands, below 50 pushes them down (a gamma,
 *                       see {@link #gamma()})
 */
public record HeatmapStyle(Curve curve, double clipPercentile, double contrast) {

    /** How notional, as a fraction r in [0, 1] of the saturation point, spreads over the palette. */
    public enum Curve {
        /** r itself: colour proportional to notional. */
        LINEAR("linear"),
        /** √r: lifts the faint bands while keeping their order readable. */
        SQRT("sqrt"),
        /** log10(r) over {@link IntensityScale#LOG_DECADES} decades below saturation; anything fainter is the faintest colour. */
        LOG("log");

        private final String label;

        Curve(String label) { this.label = label; }

        /** Short lower-case name for legends and menus: linear, sqrt, log. */
        public String label() { return label; }
    }

    public static final double NEUTRAL_CONTRAST = 50;
    /** The look of every LiqLens heatmap before styles existed, and of the CLI's PNG. */
    public static final HeatmapStyle DEFAULT = new HeatmapStyle(Curve.SQRT, 99.5, NEUTRAL_CONTRAST);

    public HeatmapStyle {
        Objects.requireNonNull(curve, "curve");
        if (!(clipPercentile > 0 && clipPercentile <= 100)) {
            throw new IllegalArgumentException("clip percentile must be in (0, 100]: " + clipPercentile);
        }
        if (!(contrast >= 0 && contrast <= 100)) throw new IllegalArgumentException("contrast must be in [0, 100]: " + contrast);
    }

    public static HeatmapStyle linear() { return new HeatmapStyle(Curve.LINEAR, 100, NEUTRAL_CONTRAST); }
    public static HeatmapStyle sqrt() { return new HeatmapStyle(Curve.SQRT, 100, NEUTRAL_CONTRAST); }
    public static HeatmapStyle log() { return new HeatmapStyle(Curve.LOG, 100, NEUTRAL_CONTRAST); }
    /** Linear up to the p-th percentile of the non-empty cells (e.g. 99), saturated above it. */
    public static HeatmapStyle percentileClip(double percentile) { return new HeatmapStyle(Curve.LINEAR, percentile, NEUTRAL_CONTRAST); }

    public HeatmapStyle withCurve(Curve c) { return new HeatmapStyle(c, clipPercentile, contrast); }
    public HeatmapStyle withClipPercentile(double p) { return new HeatmapStyle(curve, p, contrast); }
    public HeatmapStyle withContrast(double c) { return new HeatmapStyle(curve, clipPercentile, c); }

    /**
     * The exponent applied to the curve's output u in [0, 1] before the palette: {@code u^gamma}, with
     * {@code gamma = 4^((50 - contrast) / 50)}: 1 at 50, 1/4 at 100 (a band at 1 % of saturation shows at
     * about a third of the palette), 4 at 0. Exactly 1 at 50, so the neutral contrast changes no pixel.
     */
    public double gamma() {
        return contrast == NEUTRAL_CONTRAST ? 1.0 : Math.pow(4.0, (NEUTRAL_CONTRAST - contrast) / NEUTRAL_CONTRAST);
    }

    /** For legends and menus, e.g. "sqrt scale · clipped at p99.5 · contrast 50", "log scale (4 decades) · no clip · contrast 70". */
    public String describe() {
        String scale = scaleName();
        String clip = clipPercentile == 100 ? "no clip" : "clipped at p" + number(clipPercentile);
        return scale + " · " + clip + " · contrast " + number(contrast);
    }

    /** The colour scale alone, e.g. "sqrt scale", "log scale (4 decades)". */
    public String scaleName() {
        return curve == Curve.LOG ? "log scale (" + IntensityScale.LOG_DECADES + " decades)" : curve.label() + " scale";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
