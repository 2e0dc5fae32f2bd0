package org.liqlens.sources.live;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Binance USDⓈ-M as the live tests need it: REST {@code /fapi/v1/klines} and the combined-stream WebSocket
 * {@code /stream?streams=btcusdt@kline_1m}, which the test drives frame by frame ({@link #push}) and can drop
 * ({@link #dropConnections}).
 *
 * <p>Candle {@code m} (opening at {@link #T0} + m minutes) has open {@link #price}(m), close price(m + 1), high
 * max + 1.5 and low min - 2.25: the tests compute what they expect from these formulas, not from the code under
 * test. REST rows are Binance's 12-field arrays; stream events are the documented kline event
 * ({@code e, E, s, k{t, T, s, i, f, L, o, c, h, l, v, n, x, q, V, Q, B}}) in the combined-stream envelope.
 * The REST answer, like Binance's, ends with the forming candle (the one containing {@link #now}).
 */
final class LiveFakeBinance extends Dispatcher {
    /** 2024-01-01 00:00 UTC. */
    static final long T0 = 1_704_067_200_000L;
    static final long M = 60_000L;

    final List<RecordedRequest> klineRequests = new CopyOnWriteArrayList<>();
    final List<String> upgradePaths = new CopyOnWriteArrayList<>();
    final List<WebSocket> serverSockets = new CopyOnWriteArrayList<>();
    /** Close codes the server saw from the client, one per connection the client closed. */
    final List<Integer> clientCloses = new CopyOnWriteArrayList<>();
    final AtomicInteger openConnections = new AtomicInteger();
    /** The exchange's clock: REST serves candles up to the one forming at this instant. */
    volatile LongSupplier now = () -> T0 + 100 * M;
    /** REST requests answered 503 until this many more have been asked (0: serve normally). */
    final AtomicInteger failingRequests = new AtomicInteger();
    /** WebSocket handshakes answered 404 (the stream cannot be used). */
    volatile boolean refuseUpgrades;

    static MockWebServer start(LiveFakeBinance fake) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        return server;
    }

    static double price(long m) {
        return 42_000 + (m * 37 % 400) * 0.5;
    }

    static double open(long m) { return price(m); }
    static double close(long m) { return price(m + 1); }
    static double high(long m) { return Math.max(price(m), price(m + 1)) + 1.5; }
    static double low(long m) { return Math.min(price(m), price(m + 1)) - 2.25; }
    static double volume(long m) { return 10 + m % 7 * 1.25; }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        if (url.encodedPath().equals("/stream")) {
            upgradePaths.add(request.getPath());
            if (refuseUpgrades) return new MockResponse().setStatus("HTTP/1.1 404 Not Found");
            return new MockResponse().withWebSocketUpgrade(new ServerSide());
        }
        if (!url.encodedPath().equals("/fapi/v1/klines")) {
            return new MockResponse().setResponseCode(404).setBody("{\"code\":-1,\"msg\":\"no such path\"}");
        }
        klineRequests.add(request);
        if (failingRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse().setResponseCode(503).setBody("Service Unavailable");
        }
        long start = Long.parseLong(url.queryParameter("startTime"));
        long end = Long.parseLong(url.queryParameter("endTime"));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        long forming = Math.floorDiv(now.getAsLong(), M) * M;
        StringBuilder b = new StringBuilder("[");
        int n = 0;
        for (long t = Math.floorDiv(start + M - 1, M) * M; t <= end && t <= forming && n < limit; t += M, n++) {
            if (n > 0) b.append(',');
            b.append(klineRow(t));
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(b.append(']').toString());
    }

    /** The REST row of the candle opening at {@code t}. */
    static String klineRow(long t) {
        long m = (t - T0) / M;
        return String.format(Locale.ROOT, "[%d,\"%.2f\",\"%.2f\",\"%.2f\",\"%.2f\",\"%.3f\",%d,\"%.5f\",%d,\"%.3f\",\"%.5f\",\"0\"]",
                t, open(m), high(m), low(m), close(m), volume(m), t + M - 1, volume(m) * open(m), 100 + m % 13,
                volume(m) / 2, volume(m) / 2 * open(m));
    }

    /** The stream's kline event for minute {@code m}: final when {@code closed}. */
    static String klineEvent(long m, boolean closed) {
        long t = T0 + m * M;
        return String.format(Locale.ROOT, "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":%d,\"s\":\"BTCUSDT\","
                        + "\"k\":{\"t\":%d,\"T\":%d,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"%.2f\",\"c\":\"%.2f\","
                        + "\"h\":\"%.2f\",\"l\":\"%.2f\",\"v\":\"%.3f\",\"n\":%d,\"x\":%b,\"q\":\"%.5f\",\"V\":\"%.3f\",\"Q\":\"%.5f\",\"B\":\"123456\"}}}",
                t + (closed ? M - 1 : 15_000), t, t + M - 1, open(m), close(m), high(m), low(m), volume(m), 100 + m % 13, closed,
                volume(m) * open(m), volume(m) / 2, volume(m) / 2 * open(m));
    }

    /** Sends {@code frames} on every open connection. */
    void push(String... frames) {
        for (WebSocket ws : serverSockets) {
            for (String f : frames) ws.send(f);
        }
    }

    /** The server drops every open connection (1001 going away), as Binance does every 24 hours. */
    void dropConnections() {
        for (WebSocket ws : serverSockets) ws.close(1001, "going away");
        serverSockets.clear();
    }

    private final class ServerSide extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
            serverSockets.add(ws);
            openConnections.incrementAndGet();
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            if (serverSockets.remove(ws)) clientCloses.add(code); // the client closed it, not we
            ws.close(1000, null);
            openConnections.decrementAndGet();
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            if (serverSockets.remove(ws)) openConnections.decrementAndGet();
        }
    }
}
