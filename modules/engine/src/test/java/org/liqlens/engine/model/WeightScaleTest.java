package org.liqlens.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightScaleTest {

    @Test
    void halfLife() {
        WeightScale s = WeightScale.halfLife(3_600_000);
        assertEquals(0.5, s.factor(0, 3_600_000), 1e-15);
        assertEquals(0.25, s.factor(1_000, 7_201_000), 1e-15);
        assertEquals(1.0, s.factor(5, 5));
        // a year at a one-hour half-life underflows G but not the ratio over an hour
        assertEquals(0.5, s.factor(365L * 86_400_000, 365L * 86_400_000 + 3_600_000), 1e-15);
    }

    @Test
    void stepsApplyToNotionalPresentStrictlyBefore() {
        WeightScale s = WeightScale.steps(new long[] {100, 200, 300}, new double[] {0.5, 0.8, 0.0});
        assertEquals(0.5, s.factor(99, 100), 0, "a step at 100 applies to notional stamped 99");
        assertEquals(1.0, s.factor(100, 199), 0, "but not to notional stamped 100");
        assertEquals(0.4, s.factor(0, 299), 1e-15);
        assertEquals(0.0, s.factor(0, 300), 0, "a zero step wipes");
        assertEquals(1.0, s.factor(300, 1000), 0, "after the wipe new notional is untouched");
        assertTrue(WeightScale.identity().isIdentity());
        assertEquals(1.0, WeightScale.identity().factor(0, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> WeightScale.steps(new long[] {1, 1}, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> WeightScale.steps(new long[] {1}, new double[] {1.5}));
    }
}
