package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liqlens.charts.HeatmapStyle.Curve;

class HeatmapStyleTest {

    @Test
    void contrastIsAGammaNeutralAtFifty() {
        assertEquals(1.0, HeatmapStyle.DEFAULT.gamma());
        assertEquals(0.25, HeatmapStyle.DEFAULT.withContrast(100).gamma(), 1e-15);
        assertEquals(4.0, HeatmapStyle.DEFAULT.withContrast(0).gamma(), 1e-15);
        assertEquals(0.5, HeatmapStyle.DEFAULT.withContrast(75).gamma(), 1e-15);
    }

    @Test
    void theDefaultIsTheSquareRootClippedAtTheNinetyNinePointFifthPercentile() {
        assertEquals(new HeatmapStyle(Curve.SQRT, 99.5, 50), HeatmapStyle.DEFAULT);
        assertEquals(new HeatmapStyle(Curve.LINEAR, 99, 50), HeatmapStyle.percentileClip(99));
        assertEquals(new HeatmapStyle(Curve.LOG, 100, 50), HeatmapStyle.log());
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HeatmapStyle(Curve.SQRT, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new HeatmapStyle(Curve.SQRT, 100.5, 50));
        assertThrows(IllegalArgumentException.class, () -> new HeatmapStyle(Curve.SQRT, Double.NaN, 50));
        assertThrows(IllegalArgumentException.class, () -> new HeatmapStyle(Curve.SQRT, 99, -1));
        assertThrows(IllegalArgumentException.class, () -> new HeatmapStyle(Curve.SQRT, 99, 101));
        assertThrows(NullPointerException.class, () -> new HeatmapStyle(null, 99, 50));
    }

    @Test
    void describeNamesScaleClipAndContrast() {
        assertEquals("sqrt scale · clipped at p99.5 · contrast 50", HeatmapStyle.DEFAULT.describe());
        assertEquals("log scale (4 decades) · no clip · contrast 70", HeatmapStyle.log().withContrast(70).describe());
        assertEquals("linear scale · clipped at p99 · contrast 50", HeatmapStyle.percentileClip(99).describe());
    }

    @Test
    void eachCurvePlacesNotionalOnThePaletteAsItsFormulaSays() {
        double sat = 1_000;
        IntensityScale linear = new IntensityScale(Curve.LINEAR, sat, 1);
        IntensityScale sqrt = new IntensityScale(Curve.SQRT, sat, 1);
        IntensityScale log = new IntensityScale(Curve.LOG, sat, 1);
        IntensityScale lifted = new IntensityScale(Curve.LINEAR, sat, 0.5);
        // 10 % of saturation: linear 0.1, sqrt 0.316..., log (4 decades) 1 - 1/4 = 0.75, gamma 1/2 on linear 0.316...
        assertEquals(0.10 + 0.90 * 0.1, linear.position(100), 1e-12);
        assertEquals(0.10 + 0.90 * Math.sqrt(0.1), sqrt.position(100), 1e-12);
        assertEquals(0.10 + 0.90 * 0.75, log.position(100), 1e-12);
        assertEquals(0.10 + 0.90 * Math.sqrt(0.1), lifted.position(100), 1e-12);
        // four decades down the log curve is its floor, and anything fainter stays there (but is not empty)
        assertEquals(0.10, log.position(0.1), 1e-12);
        assertEquals(0.10, log.position(0.0001), 1e-12);
        for (IntensityScale s : new IntensityScale[] {linear, sqrt, log, lifted}) {
            assertEquals(0.0, s.position(0), s.toString());
            assertEquals(0.0, s.position(-5), s.toString());
            assertEquals(1.0, s.position(sat), 1e-12, s.toString());
            assertEquals(1.0, s.position(50 * sat), 1e-12, "beyond saturation stays at the top: " + s);
        }
    }

    @Test
    void aStyleSaturatesAtItsPercentileOfTheNonEmptyCells() {
        float[] cells = new float[1_001];
        for (int i = 1; i <= 1_000; i++) cells[i] = 1_001 - i;  // 1000 .. 1, plus one empty cell
        CellQuantiles q = CellQuantiles.of(cells);
        assertEquals(1_000, q.count());
        // sorted 1..1000: the 99th percentile is index round(0.99 * 999) = 989, holding 990
        assertEquals(990.0, IntensityScale.of(HeatmapStyle.percentileClip(99), q).saturation());
        assertEquals(1_000.0, IntensityScale.of(HeatmapStyle.linear(), q).saturation());
        // round(0.995 * 999) = 994, holding 995
        assertEquals(995.0, IntensityScale.of(HeatmapStyle.DEFAULT, q).saturation());
        assertEquals(1.0, CellQuantiles.of(new float[3]).at(0.99), "an empty grid saturates at 1");
    }

    @Test
    void aLazyQuantileSelectsTheSameCellAsTheSortWithoutSorting() {
        // the same 1000 .. 1 as above: the lazy one must select what the sorted list holds at the same index
        float[] ladder = new float[1_001];
        for (int i = 1; i <= 1_000; i++) ladder[i] = 1_001 - i;
        assertEquals(995.0, CellQuantiles.lazy(ladder).at(0.995));
        assertEquals(1.0, CellQuantiles.lazy(ladder).at(0));
        assertEquals(1_000.0, CellQuantiles.lazy(ladder).at(1));
        assertEquals(1.0, CellQuantiles.lazy(new float[3]).at(0.99), "an empty grid saturates at 1");
        // many cells sharing the top 16 bits, ties, empty and negative cells, tiny and huge values
        SplittableRandom rnd = new SplittableRandom(3);
        float[] cells = new float[50_000];
        for (int i = 0; i < cells.length; i++) {
            int kind = rnd.nextInt(6);
            cells[i] = switch (kind) {
                case 0 -> 0f;
                case 1 -> -1f;
                case 2 -> 1_000f + rnd.nextInt(4);                     // ties
                case 3 -> (float) (1_000 + rnd.nextDouble() * 0.01);   // one top-16-bit bin
                case 4 -> (float) Math.exp(rnd.nextDouble() * 40 - 20);
                default -> Float.MIN_VALUE * (1 + rnd.nextInt(5));
            };
        }
        float[] positive = new float[cells.length];
        int n = 0;
        for (float v : cells) if (v > 0) positive[n++] = v;
        positive = java.util.Arrays.copyOf(positive, n);
        java.util.Arrays.sort(positive);
        for (double f : new double[] {0, 0.1, 0.25, 0.5, 0.9, 0.99, 0.995, 0.999, 1}) {
            double expected = positive[(int) Math.round(f * (n - 1))];
            CellQuantiles lazy = CellQuantiles.lazy(cells);
            assertEquals(expected, lazy.at(f), "fraction " + f);
            assertEquals(expected, lazy.at(f), "the same fraction again");
            assertEquals(positive[(int) Math.round(0.3 * (n - 1))], lazy.at(0.3), "a second fraction (sorts)");
            assertEquals(n, lazy.count());
        }
    }

    /** The per-pixel lookup must agree with the formula everywhere, including on either side of each step. */
    @Test
    void paletteLookupGivesExactlyTheColourOfTheFormula() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (Curve curve : Curve.values()) {
            for (double contrast : new double[] {0, 20, 50, 73.5, 100}) {
                IntensityScale scale = new IntensityScale(curve, 3.7e6, new HeatmapStyle(curve, 99, contrast).gamma());
                PaletteLookup lookup = new PaletteLookup(scale);
                int steps = 0;
                for (int i = 0; i < 20_000; i++) {
                    // log-uniform from 1e-12 to 1e3 times saturation, plus a linear spread under saturation
                    double v = i % 2 == 0 ? scale.saturation() * Math.pow(10, -12 + 15 * rnd.nextDouble())
                            : scale.saturation() * rnd.nextDouble();
                    assertEquals(scale.argb(v), lookup.argb(v), curve + " contrast " + contrast + " at " + v);
                }
                // either side of every step of the palette: find each step of the formula by bisection
                double prev = Double.MIN_VALUE;
                for (double v = prev * 1.02; v < 2 * scale.saturation(); prev = v, v = v * 1.02 + 1e-300) {
                    assertEquals(scale.paletteIndex(v), lookup.index(v), curve + " contrast " + contrast + " at " + v);
                    for (double from = prev; scale.paletteIndex(from) < scale.paletteIndex(v); steps++) {
                        long lo = Double.doubleToRawLongBits(from), hi = Double.doubleToRawLongBits(v);
                        while (hi - lo > 1) {
                            long mid = (lo + hi) >>> 1;
                            if (scale.paletteIndex(Double.longBitsToDouble(mid)) > scale.paletteIndex(from)) hi = mid; else lo = mid;
                        }
                        double below = Double.longBitsToDouble(lo), at = Double.longBitsToDouble(hi);
                        assertEquals(scale.paletteIndex(below), lookup.index(below), curve + " contrast " + contrast + " just below " + at);
                        assertEquals(scale.paletteIndex(at), lookup.index(at), curve + " contrast " + contrast + " at step " + at);
                        from = at;
                    }
                }
                assertTrue(steps >= 200, curve + " contrast " + contrast + ": only " + steps + " palette steps crossed");
                for (double v : new double[] {0, -1, Double.NaN, Double.MAX_VALUE, Double.POSITIVE_INFINITY}) {
                    assertEquals(scale.argb(v), lookup.argb(v), curve + " contrast " + contrast + " at " + v);
                }
            }
        }
    }
}
