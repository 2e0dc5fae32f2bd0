package org.liqlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A map from {@code --source binance}, against a local server serving a file's candles, equals the map from
 * {@code --source file:} for the same candles." The server answers {@code GET /fapi/v1/klines} from the
 * LINKUSDT archive CSV the way Binance does: rows with open time in {@code [startTime, endTime]} (both
 * inclusive), at most {@code limit} of them, each the 12-element array of exchange-formats.md with the CSV's
 * own decimal text.
 */
class BinanceMapEquivalenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "2026-02-15T00:00:00Z";
    private static final int BINANCE_MAX_LIMIT = 1500;

    @TempDir
    Path cacheDir;

    private MockWebServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.shutdown();
    }

    /** Binance's klines endpoint over the rows of one archive CSV (header skipped). */
    static final class ArchiveKlines extends Dispatcher {
        final List<HttpUrl> klineRequests = new CopyOnWriteArrayList<>();
        private final String symbol;
        private final List<String[]> rows;

        ArchiveKlines(String symbol, Path csv) throws IOException {
            this.symbol = symbol;
            try (Stream<String> lines = Files.lines(csv)) {
                rows = lines.skip(1).map(l -> l.split(",", -1)).toList();
            }
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getRequestUrl();
            if (!url.encodedPath().equals("/fapi/v1/klines")) {
                return error(404, -1, "no such path " + url.encodedPath());
            }
            klineRequests.add(url);
            if (!symbol.equals(url.queryParameter("symbol"))) return error(400, -1121, "Invalid symbol.");
            if (!"1m".equals(url.queryParameter("interval"))) return error(400, -1120, "Invalid interval.");
            long start = Long.parseLong(url.queryParameter("startTime"));
            long end = Long.parseLong(url.queryParameter("endTime"));
            int limit = Math.min(Integer.parseInt(url.queryParameter("limit")), BINANCE_MAX_LIMIT);
            StringBuilder body = new StringBuilder("[");
            int n = 0;
            for (String[] f : rows) {
                long open = Long.parseLong(f[0]);
                if (open < start || open > end) continue;
                if (n == limit) break;
                if (n++ > 0) body.append(',');
                // [open time, "open", "high", "low", "close", "volume", close time, "quote volume", trades,
                //  "taker buy base", "taker buy quote", "ignore"]
                body.append('[').append(f[0]).append(",\"").append(f[1]).append("\",\"").append(f[2]).append("\",\"")
                        .append(f[3]).append("\",\"").append(f[4]).append("\",\"").append(f[5]).append("\",").append(f[6])
                        .append(",\"").append(f[7]).append("\",").append(f[8]).append(",\"").append(f[9]).append("\",\"")
                        .append(f[10]).append("\",\"").append(f[11]).append("\"]");
            }
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(body.append(']').toString());
        }

        private static MockResponse error(int status, int code, String msg) {
            return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
        }
    }

    private ArchiveKlines serve(Path csv) throws IOException {
        ArchiveKlines klines = new ArchiveKlines("LINKUSDT", csv);
        server = new MockWebServer();
        server.setDispatcher(klines);
        server.start();
        return klines;
    }

    private static ObjectNode run(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run.err());
        return (ObjectNode) JSON.readTree(run.out());
    }

    private ObjectNode binanceMap(String window) throws IOException {
        return run("map", "--source", "binance", "--base-url", server.url("/").toString(), "--symbol", "LINKUSDT",
                "--model", "m1", "--window", window, "--at", AT, "--cache-dir", cacheDir.toString());
    }

    private static ObjectNode fileMap(Path csv, String window) throws IOException {
        return run("map", "--source", "file:" + csv, "--model", "m1", "--window", window, "--at", AT);
    }

    @Test
    void binanceMapEqualsTheFileMapAndAWarmCacheAsksNothing() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        ArchiveKlines klines = serve(csv);

        ObjectNode fromFile = fileMap(csv, "24h");
        ObjectNode fromBinance = binanceMap("24h");
        assertTrue(fromBinance.get("source").asText().contains("Binance"), fromBinance.get("source").asText());
        assertTrue(fromFile.get("source").asText().contains(csv.getFileName().toString()), fromFile.get("source").asText());
        fromFile.remove("source");
        fromBinance.remove("source");
        assertEquals(fromFile, fromBinance, "same candles, same map");
        assertTrue(fromBinance.get("totals").get("long").asDouble() > 0);

        int asked = klines.klineRequests.size();
        assertTrue(asked >= 1, "the first run fetched klines");
        // A recorded-response server is not Binance: its candles are kept under its own host, never as Binance's.
        String namespace = org.liqlens.sources.cache.CandleCache.namespace("binance",
                okhttp3.HttpUrl.get(server.url("/").toString()), org.liqlens.sources.binance.BinanceFuturesClient.DEFAULT_BASE_URL);
        assertTrue(namespace.startsWith("binance@"), namespace);
        assertTrue(Files.isRegularFile(cacheDir.resolve("candles/" + namespace + "/LINKUSDT/1m/2026-02-14.lqc")),
                "the complete day 2026-02-14 is cached");
        assertTrue(!Files.exists(cacheDir.resolve("candles/binance")), "nothing in the exchange's own folder");

        // 2026-02-14 ended long ago: the cache holds it as final and must not ask for it again.
        ObjectNode again = binanceMap("24h");
        again.remove("source");
        assertEquals(fromFile, again, "the cached candles give the same map");
        assertEquals(asked, klines.klineRequests.size(), "no kline request for complete past days: " + klines.klineRequests);
    }

    @Test
    void aThreeDayWindowIsPagedAndStillEqualsTheFileMap() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        ArchiveKlines klines = serve(csv);

        ObjectNode fromFile = fileMap(csv, "3d");
        ObjectNode fromBinance = binanceMap("3d");
        fromFile.remove("source");
        fromBinance.remove("source");
        assertEquals(fromFile, fromBinance);

        // 3 x 1440 candles do not fit in one page of 1500: later pages start right after the previous page's
        // last open time, which is not a day boundary.
        assertTrue(klines.klineRequests.size() >= 3, "paged: " + klines.klineRequests);
        assertTrue(klines.klineRequests.stream().anyMatch(u -> Long.parseLong(u.queryParameter("startTime")) % 86_400_000L != 0),
                "a continuation page: " + klines.klineRequests);
        assertTrue(klines.klineRequests.stream().allMatch(u -> "1500".equals(u.queryParameter("limit"))));
    }

    @Test
    void anExchangeErrorIsOneLineWithExitStatus1() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        serve(csv);
        String message = CliRun.of("map", "--source", "binance", "--base-url", server.url("/").toString(), "--symbol", "NOSUCHUSDT",
                "--model", "m1", "--window", "24h", "--at", AT, "--cache-dir", cacheDir.toString()).assertOneLineFailure(1);
        assertTrue(message.contains("Invalid symbol"), message);
    }
}
