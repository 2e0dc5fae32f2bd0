package org.liqlens.sources.binance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.cache.CandleCache;
import org.liqlens.sources.http.ClientSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.binance.FakeBinance.T0;

/** The disk cache in front of Binance klines, counting the requests that reach the (fake) exchange. */
class CandleCacheTest {
    private static final long D = Intervals.DAY;
    private static final long NOW = T0 + 10 * D + 12 * Intervals.HOUR; // midday of day 10

    @TempDir
    Path cacheDir;
    private final FakeBinance fake = new FakeBinance();
    private MockWebServer server;
    private ClientSettings settings;

    @BeforeEach
    void start() throws Exception {
        server = FakeBinance.start(fake);
        settings = TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), NOW);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /** A fresh source on the same cache folder, as after a restart. */
    private BinanceSource cached() {
        return new BinanceSource(settings, new CandleCache(cacheDir, settings.clock()));
    }

    private CandleSeries direct(long from, long to) {
        CandleSeries s = new BinanceSource(settings, null).candles("BTCUSDT", Intervals.MINUTE, from, to, CancelToken.NONE);
        fake.requests.clear();
        return s;
    }

    private Path dayFile(int day) {
        return new CandleCache(cacheDir).dayFile(cached().cacheNamespace(), "BTCUSDT", Intervals.MINUTE, T0 + day * D);
    }

    private List<Long> requestedStarts() {
        return fake.requests.stream().map(RecordedRequest::getRequestUrl)
                .map(u -> Long.parseLong(u.queryParameter("startTime"))).toList();
    }

    @Test
    void aRestartServesCompleteDaysFromDisk() {
        CandleSeries expected = direct(T0 + D, T0 + 4 * D);
        CandleSeries first = cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE);
        TestSupport.assertSameCandles(expected, first);
        assertEquals(3, fake.requests.size(), "3 days of 1m candles: 4320 rows in pages of 1500");
        assertTrue(Files.isRegularFile(dayFile(1)) && Files.isRegularFile(dayFile(2)) && Files.isRegularFile(dayFile(3)));

        fake.requests.clear();
        CandleSeries again = cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE);
        TestSupport.assertSameCandles(expected, again);
        assertEquals(0, fake.requests.size());
    }

    @Test
    void aWiderWindowFetchesOnlyTheMissingDays() {
        CandleSeries expected = direct(T0, T0 + 5 * D);
        cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE);
        fake.requests.clear();

        CandleSeries wide = cached().candles("BTCUSDT", Intervals.MINUTE, T0, T0 + 5 * D, CancelToken.NONE);

        TestSupport.assertSameCandles(expected, wide);
        assertEquals(List.of(T0, T0 + 4 * D), requestedStarts(), "only day 0 and day 4 are fetched");
    }

    @Test
    void aRangeInsideDaysIsCutExactlyButWholeDaysAreCached() {
        long from = T0 + D + 6 * Intervals.HOUR + 7 * Intervals.MINUTE;
        long to = T0 + 2 * D + 3 * Intervals.HOUR;
        CandleSeries expected = direct(from, to);
        CandleSeries got = cached().candles("BTCUSDT", Intervals.MINUTE, from, to, CancelToken.NONE);
        TestSupport.assertSameCandles(expected, got);
        fake.requests.clear();
        CandleSeries fullDays = cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 3 * D, CancelToken.NONE);
        assertEquals(2 * 1440, fullDays.size());
        assertEquals(0, fake.requests.size());
    }

    @Test
    void aCorruptOrTruncatedDayFileIsDetectedDeletedAndFetchedAgain() throws IOException {
        CandleSeries expected = direct(T0 + D, T0 + 4 * D);
        cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE);

        byte[] bytes = Files.readAllBytes(dayFile(2));
        bytes[bytes.length / 2] ^= 0x40; // one flipped bit in a price
        Files.write(dayFile(2), bytes);
        fake.requests.clear();
        TestSupport.assertSameCandles(expected, cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE));
        assertEquals(List.of(T0 + 2 * D), requestedStarts(), "only the damaged day is fetched again");

        byte[] whole = Files.readAllBytes(dayFile(3));
        Files.write(dayFile(3), java.util.Arrays.copyOf(whole, whole.length - 100)); // cut off, as by a crash
        fake.requests.clear();
        TestSupport.assertSameCandles(expected, cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE));
        assertEquals(List.of(T0 + 3 * D), requestedStarts());

        fake.requests.clear();
        cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 4 * D, CancelToken.NONE);
        assertEquals(0, fake.requests.size(), "the rewritten files are valid");
    }

    @Test
    void aDownloadThatFailsHalfWayKeepsItsCompleteDaysAndResumesAfterThem() {
        CandleSeries expected = direct(T0, T0 + 8 * D);
        // Days are fetched five at a time: the first batch (5 x 1440 = 7200 rows, 5 pages) succeeds, then the
        // exchange fails every attempt of the next page until the client gives up.
        for (int i = 0; i < 5; i++) fake.failNext(body -> FakeBinance.json(body));
        for (int i = 0; i < TestSupport.FAST_RETRY.maxAttempts(); i++) {
            fake.failNext(body -> new okhttp3.mockwebserver.MockResponse().setResponseCode(503));
        }
        org.junit.jupiter.api.Assertions.assertThrows(org.liqlens.sources.SourceException.class,
                () -> cached().candles("BTCUSDT", Intervals.MINUTE, T0, T0 + 8 * D, CancelToken.NONE));
        assertTrue(Files.isRegularFile(dayFile(4)));
        assertFalse(Files.exists(dayFile(5)));

        fake.requests.clear();
        TestSupport.assertSameCandles(expected, cached().candles("BTCUSDT", Intervals.MINUTE, T0, T0 + 8 * D, CancelToken.NONE));
        assertEquals(T0 + 5 * D, requestedStarts().get(0), "the second attempt starts where the first stopped");
    }

    @Test
    void theCurrentDayIsNeverCachedAsComplete() {
        CandleSeries first = cached().candles("BTCUSDT", Intervals.MINUTE, T0 + 9 * D, NOW, CancelToken.NONE);
        assertEquals(1440 + 12 * 60, first.size(), "today up to the last minute closed before noon");
        assertTrue(Files.isRegularFile(dayFile(9)));
        assertFalse(Files.exists(dayFile(10)), "today is incomplete");

        fake.requests.clear();
        cached().candles("BTCUSDT", Intervals.MINUTE, T0 + 9 * D, NOW, CancelToken.NONE);
        assertEquals(List.of(T0 + 10 * D), requestedStarts(), "only today is fetched again");
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFiles() throws IOException {
        CandleCache cache = new CandleCache(cacheDir, settings.clock());
        Path target = cache.dayFile(cached().cacheNamespace(), "BTCUSDT", Intervals.MINUTE, T0 + D);
        // A temporary file a crashed writer left behind must not disturb anything.
        Files.createDirectories(target.getParent());
        Files.write(target.getParent().resolve(target.getFileName() + ".tmp-dead"), new byte[]{1, 2, 3});

        cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 2 * D, CancelToken.NONE);
        long size = Files.size(target);
        assertEquals(4 + 4 + 8 + 8 + 4 + 8 + 4 + 4 + 1440 * 64 + 16, size,
                "header (with state, first fetch and no gaps) + 1440 candles x 8 columns + length and CRC");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target.getFileName().toString(), target.getFileName() + ".tmp-dead"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // Replacing a day (e.g. after corruption) goes through the same temp-file + move.
        Files.write(target, new byte[]{0});
        fake.requests.clear();
        cached().candles("BTCUSDT", Intervals.MINUTE, T0 + D, T0 + 2 * D, CancelToken.NONE);
        assertEquals(1, fake.requests.size());
        assertEquals(size, Files.size(target));
    }

    @Test
    void sourceSpecCacheDirTurnsTheCacheOn() {
        MarketDataSource src = new BinanceSource(settings, null).configure(SourceSpec.parse("binance").withCacheDir(cacheDir));
        src.candles("btcusdt", Intervals.MINUTE, T0 + D, T0 + 2 * D, CancelToken.NONE);
        assertTrue(Files.isRegularFile(dayFile(1)));
    }
}
