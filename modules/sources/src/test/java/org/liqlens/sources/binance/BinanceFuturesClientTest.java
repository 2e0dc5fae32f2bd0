package org.liqlens.sources.binance;

import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.InstrumentInfo;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.TestSupport.RecordingSleeper;
import org.liqlens.sources.http.HttpFetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.binance.FakeBinance.T0;

class BinanceFuturesClientTest {
    private static final long NOW = T0 + 30 * Intervals.DAY;
    private static final long RANGE_END = T0 + 4000 * Intervals.MINUTE; // 4000 candles: pages of 1500, 1500, 1000

    private final FakeBinance fake = new FakeBinance();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private MockWebServer server;
    private BinanceFuturesClient client;

    @BeforeEach
    void start() throws Exception {
        server = FakeBinance.start(fake);
        client = new BinanceFuturesClient(TestSupport.settingsFor(server, sleeper, NOW));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private CandleSeries fetchRange() {
        return client.klines("BTCUSDT", Intervals.MINUTE, T0, RANGE_END, CancelToken.NONE);
    }

    @Test
    void klinesArePagedByStartTimeAndStitchedExactly() {
        CandleSeries c = fetchRange();

        assertEquals(4000, c.size());
        assertEquals(T0, c.firstOpenTime());
        assertEquals(RANGE_END - Intervals.MINUTE, c.openTime(c.size() - 1));
        TestSupport.assertContiguous(c.openTimes(), Intervals.MINUTE);
        // Row 0 is the real archive row: 1704067200000,42314.00,42335.80,42289.60,42331.90,289.641,...,12256155.25625,3310,175.211,7414459.86355
        assertEquals(42314.00, c.open(0));
        assertEquals(42335.80, c.high(0));
        assertEquals(42289.60, c.low(0));
        assertEquals(42331.90, c.close(0));
        assertEquals(289.641, c.volume(0));
        assertEquals(12256155.25625, c.quoteVolume(0));
        assertEquals(7414459.86355, c.takerBuyQuoteVolume(0));

        assertEquals(3, fake.requests.size());
        long[] starts = fake.requests.stream().mapToLong(r -> Long.parseLong(r.getRequestUrl().queryParameter("startTime"))).toArray();
        assertEquals(T0, starts[0]);
        assertEquals(T0 + 1500 * Intervals.MINUTE, starts[1]);
        assertEquals(T0 + 3000 * Intervals.MINUTE, starts[2]);
        for (RecordedRequest r : fake.requests) {
            assertEquals("1500", r.getRequestUrl().queryParameter("limit"));
            assertEquals("1m", r.getRequestUrl().queryParameter("interval"));
            assertEquals(Long.toString(RANGE_END - 1), r.getRequestUrl().queryParameter("endTime"));
        }
        assertEquals(42, client.http().lastUsedWeight1m());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void officialKlineExampleIsParsedFieldByField() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_klines_official.json")));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, NOW));
            CandleSeries k = c.klines("BTCUSDT", Intervals.WEEK, 1499040000000L, 1499040000000L + Intervals.WEEK, CancelToken.NONE);
            assertEquals(1, k.size());
            assertEquals(1499040000000L, k.openTime(0));
            assertEquals(1499644799999L, k.closeTime(0));
            assertEquals(0.01634790, k.open(0));
            assertEquals(0.80000000, k.high(0));
            assertEquals(0.01575800, k.low(0));
            assertEquals(0.01577100, k.close(0));
            assertEquals(148976.11427815, k.volume(0));
            assertEquals(2434.19055334, k.quoteVolume(0));
            assertEquals(28.46694368, k.takerBuyQuoteVolume(0));
            assertEquals("1w", s.takeRequest().getRequestUrl().queryParameter("interval"));
        }
    }

    @Test
    void formingCandleIsLeftOut() throws Exception {
        BinanceFuturesClient early = new BinanceFuturesClient(TestSupport.settingsFor(server, sleeper, T0 + 90 * Intervals.SECOND));
        CandleSeries c = early.klines("BTCUSDT", Intervals.MINUTE, T0, T0 + 10 * Intervals.MINUTE, CancelToken.NONE);
        assertEquals(1, c.size(), "only the candle that closed before 'now' is final");
    }

    @Test
    void rateLimit429WaitsRetryAfterAndLosesNothing() {
        CandleSeries clean = fetchRange();
        fake.requests.clear();
        fake.failNext(body -> FakeBinance.json(body)); // page 1 fine
        fake.failNext(body -> new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP is 2400 requests per minute.\"}"));

        CandleSeries afterFault = fetchRange();

        assertEquals(List.of(7_000L), sleeper.waits, "waits exactly the Retry-After seconds");
        TestSupport.assertSameCandles(clean, afterFault);
        assertEquals(4, fake.requests.size(), "3 pages + 1 retry");
        assertEquals(fake.requests.get(1).getRequestUrl().queryParameter("startTime"),
                fake.requests.get(2).getRequestUrl().queryParameter("startTime"), "the retry resumes at the failed page");
    }

    @Test
    void serverError503BacksOffAndRetries() {
        CandleSeries clean = fetchRange();
        fake.failNext(body -> new MockResponse().setResponseCode(503).setBody("Service Unavailable"));
        fake.failNext(body -> new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));

        CandleSeries afterFault = fetchRange();

        assertEquals(List.of(100L, 200L), sleeper.waits, "exponential backoff from the policy's 100 ms");
        TestSupport.assertSameCandles(clean, afterFault);
    }

    @Test
    void droppedConnectionsAndTimeoutsAreRetried() {
        CandleSeries clean = fetchRange();
        client = new BinanceFuturesClient(client.settings().withHttpClient(client.settings().httpClient().newBuilder()
                .readTimeout(java.time.Duration.ofMillis(300)).build()));
        fake.failNext(body -> new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
        fake.failNext(body -> new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));
        fake.failNext(body -> FakeBinance.json(body).throttleBody(body.length() / 2, 1, java.util.concurrent.TimeUnit.SECONDS));

        CandleSeries afterFault = fetchRange();

        TestSupport.assertSameCandles(clean, afterFault);
        // OkHttp itself retries a connection dropped before any response once; the timeout and the stalled
        // body are ours to retry, with backoff.
        assertEquals(List.of(100L, 200L), sleeper.waits);
    }

    @Test
    void truncatedJsonIsRetriedThenGivesAClearError() {
        CandleSeries clean = fetchRange();
        fake.failNext(body -> FakeBinance.json(body.substring(0, body.length() / 2)));
        TestSupport.assertSameCandles(clean, fetchRange());
        assertEquals(1, sleeper.waits.size());

        for (int i = 0; i < 4; i++) {
            fake.failNext(body -> FakeBinance.json(body.substring(0, body.length() - 3)));
        }
        SourceException e = assertThrows(SourceException.class, this::fetchRange);
        assertTrue(e.getMessage().contains("malformed or truncated JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("/fapi/v1/klines?symbol=BTCUSDT"), e.getMessage());
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    }

    @Test
    void exchangeErrorBodyIsReportedWithUrlAndMessageWithoutRetrying() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setResponseCode(400).setBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, NOW));
            SourceException e = assertThrows(SourceException.class,
                    () -> c.klines("NOPEUSDT", Intervals.MINUTE, T0, T0 + Intervals.HOUR, CancelToken.NONE));
            assertTrue(e.getMessage().contains("Invalid symbol."), e.getMessage());
            assertTrue(e.getMessage().contains("-1121"), e.getMessage());
            assertTrue(e.getMessage().contains("/fapi/v1/klines?symbol=NOPEUSDT&interval=1m"), e.getMessage());
            assertEquals("-1121", e.exchangeCode());
            assertEquals("Invalid symbol.", e.exchangeMessage());
            assertEquals(400, e.httpStatus());
            assertEquals(1, s.getRequestCount());
            assertTrue(sleeper.waits.isEmpty());
        }
    }

    @Test
    void ipBanLongerThanTheLimitFailsAtOnce() {
        fake.failNext(body -> new MockResponse().setResponseCode(418).setHeader("Retry-After", "86400")
                .setBody("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1704153600000.\"}"));
        SourceException e = assertThrows(SourceException.class, this::fetchRange);
        assertTrue(e.getMessage().contains("418") && e.getMessage().contains("IP banned"), e.getMessage());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void openInterestHistAcceptsStringAndNumericTimestamps() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_openInterestHist_official.json")));
            s.start();
            long now = 1583128200000L + Intervals.DAY;
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, now));
            OpenInterestSeries oi = c.openInterestHist("BTCUSDT", 5 * Intervals.MINUTE, 1583127900000L,
                    1583128200000L + 1, CancelToken.NONE);
            assertEquals(2, oi.size());
            assertEquals(1583127900000L, oi.time(0));
            assertEquals(20403.637, oi.openInterest(0));
            assertEquals(150570784.07809979, oi.openInterestValue(0));
            assertEquals(1583128200000L, oi.time(1));
            assertEquals(149940752.14464448, oi.openInterestValue(1));
            HttpUrl u = s.takeRequest().getRequestUrl();
            assertEquals("5m", u.queryParameter("period"));
            assertEquals("500", u.queryParameter("limit"));
        }
        try (MockWebServer s = new MockWebServer()) {
            String real = TestSupport.payload("binance_openInterestHist_real_hexdocs.json");
            s.enqueue(new MockResponse().setBody("[" + real + "]"));
            s.enqueue(new MockResponse().setBody("[" + TestSupport.payload("binance_openInterestHist_real_repodoc.json") + "]"));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, 1616438700000L + Intervals.HOUR));
            OpenInterestSeries oi = c.openInterestHist("BTCUSDT", 5 * Intervals.MINUTE, 1616438700000L - Intervals.HOUR,
                    1616438700000L + 1, CancelToken.NONE);
            assertEquals(1, oi.size());
            assertEquals(1616438700000L, oi.time(0));
            assertEquals(34085.0, oi.openInterest(0));
            assertEquals(1927265695.27131325, oi.openInterestValue(0));

            BinanceFuturesClient later = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, 1783306800000L + Intervals.HOUR));
            OpenInterestSeries other = later.openInterestHist("BTCUSDT", Intervals.HOUR, 1783306800000L, 1783306800000L + 1, CancelToken.NONE);
            assertEquals(1783306800000L, other.time(0));
            assertEquals(104882.705, other.openInterest(0));
            assertEquals(6653666199.09, other.openInterestValue(0));
        }
    }

    @Test
    void openInterestHistPagesInWindowsAndClampsToThirtyDays() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            for (int i = 0; i < 4; i++) s.enqueue(new MockResponse().setBody("[]"));
            s.start();
            long now = T0 + 40 * Intervals.DAY;
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, now));
            c.openInterestHist("BTCUSDT", Intervals.HOUR, T0, now, CancelToken.NONE); // 40 days asked, 30 served
            long window = 500 * Intervals.HOUR;
            long first = Long.parseLong(s.takeRequest().getRequestUrl().queryParameter("startTime"));
            assertEquals(Intervals.floor(now - 30 * Intervals.DAY, Intervals.HOUR) + Intervals.HOUR, first);
            HttpUrl second = s.takeRequest().getRequestUrl();
            assertEquals(first + window, Long.parseLong(second.queryParameter("startTime")));
            assertEquals(now - 1, Long.parseLong(second.queryParameter("endTime")), "the last window ends at the range end");
            assertEquals(2, s.getRequestCount(), "30 days of 1h samples fit in two windows of 500");
        }
    }

    @Test
    void aggTradesOfficialExampleIsParsed() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_aggTrades_official.json")));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, NOW));
            TradeSeries t = c.aggTrades("BTCUSDT", 1498793709153L, 1498793709154L, CancelToken.NONE);
            assertEquals(1, t.size());
            assertEquals(1498793709153L, t.time(0));
            assertEquals(0.01633102, t.price(0));
            assertEquals(4.70443515, t.quantity(0));
            assertTrue(t.buyerIsMaker(0));
        }
    }

    @Test
    void aggTradesWalkWindowsThenFromIdWithoutGapsOrRepeats() {
        fake.aggSpacingMs = 1_000; // 3600 trades per hour: the first window fills a page
        long to = T0 + 2 * Intervals.HOUR + 1234;
        TradeSeries t = client.aggTrades("BTCUSDT", T0, to, CancelToken.NONE);

        assertEquals(2 * 3600 + 2, t.size());
        for (int i = 1; i < t.size(); i++) {
            assertEquals(t.time(i - 1) + 1000, t.time(i), "trade " + i);
        }
        assertTrue(t.time(t.size() - 1) < to);
        HttpUrl first = fake.requests.get(0).getRequestUrl();
        assertEquals(Long.toString(T0 + Intervals.HOUR - 1), first.queryParameter("endTime"), "window under one hour");
        assertEquals("1000", first.queryParameter("limit"));
        HttpUrl second = fake.requests.get(1).getRequestUrl();
        assertEquals(Long.toString(fake.firstAggId + 1000), second.queryParameter("fromId"));
        assertEquals(8, fake.requests.size(), "1 window + 7 pages by id (the 7th passes the range end)");

        // Sparse trades: windows that do not fill a page advance by time.
        fake.requests.clear();
        fake.aggSpacingMs = 10_000;
        TradeSeries sparse = client.aggTrades("BTCUSDT", T0, T0 + 3 * Intervals.HOUR, CancelToken.NONE);
        assertEquals(3 * 360, sparse.size());
        assertEquals(3, fake.requests.size());
        assertFalse(fake.requests.stream().anyMatch(r -> r.getRequestUrl().queryParameter("fromId") != null));
    }

    @Test
    void exchangeInfoListsSymbolsWithTickAndStep() throws Exception {
        // Shape of the official exchangeInfo example, reduced to one symbol and the two filters read.
        String body = "{\"timezone\":\"UTC\",\"serverTime\":1565613908500,\"symbols\":[{\"symbol\":\"BLZUSDT\",\"pair\":\"BLZUSDT\","
                + "\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\",\"baseAsset\":\"BLZ\",\"quoteAsset\":\"USDT\","
                + "\"marginAsset\":\"USDT\",\"pricePrecision\":5,\"quantityPrecision\":0,\"filters\":["
                + "{\"filterType\":\"PRICE_FILTER\",\"maxPrice\":\"300\",\"minPrice\":\"0.0001\",\"tickSize\":\"0.0001\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"maxQty\":\"10000000\",\"minQty\":\"1\",\"stepSize\":\"1\"}]}]}";
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(body));
            s.start();
            List<InstrumentInfo> list = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, NOW)).exchangeInfo(CancelToken.NONE);
            assertEquals(1, list.size());
            InstrumentInfo i = list.get(0);
            assertEquals("BLZUSDT", i.symbol());
            assertEquals(0.0001, i.tickSize());
            assertEquals(1.0, i.stepSize());
            assertEquals("TRADING", i.status());
        }
    }

    @Test
    void cancellingStopsPaging() {
        CancelToken cancel = CancelToken.create();
        cancel.cancel();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> client.klines("BTCUSDT", Intervals.MINUTE, T0, RANGE_END, cancel));
        assertEquals(0, fake.requests.size());
    }

    @Test
    void urlsInErrorsHaveCredentialsMasked() {
        HttpUrl u = HttpUrl.get("https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT&timestamp=1&signature=abc123&apiKey=k");
        String shown = HttpFetcher.redact(u);
        assertFalse(shown.contains("abc123") || shown.contains("apiKey=k"), shown);
        assertTrue(shown.contains("symbol=BTCUSDT"), shown);
    }

    @Test
    void webSocketUrlsHaveCredentialsMaskedAndKeepTheirScheme() {
        assertEquals("wss://fstream.binance.com/ws?streams=x&listenKey=***",
                HttpFetcher.redact("wss://alice:hunter2@fstream.binance.com/ws?listenKey=abc123&streams=x"));
        assertEquals("ws://127.0.0.1:9000/stream?streams=!forceOrder@arr",
                HttpFetcher.redact("ws://127.0.0.1:9000/stream?streams=!forceOrder@arr"));
        assertEquals("ws:///nowhere", HttpFetcher.redact("ws://alice:hunter2@/nowhere?apiKey=k"), "no host: not a URL, still masked");
    }
}
