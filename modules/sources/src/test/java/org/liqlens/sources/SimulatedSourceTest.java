package org.liqlens.sources;

import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.sim.SimulatedMarket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedSourceTest {
    private static final long END = SimulatedMarket.DEFAULT_END_MS;
    private static final long START = END - SimulatedMarket.DEFAULT_DAYS * Intervals.DAY;

    @Test
    void specOpensTheSimulatorWithItsSeedAndSlicesTheFixedSpan() {
        MarketDataSource sim = SourceSpec.parse("sim:7").open();
        assertEquals("sim", sim.id());
        assertTrue(sim.displayName().contains("7"));

        CandleSeries all = sim.candles("BTCUSDT", Intervals.MINUTE, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, CancelToken.NONE);
        assertEquals(SimulatedMarket.DEFAULT_DAYS * 1440, all.size());
        assertEquals(START, all.firstOpenTime());
        assertEquals(END - 1, all.lastCloseTime());

        CandleSeries day = sim.candles("BTCUSDT", Intervals.MINUTE, START + Intervals.DAY, START + 2 * Intervals.DAY, CancelToken.NONE);
        assertEquals(1440, day.size());
        assertEquals(all.close(1440), day.close(0), "a slice of the same market, not a new one");

        CandleSeries hourly = sim.candles("BTCUSDT", Intervals.HOUR, START, START + Intervals.DAY, CancelToken.NONE);
        assertEquals(24, hourly.size());
        assertEquals(all.open(0), hourly.open(0));
        assertEquals(all.close(59), hourly.close(0));

        OpenInterestSeries oi = sim.openInterest("BTCUSDT", 5 * Intervals.MINUTE, START, END, CancelToken.NONE);
        assertTrue(oi.size() > 0);
        OpenInterestSeries hourlyOi = sim.openInterest("BTCUSDT", Intervals.HOUR, START, END, CancelToken.NONE);
        assertTrue(hourlyOi.size() > 0 && hourlyOi.size() <= oi.size() / 12 + 1);

        assertEquals(0, sim.candles("BTCUSDT", Intervals.MINUTE, END, END + Intervals.DAY, CancelToken.NONE).size());
    }

    @Test
    void theSameSeedGivesTheSameMarketAndAnotherSeedAnother() {
        CandleSeries a = SourceSpec.parse("sim:7").open().candles("BTCUSDT", Intervals.MINUTE, START, END, CancelToken.NONE);
        CandleSeries b = SourceSpec.parse("sim:7").open().candles("BTCUSDT", Intervals.MINUTE, START, END, CancelToken.NONE);
        CandleSeries c = SourceSpec.parse("sim:8").open().candles("BTCUSDT", Intervals.MINUTE, START, END, CancelToken.NONE);
        assertArrayEquals(a.closes(), b.closes());
        assertFalse(java.util.Arrays.equals(a.closes(), c.closes()));
        CandleSeries def = SourceSpec.parse("sim").open().candles("BTCUSDT", Intervals.MINUTE, START, END, CancelToken.NONE);
        assertArrayEquals(SimulatedMarket.generateDefault().candles1m().closes(), def.closes());
    }
}
