package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.sim.SimulatedMarket;

/**
 * The heatmap's cells are {@code float}s ({@link HeatmapGrid}): each is the float nearest the engine's
 * {@code double} sum, so within a relative 2<sup>-24</sup> (6e-8) of it; the engine's double sums agree with
 * independent ones far below that (1e-12 here). A relative 1e-6 therefore bounds a cell's distance from the
 * exact value with a margin of about 16, and no more: a cell off by a tier's notional or a column fails it.
 */
class FloatGridTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    /** A float cell against a double value: relative 1e-6 (the cell's rounding is at most 6e-8). */
    static final double CELL = 1e-6;
    static final long DAY = 86_400_000L;
    static final MarketInputs MONTH = MarketInputs.of(SimulatedMarket.generate("BTCUSDT", 1L, SimulatedMarket.DEFAULT_END_MS, 30).candles1m());

    static Stream<Arguments> requests() {
        return Stream.of(
                // the benchmark's cases: 30 days and 3 days of 1m candles at 1,000 x 1,440
                Arguments.of("m1 30d 1000x1440", EstimateRequest.builder(MONTH, "m1").window(30 * DAY).buckets(1000).columns(1440).build()),
                Arguments.of("m1 3d 1000x1440", EstimateRequest.builder(MONTH, "m1").window(3 * DAY).buckets(1000).columns(1440).build()),
                // a pane's size, and a decaying model (every column rescales the grid)
                Arguments.of("m1 3d 400x480", EstimateRequest.builder(MONTH, "m1").window(3 * DAY).build()),
                Arguments.of("m3 5d 400x480", EstimateRequest.builder(MONTH, "m3").window(5 * DAY).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theLastColumnIsTheDoubleMapToSevenDigits(String name, EstimateRequest req) {
        EstimateResult r = ENGINE.estimate(req);
        HeatmapGrid g = r.heatmap();
        LiquidationMap m = r.map();
        assertEquals(req.columns(), g.columns(), "sized as asked");
        for (int c = 0; c < g.columns(); c++) assertEquals(req.buckets(), g.row(c).length, "sized as asked: column " + c);
        int last = g.columns() - 1, nonZero = 0;
        for (int b = 0; b < g.buckets(); b++) {
            double e = m.longNotional(b) + m.shortNotional(b);
            assertEquals(e, g.value(last, b), CELL * e, name + ": last column, bucket " + b);
            if (e > 0) nonZero++;
        }
        assertTrue(nonZero > g.buckets() / 10, name + ": a map worth comparing (" + nonZero + " buckets)");
    }

    /**
     * Cells against sums formed independently from {@link LiquidationEngine#levels}: a level is in column c
     * from the column of its creating event up to, not including, the column of its clearing event (a level
     * cleared at T leaves in the last column), at its notional scaled to the column's end.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aCellIsTheSumOfItsLevels(String name, EstimateRequest req) {
        EstimateResult r = ENGINE.estimate(req);
        HeatmapGrid g = r.heatmap();
        LevelTable t = ENGINE.levels(req);
        int nc = g.columns(), nb = g.buckets();
        double halfLifeMs = req.modelId().equals("m3") ? 24 * 3_600_000.0 : 0;
        int[] columns = {0, 1, nc / 3, nc / 2, nc - 2, nc - 1};
        double max = g.max();
        int checked = 0;
        for (int c : columns) {
            long end = g.columnEnd(c);
            double[] expected = new double[nb];
            for (int i = 0; i < t.size(); i++) {
                int b = g.bucketOf(t.price(i));
                if (b < 0 || g.columnOf(t.createdAt(i)) > c) continue;
                int cleared = t.clearedBy(i) == LevelTable.SURVIVES ? nc
                        : t.clearedBy(i) == LevelTable.CLEARED_AT_AS_OF ? nc - 1 : g.columnOf(t.clearedAt(i));
                if (cleared <= c) continue;
                double f = halfLifeMs > 0 ? Math.pow(2, -(end - t.createdAt(i)) / halfLifeMs) : 1;
                expected[b] += t.notional(i) * f;
            }
            for (int b = 0; b < nb; b++) {
                // 1e-12 of the largest cell: what cancellation leaves of a bucket's cleared levels in double
                assertEquals(expected[b], g.value(c, b), CELL * expected[b] + 1e-12 * max, name + ": column " + c + ", bucket " + b);
                if (expected[b] > 0) checked++;
            }
        }
        assertTrue(checked > columns.length, name + ": cells worth comparing (" + checked + ")");
    }
}
