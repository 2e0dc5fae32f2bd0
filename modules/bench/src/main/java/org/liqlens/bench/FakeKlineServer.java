package org.liqlens.bench;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in for Binance's kline stream, run as a child process by {@link LivePanesCpu} so that its CPU time
 * is not counted with the client's. It serves {@code /stream} (WebSocket, combined-stream kline events of the
 * wall clock's current minute, {@code args[0]} updates a second, default 4 as Binance sends, and the final
 * event of a minute when the next begins) and {@code /fapi/v1/klines} (REST rows up to the forming minute).
 * Prints {@code PORT <n>} and runs until its standard input closes (its parent ended).
 */
public final class FakeKlineServer {
    private static final long M = 60_000L;

    private FakeKlineServer() {}

    public static void main(String[] args) throws Exception {
        double perSecond = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                HttpUrl url = request.getRequestUrl();
                if (url.encodedPath().equals("/stream")) {
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override public void onOpen(WebSocket ws, Response r) { sockets.add(ws); }
                        @Override public void onClosing(WebSocket ws, int code, String reason) { sockets.remove(ws); ws.close(1000, null); }
                        @Override public void onFailure(WebSocket ws, Throwable t, Response r) { sockets.remove(ws); }
                    });
                }
                if (url.encodedPath().equals("/fapi/v1/klines")) {
                    long start = Long.parseLong(url.queryParameter("startTime"));
                    long end = Math.min(Long.parseLong(url.queryParameter("endTime")), System.currentTimeMillis());
                    StringBuilder b = new StringBuilder("[");
                    for (long t = Math.floorDiv(start + M - 1, M) * M; t <= end; t += M) {
                        if (b.length() > 1) b.append(',');
                        long m = t / M;
                        b.append(String.format(Locale.ROOT, "[%d,\"%.1f\",\"%.1f\",\"%.1f\",\"%.1f\",\"12.500\",%d,\"750000.0\",300,\"6.250\",\"375000.0\",\"0\"]",
                                t, open(m), open(m) + 20, open(m) - 20, open(m) + 5, t + M - 1));
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(b.append(']').toString());
                }
                return new MockResponse().setResponseCode(404);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long[] state = {Long.MIN_VALUE, 0}; // the minute being sent, its update count
        timer.scheduleAtFixedRate(() -> {
            long minute = Math.floorDiv(System.currentTimeMillis(), M);
            if (minute != state[0]) {
                if (state[0] != Long.MIN_VALUE) send(sockets, event(state[0], state[1], true));
                state[0] = minute;
                state[1] = 0;
            }
            send(sockets, event(minute, ++state[1], false));
        }, 0, Math.round(1000 / perSecond), TimeUnit.MILLISECONDS);

        System.out.println("PORT " + server.getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // until the parent goes
        }
        System.exit(0);
    }

    private static double open(long minute) {
        return 60_000 + (minute % 1_000) * 0.5;
    }

    private static void send(List<WebSocket> sockets, String frame) {
        for (WebSocket ws : sockets) ws.send(frame);
    }

    /** A kline event shaped like Binance's, the close moving a little with each update. */
    static String event(long minute, long update, boolean closed) {
        long t = minute * M;
        double o = open(minute), c = o + (update % 50) * 0.1;
        return String.format(Locale.ROOT, "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":%d,\"s\":\"BTCUSDT\","
                        + "\"k\":{\"t\":%d,\"T\":%d,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":%d,\"o\":\"%.1f\",\"c\":\"%.1f\","
                        + "\"h\":\"%.1f\",\"l\":\"%.1f\",\"v\":\"%.3f\",\"n\":%d,\"x\":%b,\"q\":\"%.2f\",\"V\":\"%.3f\",\"Q\":\"%.2f\",\"B\":\"0\"}}}",
                System.currentTimeMillis(), t, t + M - 1, 100 + update, o, c, o + 20, o - 20, 0.5 * update, update, closed,
                0.5 * update * o, 0.25 * update, 0.25 * update * o);
    }
}
