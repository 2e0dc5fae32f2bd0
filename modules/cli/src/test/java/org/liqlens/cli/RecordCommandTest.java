package org.liqlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code record} against a local WebSocket server that replays real Binance messages (exchange-formats.md). */
class RecordCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Real captures quoted in exchange-formats.md, byte for byte. */
    static final String IOTX_FORCE_ORDER = "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":1634653599186,\"o\":{\"s\":\"IOTXUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"3661\",\"p\":\"0.06606\",\"ap\":\"0.06669\",\"X\":\"FILLED\",\"l\":\"962\",\"z\":\"3661\",\"T\":1634653599180}}}";
    static final String STG_FORCE_ORDER = "{\"stream\":\"stgusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\",\"E\":1786172557615,\"o\":{\"s\":\"STGUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"5\",\"p\":\"0.1336000\",\"ap\":\"0.1355000\",\"X\":\"FILLED\",\"l\":\"5\",\"z\":\"5\",\"T\":1786172556607,\"ps\":\"STGUSDT\",\"st\":1}}}";
    static final String CTK_AGG_TRADE = "{\"stream\":\"ctkusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1626992741575,\"a\":16599292,\"s\":\"CTKUSDT\",\"p\":\"1.01100\",\"q\":\"10\",\"f\":23961322,\"l\":23961322,\"T\":1626992741421,\"m\":false}}";
    /** A closed 1m kline event in Binance's shape (the fields of the klines REST row, by letter). */
    static final String CTK_KLINE_CLOSED = "{\"stream\":\"ctkusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1626992760010,\"s\":\"CTKUSDT\","
            + "\"k\":{\"t\":1626992700000,\"T\":1626992759999,\"s\":\"CTKUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"1.01000\","
            + "\"c\":\"1.01100\",\"h\":\"1.01200\",\"l\":\"1.00900\",\"v\":\"1000\",\"n\":101,\"x\":true,\"q\":\"1010.5\",\"V\":\"600\","
            + "\"Q\":\"606.3\",\"B\":\"0\"}}}";

    @TempDir
    Path dir;

    private MockWebServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    /** What each connection is sent: text frames, or {@link ByteString} for a binary frame. */
    private volatile List<?> frames = List.of(IOTX_FORCE_ORDER, STG_FORCE_ORDER);
    /** When set, the answer to the handshakes from number {@link #refuseFrom} (0 for the first) on. */
    private volatile MockResponse refusal;
    private volatile int refuseFrom;
    /** Whether the server closes each connection once its frames are sent. */
    private volatile boolean closeAfterFrames;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getPath());
                if (refusal != null && paths.size() > refuseFrom) return refusal;
                List<?> script = frames;
                boolean close = closeAfterFrames;
                return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket ws, Response response) {
                        for (Object f : script) {
                            if (f instanceof ByteString bytes) ws.send(bytes); else ws.send((String) f);
                        }
                        if (close) ws.close(1001, "going away");
                    }

                    @Override
                    public void onClosing(WebSocket ws, int code, String reason) {
                        ws.close(1000, null);
                    }
                });
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private String wsUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort();
    }

    private CliRun record(Path out, String... extra) {
        String[] base = {"record", "--source", "binance", "--ws-url", wsUrl(), "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static void assertLiquidation(String line, long timeMs, String symbol, double price, double quantity) throws IOException {
        JsonNode j = JSON.readTree(line);
        assertEquals("liquidation", j.get("type").asText());
        assertEquals(timeMs, j.get("timeMs").asLong());
        assertEquals(Instant.ofEpochMilli(timeMs).toString(), j.get("time").asText());
        assertEquals(symbol, j.get("symbol").asText());
        assertEquals("long", j.get("side").asText(), "S=SELL closes a long position");
        assertEquals(price, j.get("price").asDouble());
        assertEquals(quantity, j.get("quantity").asDouble());
        assertEquals(price * quantity, j.get("notional").asDouble(), 1e-12 * price * quantity);
        assertEquals("binance", j.get("source").asText());
    }

    @Test
    void recordsEveryLiquidationAsAJsonLineAndARestartAppends() throws IOException {
        Path out = dir.resolve("liquidations.jsonl");
        CliRun first = record(out, "--streams", "forceOrder", "--max-events", "2", "--duration", "30s");
        assertEquals(0, first.status(), first.err());
        assertEquals("", first.out());
        assertEquals(List.of("/stream?streams=!forceOrder@arr"), paths, "the market-wide liquidation stream");
        List<String> lines = lines(out);
        assertEquals(2, lines.size());
        // Average price 'ap' and filled quantity 'z' of the force orders.
        assertLiquidation(lines.get(0), 1634653599180L, "IOTXUSDT", 0.06669, 3661);
        assertLiquidation(lines.get(1), 1786172556607L, "STGUSDT", 0.1355, 5);
        String summary = first.errLines().get(first.errLines().size() - 1);
        assertTrue(summary.contains("recorded 2 events") && summary.contains("--max-events 2"), summary);

        byte[] before = Files.readAllBytes(out);
        CliRun second = record(out, "--streams", "forceOrder", "--max-events", "2", "--duration", "30s");
        assertEquals(0, second.status(), second.err());
        List<String> after = lines(out);
        assertEquals(4, after.size(), "the second run appended");
        byte[] now = Files.readAllBytes(out);
        assertEquals(new String(before, StandardCharsets.UTF_8), new String(now, 0, before.length, StandardCharsets.UTF_8),
                "what the first run wrote is untouched");
        assertLiquidation(after.get(2), 1634653599180L, "IOTXUSDT", 0.06669, 3661);
        assertLiquidation(after.get(3), 1786172556607L, "STGUSDT", 0.1355, 5);
    }

    @Test
    void aTornLastLineFromACrashIsReportedAndSkipped() throws IOException {
        Path out = dir.resolve("crashed.jsonl");
        String good = "{\"type\":\"liquidation\",\"time\":\"2021-10-19T14:26:39.180Z\",\"timeMs\":1634653599180,\"symbol\":\"IOTXUSDT\","
                + "\"side\":\"long\",\"price\":0.06669,\"quantity\":3661.0,\"notional\":244.15209,\"source\":\"binance\"}\n";
        String torn = "{\"type\":\"liquidation\",\"time\":\"2021-10";
        Files.writeString(out, good + torn);

        CliRun run = record(out, "--streams", "forceOrder", "--max-events", "1", "--duration", "30s");
        assertEquals(0, run.status(), run.err());
        String warning = run.errLines().get(0);
        assertTrue(warning.contains("warning") && warning.contains(out + ":2:"), "names the file and line 2: " + warning);

        List<String> lines = lines(out);
        assertEquals(3, lines.size());
        assertEquals(good.strip(), lines.get(0), "the earlier complete line is kept");
        assertEquals(torn, lines.get(1), "the fragment is left alone, on a line of its own");
        assertLiquidation(lines.get(2), 1634653599180L, "IOTXUSDT", 0.06669, 3661);
    }

    @Test
    void aSymbolKeepsOnlyItsOwnLiquidations() throws IOException {
        Path out = dir.resolve("stg.jsonl");
        CliRun run = record(out, "--streams", "forceOrder", "--symbol", "stgusdt", "--max-events", "1", "--duration", "30s");
        assertEquals(0, run.status(), run.err());
        List<String> lines = lines(out);
        assertEquals(1, lines.size());
        assertLiquidation(lines.get(0), 1786172556607L, "STGUSDT", 0.1355, 5);
    }

    @Test
    void durationEndsARecordingThatDidNotReachMaxEvents() throws IOException {
        Path out = dir.resolve("short.jsonl");
        long start = System.nanoTime();
        CliRun run = record(out, "--streams", "forceOrder", "--max-events", "100", "--duration", "1s");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, run.status(), run.err());
        assertEquals(2, lines(out).size());
        String summary = run.errLines().get(run.errLines().size() - 1);
        assertTrue(summary.contains("recorded 2 events") && summary.contains("--duration"), summary);
        assertTrue(seconds >= 1 && seconds < 10, "stopped after about 1 s: " + seconds);
    }

    @Test
    void tradesAndClosedCandlesAreRecordedWhenAsked() throws IOException {
        frames = List.of(CTK_AGG_TRADE, CTK_KLINE_CLOSED);
        Path out = dir.resolve("ctk.jsonl");
        CliRun run = record(out, "--streams", "aggTrade,kline", "--symbol", "CTKUSDT", "--max-events", "2", "--duration", "30s");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("/stream?streams=ctkusdt@kline_1m/ctkusdt@aggTrade"), paths);
        List<String> lines = lines(out);
        assertEquals(2, lines.size());
        JsonNode trade = JSON.readTree(lines.get(0));
        assertEquals("trade", trade.get("type").asText());
        assertEquals("CTKUSDT", trade.get("symbol").asText());
        assertEquals("buy", trade.get("takerSide").asText(), "m=false: the buyer was the taker");
        assertEquals(1.011, trade.get("price").asDouble());
        assertEquals(10.0, trade.get("quantity").asDouble());
        assertEquals(1626992741421L, trade.get("timeMs").asLong());
        JsonNode candle = JSON.readTree(lines.get(1));
        assertEquals("candle", candle.get("type").asText());
        assertEquals(1626992700000L, candle.get("timeMs").asLong());
        assertEquals(60_000L, candle.get("intervalMs").asLong());
        assertEquals(1.012, candle.get("high").asDouble());
        assertEquals(1.009, candle.get("low").asDouble());
        assertEquals(1010.5, candle.get("quoteVolume").asDouble());
        assertEquals(606.3, candle.get("takerBuyQuoteVolume").asDouble());
    }

    @Test
    void ctrlCClosesTheRecordingAndPrintsTheSummary() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "needs POSIX kill to send SIGINT");
        Path out = dir.resolve("interrupted.jsonl");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process cli = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), LiqLensCli.class.getName(),
                "record", "--source", "binance", "--ws-url", wsUrl(), "--out", out.toString(), "--streams", "forceOrder")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((!Files.exists(out) || lines(out).size() < 2) && System.nanoTime() < deadline && cli.isAlive()) {
                Thread.sleep(50);
            }
            assertEquals(2, lines(out).size(), "both liquidations were recorded before Ctrl-C");
            new ProcessBuilder("/bin/kill", "-INT", Long.toString(cli.pid())).start().waitFor();
            assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the recorder exits on SIGINT");
        } finally {
            cli.destroyForcibly();
        }
        List<String> err = Files.readAllLines(dir.resolve("stderr.txt"));
        String summary = err.get(err.size() - 1);
        assertTrue(summary.contains("recorded 2 events") && summary.contains("stopped: interrupted"), String.join("\n", err));
        assertEquals(2, lines(out).size());
        assertTrue(Files.readString(out).endsWith("\n"), "no torn line");
    }

    /**
     * A run that never connected: a warning as each attempt failed, then one line naming the URL and the last
     * reason, exit status 1, and nothing recorded.
     */
    private void assertNeverConnected(CliRun run, String url, String reason) {
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out());
        List<String> err = run.errLines();
        String last = err.get(err.size() - 1);
        assertTrue(last.startsWith("liqlens-cli: never connected to " + url + ": " + reason), run.err());
        List<String> warnings = err.subList(0, err.size() - 1);
        assertFalse(warnings.isEmpty(), "failed attempts are reported as they happen: " + run.err());
        for (String w : warnings) {
            assertTrue(w.startsWith("liqlens-cli: warning: cannot connect to " + url + ": " + reason)
                    && w.contains("; retrying in "), run.err());
        }
        assertFalse(run.err().contains("recorded"), run.err());
    }

    @Test
    void aFeedThatNeverConnectsWarnsOnEachAttemptThenGivesUpWithExitStatus1() throws IOException {
        server.shutdown(); // nothing listens there any more
        Path out = dir.resolve("never.jsonl");
        CliRun run = record(out, "--streams", "forceOrder", "--duration", "1m");
        assertNeverConnected(run, wsUrl() + "/stream?streams=!forceOrder@arr", "ConnectException");
        assertTrue(run.errLines().get(run.errLines().size() - 1).endsWith("(" + RecordCommand.FIRST_CONNECT_ATTEMPTS + " attempts)"),
                run.err());
    }

    @Test
    void aUrlAnswering404WithinTheDurationIsAFailureNotAnEmptyRecording() throws IOException {
        refusal = new MockResponse().setStatus("HTTP/1.1 404 Not Found");
        Path out = dir.resolve("404.jsonl");
        CliRun run = record(out, "--streams", "forceOrder", "--duration", "2s");
        assertNeverConnected(run, wsUrl() + "/stream?streams=!forceOrder@arr", "HTTP 404 Not Found");
        assertTrue(lines(out).isEmpty());
    }

    @Test
    void aHandshakeWithoutUpgradeIsNoConnectionAndTheUrlIsShownWithoutCredentials() {
        refusal = new MockResponse().setBody("<html>a web page</html>"); // 200 OK, no Upgrade
        String withPassword = "ws://alice:hunter2@" + server.getHostName() + ":" + server.getPort();
        CliRun run = CliRun.of("record", "--source", "binance", "--ws-url", withPassword, "--out", dir.resolve("200.jsonl").toString(),
                "--streams", "forceOrder", "--duration", "2s");
        assertNeverConnected(run, wsUrl() + "/stream?streams=!forceOrder@arr", "HTTP 200 OK instead of a WebSocket upgrade");
        assertFalse(run.err().contains("hunter2") || run.err().contains("alice"), run.err());
    }

    @Test
    void aFeedDownWhenTheRecordingEndsIsSaidInTheSummary() throws IOException {
        closeAfterFrames = true;
        refusal = new MockResponse().setStatus("HTTP/1.1 404 Not Found");
        refuseFrom = 1; // the first connection works, the reconnects are refused
        Path out = dir.resolve("dropped.jsonl");
        CliRun run = record(out, "--streams", "forceOrder", "--duration", "2s");
        assertEquals(0, run.status(), run.err());
        assertEquals(2, lines(out).size());
        String url = wsUrl() + "/stream?streams=!forceOrder@arr";
        assertTrue(run.errLines().contains("liqlens-cli: warning: lost the connection to " + url
                + ": server closed the connection: 1001 going away; reconnecting in 1 s"), run.err());
        String summary = run.errLines().get(run.errLines().size() - 1);
        assertTrue(summary.contains("recorded 2 events") && summary.contains("disconnected at the end: "), summary);
    }

    @Test
    void unreadableFramesAreCountedWarnedAboutAFewTimesAndNeverWritten() throws IOException {
        String unknownType = "{\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\",\"s\":\"BTCUSDT\"}}";
        frames = List.of(IOTX_FORCE_ORDER, "[1,2,3]", "{not json", unknownType, ByteString.of((byte) 1, (byte) 2, (byte) 3), "[]",
                "{\"e\":\"forceOrder\"}", STG_FORCE_ORDER);
        Path out = dir.resolve("unreadable.jsonl");
        CliRun run = record(out, "--streams", "forceOrder", "--max-events", "2", "--duration", "30s");
        assertEquals(0, run.status(), run.err());
        List<String> lines = lines(out);
        assertEquals(2, lines.size(), "only the two liquidations are written");
        assertLiquidation(lines.get(0), 1634653599180L, "IOTXUSDT", 0.06669, 3661);
        assertLiquidation(lines.get(1), 1786172556607L, "STGUSDT", 0.1355, 5);
        String summary = run.errLines().get(run.errLines().size() - 1);
        assertTrue(summary.contains("recorded 2 events")
                && summary.contains("; 6 frames could not be read (first: text frame \"[1,2,3]\": expected an object)"), summary);
        assertEquals(RecordCommand.UNREADABLE_WARNINGS,
                run.errLines().stream().filter(l -> l.contains("warning: dropped a frame that could not be read: ")).count(), run.err());
        assertEquals(1, run.errLines().stream().filter(l -> l.contains("warning: more frames could not be read")).count(), run.err());
    }

    @Test
    void anOutThatCannotBeWrittenIsABadArgumentThatSaysWhy() throws IOException {
        Path plainFile = Files.writeString(dir.resolve("plain.txt"), "not a folder");
        Path underFile = plainFile.resolve("y.jsonl");
        assertEquals("liqlens-cli: cannot write --out " + underFile + ": " + plainFile + " is not a directory",
                record(underFile, "--streams", "forceOrder").assertOneLineFailure(2));
        assertEquals("liqlens-cli: cannot write --out " + dir + ": is a directory",
                record(dir, "--streams", "forceOrder").assertOneLineFailure(2));
        Path missing = dir.resolve("missing");
        assertEquals("liqlens-cli: cannot write --out " + missing.resolve("y.jsonl") + ": no such directory " + missing,
                record(missing.resolve("y.jsonl"), "--streams", "forceOrder").assertOneLineFailure(2));
        assertFalse(Files.exists(missing), "a mistyped folder is not created");
        assertTrue(paths.isEmpty(), "no connection was attempted");
    }

    @Test
    void anOutInAFolderWithoutWritePermissionSaysPermissionDenied() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false, false);
        Assumptions.assumeFalse(Files.isWritable(locked), "running as root: permissions do not apply");
        Path out = locked.resolve("y.jsonl");
        assertEquals("liqlens-cli: cannot write --out " + out + ": permission denied",
                record(out, "--streams", "forceOrder").assertOneLineFailure(2));
    }

    @Test
    void badArgumentsExitWith2() {
        Path out = dir.resolve("x.jsonl");
        assertTrue(record(out, "--streams", "forceOrder,depth").assertOneLineFailure(2).contains("depth"));
        assertTrue(record(out, "--streams", "aggTrade").assertOneLineFailure(2).contains("--symbol"));
        assertTrue(record(out, "--streams", "forceOrder", "--duration", "soon").assertOneLineFailure(2).contains("--duration"));
        assertTrue(record(out, "--streams", "forceOrder", "--max-events", "0").assertOneLineFailure(2).contains("--max-events"));
        assertTrue(CliRun.of("record", "--source", "binance", "--streams", "forceOrder").assertOneLineFailure(2).contains("--out"));
        assertTrue(CliRun.of("record", "--source", "sim", "--streams", "forceOrder", "--out", out.toString())
                .assertOneLineFailure(2).contains("sim"));
        assertTrue(CliRun.of("record", "--source", "binance", "--ws-url", "fstream.binance.com", "--streams", "forceOrder",
                "--out", out.toString()).assertOneLineFailure(2).contains("--ws-url"));
        assertTrue(paths.isEmpty(), "no connection was attempted");
    }
}
