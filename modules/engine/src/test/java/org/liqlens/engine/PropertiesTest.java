package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.engine.model.ClearingIndex;

/** Invariants every estimate must satisfy, on synthetic and real data, for every built-in model. */
class PropertiesTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long START = 1_767_225_600_000L;   // 2026-01-01
    static final long DAY = 86_400_000L;

    static final CandleSeries RANDOM = TestData.randomCandles("RNDUSDT", START, 6 * 1440, 42);
    static final TradeSeries TRADES = TestData.randomTrades("RNDUSDT", START, 20_000, 7);
    static final TradeSeries RUNS = TestData.runTrades("RNDUSDT", START, 20_000, 0.65, 8);

    static Stream<Arguments> requests() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("m1 random 3d", EstimateRequest.builder(MarketInputs.of(RANDOM), "m1").window(3 * DAY).columns(240).buckets(200).build()));
        out.add(Arguments.of("m1 random 5d, odd T", EstimateRequest.builder(MarketInputs.of(RANDOM), "m1")
                .asOf(START + 5 * DAY + 12_345).window(5 * DAY - 777).columns(311).buckets(157).build()));
        // short columns (a few events each): the grid's new levels are added from the openings (SweepKernel's direct)
        out.add(Arguments.of("m1 random 1d, a candle a column", EstimateRequest.builder(MarketInputs.of(RANDOM), "m1")
                .window(DAY).columns(1440).buckets(200).build()));
        out.add(Arguments.of("m1 random 2d, short columns, odd T", EstimateRequest.builder(MarketInputs.of(RANDOM), "m1")
                .asOf(START + 4 * DAY + 54_321).window(2 * DAY - 777).columns(1000).buckets(157).build()));
        out.add(Arguments.of("m1 random 3d, short columns, tight range", EstimateRequest.builder(MarketInputs.of(RANDOM), "m1")
                .window(3 * DAY).columns(1440).buckets(64).range(new PriceRange(95, 105)).build()));
        out.add(Arguments.of("m1t random, short columns", EstimateRequest.builder(MarketInputs.ofTrades(TRADES), "m1t").window(25_000).columns(4000).buckets(100).build()));
        out.add(Arguments.of("m3 random 4d 12h", EstimateRequest.builder(MarketInputs.of(RANDOM), "m3").param("halfLifeHours", 12)
                .window(4 * DAY).columns(100).buckets(300).build()));
        out.add(Arguments.of("m3 random tight range", EstimateRequest.builder(MarketInputs.of(RANDOM), "m3").param("halfLifeHours", 0.5)
                .window(2 * DAY).columns(480).buckets(64).range(new PriceRange(95, 105)).build()));
        out.add(Arguments.of("m1t random", EstimateRequest.builder(MarketInputs.ofTrades(TRADES), "m1t").window(25_000).columns(120).buckets(100).build()));
        out.add(Arguments.of("m3t random", EstimateRequest.builder(MarketInputs.ofTrades(TRADES), "m3t").param("halfLifeHours", 0.01)
                .window(15_000).columns(77).buckets(90).build()));
        out.add(Arguments.of("m1t runs", EstimateRequest.builder(MarketInputs.ofTrades(RUNS), "m1t").window(25_000).columns(150).buckets(120).build()));
        out.add(Arguments.of("m3t runs", EstimateRequest.builder(MarketInputs.ofTrades(RUNS), "m3t").param("halfLifeHours", 0.002)
                .window(20_000).columns(64).buckets(100).build()));
        // the other exchanges' formulas go through the same sweep: Bybit's denominator is 1, OKX's rate has its fee
        out.add(Arguments.of("m1 random 3d, Bybit's rule", EstimateRequest.builder(MarketInputs.of(RANDOM), "m1")
                .liquidationRule(org.liqlens.engine.liq.LiquidationRule.BYBIT).window(3 * DAY).columns(240).buckets(200).build()));
        out.add(Arguments.of("m3 random 4d, OKX's rule", EstimateRequest.builder(MarketInputs.of(RANDOM), "m3").param("halfLifeHours", 12)
                .liquidationRule(org.liqlens.engine.liq.LiquidationRule.OKX).window(4 * DAY).columns(100).buckets(300).build()));
        out.add(Arguments.of("m1t runs, OKX's rule", EstimateRequest.builder(MarketInputs.ofTrades(RUNS), "m1t")
                .liquidationRule(org.liqlens.engine.liq.LiquidationRule.OKX).window(25_000).columns(150).buckets(120).build()));
        out.add(Arguments.of("m1t runs, map only", EstimateRequest.builder(MarketInputs.ofTrades(RUNS), "m1t").window(25_000).columns(1).buckets(120).build()));
        return out.stream();
    }

    static Stream<Arguments> realRequests() throws Exception {
        List<Arguments> out = new ArrayList<>();
        java.nio.file.Path link = TestData.dataDir().resolve(TestData.LINK_1M);
        java.nio.file.Path btc = TestData.dataDir().resolve(TestData.BTC_5M_OI);
        if (java.nio.file.Files.isRegularFile(link)) {
            CandleSeries c = TestData.readKlines(link, "LINKUSDT");
            out.add(Arguments.of("m1 LINK 3d", EstimateRequest.builder(MarketInputs.of(c), "m1").asOf(c.openTime(9000)).window(3 * DAY).columns(240).buckets(200).build()));
            out.add(Arguments.of("m3 LINK 5d", EstimateRequest.builder(MarketInputs.of(c), "m3").window(5 * DAY).columns(300).buckets(250).build()));
        }
        if (java.nio.file.Files.isRegularFile(btc)) {
            TestData.PriceAndOi d = TestData.readBtcOi(btc);
            out.add(Arguments.of("m2 BTC 7d", EstimateRequest.builder(MarketInputs.of(d.candles, d.oi), "m2").window(7 * DAY).columns(336).buckets(300).build()));
            out.add(Arguments.of("m2 BTC 7d, Bybit's rule", EstimateRequest.builder(MarketInputs.of(d.candles, d.oi), "m2")
                    .liquidationRule(org.liqlens.engine.liq.LiquidationRule.BYBIT).window(7 * DAY).columns(336).buckets(300).build()));
            out.add(Arguments.of("m2 BTC 10d 15m", EstimateRequest.builder(MarketInputs.of(d.candles, d.oi), "m2").param("oiIntervalMinutes", 15)
                    .window(10 * DAY).columns(100).buckets(120).build()));
        }
        if (out.isEmpty()) out.add(Arguments.of("…/shared/data absent: skipping real-data test", null));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"requests", "realRequests"})
    void heatmapEqualsTheNaiveSweepCellForCell(String name, EstimateRequest req) {
        org.junit.jupiter.api.Assumptions.assumeTrue(req != null, "…/shared/data absent: skipping real-data test");
        EstimateResult fast = ENGINE.estimate(req);
        HeatmapGrid naive = ENGINE.naiveHeatmap(req);
        HeatmapGrid g = fast.heatmap();
        assertEquals(naive.columns(), g.columns());
        double max = naive.max();
        assertTrue(max > 0, "a non-empty heatmap");
        assertEquals(max, g.max(), FloatGridTest.CELL * max);
        for (int c = 0; c < g.columns(); c++) {
            for (int b = 0; b < g.buckets(); b++) {
                double e = naive.value(c, b);
                assertEquals(e, g.value(c, b), FloatGridTest.CELL * e + 1e-9 * max, name + ": column " + c + ", bucket " + b);
            }
        }
        // the last column is the state at T: the map
        LiquidationMap m = fast.map();
        for (int b = 0; b < g.buckets(); b++) {
            double e = m.longNotional(b) + m.shortNotional(b);
            assertEquals(e, g.value(g.columns() - 1, b), FloatGridTest.CELL * e + 1e-9 * max, name + ": last column, bucket " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"requests", "realRequests"})
    void sidesAndConservation(String name, EstimateRequest req) {
        org.junit.jupiter.api.Assumptions.assumeTrue(req != null, "…/shared/data absent: skipping real-data test");
        EstimateResult r = ENGINE.estimate(req);
        LevelTable t = ENGINE.levels(req);
        MarketInputs in = req.inputs();
        boolean trades = req.modelId().endsWith("t");
        double price = r.price();
        double sumLevels = 0, survivingLong = 0, survivingShort = 0;
        for (int i = 0; i < t.size(); i++) {
            double entry = trades ? in.trades().price(t.createdBy(i))
                    : req.modelId().equals("m2") ? Double.NaN
                    : (in.candles().high(t.createdBy(i)) + in.candles().low(t.createdBy(i)) + in.candles().close(t.createdBy(i))) / 3;
            if (!Double.isNaN(entry)) {
                assertTrue(t.isLong(i) ? t.price(i) < entry : t.price(i) > entry, name + ": level " + i + " on the wrong side of its entry");
            }
            sumLevels += t.notional(i);
            if (t.clearedBy(i) == LevelTable.SURVIVES) {
                assertTrue(t.isLong(i) ? t.price(i) < price : t.price(i) > price, name + ": survivor on the wrong side of the price");
                if (t.isLong(i)) survivingLong += t.notionalAtAsOf(i); else survivingShort += t.notionalAtAsOf(i);
            } else if (t.clearedBy(i) >= 0) {
                assertTrue(t.clearedBy(i) > t.createdBy(i), name + ": an event cleared its own level");
            }
        }
        assertEquals(r.levelCount(), t.size());
        assertEquals(survivingLong, r.map().totalLong(), 1e-9 * survivingLong + 1e-9);
        assertEquals(survivingShort, r.map().totalShort(), 1e-9 * survivingShort + 1e-9);
        // notional is conserved when spread over the ladder: the levels sum to what the window's events opened
        if (!req.modelId().equals("m2")) {
            double opened = 0;
            long start = r.asOf() - r.windowMs();
            if (trades) {
                for (int i = 0; i < in.trades().size(); i++) {
                    long time = in.trades().time(i);
                    if (time >= start && time < r.asOf()) opened += in.trades().price(i) * in.trades().quantity(i);
                }
            } else {
                CandleSeries c = in.candles();
                for (int i = 0; i < c.size(); i++) {
                    if (c.openTime(i) >= start && c.closeTime(i) < r.asOf()) opened += c.quoteVolume(i);
                }
            }
            assertEquals(opened, sumLevels, 1e-9 * opened, name + ": notional over levels = quote volume of the window");
        }
        // in the map: longs only below the price, shorts only above
        LiquidationMap m = r.map();
        double inRangeLong = 0, inRangeShort = 0;
        for (int b = 0; b < m.buckets(); b++) {
            if (m.longNotional(b) > 0) assertTrue(m.bucketLow(b) < price, name + ": long notional in bucket " + b + " above the price");
            if (m.shortNotional(b) > 0) assertTrue(m.bucketHigh(b) > price, name + ": short notional in bucket " + b + " below the price");
            inRangeLong += m.longNotional(b);
            inRangeShort += m.shortNotional(b);
        }
        assertTrue(inRangeLong <= m.totalLong() * (1 + 1e-12) && inRangeShort <= m.totalShort() * (1 + 1e-12));
        assertEquals(inRangeLong, m.cumulativeLong(0), 1e-9 * inRangeLong + 1e-9);
        assertEquals(inRangeShort, m.cumulativeShort(m.buckets() - 1), 1e-9 * inRangeShort + 1e-9);
        for (Zone z : r.zones()) {
            assertTrue(z.side() == org.liqlens.engine.market.Side.LONG ? z.high() <= price : z.low() >= price, name + ": zone " + z);
            assertTrue(z.distancePct() >= 0);
        }
        for (int k = 1; k < r.zones().size(); k++) {
            assertTrue(r.zones().get(k - 1).distancePct() <= r.zones().get(k).distancePct(), "zones sorted nearest first");
        }
    }

    @Test
    void sweepClearingAgreesWithBruteForceAndTheClearingIndex() {
        EstimateRequest req = EstimateRequest.builder(MarketInputs.of(RANDOM), "m1").window(2 * DAY).columns(0).build();
        LevelTable t = ENGINE.levels(req);
        long start = RANDOM.lastCloseTime() + 1 - 2 * DAY;
        int from = RANDOM.firstIndexOpenAtOrAfter(start), to = RANDOM.size();
        ClearingIndex index = ClearingIndex.of(RANDOM.lows(), RANDOM.highs(), from, to);
        for (int i = 0; i < t.size(); i += 7) {
            int created = t.createdBy(i);
            double p = t.price(i);
            int brute = -1;
            for (int j = created + 1; j < to; j++) {
                if (t.isLong(i) ? RANDOM.low(j) <= p : RANDOM.high(j) >= p) { brute = j; break; }
            }
            int indexed = t.isLong(i) ? index.firstLowAtOrBelow(created, p) : index.firstHighAtOrAbove(created, p);
            assertEquals(brute, indexed, "clearing index, level " + i);
            int swept = t.clearedBy(i) >= 0 ? t.clearedBy(i) : -1;
            assertEquals(brute, swept, "sweep, level " + i);
        }
    }
}
