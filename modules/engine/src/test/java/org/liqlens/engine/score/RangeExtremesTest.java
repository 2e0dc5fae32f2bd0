package org.liqlens.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The block sparse table against a plain scan, on every kind of run: empty, inside a block, across many. */
class RangeExtremesTest {

    @Test
    void everyRunAgreesWithAScan() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 1000;
        double[] hi = new double[n], lo = new double[n];
        for (int i = 0; i < n; i++) { lo[i] = rnd.nextDouble(); hi[i] = lo[i] + rnd.nextDouble(); }
        RangeExtremes x = new RangeExtremes(hi, lo, n);
        for (int k = 0; k < 20_000; k++) {
            int a = rnd.nextInt(n + 1), b = a + rnd.nextInt(n + 1 - a);
            double h = Double.NEGATIVE_INFINITY, l = Double.POSITIVE_INFINITY;
            for (int i = a; i < b; i++) { h = Math.max(h, hi[i]); l = Math.min(l, lo[i]); }
            assertEquals(h, x.maxHigh(a, b), "max [" + a + ", " + b + ")");
            assertEquals(l, x.minLow(a, b), "min [" + a + ", " + b + ")");
        }
    }
}
