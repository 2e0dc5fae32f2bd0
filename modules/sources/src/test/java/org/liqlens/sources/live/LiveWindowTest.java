package org.liqlens.sources.live;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveWindowTest {
    private static final long M = 60_000L;
    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR = 60 * M;

    /** Candle m: open 100 + m % 50, close open + 1, high close + 0.5, low open - 0.5. */
    private static Candle candle(long m) {
        double open = 100 + m % 50;
        return new Candle("BTCUSDT", M, T0 + m * M, open, open + 1.5, open - 0.5, open + 1, m, 10.0 * m, 5.0 * m, true);
    }

    private static CandleSeries series(long fromMinute, long toMinute) {
        CandleSeries.Builder b = CandleSeries.builder("BTCUSDT", M);
        for (long m = fromMinute; m < toMinute; m++) {
            Candle c = candle(m);
            b.add(c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.quoteVolume(), c.takerBuyQuoteVolume());
        }
        return b.build();
    }

    /** A source of {@link #candle}s for every minute but those in {@link #missing}, recording what it is asked. */
    private static final class Source implements MarketDataSource {
        final List<long[]> asked = new ArrayList<>();
        final Set<Long> missing = new java.util.HashSet<>();
        RuntimeException failure;

        @Override public String id() { return "test"; }
        @Override public String displayName() { return "test source"; }
        @Override public Set<DataKind> historicalData() { return EnumSet.of(DataKind.CANDLES); }

        @Override
        public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
            asked.add(new long[] {fromMs, toMs});
            if (failure != null) throw failure;
            CandleSeries.Builder b = CandleSeries.builder(symbol, intervalMs);
            for (long t = fromMs; t < toMs; t += M) {
                long m = (t - T0) / M;
                if (missing.contains(m)) continue;
                Candle c = candle(m);
                b.add(t, c.open(), c.high(), c.low(), c.close(), c.volume(), c.quoteVolume(), c.takerBuyQuoteVolume());
            }
            return b.build();
        }
    }

    private static long[] minutes(CandleSeries s) {
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = (s.openTime(i) - T0) / M;
        return out;
    }

    @Test
    void eachClosedCandleMovesTheWindowOneMinute() {
        Source src = new Source();
        LiveWindow w = new LiveWindow(src, "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        assertEquals(T0 + 59 * M, w.lastOpenTime());
        assertTrue(w.advance(candle(60), CancelToken.NONE));
        assertEquals(T0 + 61 * M, w.asOfMs());
        assertEquals(T0 + M, w.windowStartMs());
        assertEquals(61, w.candles().size());
        assertEquals(111, w.candles().close(60), "candle 60 opens at 100 + 60 % 50 and closes 1 higher");
        assertArrayEquals(java.util.stream.LongStream.range(1, 61).toArray(), minutes(w.exactCandles()));
        assertTrue(src.asked.isEmpty(), "no hole, no request");
    }

    @Test
    void aCandleAlreadyHeldChangesNothing() {
        LiveWindow w = new LiveWindow(new Source(), "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        CandleSeries before = w.candles();
        assertFalse(w.advance(candle(59), CancelToken.NONE));
        assertFalse(w.advance(candle(30), CancelToken.NONE));
        assertSame(before, w.candles());
        assertEquals(T0 + HOUR, w.asOfMs());
    }

    @Test
    void aCandleThatWouldLeaveAHoleFetchesTheMissingOnesFirst() {
        Source src = new Source();
        LiveWindow w = new LiveWindow(src, "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        assertTrue(w.advance(candle(63), CancelToken.NONE));
        assertEquals(1, src.asked.size());
        assertArrayEquals(new long[] {T0 + 60 * M, T0 + 63 * M}, src.asked.get(0), "exactly the missing minutes");
        assertArrayEquals(java.util.stream.LongStream.range(4, 64).toArray(), minutes(w.exactCandles()));
        assertEquals(T0 + 64 * M, w.asOfMs());
    }

    @Test
    void aFailedRefetchLeavesTheWindowAsItWasAndCanBeRetried() {
        Source src = new Source();
        LiveWindow w = new LiveWindow(src, "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        CandleSeries before = w.candles();
        src.failure = new SourceException("HTTP 503");
        assertThrows(SourceException.class, () -> w.advance(candle(62), CancelToken.NONE));
        assertSame(before, w.candles());
        assertEquals(T0 + HOUR, w.asOfMs());
        src.failure = null;
        assertTrue(w.advance(candle(62), CancelToken.NONE));
        assertArrayEquals(java.util.stream.LongStream.range(3, 63).toArray(), minutes(w.exactCandles()));
    }

    @Test
    void minutesTheExchangeDoesNotHaveStayAbsent() {
        Source src = new Source();
        src.missing.add(61L); // a trading halt
        LiveWindow w = new LiveWindow(src, "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        assertTrue(w.advance(candle(62), CancelToken.NONE));
        long[] m = minutes(w.exactCandles());
        assertEquals(62, m[m.length - 1]);
        assertEquals(60, m[m.length - 2]);
        assertEquals(1, src.asked.size());
    }

    @Test
    void aDayOfAdvancesKeepsTheWindowExactAndCopiesRarely() {
        LiveWindow w = new LiveWindow(new Source(), "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        int copies = 0;
        for (long m = 60; m < 60 + 1440; m++) {
            CandleSeries before = w.candles();
            assertTrue(w.advance(candle(m), CancelToken.NONE));
            CandleSeries after = w.candles();
            if (after.openTimes() != before.openTimes()) copies++;
            assertTrue(after.size() <= 2 * 60 + 1, "at most as many candles out of the window as in: " + after.size());
            CandleSeries exact = w.exactCandles();
            assertEquals(60, exact.size());
            assertEquals(T0 + (m - 59) * M, exact.firstOpenTime());
            assertEquals(T0 + m * M, exact.openTime(59));
            assertEquals(100 + m % 50 + 1, exact.close(59));
            assertEquals(T0 + (m + 1) * M, w.asOfMs());
        }
        // A copy to drop the candles that left (every ~60 advances) and one to regrow the columns after it.
        assertTrue(copies <= 2 * 1440 / 60 + 2, copies + " copies in 1,440 advances");
    }

    @Test
    void onlyClosedOneMinuteCandlesMoveTheWindow() {
        LiveWindow w = new LiveWindow(new Source(), "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        Candle c = candle(60);
        Candle forming = new Candle(c.symbol(), M, c.openTime(), c.open(), c.high(), c.low(), c.close(), 1, 1, 1, false);
        assertThrows(IllegalArgumentException.class, () -> w.advance(forming, CancelToken.NONE));
        Candle fiveMinutes = new Candle(c.symbol(), 5 * M, c.openTime(), c.open(), c.high(), c.low(), c.close(), 1, 1, 1, true);
        assertThrows(IllegalArgumentException.class, () -> w.advance(fiveMinutes, CancelToken.NONE));
        assertThrows(IllegalArgumentException.class, () -> new LiveWindow(new Source(), "BTCUSDT", series(0, 60), T0 + 59 * M, HOUR),
                "candles past the as-of time");
    }

    @Test
    void openInterestIsDueWhenTheWindowCrossesAFiveMinuteMark() {
        LiveWindow w = new LiveWindow(new Source(), "BTCUSDT", series(0, 60), T0 + HOUR, HOUR);
        long before = w.asOfMs();
        w.advance(candle(60), CancelToken.NONE); // T0 + 61 min
        assertTrue(w.openInterestDue(before - M), "60 crossed from 59");
        assertFalse(w.openInterestDue(before), "60 to 61: same 5-minute period");
    }
}
