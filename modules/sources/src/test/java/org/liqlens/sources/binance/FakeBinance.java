package org.liqlens.sources.binance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer dispatcher that answers {@code /fapi/v1/klines} and {@code /fapi/v1/aggTrades} like
 * Binance, from deterministic generated data, in Binance's exact row format. Faults can be queued: the next
 * requests get them instead of data, which is how the tests inject 429, 503 and cut-off bodies.
 */
final class FakeBinance extends Dispatcher {
    /** 2024-01-01 00:00 UTC, the open time of the real archive row in the design notes. */
    static final long T0 = 1_704_067_200_000L;
    static final String ARCHIVE_ROW_JSON =
            "[1704067200000,\"42314.00\",\"42335.80\",\"42289.60\",\"42331.90\",\"289.641\",1704067259999,"
            + "\"12256155.25625\",3310,\"175.211\",\"7414459.86355\",\"0\"]";

    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Function<String, MockResponse>> faults = new ArrayDeque<>();
    /** Candles exist from T0 up to (excluding) this time. */
    volatile long dataEnd = Long.MAX_VALUE;
    /** At most this many klines per answer, whatever the limit asked (a proxy that caps pages). */
    volatile int pageCap = Integer.MAX_VALUE;
    volatile long firstAggId = 1_000_000L;
    /** Aggregated trades: one every {@code aggSpacingMs}, ids contiguous, from T0. */
    volatile long aggSpacingMs = 1_000L;
    volatile Dispatcher webSockets;

    static MockWebServer start(FakeBinance fake) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        return server;
    }

    /** The next request gets this response (built from the body it would have had) instead. */
    synchronized void failNext(Function<String, MockResponse> fault) {
        faults.add(fault);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        HttpUrl url = request.getRequestUrl();
        if (url.encodedPath().startsWith("/stream") && webSockets != null) {
            return webSockets.dispatch(request);
        }
        requests.add(request);
        String body;
        switch (url.encodedPath()) {
            case "/fapi/v1/klines" -> body = klines(url);
            case "/fapi/v1/aggTrades" -> body = aggTrades(url);
            default -> {
                return new MockResponse().setResponseCode(404).setBody("{\"code\":-1,\"msg\":\"no such path\"}");
            }
        }
        Function<String, MockResponse> fault;
        synchronized (this) {
            fault = faults.poll();
        }
        return fault != null ? fault.apply(body) : json(body);
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setHeader("X-MBX-USED-WEIGHT-1M", "42").setBody(body);
    }

    private String klines(HttpUrl url) {
        long start = Long.parseLong(url.queryParameter("startTime"));
        long end = Long.parseLong(url.queryParameter("endTime"));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        StringBuilder b = new StringBuilder("[");
        long t = Math.max(T0, start + Math.floorMod(T0 - start, 60_000L));
        int n = 0;
        for (; t <= end && t < dataEnd && n < Math.min(limit, pageCap); t += 60_000L, n++) {
            if (n > 0) b.append(',');
            b.append(klineRow(t));
        }
        return b.append(']').toString();
    }

    /** The row Binance would send for the 1m candle opening at {@code t}. */
    static String klineRow(long t) {
        if (t == T0) return ARCHIVE_ROW_JSON;
        long m = (t - T0) / 60_000L;
        double open = price(m);
        double close = price(m + 1);
        double high = Math.max(open, close) + 1.5;
        double low = Math.min(open, close) - 2.25;
        return String.format(Locale.ROOT, "[%d,\"%.2f\",\"%.2f\",\"%.2f\",\"%.2f\",\"%.3f\",%d,\"%.5f\",%d,\"%.3f\",\"%.5f\",\"0\"]",
                t, open, high, low, close, 10 + m % 7 * 1.25, t + 59_999, (10 + m % 7 * 1.25) * open, 100 + m % 13,
                5 + m % 5 * 0.5, (5 + m % 5 * 0.5) * open);
    }

    static double price(long m) {
        return 42_000 + (m * 37 % 400) * 0.5;
    }

    /** The kline WebSocket event for minute {@code t}, wrapped in the combined-stream envelope. */
    static String klineEvent(long t, boolean closed) {
        String row = klineRow(t);
        String[] f = row.substring(1, row.length() - 1).split(",");
        return "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + (t + 1000) + ",\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":" + t + ",\"T\":" + (t + 59_999) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,"
                + "\"o\":" + f[1] + ",\"c\":" + f[4] + ",\"h\":" + f[2] + ",\"l\":" + f[3] + ",\"v\":" + f[5]
                + ",\"n\":" + f[8] + ",\"x\":" + closed + ",\"q\":" + f[7] + ",\"V\":" + f[9] + ",\"Q\":" + f[10]
                + ",\"B\":\"123456\"}}}";
    }

    private String aggTrades(HttpUrl url) {
        int limit = Integer.parseInt(url.queryParameter("limit"));
        long fromId;
        long endTime = Long.MAX_VALUE;
        if (url.queryParameter("fromId") != null) {
            fromId = Long.parseLong(url.queryParameter("fromId"));
        } else {
            long start = Long.parseLong(url.queryParameter("startTime"));
            endTime = Long.parseLong(url.queryParameter("endTime"));
            if (endTime - start >= 3_600_000L) {
                return "{\"code\":-1127,\"msg\":\"More than 1 hours between startTime and endTime.\"}";
            }
            long k = Math.max(0, (start - T0 + aggSpacingMs - 1) / aggSpacingMs);
            fromId = firstAggId + k;
        }
        StringBuilder b = new StringBuilder("[");
        int n = 0;
        for (long id = fromId; n < limit; id++) {
            long t = T0 + (id - firstAggId) * aggSpacingMs;
            if (t > endTime || t >= dataEnd) break;
            if (n++ > 0) b.append(',');
            b.append(String.format(Locale.ROOT, "{\"a\":%d,\"p\":\"%.1f\",\"q\":\"%.3f\",\"f\":%d,\"l\":%d,\"T\":%d,\"m\":%b}",
                    id, 42_000 + id % 100 * 0.1, 0.001 * (1 + id % 9), id * 2, id * 2 + 1, t, id % 3 == 0));
        }
        return b.append(']').toString();
    }
}
