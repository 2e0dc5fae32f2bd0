package org.liqlens.sources.binance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.cache.CandleCache;
import org.liqlens.sources.file.FileSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.binance.FakeBinance.T0;

/**
 * A property over the network path: for generated sequences of transient faults (empty page, short page,
 * rows out of order, repeated rows, 5xx, 429, a body cut off), fetching three days through the cache either
 * gives exactly the archive file's candles, and so the file's map, or fails with a message, or gives fewer
 * candles than asked, every one of them the file's own (which the result's coverage then reports); never a
 * candle that differs. After the faults stop, a rerun on the same cache a little later gives the file's map.
 *
 * <p>The "file" is written by the test in data.binance.vision's klines CSV format from the same rows the
 * server sends, and read back through {@link FileSource}, the importer the CLI uses for {@code file:}.
 */
class KlinesFaultPropertyTest {
    private static final long D = Intervals.DAY;
    private static final long M = Intervals.MINUTE;
    private static final long FROM = T0 + D;
    private static final long TO = T0 + 4 * D;
    private static final int SEQUENCES = 60;

    enum Fault { EMPTY, SHORT, SHUFFLED, REPEATED, HTTP_503, HTTP_429, CUT_OFF }

    @TempDir
    Path dir;

    @Test
    void anySequenceOfTransientFaultsGivesTheFilesMapOrSaysWhatIsMissingAndARerunHeals() throws Exception {
        Path csv = writeArchive(dir.resolve("BTCUSDT-1m-2024-01.csv"));
        CandleSeries file = new FileSource(csv).candles("BTCUSDT", M, FROM, TO, CancelToken.NONE);
        assertEquals(3 * 1440, file.size());
        EstimateResult fileMap = map(file);
        int exact = 0, failed = 0, partial = 0;

        for (int seed = 1; seed <= SEQUENCES; seed++) {
            // every third sequence is a storm (four answers in five faulty), so that retries run out too
            FaultyKlines dispatcher = new FaultyKlines(new Random(seed), seed % 3 == 0 ? 0.8 : 1.0 / 3);
            MockWebServer server = new MockWebServer();
            server.setDispatcher(dispatcher);
            server.start();
            try {
                Path cacheDir = Files.createDirectory(dir.resolve("cache-" + seed));
                KlinesTrustTest.MutableClock clock = new KlinesTrustTest.MutableClock(T0 + 10 * D);
                BinanceSource source = new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), 0)
                        .withClock(clock), new CandleCache(cacheDir, clock));
                String faults = "seed " + seed;
                try {
                    CandleSeries got = source.candles("BTCUSDT", M, FROM, TO, CancelToken.NONE);
                    faults += ", faults " + dispatcher.injected;
                    assertEveryCandleIsTheFilesOwn(file, got, faults);
                    if (got.size() == file.size()) {
                        assertSameMap(fileMap, map(got), faults);
                        exact++;
                    } else {
                        // an empty series is refused by the window loader ("no 1m candles ... in [from, to)")
                        assertTrue(got.isEmpty() || !map(got).coverage().isComplete(), faults + ": a short series must say so");
                        partial++;
                    }
                } catch (SourceException e) {
                    assertTrue(e.getMessage() != null && e.getMessage().startsWith("binance"),
                            "seed " + seed + ": a failure says which source and why: " + e.getMessage());
                    failed++;
                }

                dispatcher.faulty = false;
                clock.advance(2 * M);
                CandleSeries healed = source.candles("BTCUSDT", M, FROM, TO, CancelToken.NONE);
                TestSupport.assertSameCandles(file, healed);
                assertSameMap(fileMap, map(healed), faults + ", rerun");
            } finally {
                server.shutdown();
            }
        }
        System.out.printf("fault sequences: %d gave the file's map, %d fewer candles (reported), %d failed with a message%n",
                exact, partial, failed);
        // The generator must exercise every outcome, or the property says little.
        assertTrue(exact > SEQUENCES / 3, "exact " + exact);
        assertTrue(failed > 0, "failed " + failed);
        assertEquals(SEQUENCES, exact + failed + partial);
    }

    private static void assertEveryCandleIsTheFilesOwn(CandleSeries file, CandleSeries got, String faults) {
        for (int i = 0; i < got.size(); i++) {
            int k = file.firstIndexOpenAtOrAfter(got.openTime(i));
            assertTrue(k < file.size() && file.openTime(k) == got.openTime(i), faults + ": open time " + got.openTime(i));
            assertEquals(file.close(k), got.close(i), faults);
            assertEquals(file.low(k), got.low(i), faults);
            assertEquals(file.high(k), got.high(i), faults);
            assertEquals(file.quoteVolume(k), got.quoteVolume(i), faults);
            assertEquals(file.takerBuyQuoteVolume(k), got.takerBuyQuoteVolume(i), faults);
        }
    }

    private static EstimateResult map(CandleSeries candles) {
        return LiquidationEngine.standard().estimate(EstimateRequest.builder(new MarketInputs(candles, null, null), "m1")
                .asOf(TO).window(TO - FROM).buckets(300).columns(0).build());
    }

    private static void assertSameMap(EstimateResult expected, EstimateResult actual, String what) {
        assertEquals(expected.price(), actual.price(), what);
        assertEquals(expected.map().totalLong(), actual.map().totalLong(), what);
        assertEquals(expected.map().totalShort(), actual.map().totalShort(), what);
        for (int b = 0; b < expected.map().buckets(); b++) {
            assertEquals(expected.map().bucketLow(b), actual.map().bucketLow(b), what);
            assertEquals(expected.map().longNotional(b), actual.map().longNotional(b), what);
            assertEquals(expected.map().shortNotional(b), actual.map().shortNotional(b), what);
        }
        assertTrue(actual.coverage().isComplete(), what + ": coverage");
    }

    /** The archive file of the days the server serves, row for row in the klines CSV layout. */
    private static Path writeArchive(Path csv) throws IOException {
        StringBuilder b = new StringBuilder(
                "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n");
        for (long t = T0; t < T0 + 5 * D; t += M) {
            String row = FakeBinance.klineRow(t);
            b.append(row, 1, row.length() - 1).append('\n');
        }
        Files.writeString(csv, b.toString().replace("\"", ""), StandardCharsets.UTF_8);
        return csv;
    }

    /**
     * Serves klines like Binance, from the rows of {@link FakeBinance#klineRow}, and while {@link #faulty}
     * replaces answers, at the given rate, by faults drawn from the seeded generator.
     */
    static final class FaultyKlines extends Dispatcher {
        private final Random random;
        private final double faultRate;
        volatile boolean faulty = true;
        final List<Fault> injected = Collections.synchronizedList(new ArrayList<>());

        FaultyKlines(Random random, double faultRate) {
            this.random = random;
            this.faultRate = faultRate;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getRequestUrl();
            long start = Long.parseLong(url.queryParameter("startTime"));
            long end = Long.parseLong(url.queryParameter("endTime"));
            int limit = Integer.parseInt(url.queryParameter("limit"));
            List<String> rows = new ArrayList<>();
            for (long t = Math.max(T0, start + Math.floorMod(T0 - start, M)); t <= end && t < T0 + 5 * D && rows.size() < limit; t += M) {
                rows.add(FakeBinance.klineRow(t));
            }
            Fault fault;
            synchronized (random) {
                fault = faulty && random.nextDouble() < faultRate ? Fault.values()[random.nextInt(Fault.values().length)] : null;
                if (fault == Fault.SHORT && !rows.isEmpty()) rows = rows.subList(0, random.nextInt(rows.size()));
                if (fault == Fault.SHUFFLED) Collections.shuffle(rows, random);
                if (fault == Fault.REPEATED) {
                    List<String> doubled = new ArrayList<>(rows);
                    for (int i = 0; i < rows.size(); i += 1 + random.nextInt(50)) doubled.add(random.nextInt(doubled.size() + 1), rows.get(i));
                    rows = doubled;
                }
            }
            if (fault != null) injected.add(fault);
            String body = "[" + String.join(",", rows) + "]";
            if (fault == null) return FakeBinance.json(body);
            return switch (fault) {
                case EMPTY -> FakeBinance.json("[]");
                case SHORT, SHUFFLED, REPEATED -> FakeBinance.json(body);
                case HTTP_503 -> new MockResponse().setResponseCode(503).setBody("Service Unavailable");
                case HTTP_429 -> new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
                        .setBody("{\"code\":-1003,\"msg\":\"Too many requests.\"}");
                case CUT_OFF -> FakeBinance.json(body.substring(0, body.length() / 2));
            };
        }
    }
}
