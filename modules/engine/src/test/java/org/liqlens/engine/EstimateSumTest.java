package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

/** {@link EstimateSum}: three markets, each priced by its own rule, summed on one grid. */
class EstimateSumTest {
    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long START = 1_767_225_600_000L;
    static final long DAY = 86_400_000L;
    static final long T = START + 2 * DAY;

    static final CandleSeries A = TestData.randomCandles("BTCUSDT", START, 2 * 1440, 1);
    static final CandleSeries B = TestData.randomCandles("BTCUSDT", START, 2 * 1440, 2);
    /** A third market with two hours missing inside the window: its coverage is the worst. */
    static final CandleSeries C = withoutHours(TestData.randomCandles("BTCUSDT", START, 2 * 1440, 3), 30, 32);

    static CandleSeries withoutHours(CandleSeries s, int fromHour, int toHour) {
        CandleSeries.Builder b = CandleSeries.builder(s.symbol(), s.intervalMs());
        for (int i = 0; i < s.size(); i++) {
            long h = (s.openTime(i) - START) / 3_600_000L;
            if (h >= fromHour && h < toHour) continue;
            b.add(s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), s.quoteVolume(i), s.takerBuyQuoteVolume(i));
        }
        return b.build();
    }

    static EstimateRequest.Builder request(CandleSeries c, LiquidationRule rule) {
        return EstimateRequest.builder(MarketInputs.of(c), "m1").asOf(T).window(DAY).buckets(150).columns(96).liquidationRule(rule);
    }

    @Test
    void theSumIsCellByCellTheSumOfTheParts() {
        // one grid: the hull of the three default ranges
        PriceRange ra = ENGINE.defaultRange(request(A, LiquidationRule.BINANCE).build());
        PriceRange rb = ENGINE.defaultRange(request(B, LiquidationRule.BYBIT).build());
        PriceRange rc = ENGINE.defaultRange(request(C, LiquidationRule.OKX).build());
        PriceRange common = new PriceRange(Math.min(ra.low(), Math.min(rb.low(), rc.low())), Math.max(ra.high(), Math.max(rb.high(), rc.high())));
        List<EstimateResult> parts = List.of(
                ENGINE.estimate(request(A, LiquidationRule.BINANCE).range(common).build()),
                ENGINE.estimate(request(B, LiquidationRule.BYBIT).range(common).build()),
                ENGINE.estimate(request(C, LiquidationRule.OKX).range(common).build()));
        EstimateResult sum = EstimateSum.of(parts, Zones.DEFAULT_THRESHOLD);

        LiquidationMap m = sum.map();
        assertEquals(common.low(), m.priceLow());
        assertEquals(common.high(), m.priceHigh());
        for (int b = 0; b < m.buckets(); b++) {
            double longs = 0, shorts = 0;
            for (EstimateResult p : parts) {
                longs += p.map().longNotional(b);
                shorts += p.map().shortNotional(b);
            }
            assertEquals(longs, m.longNotional(b), 1e-12 * longs, "long, bucket " + b);
            assertEquals(shorts, m.shortNotional(b), 1e-12 * shorts, "short, bucket " + b);
            for (int t = 0; t < m.tiers(); t++) {
                double tier = 0;
                for (EstimateResult p : parts) tier += p.map().longByTier(t, b);
                assertEquals(tier, m.longByTier(t, b), 1e-12 * tier);
            }
        }
        HeatmapGrid g = sum.heatmap();
        double max = 0;
        for (int c = 0; c < g.columns(); c++) {
            for (int b = 0; b < g.buckets(); b++) {
                double cell = 0;
                for (EstimateResult p : parts) cell += p.heatmap().value(c, b);
                // the sum is formed in double and rounded once to the grid's float (HeatmapGrid): 6e-8 relative
                assertEquals(cell, g.value(c, b), FloatGridTest.CELL * cell, "column " + c + ", bucket " + b);
                max = Math.max(max, cell);
            }
        }
        assertEquals(max, g.max(), FloatGridTest.CELL * max);
        assertTrue(max > 0);
        double totalLong = 0, totalShort = 0;
        long levels = 0;
        for (EstimateResult p : parts) {
            totalLong += p.map().totalLong();
            totalShort += p.map().totalShort();
            levels += p.levelCount();
        }
        assertEquals(totalLong, m.totalLong(), 1e-12 * totalLong);
        assertEquals(totalShort, m.totalShort(), 1e-12 * totalShort);
        assertEquals(levels, sum.levelCount());

        // the reference part gives the price; the coverage is the thinnest part's
        assertEquals(parts.get(0).price(), sum.price());
        assertSame(parts.get(2).coverage(), sum.coverage());
        assertTrue(sum.coverage().fraction() < 1);
        assertNull(sum.liquidationRule(), "a sum has no one rule");
        assertEquals(0.004, sum.mmr(), "all three used 0.4 %");
        assertEquals(Zones.find(m, Zones.DEFAULT_THRESHOLD), sum.zones());
    }

    @Test
    void partsWithDifferentMmrsLeaveTheSumWithout() {
        EstimateResult a = ENGINE.estimate(request(A, LiquidationRule.BINANCE).range(new PriceRange(80, 120)).build());
        EstimateResult b = ENGINE.estimate(request(B, LiquidationRule.BYBIT).range(new PriceRange(80, 120)).mmrOverride(0.005).build());
        EstimateResult sum = EstimateSum.of(List.of(a, b), 0.3);
        assertTrue(Double.isNaN(sum.mmr()));
        assertTrue(!sum.parameters().containsKey("mmr"), "no single mmr to report: " + sum.parameters());
    }

    @Test
    void estimatesOnDifferentGridsAreRefused() {
        EstimateResult a = ENGINE.estimate(request(A, LiquidationRule.BINANCE).build());
        EstimateResult b = ENGINE.estimate(request(B, LiquidationRule.BINANCE).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EstimateSum.of(List.of(a, b), 0.3));
        assertTrue(e.getMessage().contains("price buckets"), e.getMessage());
        EstimateResult c = ENGINE.estimate(request(B, LiquidationRule.BINANCE).range(new PriceRange(80, 120)).asOf(T - 60_000).build());
        EstimateResult d = ENGINE.estimate(request(A, LiquidationRule.BINANCE).range(new PriceRange(80, 120)).build());
        e = assertThrows(IllegalArgumentException.class, () -> EstimateSum.of(List.of(d, c), 0.3));
        assertTrue(e.getMessage().contains("as-of"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EstimateSum.of(List.of(), 0.3));
    }
}
