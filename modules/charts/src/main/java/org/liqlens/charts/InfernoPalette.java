package org.liqlens.charts;

import java.awt.Color;

/**
 * The inferno perceptual colour map (dark purple, red, orange, yellow) as a 256-entry lookup table, so a
 * heatmap pixel costs one array read. Built from a 6th-degree polynomial fit of matplotlib's inferno
 * (within 6/255 per channel of the published table), which saves shipping the 256-row table as data.
 */
public final class InfernoPalette {

    private static final double[][] COEFFICIENTS = {
        {0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
        {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
        {11.60249308247187, -3.972853965665698, -15.9423941062914},
        {-41.70399613139459, 17.43639888205313, 44.35414519872813},
        {77.162935699427, -33.40235894210092, -81.80730925738993},
        {-71.31942824499214, 32.62606426397723, 73.20951985803202},
        {25.13112622477341, -12.24266895238567, -23.07032500287172},
    };

    private static final int[] LUT = buildLut();

    private InfernoPalette() { }

    /** Opaque ARGB of the colour at {@code t} in [0, 1] (clamped). */
    public static int argb(double t) {
        return LUT[index(t)];
    }

    /** The lookup-table index of {@code t} in [0, 1] (clamped): {@code round(t * 255)}. */
    static int index(double t) {
        return (int) Math.round((t <= 0 ? 0 : t >= 1 ? 1 : t) * 255.0);
    }

    /** Opaque ARGB of table entry {@code i}, 0..255. */
    static int argbAt(int i) {
        return LUT[i];
    }

    public static Color color(double t) {
        return new Color(argb(t), false);
    }

    private static int[] buildLut() {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int argb = 0xFF000000;
            for (int ch = 0; ch < 3; ch++) {
                double v = COEFFICIENTS[6][ch];
                for (int k = 5; k >= 0; k--) {
                    v = v * t + COEFFICIENTS[k][ch];
                }
                int c = (int) Math.round(Math.max(0, Math.min(1, v)) * 255.0);
                argb |= c << (16 - 8 * ch);
            }
            lut[i] = argb;
        }
        return lut;
    }
}
