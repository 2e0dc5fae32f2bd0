package org.liqlens.sources.live;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimate;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live estimate moved forward candle by candle must equal the estimate loaded afresh for the new as-of time:
 * the pane's numbers may not drift from what {@code liqlens-cli map --at T} prints.
 */
class LiveEstimatorTest {
    private static final long M = 60_000L;
    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR = 60 * M;

    /** A wavy market, so levels are created and cleared: minute m opens at 100 + 3·sin(m/7). */
    private static Candle candle(long m) {
        double open = 100 + 3 * Math.sin(m / 7.0);
        double close = 100 + 3 * Math.sin((m + 1) / 7.0);
        double quote = 1_000 + 37 * (m % 11);
        return new Candle("BTCUSDT", M, T0 + m * M, open, Math.max(open, close) + 0.2, Math.min(open, close) - 0.2,
                close, quote / open, quote, quote * (0.3 + 0.05 * (m % 9)), true);
    }

    /**
     * Candles of minutes [0, end), end growing as the test "lets time pass". Its id is "file" so that the window
     * loader takes the end of its data as the live as-of time, as it would take this minute from an exchange.
     */
    private static final class GrowingSource implements MarketDataSource {
        long endMinute;
        final AtomicInteger requests = new AtomicInteger();
        final List<long[]> asked = new ArrayList<>();

        @Override public String id() { return "file"; }
        @Override public String displayName() { return "growing test file"; }
        @Override public Set<DataKind> historicalData() { return EnumSet.of(DataKind.CANDLES); }

        @Override
        public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
            requests.incrementAndGet();
            asked.add(new long[] {fromMs, toMs});
            CandleSeries.Builder b = CandleSeries.builder(symbol, intervalMs);
            for (long m = 0; m < endMinute; m++) {
                Candle c = candle(m);
                if (c.openTime() >= fromMs && c.openTime() < toMs) {
                    b.add(c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.quoteVolume(), c.takerBuyQuoteVolume());
                }
            }
            return b.build();
        }
    }

    private static WindowSpec spec(String model, Long asOf) {
        return WindowSpec.builder(SourceSpec.parse("sim"), "BTCUSDT", model, 3 * HOUR).asOf(asOf).buckets(120).columns(90).build();
    }

    private static void assertSameMap(LiquidationMap expected, LiquidationMap actual) {
        assertEquals(expected.asOf(), actual.asOf());
        assertEquals(expected.price(), actual.price(), 0);
        assertEquals(expected.priceLow(), actual.priceLow(), 0);
        assertEquals(expected.priceHigh(), actual.priceHigh(), 0);
        assertArrayEquals(expected.longNotionals(), actual.longNotionals(), 0);
        assertArrayEquals(expected.shortNotionals(), actual.shortNotionals(), 0);
    }

    @Test
    void eachCandleGivesTheEstimateLoadedAfreshForTheNewTime_withoutDownloading() {
        for (String model : List.of("m1", "m3")) {
            GrowingSource source = new GrowingSource();
            source.endMinute = 300;
            WindowEstimator estimator = new WindowEstimator(LiquidationEngine.standard(), s -> source);
            LiveEstimator live = new LiveEstimator(estimator, spec(model, null));

            WindowEstimate first = live.estimate(CancelToken.NONE);
            assertEquals(T0 + 300 * M, first.result().asOf(), "the live window ends where the data ends");
            int requestsAfterLoad = source.requests.get();

            for (long m = 300; m < 305; m++) {
                source.endMinute = m + 1;
                live.offer(candle(m));
                WindowEstimate moved = live.estimate(CancelToken.NONE);
                WindowEstimate fresh = estimator.estimate(spec(model, T0 + (m + 1) * M), CancelToken.NONE);
                assertSameMap(fresh.result().map(), moved.result().map());
                assertEquals(T0 + (m + 1) * M, live.asOfMs());
            }
            // Five fresh estimates were asked of the source for comparison; the live one asked nothing more.
            assertEquals(requestsAfterLoad + 5, source.requests.get(), model + ": a live minute downloads nothing");
        }
    }

    @Test
    void aMissedCandleIsFetchedBeforeTheNextOneIsApplied() {
        GrowingSource source = new GrowingSource();
        source.endMinute = 200;
        WindowEstimator estimator = new WindowEstimator(LiquidationEngine.standard(), s -> source);
        LiveEstimator live = new LiveEstimator(estimator, spec("m1", null));
        live.estimate(CancelToken.NONE);
        source.endMinute = 203;
        live.offer(candle(202)); // 200 and 201 never arrived from the feed
        WindowEstimate moved = live.estimate(CancelToken.NONE);
        long[] hole = source.asked.get(source.asked.size() - 1);
        assertEquals(T0 + 200 * M, hole[0], "the hole is asked from its first minute");
        assertEquals(T0 + 202 * M, hole[1], "up to the candle that arrived");
        assertSameMap(estimator.estimate(spec("m1", T0 + 203 * M), CancelToken.NONE).result().map(), moved.result().map());
    }

    @Test
    void followsOnlyWhatAWindowOfCandlesCanHold() {
        WindowEstimator estimator = WindowEstimator.standard();
        assertTrue(LiveEstimator.canFollow(estimator, spec("m1", null)));
        assertFalse(LiveEstimator.canFollow(estimator, spec("m1", T0)), "a fixed as-of is not live");
        assertFalse(LiveEstimator.canFollow(estimator, spec("m1t", null)), "trade models need the trades");
        assertFalse(LiveEstimator.canFollow(estimator, WindowSpec.builder(SourceSpec.parse("all"), "BTCUSDT", "m1", HOUR).build()),
                "each exchange of `all` is loaded afresh");
    }
}
