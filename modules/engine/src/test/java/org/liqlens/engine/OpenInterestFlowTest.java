package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.model.MissingInputException;

/** m2, Open-interest flow: by hand, and on two weeks of real BTCUSDT 5m price + open interest. */
class OpenInterestFlowTest {

    static final long BASE = 1_780_000_200_000L;
    static final long FIVE = 300_000L;

    @Test
    void risesOpenFallsShrinkAndAFallBeyondEverythingWipes() {
        // flat 5m candles (typical 100): one 10x tier, MMR 0 -> longs @ 90 (bucket 9), shorts @ 110 (bucket 29)
        CandleSeries c = CandleSeries.builder("TESTUSDT", FIVE)
                .add(BASE, 100, 101, 99, 100, 0, 100, 80)               // interval 1: taker-buy share 0.8
                .add(BASE + FIVE, 100, 101, 99, 100, 0, 100, 50)
                .add(BASE + 2 * FIVE, 100, 101, 99, 100, 0, 0, Double.NaN)   // interval 3: split unknown -> 50/50
                .add(BASE + 3 * FIVE, 100, 101, 99, 100, 0, 100, 50)
                .add(BASE + 4 * FIVE, 100, 101, 99, 100, 0, 100, 50)    // interval 5
                .build();
        long[] t = new long[6];
        for (int k = 0; k < 6; k++) t[k] = BASE + k * FIVE;
        double[] v = {10_000, 11_000, 10_500, 12_500, 8_000, 8_600};
        OpenInterestSeries oi = new OpenInterestSeries("TESTUSDT", FIVE, t, new double[6], v);
        EstimateResult r = LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(c, oi), "m2")
                .params(WindowAndClearingTest.TEN_X).mmrOverride(0.0).asOf(BASE + 5 * FIVE).window(5 * FIVE)
                .range(new PriceRange(80.5, 120.5)).buckets(40).columns(5).build());
        // +1000 at c0: long 800, short 200; -500 with S = 1000: x0.5 -> 400 / 100; +2000 at c2: +1000 / +1000;
        // -4500 with S = 2500: factor max(0, 1 - 1.8) = 0 wipes everything; +600 at c4: 300 / 300
        double[][] expectLong = {{800}, {400}, {1400}, {0}, {300}};
        double[][] expectShort = {{200}, {100}, {1100}, {0}, {300}};
        HeatmapGrid g = r.heatmap();
        for (int col = 0; col < 5; col++) {
            assertEquals(expectLong[col][0], g.value(col, 9), 1e-9, "longs, column " + col);
            assertEquals(expectShort[col][0], g.value(col, 29), 1e-9, "shorts, column " + col);
        }
        assertEquals(300, r.map().totalLong(), 1e-9);
        assertEquals(300, r.map().totalShort(), 1e-9);
        assertEquals(6, r.levelCount(), "three rises (c0, c2, c4), a long and a short level each");
    }

    @Test
    void missingOpenInterestIsExplained() {
        CandleSeries c = TestData.randomCandles("TESTUSDT", BASE, 100, 1);
        MissingInputException e = assertThrows(MissingInputException.class, () -> LiquidationEngine.standard()
                .estimate(EstimateRequest.builder(MarketInputs.of(c), "m2").build()));
        assertEquals("model m2 (Open-interest flow) needs open-interest history; the source provided none", e.getMessage());
        OpenInterestSeries one = new OpenInterestSeries("TESTUSDT", FIVE, new long[] {BASE}, new double[1], new double[] {1});
        e = assertThrows(MissingInputException.class, () -> LiquidationEngine.standard()
                .estimate(EstimateRequest.builder(MarketInputs.of(c, one), "m2").window(3_600_000).build()));
        assertTrue(e.getMessage().contains("needs at least two open-interest samples in the window"), e.getMessage());
    }

    @ParameterizedTest(name = "as of row {0}, window {1} ms, {2} columns")
    @CsvSource({"3000, 259200000, 96", "4030, 0, 200", "2000, 604800000, 333"})
    void realBtcMatchesASimpleSimulation(int asOfRow, long window, int columns) throws Exception {
        TestData.PriceAndOi data = TestData.readBtcOi(TestData.require(TestData.BTC_5M_OI));
        CandleSeries c = data.candles;
        OpenInterestSeries oi = data.oi;
        long asOf = c.openTime(asOfRow);
        if (window == 0) window = asOf - c.openTime(0);   // the whole file
        int buckets = 300;
        EstimateResult r = LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(c, oi), "m2")
                .asOf(asOf).window(window).columns(columns).buckets(buckets).build());
        assertEquals(0.004, r.mmr(), "BTCUSDT's first bracket");

        // --- simulation: walk the OI intervals, clearing with each candle, opening on rises, scaling on falls ---
        long start = asOf - window;
        double mmr = 0.004;
        double[] lev = {5, 10, 25, 50, 100}, share = {0.10, 0.25, 0.30, 0.20, 0.15};
        List<double[]> alive = new ArrayList<>();   // {isLong, price, notional, createdAt}
        int first = -1, last = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.openTime(i) >= start && c.openTime(i) + FIVE - 1 < asOf) { if (first < 0) first = i; last = i; }
        }
        double price = c.close(last);
        double wl = Double.MAX_VALUE, wh = 0;
        for (int i = first; i <= last; i++) { wl = Math.min(wl, c.low(i)); wh = Math.max(wh, c.high(i)); }
        double lo = Math.min(wl, price) * 0.88, hi = Math.max(wh, price) * 1.12;
        long[] colEnd = new long[columns];
        for (int k = 0; k < columns; k++) colEnd[k] = start + -Math.floorDiv(-(k + 1) * window, columns);
        double[][] grid = new double[columns][buckets];
        int nextCol = 0;
        int zeros = 0;
        for (int k = 1; k < oi.size(); k++) {
            long ta = oi.time(k - 1), tb = oi.time(k);
            if (ta < start || tb > asOf) continue;
            double delta = oi.openInterestValue(k) - oi.openInterestValue(k - 1);
            int j = -1;   // the interval's candle: the 5m candle opening at ta
            for (int i = first; i <= last; i++) if (c.openTime(i) == ta) j = i;
            if (j >= 0) {
                long closeJ = c.openTime(j) + FIVE - 1;
                while (nextCol < columns && colEnd[nextCol] <= closeJ) snapshot(grid, nextCol++, alive, lo, hi, buckets, false, price);
                double l = c.low(j), h = c.high(j);
                alive.removeIf(x -> x[0] == 1 ? l <= x[1] : h >= x[1]);
                if (delta > 0) {
                    double entry = (c.high(j) + c.low(j) + c.close(j)) / 3;
                    for (int t = 0; t < lev.length; t++) {
                        alive.add(new double[] {1, entry * (1 - 1 / lev[t]) / (1 - mmr), delta * 0.5 * share[t]});
                        alive.add(new double[] {0, entry * (1 + 1 / lev[t]) / (1 + mmr), delta * 0.5 * share[t]});
                    }
                }
            }
            if (delta < 0) {
                while (nextCol < columns && colEnd[nextCol] < tb) snapshot(grid, nextCol++, alive, lo, hi, buckets, false, price);
                double s = 0;
                for (double[] x : alive) s += x[2];
                if (s > 0) {
                    double f = Math.max(0, 1 - (-delta) / s);
                    if (f == 0) { alive.clear(); zeros++; }
                    for (double[] x : alive) x[2] *= f;
                }
            }
        }
        while (nextCol < columns) { snapshot(grid, nextCol, alive, lo, hi, buckets, nextCol == columns - 1, price); nextCol++; }
        double[] mapLong = new double[buckets], mapShort = new double[buckets];
        double totLong = 0, totShort = 0;
        for (double[] x : alive) {
            boolean isLong = x[0] == 1;
            if (isLong ? x[1] >= price : x[1] <= price) continue;
            int b = (int) Math.floor((x[1] - lo) * (buckets / (hi - lo)));
            if (isLong) { totLong += x[2]; if (b >= 0 && b < buckets) mapLong[b] += x[2]; }
            else { totShort += x[2]; if (b >= 0 && b < buckets) mapShort[b] += x[2]; }
        }

        assertEquals(price, r.price());
        assertTrue(totLong + totShort > 0, "something survives");
        assertEquals(totLong, r.map().totalLong(), 1e-9 * totLong + 1e-6);
        assertEquals(totShort, r.map().totalShort(), 1e-9 * totShort + 1e-6);
        for (int b = 0; b < buckets; b++) {
            assertEquals(mapLong[b], r.map().longNotional(b), 1e-9 * mapLong[b] + 1e-6, "long bucket " + b);
            assertEquals(mapShort[b], r.map().shortNotional(b), 1e-9 * mapShort[b] + 1e-6, "short bucket " + b);
        }
        double max = 0;
        for (double[] col : grid) for (double x : col) max = Math.max(max, x);
        for (int k = 0; k < columns; k++) {
            for (int b = 0; b < buckets; b++) {
                assertEquals(grid[k][b], r.heatmap().value(k, b), 1e-9 * grid[k][b] + 1e-9 * max, "column " + k + ", bucket " + b);
            }
        }
        System.out.printf("m2 BTCUSDT as of row %d, window %d d: %d wipes, long %.0f, short %.0f%n",
                asOfRow, window / 86_400_000, zeros, totLong, totShort);
    }

    private static void snapshot(double[][] grid, int col, List<double[]> alive, double lo, double hi, int buckets,
                                 boolean atAsOf, double price) {
        for (double[] x : alive) {
            if (atAsOf && (x[0] == 1 ? x[1] >= price : x[1] <= price)) continue;
            int b = (int) Math.floor((x[1] - lo) * (buckets / (hi - lo)));
            if (b >= 0 && b < buckets) grid[col][b] += x[2];
        }
    }
}
