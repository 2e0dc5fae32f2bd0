package org.liqlens.sources.binance;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.cache.CandleCache;
import org.liqlens.sources.http.Backoff;
import org.liqlens.sources.http.ClientSettings;
import org.liqlens.sources.http.RetryPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.binance.FakeBinance.T0;

/**
 * The faults that used to give a silently wrong series, each reproduced against a Binance-shaped server:
 * truncation by one empty or short page, a day cached without its last minutes, shuffled or repeated rows,
 * rows the file importer would refuse, a cache that mixed endpoints, and a server that never answers.
 */
class KlinesTrustTest {
    private static final long D = Intervals.DAY;
    private static final long M = Intervals.MINUTE;
    /** Three whole days, 4,320 one-minute candles: three pages of 1,500. */
    private static final long FROM = T0 + D;
    private static final long TO = T0 + 4 * D;

    @TempDir
    Path cacheDir;
    private final FakeBinance fake = new FakeBinance();
    private final MutableClock clock = new MutableClock(T0 + 10 * D);
    private MockWebServer server;
    private ClientSettings settings;

    @BeforeEach
    void start() throws Exception {
        server = FakeBinance.start(fake);
        settings = TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), 0).withClock(clock);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private BinanceSource cached() {
        return new BinanceSource(settings, new CandleCache(cacheDir, clock));
    }

    private CandleSeries fetch(BinanceSource source) {
        return source.candles("BTCUSDT", M, FROM, TO, CancelToken.NONE);
    }

    /** Every minute of [from, to), as the fake serves it, built independently of the client. */
    private static List<Long> minutes(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long t = from; t < to; t += M) out.add(t);
        return out;
    }

    private static List<Long> openTimes(CandleSeries s) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) out.add(s.openTime(i));
        return out;
    }

    @Test
    void oneTransientEmptyPageNoLongerCutsTheSeriesNorPoisonsTheCache() {
        fake.failNext(FakeBinance::json);                   // page 1 as it is
        fake.failNext(body -> FakeBinance.json("[]"));      // page 2: a transient empty answer

        CandleSeries got = fetch(cached());

        assertEquals(minutes(FROM, TO), openTimes(got), "4,320 candles, not the 1,500 of page 1");
        fake.requests.clear();
        assertEquals(minutes(FROM, TO), openTimes(fetch(cached())), "a rerun on the same cache");
        assertEquals(0, fake.requests.size(), "three complete days are served from disk");
    }

    @Test
    void pagesCappedBelowTheLimitArePagedThrough() {
        fake.pageCap = 1000; // a proxy that answers 1,000 of the 1,500 asked

        CandleSeries got = fetch(new BinanceSource(settings, null));

        assertEquals(minutes(FROM, TO), openTimes(got));
        assertEquals(5, fake.requests.size(), "4,320 rows in pages of 1,000");
    }

    @Test
    void aDayWithoutItsLastMinutesStaysProvisionalUntilASecondFetchAMinuteLaterConfirmsTheGap() throws Exception {
        long dayEnd = T0 + 2 * D;
        fake.dataEnd = dayEnd - 10 * M; // the server does not have the last 10 minutes of day 1 yet
        CandleSeries first = cached().candles("BTCUSDT", M, T0 + D, dayEnd, CancelToken.NONE);
        assertEquals(1430, first.size());

        // The data arrives; a rerun must fetch the day again and get it whole.
        fake.dataEnd = Long.MAX_VALUE;
        fake.requests.clear();
        clock.advance(30_000);
        CandleSeries second = cached().candles("BTCUSDT", M, T0 + D, dayEnd, CancelToken.NONE);
        assertEquals(minutes(T0 + D, dayEnd), openTimes(second));
        assertFalse(fake.requests.isEmpty(), "the incomplete day was asked for again");

        // A real gap (maintenance): the same 1,430 candles twice, a minute apart, confirm it.
        long day3 = T0 + 3 * D;
        fake.dataEnd = day3 + D - 10 * M;
        cached().candles("BTCUSDT", M, day3, day3 + D, CancelToken.NONE);
        clock.advance(30_000);
        cached().candles("BTCUSDT", M, day3, day3 + D, CancelToken.NONE);
        Path file = new CandleCache(cacheDir).dayFile(cached().cacheNamespace(), "BTCUSDT", M, day3);
        assertEquals(2, stateOf(file), "30 s apart: still provisional");
        clock.advance(31_000);
        cached().candles("BTCUSDT", M, day3, day3 + D, CancelToken.NONE);
        assertEquals(1, stateOf(file), "61 s after the first fetch: a confirmed gap");
        long[] gap = gapsOf(file);
        assertEquals(2, gap.length, "one gap recorded in the file");
        assertEquals(day3 + D - 10 * M, gap[0]);
        assertEquals(day3 + D, gap[1]);

        fake.requests.clear();
        CandleSeries served = cached().candles("BTCUSDT", M, day3, day3 + D, CancelToken.NONE);
        assertEquals(1430, served.size());
        assertEquals(0, fake.requests.size(), "a day with a confirmed gap is not fetched again");
    }

    @Test
    void rowsOutOfOrderOrRepeatedAreSortedAndDeduplicatedNotDropped() {
        fake.failNext(body -> FakeBinance.json(shuffled(body)));
        fake.failNext(body -> FakeBinance.json(withRepeats(body)));

        CandleSeries got = fetch(new BinanceSource(settings, null));

        assertEquals(minutes(FROM, TO), openTimes(got), "4,320 candles, none lost to the disorder");
    }

    @Test
    void aCandleThatComesTwiceWithDifferentValuesIsAnError() {
        String other = FakeBinance.klineRow(FROM).replaceFirst("\"[0-9.]+\",\\d+,\"[0-9.]+\",", "\"99.000\"," + (FROM + 59_999)
                + ",\"4200000.0\",");
        fake.failNext(body -> FakeBinance.json("[" + other + "," + body.substring(1)));

        SourceException e = assertThrows(SourceException.class, () -> fetch(new BinanceSource(settings, null)));

        assertTrue(e.getMessage().contains("open time " + FROM + " came twice with different values"), e.getMessage());
    }

    @Test
    void aNegativeVolumeIsRefusedAsTheFileImporterRefusesIt() {
        fake.failNext(body -> FakeBinance.json(body.replaceFirst("\"289.641\"", "\"-289.641\"")));

        SourceException e = assertThrows(SourceException.class,
                () -> new BinanceSource(settings, null).candles("BTCUSDT", M, T0, T0 + D, CancelToken.NONE));

        assertTrue(e.getMessage().contains("kline row 0 (open time " + T0 + "): volume -289.641 is not a non-negative number"),
                e.getMessage());
    }

    @Test
    void aTakerBuyVolumeAboveTheTotalIsRefused() {
        // the archive row: quote volume 12256155.25625, taker-buy quote 7414459.86355
        fake.failNext(body -> FakeBinance.json(body.replaceFirst("\"7414459.86355\"", "\"12256155.25626\"")));

        SourceException e = assertThrows(SourceException.class,
                () -> new BinanceSource(settings, null).candles("BTCUSDT", M, T0, T0 + D, CancelToken.NONE));

        assertTrue(e.getMessage().contains("taker_buy_quote_volume 12256155.25626 exceeds quote_volume 12256155.25625"),
                e.getMessage());
    }

    @Test
    void fiveMinuteRowsAnsweredToAOneMinuteRequestAreRefused() {
        fake.failNext(body -> FakeBinance.json("[[" + FROM + ",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"," + (FROM + 299_999)
                + ",\"15\",3,\"5\",\"7.5\",\"0\"]]"));

        SourceException e = assertThrows(SourceException.class, () -> fetch(new BinanceSource(settings, null)));

        assertTrue(e.getMessage().contains("close_time " + (FROM + 299_999) + " is not open_time " + FROM + " + 59999 (a 1m candle)"),
                e.getMessage());
    }

    @Test
    void theCacheKeepsEachEndpointsCandlesApart() throws Exception {
        BinanceSource viaMock = cached();
        assertNotEquals("binance", viaMock.cacheNamespace());
        assertTrue(viaMock.cacheNamespace().startsWith("binance@localhost_") || viaMock.cacheNamespace().startsWith("binance@127.0.0.1_"),
                viaMock.cacheNamespace());
        fetch(viaMock);
        Path mockDay = new CandleCache(cacheDir).dayFile(viaMock.cacheNamespace(), "BTCUSDT", M, FROM);
        Path exchangeDay = new CandleCache(cacheDir).dayFile("binance", "BTCUSDT", M, FROM);
        assertTrue(Files.isRegularFile(mockDay));
        assertFalse(Files.exists(exchangeDay), "the exchange's own folder is untouched");

        // A second recorded-response server on another port has its own folder, so it asks for its days.
        FakeBinance other = new FakeBinance();
        MockWebServer otherServer = FakeBinance.start(other);
        try {
            BinanceSource viaOther = new BinanceSource(TestSupport.settingsFor(otherServer, new TestSupport.RecordingSleeper(), 0)
                    .withClock(clock), new CandleCache(cacheDir, clock));
            assertNotEquals(viaMock.cacheNamespace(), viaOther.cacheNamespace());
            fetch(viaOther);
            assertEquals(3, other.requests.size(), "nothing served from the first server's days");
        } finally {
            otherServer.shutdown();
        }
    }

    @Test
    void theDefaultEndpointKeepsTheFolderOfEarlierVersions() {
        assertEquals("binance", new BinanceSource().cacheNamespace());
        assertEquals("binance@testnet.binancefuture.com", new BinanceSource(
                BinanceFuturesClient.defaultSettings().withBaseUrl("https://testnet.binancefuture.com"), null).cacheNamespace());
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheBoundAndSaysSoWhileRetrying() {
        ClientSettings slow = settings.withRetryPolicy(new RetryPolicy(6, new Backoff(100, 1_000), 300_000, 1_500))
                .withHttpClient(settings.httpClient().newBuilder().readTimeout(java.time.Duration.ofMillis(400)).build());
        for (int i = 0; i < 10; i++) fake.failNext(body -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        List<String> said = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        SourceException e = assertThrows(SourceException.class, () -> new BinanceSource(slow, null)
                .candles("BTCUSDT", M, FROM, TO, CancelToken.create(said::add)));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 3_000, "bounded by the 1.5 s limit (plus one call's slack), took " + tookMs + " ms");
        assertTrue(e.getMessage().contains("gave up after"), e.getMessage());
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        assertFalse(said.isEmpty(), "each retry is said while it happens");
        assertTrue(said.get(0).startsWith("binance: ") && said.get(0).contains("retry 1 of 5"), said.get(0));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String shuffled(String body) {
        List<String> rows = rows(body);
        java.util.Collections.shuffle(rows, new java.util.Random(7));
        return "[" + String.join(",", rows) + "]";
    }

    private static String withRepeats(String body) {
        List<String> rows = rows(body);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i));
            if (i % 10 == 3) out.add(rows.get(i));
        }
        return "[" + String.join(",", out) + "]";
    }

    /** The rows of a klines answer, as the JSON text of each. */
    static List<String> rows(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[') {
                if (++depth == 2) start = i;
            } else if (c == ']') {
                if (depth-- == 2) out.add(body.substring(start, i + 1));
            }
        }
        return out;
    }

    private static int stateOf(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        assertEquals(2, b.getInt(4), "format version");
        return b.getInt(4 + 4 + 8 + 8);
    }

    private static long[] gapsOf(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int at = 4 + 4 + 8 + 8 + 4 + 8;
        int n = b.getInt(at);
        long[] out = new long[2 * n];
        for (int i = 0; i < out.length; i++) out[i] = b.getLong(at + 4 + 8 * i);
        return out;
    }

    /** A clock the test moves forward, as time passes between two runs. */
    static final class MutableClock extends Clock {
        private volatile long now;

        MutableClock(long now) {
            this.now = now;
        }

        void advance(long ms) {
            now += ms;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }
}
