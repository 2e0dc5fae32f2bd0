package org.liqlens.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClearingIndexTest {

    @Test
    void matchesALinearScan() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 20; round++) {
            int len = 1 + rnd.nextInt(300);
            double[] lows = new double[len], highs = new double[len];
            for (int i = 0; i < len; i++) {
                lows[i] = 90 + rnd.nextInt(20);
                highs[i] = lows[i] + rnd.nextInt(5);
            }
            int from = rnd.nextInt(len), to = from + rnd.nextInt(len - from + 1);
            ClearingIndex index = ClearingIndex.of(lows, highs, from, to);
            for (int q = 0; q < 200; q++) {
                int i = from - 1 + rnd.nextInt(Math.max(1, to - from + 1));
                double p = 88 + rnd.nextInt(30) + (rnd.nextBoolean() ? 0 : 0.5);
                int expLow = -1, expHigh = -1;
                for (int j = Math.max(from, i + 1); j < to; j++) {
                    if (expLow < 0 && lows[j] <= p) expLow = j;
                    if (expHigh < 0 && highs[j] >= p) expHigh = j;
                }
                assertEquals(expLow, index.firstLowAtOrBelow(i, p), "low query i=" + i + " p=" + p);
                assertEquals(expHigh, index.firstHighAtOrAbove(i, p), "high query i=" + i + " p=" + p);
            }
        }
    }
}
