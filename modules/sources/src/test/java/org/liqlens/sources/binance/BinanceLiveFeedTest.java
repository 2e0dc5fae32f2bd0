package org.liqlens.sources.binance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.Side;
import org.liqlens.sources.Candle;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStatus;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.Trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.binance.FakeBinance.T0;

class BinanceLiveFeedTest {
    private static final long M = Intervals.MINUTE;

    private final FakeBinance fake = new FakeBinance();
    private MockWebServer server;
    private BinanceSource source;
    private final List<String> wsPaths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = FakeBinance.start(fake);
        source = new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), T0 + 100 * M), null);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /**
     * Serves WebSocket connections in turn, each replaying its own script of frames: text, or
     * {@link ByteString} for a binary frame.
     */
    private void scriptConnections(List<? extends List<?>> scripts, boolean dropAfterEach) {
        AtomicInteger connection = new AtomicInteger();
        fake.webSockets = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                wsPaths.add(request.getPath());
                int n = connection.getAndIncrement();
                List<?> frames = n < scripts.size() ? scripts.get(n) : List.of();
                if (frames == null) {
                    return new MockResponse().setResponseCode(503); // the handshake itself fails
                }
                boolean drop = dropAfterEach && n < scripts.size() - 1;
                return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket ws, Response response) {
                        for (Object f : frames) {
                            if (f instanceof ByteString bytes) ws.send(bytes); else ws.send((String) f);
                        }
                        if (drop) {
                            ws.close(1001, "going away"); // the server drops the feed mid-stream
                        }
                    }

                    @Override
                    public void onClosing(WebSocket ws, int code, String reason) {
                        ws.close(1000, null);
                    }
                });
            }
        };
    }

    private static final class Collector implements LiveListener {
        final List<Candle> closed = new CopyOnWriteArrayList<>();
        final List<Candle> updates = new CopyOnWriteArrayList<>();
        final List<Trade> trades = new CopyOnWriteArrayList<>();
        final List<RealisedLiquidation> liquidations = new CopyOnWriteArrayList<>();
        final List<LiveStatus> statuses = new CopyOnWriteArrayList<>();
        final List<SourceException> errors = new CopyOnWriteArrayList<>();
        final List<String> statusDetails = new CopyOnWriteArrayList<>();
        final List<String> lost = new CopyOnWriteArrayList<>();
        final List<String> unreadable = new CopyOnWriteArrayList<>();
        final CountDownLatch done;
        final long lastOpenTime;

        Collector(long lastOpenTime, int liquidationsExpected) {
            this.lastOpenTime = lastOpenTime;
            this.done = new CountDownLatch(1 + liquidationsExpected);
        }

        @Override public void onCandle(Candle c) {
            closed.add(c);
            if (c.openTime() == lastOpenTime) done.countDown();
        }
        @Override public void onCandleUpdate(Candle c) { updates.add(c); }
        @Override public void onTrade(Trade t) { trades.add(t); }
        @Override public void onLiquidation(RealisedLiquidation l) { liquidations.add(l); done.countDown(); }
        @Override public void onStatus(LiveStatus s, String detail) { statuses.add(s); statusDetails.add(detail); }
        @Override public void onConnectionLost(String reason, long retryInMs) { lost.add(reason); }
        @Override public void onUnreadableFrame(String frame, String problem) { unreadable.add(frame + ": " + problem); }
        @Override public void onError(SourceException e) { errors.add(e); }
    }

    @Test
    void dropMidStreamIsBackFilledWithoutHolesOrRepeats() throws Exception {
        List<String> first = new ArrayList<>();
        for (int m = 0; m <= 4; m++) first.add(FakeBinance.klineEvent(T0 + m * M, false));
        for (int m = 0; m <= 4; m++) first.add(FakeBinance.klineEvent(T0 + m * M, true));
        first.add(FakeBinance.klineEvent(T0 + 5 * M, false));
        // After the reconnect: a repeat of minute 4, then minute 9 already forming (5..8 were missed).
        List<String> second = List.of(FakeBinance.klineEvent(T0 + 4 * M, true), FakeBinance.klineEvent(T0 + 9 * M, false),
                FakeBinance.klineEvent(T0 + 9 * M, true), FakeBinance.klineEvent(T0 + 10 * M, false),
                FakeBinance.klineEvent(T0 + 10 * M, true));
        // The first reconnect attempt fails outright; the second succeeds.
        scriptConnections(java.util.Arrays.asList(first, null, second), true);
        Collector c = new Collector(T0 + 10 * M, 0);

        try (LiveSubscription sub = source.subscribe("BTCUSDT", EnumSet.of(LiveStream.KLINE_1M), c)) {
            assertTrue(c.done.await(10, TimeUnit.SECONDS), "minute 10 never arrived; got " + c.closed.size() + " candles");
            long[] times = c.closed.stream().mapToLong(Candle::openTime).toArray();
            assertEquals(11, times.length);
            assertEquals(T0, times[0]);
            TestSupport.assertContiguous(times, M);
            assertEquals(3, wsPaths.size(), "one failed reconnect, then a good one");
            assertTrue(c.statuses.contains(LiveStatus.RECONNECTING));
            assertTrue(c.errors.isEmpty(), c.errors.toString());
        }
        // The gap was filled with REST klines from minute 5 up to (not including) minute 9.
        List<RecordedRequest> rest = fake.requests;
        assertEquals(1, rest.size());
        HttpUrl u = rest.get(0).getRequestUrl();
        assertEquals(Long.toString(T0 + 5 * M), u.queryParameter("startTime"));
        assertEquals(Long.toString(T0 + 9 * M - 1), u.queryParameter("endTime"));
        // Back-filled candles carry the same values the stream would have sent.
        Candle five = c.closed.get(5);
        assertEquals(FakeBinance.price(5), five.open());
        assertEquals(FakeBinance.price(6), five.close());
        assertTrue(five.closed());
        assertEquals("/stream?streams=btcusdt@kline_1m", wsPaths.get(0));
    }

    @Test
    void resumeAfterAKnownCandleFetchesTheHistoryInBetween() throws Exception {
        scriptConnections(List.of(List.of(FakeBinance.klineEvent(T0 + 20 * M, false), FakeBinance.klineEvent(T0 + 20 * M, true))), false);
        Collector c = new Collector(T0 + 20 * M, 0);
        try (LiveSubscription sub = source.subscribe("btcusdt", EnumSet.of(LiveStream.KLINE_1M), c, T0 + 14 * M)) {
            assertTrue(c.done.await(10, TimeUnit.SECONDS));
            long[] times = c.closed.stream().mapToLong(Candle::openTime).toArray();
            assertEquals(6, times.length);
            assertEquals(T0 + 15 * M, times[0]);
            TestSupport.assertContiguous(times, M);
        }
    }

    @Test
    void tradesAndLiquidationsArriveWithOrWithoutEnvelope() throws Exception {
        String aggTrade = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1626992741575,\"a\":16599292,"
                + "\"s\":\"BTCUSDT\",\"p\":\"1.01100\",\"q\":\"10\",\"f\":23961322,\"l\":23961322,\"T\":1626992741421,\"m\":false}}";
        String forBtcBare = TestSupport.payload("binance_ws_forceOrder_official.json").replace("\"BTCUSDT\"", "\"BTCUSDT\"");
        scriptConnections(List.of(List.of(aggTrade, TestSupport.payload("binance_ws_forceOrder_sdk.json"), forBtcBare,
                FakeBinance.klineEvent(T0, true))), false);
        Collector c = new Collector(T0, 1);
        try (LiveSubscription sub = source.subscribe("BTCUSDT",
                EnumSet.of(LiveStream.KLINE_1M, LiveStream.TRADES, LiveStream.LIQUIDATIONS), c)) {
            assertTrue(c.done.await(10, TimeUnit.SECONDS));
            assertEquals("/stream?streams=btcusdt@kline_1m/btcusdt@aggTrade/!forceOrder@arr", wsPaths.get(0));
            assertEquals(1, c.trades.size());
            assertEquals(1.011, c.trades.get(0).price());
            assertEquals(10.0, c.trades.get(0).quantity());
            // The IOTXUSDT liquidation is another symbol's and is dropped; the official (bare) BTCUSDT one arrives.
            assertEquals(1, c.liquidations.size());
            RealisedLiquidation l = c.liquidations.get(0);
            assertEquals("BTCUSDT", l.symbol());
            assertEquals(Side.LONG, l.liquidatedSide(), "S=SELL closes a long");
            assertEquals(9910.0, l.price());
            assertEquals(0.014, l.quantity());
            assertEquals(1568014460893L, l.time());
        }
    }

    @Test
    void unreadableFramesAreReportedOneByOneAndTheFeedGoesOn() throws Exception {
        String unknownType = "{\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\",\"s\":\"BTCUSDT\"}}";
        scriptConnections(List.of(List.of("[1,2,3]", "{\"stream\":", unknownType, ByteString.of((byte) 1, (byte) 2, (byte) 3),
                "{\"result\":null,\"id\":1}", TestSupport.payload("binance_ws_forceOrder_official.json"))), false);
        Collector c = new Collector(Long.MIN_VALUE, 0);
        try (LiveSubscription sub = source.subscribe("BTCUSDT", EnumSet.of(LiveStream.LIQUIDATIONS), c)) {
            awaitUntil(() -> !c.liquidations.isEmpty(), "the liquidation after the bad frames");
            assertEquals(1, c.liquidations.size());
            assertEquals(4, c.unreadable.size(), "the reply to a control request is not unreadable: " + c.unreadable);
            assertEquals("text frame \"[1,2,3]\": expected an object", c.unreadable.get(0));
            assertTrue(c.unreadable.get(1).startsWith("text frame \"{\"stream\":\": not valid JSON"), c.unreadable.get(1));
            assertEquals("text frame \"" + unknownType + "\": unknown event type 'markPriceUpdate'", c.unreadable.get(2));
            assertEquals("binary frame of 3 bytes: the feed sends text frames only", c.unreadable.get(3));
            assertTrue(c.errors.isEmpty(), "unreadable frames are not reported twice: " + c.errors);
        }
    }

    @Test
    void aRefusedHandshakeIsReportedByItsStatusWithoutTheUrlsCredentials() throws Exception {
        AtomicInteger attempt = new AtomicInteger();
        fake.webSockets = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return attempt.getAndIncrement() == 0
                        ? new MockResponse().setStatus("HTTP/1.1 404 Not Found")
                        : new MockResponse().setBody("a web page, not a WebSocket"); // 200 without the upgrade
            }
        };
        String plainWs = "ws://" + server.getHostName() + ":" + server.getPort();
        BinanceSource withCredentials = new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), T0)
                .withWsUrl("ws://alice:hunter2@" + server.getHostName() + ":" + server.getPort()), null);
        Collector c = new Collector(Long.MIN_VALUE, 0);
        try (LiveSubscription sub = withCredentials.subscribe("BTCUSDT", EnumSet.of(LiveStream.TRADES), c)) {
            awaitUntil(() -> c.lost.size() >= 2, "two failed attempts");
            assertEquals(List.of("HTTP 404 Not Found", "HTTP 200 OK instead of a WebSocket upgrade"), c.lost.subList(0, 2));
            assertEquals(plainWs + "/stream?streams=btcusdt@aggTrade", c.statusDetails.get(0), "the URL being connected to");
            assertFalse(c.statusDetails.stream().anyMatch(d -> d.contains("hunter2")), c.statusDetails.toString());
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }
}
