package org.liqlens.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Binance USDⓈ-M on loopback for the platform tests, on plain sockets: REST {@code GET /fapi/v1/klines} and the
 * combined-stream WebSocket {@code /stream?streams=…} (RFC 6455 handshake and unmasked text frames from the
 * server; the client's pings are answered). The platform's test class path cannot take OkHttp's MockWebServer
 * beside the application's own OkHttp module, and a pane must be tested against the real client, so the
 * exchange is written out here, with the formats of {@code ../shared/design/exchange-formats.md}.
 *
 * <p>Candle of epoch minute m: open {@link #price}(m), close price(m + 1), high max + 1.5, low min − 2.25,
 * volume 10 + (m mod 7)·1.25, half of it taker buys. REST serves, like Binance, every candle up to the one
 * forming at {@link #nowMs}; the test moves {@code nowMs} and {@link #push}es stream events.
 */
final class FakeBinanceExchange implements AutoCloseable {
    static final long M = 60_000L;

    private final ServerSocket server;
    private final Thread acceptor;
    /** Every REST klines request: its query parameters. */
    final List<Map<String, String>> klineRequests = new CopyOnWriteArrayList<>();
    final List<Socket> streams = new CopyOnWriteArrayList<>();
    volatile long nowMs = System.currentTimeMillis();
    /** Upgrades answered 503 while true: the stream is down. */
    volatile boolean refuseStreams;

    FakeBinanceExchange() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-binance-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String restUrl() { return "http://127.0.0.1:" + server.getLocalPort(); }
    String wsUrl() { return "ws://127.0.0.1:" + server.getLocalPort(); }

    static double price(long m) { return 42_000 + (m * 37 % 400) * 0.5; }
    static double open(long m) { return price(m); }
    static double close(long m) { return price(m + 1); }
    static double high(long m) { return Math.max(price(m), price(m + 1)) + 1.5; }
    static double low(long m) { return Math.min(price(m), price(m + 1)) - 2.25; }
    static double volume(long m) { return 10 + m % 7 * 1.25; }

    /** The stream's closed kline event of the candle opening at {@code t}, in the combined-stream envelope. */
    static String closedKlineEvent(long t) {
        long m = t / M;
        return String.format(Locale.ROOT, "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":%d,\"s\":\"BTCUSDT\","
                        + "\"k\":{\"t\":%d,\"T\":%d,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"%.2f\",\"c\":\"%.2f\","
                        + "\"h\":\"%.2f\",\"l\":\"%.2f\",\"v\":\"%.3f\",\"n\":%d,\"x\":true,\"q\":\"%.5f\",\"V\":\"%.3f\",\"Q\":\"%.5f\",\"B\":\"0\"}}}",
                t + M, t, t + M - 1, open(m), close(m), high(m), low(m), volume(m), 100 + m % 13,
                volume(m) * open(m), volume(m) / 2, volume(m) / 2 * open(m));
    }

    private static String klineRow(long t) {
        long m = t / M;
        return String.format(Locale.ROOT, "[%d,\"%.2f\",\"%.2f\",\"%.2f\",\"%.2f\",\"%.3f\",%d,\"%.5f\",%d,\"%.3f\",\"%.5f\",\"0\"]",
                t, open(m), high(m), low(m), close(m), volume(m), t + M - 1, volume(m) * open(m), 100 + m % 13,
                volume(m) / 2, volume(m) / 2 * open(m));
    }

    /** Sends {@code frame} to every open stream. */
    void push(String frame) throws IOException {
        for (Socket s : streams) sendFrame(s.getOutputStream(), 0x1, frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops every stream without a close frame, as a lost network does. */
    void dropStreams() throws IOException {
        for (Socket s : streams) s.close();
        streams.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-binance-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = readLine(in);
                if (requestLine == null || requestLine.isEmpty()) return;
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h; !(h = readLine(in)).isEmpty(); ) {
                    int colon = h.indexOf(':');
                    if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                URI uri = URI.create(requestLine.split(" ")[1]);
                if (uri.getPath().equals("/stream")) {
                    if (refuseStreams) {
                        respond(out, "503 Service Unavailable", "text/plain", "down");
                        return;
                    }
                    upgrade(socket, in, out, headers.get("sec-websocket-key"));
                    return;
                }
                if (!uri.getPath().equals("/fapi/v1/klines")) {
                    respond(out, "404 Not Found", "application/json", "{\"code\":-1,\"msg\":\"no such path\"}");
                    continue;
                }
                Map<String, String> q = query(uri.getRawQuery());
                klineRequests.add(q);
                long start = Long.parseLong(q.get("startTime")), end = Long.parseLong(q.get("endTime"));
                int limit = Integer.parseInt(q.getOrDefault("limit", "500"));
                long forming = Math.floorDiv(nowMs, M) * M;
                StringBuilder b = new StringBuilder("[");
                int n = 0;
                for (long t = Math.floorDiv(start + M - 1, M) * M; t <= end && t <= forming && n < limit; t += M, n++) {
                    if (n > 0) b.append(',');
                    b.append(klineRow(t));
                }
                respond(out, "200 OK", "application/json", b.append(']').toString());
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the test closed us
        } finally {
            if (!streams.contains(socket)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private void upgrade(Socket socket, InputStream in, OutputStream out, String key) throws IOException {
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        streams.add(socket);
        // Read the client's frames (always masked): answer pings, echo a close, ignore the rest.
        while (true) {
            int b0 = in.read(), b1 = in.read();
            if (b0 < 0 || b1 < 0) break;
            int opcode = b0 & 0x0F;
            long len = b1 & 0x7F;
            if (len == 126) len = (in.read() << 8) | in.read();
            else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) len = (len << 8) | in.read();
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes((int) len);
            for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
            if (opcode == 0x9) sendFrame(out, 0xA, payload);
            if (opcode == 0x8) {
                sendFrame(out, 0x8, payload);
                break;
            }
        }
        streams.remove(socket);
        socket.close();
    }

    private static synchronized void sendFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        if (payload.length < 126) f.write(payload.length);
        else {
            f.write(126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xFF);
        }
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    private static void respond(OutputStream out, String status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') return b.toString().replace("\r", "");
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropStreams();
    }
}
