package org.liqlens.sources.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.cache.CandleCache;
import org.liqlens.sources.cache.TopTraderRatioCache;

/**
 * The disk cache in front of {@code /futures/data/topLongShortPositionRatio}, counting the requests that reach a
 * MockWebServer. The first test replays the recorded payload {@code payloads/binance_topLongShortPositionRatio_official.json}
 * (the response example of Binance's USDⓈ-M docs, "Top Trader Long/Short Ratio (Positions)"); the others answer from
 * generated samples in that payload's exact row format, and like Binance serve only the last 30 days of the clock.
 */
class TopTraderRatioCacheTest {
    private static final long P = 5 * Intervals.MINUTE;
    /** The first sample of the official payload, 2020-03-02T09:00Z. */
    private static final long T = 1583139600000L;

    @TempDir
    Path dir;
    private final RatioServer fake = new RatioServer();
    private MockWebServer server;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger cacheLogs = Logger.getLogger("org.liqlens.sources.cache");
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) { logged.add(r); }
        @Override public void flush() { }
        @Override public void close() { }
    };

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        cacheLogs.addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        cacheLogs.removeHandler(capture);
        server.shutdown();
    }

    /** A source on the cache folder at this clock, as after a restart. */
    private BinanceSource at(long nowMs) {
        return new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), nowMs), new CandleCache(dir));
    }

    private Path file(BinanceSource s) {
        return new TopTraderRatioCache(dir, s.settings().clock()).file(s.cacheNamespace(), "BTCUSDT", P);
    }

    private static LongShortRatioSeries ratio(BinanceSource s, long from, long to) {
        return s.topTraderRatio("btcusdt", P, from, to, CancelToken.NONE);
    }

    private List<String> messages(Level level) {
        SimpleFormatter f = new SimpleFormatter();
        return logged.stream().filter(r -> r.getLevel().equals(level)).map(f::formatMessage).toList();
    }

    @Test
    void theRecordedPayloadIsFetchedOnceAndASecondIdenticalRequestMakesNoRequest() throws Exception {
        server.enqueue(new MockResponse().setBody(TestSupport.payload("binance_topLongShortPositionRatio_official.json")));
        BinanceSource s = at(T + P + Intervals.HOUR);
        LongShortRatioSeries first = ratio(s, T, T + P + 1);
        LongShortRatioSeries again = ratio(at(T + P + Intervals.HOUR), T, T + P + 1);
        assertEquals(1, server.getRequestCount(), "the second request is read from the cache");
        assertEquals(2, again.size());
        assertEquals("BTCUSDT", again.symbol());
        assertEquals(P, again.intervalMs());
        assertEquals(first.time(1), again.time(1));
        assertEquals(1.4342, again.ratio(0));
        assertEquals(1.4337, again.ratio(1));
        assertEquals(List.of("# covered " + T + " " + (T + P + 1), T + ",1.4342", (T + P) + ",1.4337"),
                Files.readAllLines(file(s)).subList(0, 3));
        assertEquals(Path.of("toptrader", s.cacheNamespace(), "BTCUSDT-5m.csv"), dir.relativize(file(s)));
    }

    @Test
    void aLaterRequestFetchesOnlyTheNewTailAndTheUnsettledEndIsAskedForAgain() {
        server.setDispatcher(fake);
        assertEquals(72, ratio(at(T + Intervals.DAY), T, T + 6 * Intervals.HOUR).size());
        assertEquals(1, fake.requests.size());

        LongShortRatioSeries wider = ratio(at(T + Intervals.DAY + Intervals.HOUR), T, T + 8 * Intervals.HOUR);
        assertEquals(2, fake.requests.size(), "one request, for the two new hours");
        HttpUrl tail = fake.requests.get(1);
        assertEquals(Long.toString(T + 6 * Intervals.HOUR), tail.queryParameter("startTime"));
        assertEquals(Long.toString(T + 8 * Intervals.HOUR - 1), tail.queryParameter("endTime"));
        assertEquals(96, wider.size());
        for (int i = 0; i < wider.size(); i++) {
            assertEquals(T + i * P, wider.time(i));
            assertEquals(RatioServer.ratioAt(T + i * P), wider.ratio(i));
        }

        // up to now: samples of the last period and the two minutes after are not settled, so not kept
        long now = T + Intervals.DAY;
        ratio(at(now), now - Intervals.HOUR, now);
        fake.requests.clear();
        ratio(at(now), now - Intervals.HOUR, now);
        assertEquals(1, fake.requests.size());
        assertEquals(Long.toString(now - P - CandleCache.SETTLE_MS), fake.requests.get(0).queryParameter("startTime"));
    }

    @Test
    void aDamagedFileIsReportedWithItsLineSetAsideAndFetchedAgain() throws Exception {
        server.setDispatcher(fake);
        long now = T + Intervals.DAY;
        LongShortRatioSeries first = ratio(at(now), T, T + Intervals.HOUR);
        Path file = file(at(now));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, "garbage");
        Files.write(file, lines);

        LongShortRatioSeries again = ratio(at(now), T, T + Intervals.HOUR);
        assertEquals(2, fake.requests.size(), "the damaged file's range is fetched again");
        assertEquals(first.size(), again.size());
        assertEquals(first.ratio(2), again.ratio(2));
        List<String> warnings = messages(Level.WARNING);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(file + ", line 3: damaged top-trader ratio cache file (not 'time,ratio')"), warnings.get(0));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("BTCUSDT-5m.csv.damaged-")).count(),
                    "set aside, not deleted: it may hold history Binance no longer serves");
        }

        // a file cut short (no end line, or cut inside a row) is damaged too, never read as fewer samples
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.indexOf("# end")));
        assertEquals(12, ratio(at(now), T, T + Intervals.HOUR).size());
        Files.writeString(file, whole.substring(0, whole.length() / 2));
        assertEquals(12, ratio(at(now), T, T + Intervals.HOUR).size());
        assertEquals(4, fake.requests.size());
        assertEquals(3, messages(Level.WARNING).size());
        assertTrue(messages(Level.WARNING).get(1).contains("the file is cut off"), messages(Level.WARNING).get(1));

        ratio(at(now), T, T + Intervals.HOUR);
        assertEquals(4, fake.requests.size(), "the file written after the refetch is whole");

        // a well-formed row with another value: the end line's CRC catches it, rather than serving a shifted ratio
        lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, (T + P) + ",1.5");
        Files.write(file, lines);
        assertEquals(first.ratio(1), ratio(at(now), T, T + Intervals.HOUR).ratio(1));
        assertEquals(5, fake.requests.size());
        assertTrue(messages(Level.WARNING).get(3).startsWith(file + ", line 14: damaged top-trader ratio cache file (CRC mismatch"),
                messages(Level.WARNING).get(3));
    }

    @Test
    void samplesOlderThanThirtyDaysSurviveInTheCacheAndWhatNeitherHasIsReported() {
        server.setDispatcher(fake);
        LongShortRatioSeries first = ratio(at(T + Intervals.DAY), T, T + 6 * Intervals.HOUR);

        long now = T + 31 * Intervals.DAY + 3 * Intervals.HOUR;
        fake.servesFrom = now - 30 * Intervals.DAY; // Binance has forgotten T
        fake.requests.clear();
        LongShortRatioSeries old = ratio(at(now), T, T + 6 * Intervals.HOUR);
        assertEquals(0, fake.requests.size(), "served from the cache");
        assertEquals(72, old.size());
        assertEquals(first.time(71), old.time(71));
        assertEquals(first.ratio(71), old.ratio(71));
        assertEquals(List.of(), messages(Level.INFO));

        // a range reaching back past the 30 days: the cached part, then what Binance still serves
        long earliest = at(now).client().futuresDataEarliestMs(P);
        LongShortRatioSeries both = ratio(at(now), T, now - Intervals.HOUR);
        assertEquals(Long.toString(earliest + P), fake.requests.get(0).queryParameter("startTime"),
                "asks only for the missing range Binance still serves");
        assertTrue(fake.requests.stream().allMatch(u -> Long.parseLong(u.queryParameter("startTime")) >= fake.servesFrom));
        assertEquals(T + 71 * P, both.time(71));
        assertEquals(earliest + P, both.time(72));
        assertEquals(72 + (now - Intervals.HOUR - earliest - P) / P, both.size());
        List<String> infos = messages(Level.INFO);
        assertEquals(1, infos.size(), infos.toString());
        assertEquals(at(now).cacheNamespace() + ": top-trader ratio BTCUSDT 5m: [" + Instant.ofEpochMilli(T + 6 * Intervals.HOUR)
                + ", " + Instant.ofEpochMilli(earliest + P) + ") missing: older than the exchange serves (from "
                + Instant.ofEpochMilli(earliest) + ") and not in the cache " + file(at(now)), infos.get(0));

        // the old samples are still on disk beside the new ones
        fake.requests.clear();
        assertEquals(both.size() - 12, ratio(at(now), T, now - 2 * Intervals.HOUR).size());
        assertEquals(0, fake.requests.size());
    }

    @Test
    void concurrentWritersAddToEachOtherAndNeverCorruptTheFile() throws Exception {
        server.setDispatcher(fake);
        long now = T + 2 * Intervals.DAY;
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int k = 0; k < threads; k++) {
                int slice = k;
                done.add(pool.submit(() -> {
                    go.await();
                    // each thread its own source, as the desktop's panes and the CLI would be; overlapping ranges
                    for (int round = 0; round < 4; round++) {
                        long from = T + ((slice + round) % threads) * 4 * Intervals.HOUR;
                        assertEquals(48, ratio(at(now), from, from + 4 * Intervals.HOUR).size());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), messages(Level.WARNING), "no writer saw a damaged file");
        fake.requests.clear();
        LongShortRatioSeries day = ratio(at(now), T, T + Intervals.DAY);
        assertEquals(0, fake.requests.size(), "every writer's range is in the file");
        assertEquals(288, day.size());
        for (int i = 0; i < day.size(); i++) assertEquals(RatioServer.ratioAt(T + i * P), day.ratio(i));
        try (Stream<Path> files = Files.list(file(at(now)).getParent())) {
            assertEquals(List.of("BTCUSDT-5m.csv"), files.map(p -> p.getFileName().toString()).toList(), "no temporary files left");
        }
    }

    @Test
    void withoutACacheEveryRequestIsFetched() {
        server.setDispatcher(fake);
        BinanceSource direct = new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(),
                T + Intervals.DAY), null);
        direct.topTraderRatio("BTCUSDT", P, T, T + Intervals.HOUR, CancelToken.NONE);
        direct.topTraderRatio("BTCUSDT", P, T, T + Intervals.HOUR, CancelToken.NONE);
        assertEquals(2, fake.requests.size());
        assertFalse(Files.exists(dir.resolve("toptrader")));
    }

    /**
     * Answers {@code /futures/data/topLongShortPositionRatio} with one sample every 5 minutes in the row format of the
     * official payload (all values strings), only for samples at or after {@link #servesFrom}.
     */
    static final class RatioServer extends Dispatcher {
        final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
        volatile long servesFrom = Long.MIN_VALUE;

        static double ratioAt(long t) {
            return 1 + (t / P % 997) / 1000.0;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl u = request.getRequestUrl();
            if (!u.encodedPath().equals("/futures/data/topLongShortPositionRatio")) return new MockResponse().setResponseCode(404);
            requests.add(u);
            long start = Math.max(Long.parseLong(u.queryParameter("startTime")), servesFrom);
            long end = Long.parseLong(u.queryParameter("endTime"));
            int limit = Integer.parseInt(u.queryParameter("limit"));
            StringBuilder b = new StringBuilder("[");
            int n = 0;
            for (long t = Math.floorDiv(start + P - 1, P) * P; t <= end && n < limit; t += P, n++) {
                double r = ratioAt(t);
                if (n > 0) b.append(',');
                b.append("{\"symbol\":\"BTCUSDT\",\"longShortRatio\":\"").append(r).append("\",\"longAccount\":\"")
                        .append(r / (1 + r)).append("\",\"shortAccount\":\"").append(1 / (1 + r))
                        .append("\",\"timestamp\":\"").append(t).append("\"}");
            }
            return new MockResponse().setBody(b.append(']').toString());
        }
    }
}
