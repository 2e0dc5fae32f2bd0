package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

/**
 * m1 and m3 on a month of real LINKUSDT 1m klines against a plain per-level loop written here: for each
 * window candle and tier, compute the level, scan forward for the first candle that trades through it, and
 * add the level's notional to every heatmap column it lives through and, if it survives, to the map.
 */
class RealKlinesTest {

    static CandleSeries link;

    @BeforeAll
    static void load() throws Exception {
        link = TestData.readKlines(TestData.require(TestData.LINK_1M), "LINKUSDT");
    }

    static final double[] LEV = {5, 10, 25, 50, 100};
    static final double[] SHARE = {0.10, 0.25, 0.30, 0.20, 0.15};
    static final long DAY = 86_400_000L;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("m1", 20_000, 0L, 7 * DAY, 0.0, 480, 400),
                Arguments.of("m1", 30_000, 30_017L, 3 * DAY + 17, 0.0, 333, 250),
                Arguments.of("m3", 20_000, 0L, 7 * DAY, 24.0, 480, 400),
                Arguments.of("m3", 40_319, 59_999L + 1, 10 * DAY, 6.0, 200, 300));
    }

    @ParameterizedTest(name = "{0} at candle {1} + {2} ms, window {3} ms, half-life {4} h, {5} x {6}")
    @MethodSource("cases")
    void engineMatchesPerLevelLoop(String model, int asOfCandle, long asOfOffset, long window, double halfLifeH,
                                   int columns, int buckets) {
        long asOf = link.openTime(asOfCandle) + asOfOffset;
        EstimateRequest.Builder rb = EstimateRequest.builder(MarketInputs.of(link), model)
                .asOf(asOf).window(window).columns(columns).buckets(buckets);
        if (model.equals("m3")) rb.param("halfLifeHours", halfLifeH);
        EstimateResult r = LiquidationEngine.standard().estimate(rb.build());
        assertEquals(0.004, r.mmr(), "LINKUSDT has no bracket table: 0.4 %");

        // --- the reference, from the raw columns ---
        long start = asOf - window;
        List<Integer> win = new ArrayList<>();
        for (int i = 0; i < link.size(); i++) {
            long open = link.openTime(i), close = open + 59_999;
            if (open >= start && close < asOf) win.add(i);
        }
        int n = win.size();
        double price = link.close(win.get(n - 1));
        double wLow = Double.MAX_VALUE, wHigh = 0;
        for (int i : win) { wLow = Math.min(wLow, link.low(i)); wHigh = Math.max(wHigh, link.high(i)); }
        double lo = Math.min(wLow, price) * 0.88, hi = Math.max(wHigh, price) * 1.12;
        assertEquals(price, r.price());
        assertEquals(lo, r.map().priceLow(), 1e-12);
        assertEquals(hi, r.map().priceHigh(), 1e-12);
        assertEquals(n, r.windowCandles().size());

        double mmr = 0.004;
        double halfLifeMs = halfLifeH * 3_600_000.0;
        double[] mapLong = new double[buckets], mapShort = new double[buckets];
        double totLong = 0, totShort = 0;
        double[][] grid = new double[columns][buckets];
        long[] colEnd = new long[columns];
        for (int c = 0; c < columns; c++) colEnd[c] = start + ceilDiv((c + 1) * window, columns);
        long levels = 0;
        for (int a = 0; a < n; a++) {
            int i = win.get(a);
            long created = link.openTime(i) + 59_999;
            double typical = (link.high(i) + link.low(i) + link.close(i)) / 3;
            double longN = link.takerBuyQuoteVolume(i), shortN = link.quoteVolume(i) - longN;
            for (int t = 0; t < LEV.length; t++) {
                for (int side = 0; side < 2; side++) {
                    boolean isLong = side == 0;
                    double w = (isLong ? longN : shortN) * SHARE[t];
                    if (!(w > 0)) continue;
                    levels++;
                    double p = isLong ? typical * (1 - 1 / LEV[t]) / (1 - mmr) : typical * (1 + 1 / LEV[t]) / (1 + mmr);
                    int clearedAt = -1;
                    for (int k = a + 1; k < n; k++) {
                        int j = win.get(k);
                        if (isLong ? link.low(j) <= p : link.high(j) >= p) { clearedAt = j; break; }
                    }
                    boolean pastPrice = isLong ? p >= price : p <= price;
                    int b = (int) Math.floor((p - lo) * (buckets / (hi - lo)));
                    boolean inRange = b >= 0 && b < buckets;
                    int firstCol = (int) (((created - start) * columns) / window);
                    int endCol = clearedAt >= 0 ? (int) (((link.openTime(clearedAt) + 59_999 - start) * columns) / window)
                            : pastPrice ? columns - 1 : columns;
                    if (inRange) {
                        for (int c = firstCol; c < endCol; c++) grid[c][b] += w * decay(colEnd[c] - created, halfLifeMs);
                    }
                    if (clearedAt < 0 && !pastPrice) {
                        double wT = w * decay(asOf - created, halfLifeMs);
                        if (isLong) { totLong += wT; if (inRange) mapLong[b] += wT; }
                        else { totShort += wT; if (inRange) mapShort[b] += wT; }
                    }
                }
            }
        }

        assertEquals(levels, r.levelCount());
        assertEquals(totLong, r.map().totalLong(), 1e-9 * totLong);
        assertEquals(totShort, r.map().totalShort(), 1e-9 * totShort);
        assertTrue(totLong > 0 && totShort > 0);
        for (int b = 0; b < buckets; b++) {
            assertEquals(mapLong[b], r.map().longNotional(b), 1e-9 * mapLong[b] + 1e-6, "long bucket " + b);
            assertEquals(mapShort[b], r.map().shortNotional(b), 1e-9 * mapShort[b] + 1e-6, "short bucket " + b);
        }
        HeatmapGrid g = r.heatmap();
        double max = 0;
        for (double[] col : grid) for (double v : col) max = Math.max(max, v);
        // float cells (HeatmapGrid): FloatGridTest.CELL relative where 1e-9 held for the doubles
        assertEquals(max, g.max(), FloatGridTest.CELL * max);
        for (int c = 0; c < columns; c++) {
            for (int b = 0; b < buckets; b++) {
                double e = grid[c][b];
                assertEquals(e, g.value(c, b), FloatGridTest.CELL * e + 1e-9 * max, "column " + c + ", bucket " + b);
            }
        }
    }

    private static double decay(long ageMs, double halfLifeMs) {
        return halfLifeMs > 0 ? Math.pow(2, -ageMs / halfLifeMs) : 1.0;
    }

    private static long ceilDiv(long a, long b) { return -Math.floorDiv(-a, b); }
}
