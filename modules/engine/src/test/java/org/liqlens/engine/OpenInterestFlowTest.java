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
    void risesOpenInContractsTimesPriceAndFallsScaleByTheRatioOfCounts() {
        // flat 5m candles (typical 100): one 10x tier, MMR 0 -> longs @ 90 (bucket 9), shorts @ 110 (bucket 29)
        CandleSeries c = CandleSeries.builder("TESTUSDT", FIVE)
                .add(BASE, 100, 101, 99, 100, 0, 100, 80)               // interval 1: taker-buy share 0.8
                .add(BASE + FIVE, 100, 101, 99, 100, 0, 100, 50)
                .add(BASE + 2 * FIVE, 100, 101, 99, 100, 0, 0, Double.NaN)   // interval 3: split unknown -> 50/50
                .add(BASE + 3 * FIVE, 100, 101, 99, 100, 0, 100, 50)
                .add(BASE + 4 * FIVE, 100, 101, 99, 100, 0, 100, 50)
                .build();
        long[] t = new long[7];
        for (int k = 0; k < 7; k++) t[k] = BASE + k * FIVE;
        // contracts; the samples stamped at T (k = 5) and after it must not be read
        double[] n = {100, 110, 105, 125, 80, 5_000, 9_000};
        double[] v = new double[7];
        for (int k = 0; k < 7; k++) v[k] = n[k] * 100;
        OpenInterestSeries oi = new OpenInterestSeries("TESTUSDT", FIVE, t, n, v);
        EstimateResult r = LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(c, oi), "m2")
                .params(WindowAndClearingTest.TEN_X).mmrOverride(0.0).asOf(BASE + 5 * FIVE).window(5 * FIVE)
                .range(new PriceRange(80.5, 120.5)).buckets(40).columns(5).build());
        // +10 contracts x 100 at c0: long 800, short 200; 110 -> 105: x 105/110 = 763.636.. / 190.909..;
        // +20 x 100 at c2 split 50/50: 1763.636.. / 1190.909..; 125 -> 80: x 0.64 = 1128.727.. / 762.1818..
        double[] expectLong = {800, 763.6363636363636, 1763.6363636363636, 1128.7272727272727, 1128.7272727272727};
        double[] expectShort = {200, 190.9090909090909, 1190.9090909090909, 762.1818181818182, 762.1818181818182};
        HeatmapGrid g = r.heatmap();
        for (int col = 0; col < 5; col++) {
            // float cells (HeatmapGrid): relative 6e-8 of the double
            assertEquals(expectLong[col], g.value(col, 9), FloatGridTest.CELL * expectLong[col], "longs, column " + col);
            assertEquals(expectShort[col], g.value(col, 29), FloatGridTest.CELL * expectShort[col], "shorts, column " + col);
        }
        assertEquals(1128.7272727272727, r.map().totalLong(), 1e-9);
        assertEquals(762.1818181818182, r.map().totalShort(), 1e-9);
        assertEquals(4, r.levelCount(), "two rises (c0, c2), a long and a short level each");
    }

    @Test
    void aValueOnlySampleIsCountedInContractsAtItsPrice() {
        // price moves 100 -> 109.5; the value rises 9.5 % with it, the count does not: nothing more opens
        CandleSeries c = CandleSeries.builder("TESTUSDT", FIVE)
                .add(BASE, 100, 101, 99, 100, 0, 100, 80)
                .add(BASE + FIVE, 100, 109.9, 99, 109.5, 0, 100, 50)
                .add(BASE + 2 * FIVE, 109.5, 109.9, 109, 109.5, 0, 100, 50)
                .build();
        long[] t = {BASE, BASE + FIVE, BASE + 2 * FIVE, BASE + 3 * FIVE};
        // t0: before any window candle closes -> the open of c0 (100): 100 contracts; t1: close of c0 (100): 110;
        // t2: close of c1 (109.5): 12,045 / 109.5 = 110, no change; t3 = T: never read
        double[] v = {10_000, 11_000, 12_045, 1e12};
        double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        OpenInterestSeries oi = new OpenInterestSeries("TESTUSDT", FIVE, t, none, v);
        EstimateResult r = LiquidationEngine.standard().estimate(EstimateRequest.builder(MarketInputs.of(c, oi), "m2")
                .params(WindowAndClearingTest.TEN_X).mmrOverride(0.0).asOf(BASE + 3 * FIVE).window(3 * FIVE).columns(0).build());
        assertEquals(800, r.map().totalLong(), 1e-9, "10 contracts x typical 100, taker-buy share 0.8");
        assertEquals(200, r.map().totalShort(), 1e-9);
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
        int falls = 0;
        double[] contracts = new double[oi.size()];
        for (int k = 0; k < oi.size(); k++) {
            // the sample's price: close of the window candle that ends just before it, else the open of the one
            // opening at it (the file's 5m candles open on the OI grid)
            double px = Double.NaN;
            for (int i = first; i <= last; i++) {
                if (c.openTime(i) + FIVE == oi.time(k)) px = c.close(i);
                if (c.openTime(i) == oi.time(k) && i == first) px = c.open(i);
            }
            contracts[k] = oi.openInterestValue(k) / px;
        }
        int clearedThrough = first - 1;
        for (int k = 1; k < oi.size(); k++) {
            long ta = oi.time(k - 1), tb = oi.time(k);
            if (ta < start || tb >= asOf) continue;
            double delta = contracts[k] - contracts[k - 1];
            int j = -1;   // the interval's candle: the 5m candle opening at ta
            for (int i = first; i <= last; i++) if (c.openTime(i) == ta) j = i;
            if (j >= 0) {
                long closeJ = c.openTime(j) + FIVE - 1;
                while (nextCol < columns && colEnd[nextCol] <= closeJ) snapshot(grid, nextCol++, alive, lo, hi, buckets, false, price);
                double l = c.low(j), h = c.high(j);
                alive.removeIf(x -> x[0] == 1 ? l <= x[1] : h >= x[1]);
                clearedThrough = j;
                if (delta > 0) {
                    double entry = (c.high(j) + c.low(j) + c.close(j)) / 3;
                    double notional = delta * entry;
                    for (int t = 0; t < lev.length; t++) {
                        alive.add(new double[] {1, entry * (1 - 1 / lev[t]) / (1 - mmr), notional * 0.5 * share[t]});
                        alive.add(new double[] {0, entry * (1 + 1 / lev[t]) / (1 + mmr), notional * 0.5 * share[t]});
                    }
                }
            }
            if (delta < 0) {
                while (nextCol < columns && colEnd[nextCol] < tb) snapshot(grid, nextCol++, alive, lo, hi, buckets, false, price);
                double f = contracts[k] / contracts[k - 1];
                for (double[] x : alive) x[2] *= f;
                falls++;
            }
        }
        for (int j = clearedThrough + 1; j <= last; j++) {   // the last candle's interval ends at T: it only clears
            long closeJ = c.openTime(j) + FIVE - 1;
            while (nextCol < columns && colEnd[nextCol] <= closeJ) snapshot(grid, nextCol++, alive, lo, hi, buckets, false, price);
            double l = c.low(j), h = c.high(j);
            alive.removeIf(x -> x[0] == 1 ? l <= x[1] : h >= x[1]);
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
                // float cells (HeatmapGrid): FloatGridTest.CELL relative where 1e-9 held for the doubles
                assertEquals(grid[k][b], r.heatmap().value(k, b), FloatGridTest.CELL * grid[k][b] + 1e-9 * max, "column " + k + ", bucket " + b);
            }
        }
        System.out.printf("m2 BTCUSDT as of row %d, window %d d: %d falls, long %.0f, short %.0f%n",
                asOfRow, window / 86_400_000, falls, totLong, totShort);
    }

    @Test
    void twelveHourDayAndThreeDayMapsDifferOnRealBtc() throws Exception {
        // Under the rule before 2026-12-01 any fall larger than the window's own positions wiped the map, so
        // these three were identical; now each window keeps what its own rises opened, scaled by later falls.
        TestData.PriceAndOi data = TestData.readBtcOi(TestData.require(TestData.BTC_5M_OI));
        long asOf = data.candles.openTime(3000);
        double[] totals = new double[3];
        long[] windows = {12 * 3_600_000L, 24 * 3_600_000L, 72 * 3_600_000L};
        PriceRange range = null;
        double[][] longs = new double[3][];
        for (int w = 0; w < 3; w++) {
            EstimateRequest.Builder b = EstimateRequest.builder(MarketInputs.of(data.candles, data.oi), "m2")
                    .asOf(asOf).window(windows[w]).columns(0).buckets(200);
            if (range == null) range = LiquidationEngine.standard().defaultRange(b.window(windows[2]).build());
            EstimateResult r = LiquidationEngine.standard().estimate(b.window(windows[w]).range(range).build());
            totals[w] = r.map().totalLong() + r.map().totalShort();
            longs[w] = r.map().longNotionals();
            System.out.printf("m2 BTCUSDT as of %s, window %d h: total %.0f%n",
                    java.time.Instant.ofEpochMilli(asOf), windows[w] / 3_600_000, totals[w]);
        }
        assertTrue(totals[0] > 0, "the 12h map is not empty");
        assertTrue(totals[0] < totals[1] && totals[1] < totals[2],
                "a longer window holds more (the shorter's levels plus its own older ones): " + java.util.Arrays.toString(totals));
        assertTrue(!java.util.Arrays.equals(longs[0], longs[1]) && !java.util.Arrays.equals(longs[1], longs[2]), "the profiles differ");
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
