package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The integer-arithmetic selects of the sweep's staging loop agree with the comparisons they replace. */
class BranchFreeSelectTest {

    @Test
    void selectsAgreeWithComparisons() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1, -1, 1e-300, -1e300,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.longBitsToDouble(0xFFF8_0000_0000_0000L),
                Double.longBitsToDouble(0xFFFF_FFFF_FFFF_FFFFL)};
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 100_000 + special.length; i++) {
            double x = i < special.length ? special[i] : Double.longBitsToDouble(rnd.nextLong());
            assertEquals(x > 0 ? 1 : 0, SweepKernel.positive(x), "positive(" + x + ")");
            for (int flag = 0; flag <= 1; flag++) {
                assertEquals(Double.doubleToRawLongBits(flag == 1 ? x : 0.0), Double.doubleToRawLongBits(SweepKernel.keep(x, flag)));
            }
            long a = rnd.nextLong(), b = i % 3 == 0 ? a : rnd.nextLong();
            assertEquals(a == b ? 1 : 0, SweepKernel.equal(a, b));
            int p = rnd.nextInt(), q = rnd.nextInt();
            assertEquals(p, SweepKernel.select(1, p, q));
            assertEquals(q, SweepKernel.select(0, p, q));
        }
        assertEquals(1, SweepKernel.equal(0, 0));
        assertEquals(0, SweepKernel.equal(Long.MIN_VALUE, 0));
    }
}
