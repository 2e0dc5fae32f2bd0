package org.liqlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code liqlens-cli map|heatmap --source all}, each exchange at its own MockWebServer
 * ({@code --base-url binance=URL,bybit=URL,okx=URL}), serving the hours 2024-01-30 16:00 to 19:00 UTC of BTCUSDT:
 * <ul>
 * <li>Bybit: the rows of {@code ../shared/data/exchange-payloads/bybit/v5-market-kline.json} (ccxt's recording of
 *     {@code GET /v5/market/kline}, linear, 1h);</li>
 * <li>OKX: the rows of {@code exchange-payloads/okx/api-v5-market-candles_SPOT-BTC-USDT.json} (ccxt's recording of
 *     {@code GET /api/v5/market/candles}, spot; field 7, the quote volume m1 uses, means the same for a swap), on
 *     {@code history-candles} too, which the client asks for hours this old;</li>
 * <li>Binance: its klines of those hours summed from the real 1m rows of {@code binance_spot_BTCUSDT-1m-2024-01.csv}
 *     (no recorded 1h Binance payload exists).</li>
 * </ul>
 * Each server answers like its exchange, with the recorded rows inside the range asked for (the candle cache asks
 * for whole days and pages back), values unchanged. Without {@code ../shared/data} the tests skip.
 */
class AllExchangesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_HOUR = 1_706_630_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final String AT = "2024-01-30T19:00:00Z";

    @TempDir
    Path cacheDir;

    private final List<MockWebServer> servers = new ArrayList<>();
    private MockWebServer binance, bybit, okx;

    @BeforeEach
    void start() throws IOException {
        binance = server();
        bybit = server();
        okx = server();
    }

    @AfterEach
    void stop() throws IOException {
        for (MockWebServer s : servers) s.shutdown();
    }

    private MockWebServer server() throws IOException {
        MockWebServer s = new MockWebServer();
        s.start();
        servers.add(s);
        return s;
    }

    // ---------------------------------------------------------------------------------------------- servers

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Rows of a recorded page, each kept as recorded, answered per request by {@code answer}. */
    private static Dispatcher dispatcher(Function<HttpUrl, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request.getRequestUrl());
            }
        };
    }

    private static long ts(JsonNode row) {
        return Long.parseLong(row.get(0).asText());
    }

    private static ArrayNode rowsWhere(JsonNode rows, Predicate<JsonNode> keep) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode r : rows) if (keep.test(r)) out.add(r);
        return out;
    }

    /** Bybit: the recorded envelope with the rows of [start, end], newest first as recorded. */
    private void serveBybit() throws IOException {
        JsonNode recorded = JSON.readTree(SharedData.file("exchange-payloads/bybit/v5-market-kline.json").toFile());
        bybit.setDispatcher(dispatcher(url -> {
            if (!url.encodedPath().equals("/v5/market/kline") || !"60".equals(url.queryParameter("interval"))
                    || !"BTCUSDT".equals(url.queryParameter("symbol"))) {
                return json("{\"retCode\":10001,\"retMsg\":\"params error\",\"result\":{},\"retExtInfo\":{},\"time\":1}");
            }
            long start = Long.parseLong(url.queryParameter("start")), end = Long.parseLong(url.queryParameter("end"));
            ObjectNode page = recorded.deepCopy();
            ((ObjectNode) page.get("result")).set("list", rowsWhere(recorded.get("result").get("list"), r -> ts(r) >= start && ts(r) <= end));
            return json(page.toString());
        }));
    }

    /** OKX: the recorded envelope with the rows older than {@code after} and newer than {@code before}. */
    private void serveOkx() throws IOException {
        serveOkx(r -> true);
    }

    /** As {@link #serveOkx()}, serving only the recorded rows {@code served} accepts. */
    private void serveOkx(Predicate<JsonNode> served) throws IOException {
        JsonNode recorded = JSON.readTree(SharedData.file("exchange-payloads/okx/api-v5-market-candles_SPOT-BTC-USDT.json").toFile());
        okx.setDispatcher(dispatcher(url -> {
            String path = url.encodedPath();
            if (!(path.equals("/api/v5/market/candles") || path.equals("/api/v5/market/history-candles"))
                    || !"BTC-USDT-SWAP".equals(url.queryParameter("instId")) || !"1H".equals(url.queryParameter("bar"))) {
                return json("{\"code\":\"51000\",\"msg\":\"Parameter error\",\"data\":[]}");
            }
            long after = Long.parseLong(url.queryParameter("after")), before = Long.parseLong(url.queryParameter("before"));
            ObjectNode page = recorded.deepCopy();
            page.set("data", rowsWhere(recorded.get("data"), r -> ts(r) < after && ts(r) > before && served.test(r)));
            return json(page.toString());
        }));
    }

    /** Binance: klines of [startTime, endTime], each hour summed from its sixty archive minutes. */
    private void serveBinance() throws IOException {
        Path csv = SharedData.file("binance_spot_BTCUSDT-1m-2024-01.csv");
        List<String[]> minutes;
        try (Stream<String> lines = Files.lines(csv)) {
            minutes = lines.skip(1).map(l -> l.split(",", -1))
                    .filter(f -> Long.parseLong(f[0]) >= FIRST_HOUR && Long.parseLong(f[0]) < FIRST_HOUR + 3 * HOUR).toList();
        }
        assertEquals(180, minutes.size());
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            List<String[]> hour = minutes.subList(60 * h, 60 * h + 60);
            BigDecimal high = new BigDecimal(hour.get(0)[2]), low = new BigDecimal(hour.get(0)[3]);
            BigDecimal volume = BigDecimal.ZERO, quote = BigDecimal.ZERO, takerBase = BigDecimal.ZERO, takerQuote = BigDecimal.ZERO;
            long trades = 0;
            for (String[] m : hour) {
                high = high.max(new BigDecimal(m[2]));
                low = low.min(new BigDecimal(m[3]));
                volume = volume.add(new BigDecimal(m[5]));
                quote = quote.add(new BigDecimal(m[7]));
                trades += Long.parseLong(m[8]);
                takerBase = takerBase.add(new BigDecimal(m[9]));
                takerQuote = takerQuote.add(new BigDecimal(m[10]));
            }
            long open = FIRST_HOUR + h * HOUR;
            hours.add("[" + open + ",\"" + hour.get(0)[1] + "\",\"" + high.toPlainString() + "\",\"" + low.toPlainString() + "\",\""
                    + hour.get(59)[4] + "\",\"" + volume.toPlainString() + "\"," + (open + HOUR - 1) + ",\"" + quote.toPlainString()
                    + "\"," + trades + ",\"" + takerBase.toPlainString() + "\",\"" + takerQuote.toPlainString() + "\",\"0\"]");
        }
        binance.setDispatcher(dispatcher(url -> {
            if (!url.encodedPath().equals("/fapi/v1/klines") || !"BTCUSDT".equals(url.queryParameter("symbol"))
                    || !"1h".equals(url.queryParameter("interval"))) {
                return new MockResponse().setResponseCode(400).setBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
            }
            long start = Long.parseLong(url.queryParameter("startTime")), end = Long.parseLong(url.queryParameter("endTime"));
            List<String> page = new ArrayList<>();
            for (int h = 0; h < 3; h++) {
                long open = FIRST_HOUR + h * HOUR;
                if (open >= start && open <= end) page.add(hours.get(h));
            }
            return json("[" + String.join(",", page) + "]");
        }));
    }

    private void serveAll() throws IOException {
        serveBinance();
        serveBybit();
        serveOkx();
    }

    // ---------------------------------------------------------------------------------------------- runs

    /** {@code --base-url} for all: the URL of each exchange the source sums. */
    private String urls(String source) {
        List<String> pairs = new ArrayList<>();
        for (String ex : new String[] {"binance", "bybit", "okx"}) {
            if (source.equals("all") || source.contains(ex)) pairs.add(ex + "=" + server(ex).url("/"));
        }
        return String.join(",", pairs);
    }

    private MockWebServer server(String exchange) {
        return switch (exchange) {
            case "binance" -> binance;
            case "bybit" -> bybit;
            default -> okx;
        };
    }

    private CliRun run(String command, String source, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--source", source, "--symbol", "BTCUSDT", "--model", "m1",
                "--window", "3h", "--at", AT, "--interval", "1h", "--buckets", "120", "--cache-dir", cacheDir.toString()));
        args.addAll(List.of("--base-url", source.startsWith("all") ? urls(source) : server(source).url("/").toString()));
        if (command.equals("heatmap")) args.addAll(List.of("--columns", "6"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private ObjectNode ok(String command, String source, String... extra) throws IOException {
        CliRun r = run(command, source, extra);
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "complete data: no warning");
        return (ObjectNode) JSON.readTree(r.out());
    }

    /** The three exchanges alone, first with their own ranges, then on the hull of those. */
    private List<ObjectNode> singlesOnTheirCommonRange(String command) throws IOException {
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (String ex : new String[] {"binance", "bybit", "okx"}) {
            JsonNode range = ok("map", ex).get("range");
            low = Math.min(low, range.get("low").asDouble());
            high = Math.max(high, range.get("high").asDouble());
        }
        List<ObjectNode> singles = new ArrayList<>();
        for (String ex : new String[] {"binance", "bybit", "okx"}) {
            ObjectNode single = ok(command, ex, "--range", low + ":" + high);
            assertFalse(single.has("exchanges"), "a single source's JSON is as it was: no exchanges");
            singles.add(single);
        }
        return singles;
    }

    @Test
    void mapOfAllIsTheSumOfTheThreeExchangesMapsWithEachExchangesPart() throws IOException {
        serveAll();
        ObjectNode all = ok("map", "all");
        List<ObjectNode> singles = singlesOnTheirCommonRange("map");

        assertEquals(singles.get(0).get("range"), all.get("range"), "one price grid, the hull of the three");
        assertEquals("Binance USDⓈ-M futures + Bybit USDT perpetuals + OKX perpetual swaps", all.get("source").asText());
        assertEquals(singles.get(0).get("price"), all.get("price"), "Binance's price is the reference");
        assertEquals(0.004, all.get("mmr").asDouble());
        JsonNode buckets = all.get("buckets");
        assertEquals(120, buckets.size());
        for (int b = 0; b < buckets.size(); b++) {
            for (String side : new String[] {"long", "short"}) {
                double expected = 0;
                for (ObjectNode s : singles) {
                    assertEquals(s.get("buckets").get(b).get("low"), buckets.get(b).get("low"));
                    expected += s.get("buckets").get(b).get(side).asDouble();
                }
                assertEquals(expected, buckets.get(b).get(side).asDouble(), 1e-9 * expected, side + ", bucket " + b);
            }
        }
        assertTotalsAndShares(all, singles);
    }

    @Test
    void heatmapOfAllIsTheCellByCellSumOfTheThreeExchangesHeatmaps() throws IOException {
        serveAll();
        ObjectNode all = ok("heatmap", "all");
        List<ObjectNode> singles = singlesOnTheirCommonRange("heatmap");
        assertEquals(singles.get(0).get("columnStartsMs"), all.get("columnStartsMs"), "one time grid");
        assertEquals(singles.get(0).get("bucketLows"), all.get("bucketLows"), "one price grid");
        JsonNode values = all.get("values");
        double max = 0;
        for (int c = 0; c < values.size(); c++) {
            for (int b = 0; b < values.get(c).size(); b++) {
                double expected = 0;
                for (ObjectNode s : singles) expected += s.get("values").get(c).get(b).asDouble();
                // float cells (HeatmapGrid), each part's and the sum's rounded once: 1e-6 relative where 1e-9 held for doubles
                assertEquals(expected, values.get(c).get(b).asDouble(), 1e-6 * expected, "cell " + c + ", " + b);
                max = Math.max(max, expected);
            }
        }
        assertTrue(max > 0);
        assertEquals(max, all.get("max").asDouble(), 1e-6 * max);
        assertTotalsAndShares(all, singles);
    }

    /** The sum's totals are the singles', and each exchange's part carries its own totals, share and coverage. */
    private static void assertTotalsAndShares(ObjectNode all, List<ObjectNode> singles) {
        String[] ids = {"binance", "bybit", "okx"};
        String[] rules = {"binance", "bybit", "okx"};
        JsonNode exchanges = all.get("exchanges");
        assertEquals(3, exchanges.size());
        double totalLong = 0, totalShort = 0, share = 0, longShare = 0, shortShare = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode e = exchanges.get(i);
            JsonNode single = singles.get(i);
            assertEquals(ids[i], e.get("exchange").asText());
            assertEquals(single.get("source"), e.get("source"));
            assertEquals(rules[i], e.get("liquidationRule").asText(), "priced by its own exchange's rule");
            assertEquals(single.get("totals"), e.get("totals"), ids[i] + ": the same totals as alone");
            assertEquals(single.get("price"), e.get("price"));
            assertEquals(single.get("coverage"), e.get("coverage"), ids[i] + ": its own coverage");
            assertTrue(e.get("coverage").get("complete").asBoolean());
            totalLong += single.get("totals").get("long").asDouble();
            totalShort += single.get("totals").get("short").asDouble();
            share += e.get("share").asDouble();
            longShare += e.get("shares").get("long").asDouble();
            shortShare += e.get("shares").get("short").asDouble();
            assertTrue(e.get("share").asDouble() > 0, ids[i] + " holds part of the sum");
        }
        assertEquals(totalLong, all.get("totals").get("long").asDouble(), 1e-9 * totalLong);
        assertEquals(totalShort, all.get("totals").get("short").asDouble(), 1e-9 * totalShort);
        assertEquals(1, share, 1e-12, "shares add up to 1");
        assertEquals(1, longShare, 1e-12);
        assertEquals(1, shortShare, 1e-12);
        for (int i = 0; i < 3; i++) {
            double t = exchanges.get(i).get("totals").get("long").asDouble() + exchanges.get(i).get("totals").get("short").asDouble();
            assertEquals(t / (totalLong + totalShort), exchanges.get(i).get("share").asDouble(), 1e-12);
        }
        assertTrue(all.get("coverage").get("complete").asBoolean());
    }

    @Test
    void aSubsetSumsOnlyTheExchangesItNamesAndDrawsTheSum() throws IOException {
        serveAll();
        Path png = cacheDir.resolve("all.png");
        ObjectNode two = ok("heatmap", "all:okx,bybit", "--png", png.toString());
        assertTrue(Files.size(png) > 1000, "the summed heatmap is drawn");
        assertEquals(List.of("bybit", "okx"), List.of(two.get("exchanges").get(0).get("exchange").asText(),
                two.get("exchanges").get(1).get("exchange").asText()));
        assertEquals(0, binance.getRequestCount(), "Binance is not asked");
    }

    @Test
    void anExchangeMissingAnHourMakesTheSumsCoverageItsOwnAndIsWarnedAboutByName() throws IOException {
        serveBinance();
        serveBybit();
        serveOkx(r -> ts(r) != FIRST_HOUR + HOUR);   // OKX without the 17:00 candle
        CliRun r = run("map", "all");
        assertEquals(0, r.status(), r.err());
        JsonNode all = JSON.readTree(r.out());
        JsonNode coverage = all.get("coverage");
        assertFalse(coverage.get("complete").asBoolean(), "the sum is no more complete than its thinnest part");
        assertEquals(2, coverage.get("present").asInt());
        assertEquals(coverage, all.get("exchanges").get(2).get("coverage"), "the worst part's coverage is the sum's");
        assertTrue(all.get("exchanges").get(0).get("coverage").get("complete").asBoolean(), "Binance's own is complete");
        assertEquals(List.of("liqlens-cli: warning: OKX perpetual swaps: the data covers 66.7 % of the window (2024-01-30T16:00:00Z .. "
                + "2024-01-30T19:00:00Z); 60 minutes missing in 1 gap; the 3h map of all shows only that"), r.errLines());
    }

    @Test
    void oneFailingExchangeIsOneLineNamingItAndItsReasonWithExitStatus1() throws IOException {
        serveBinance();
        serveBybit();
        // OKX's answer for an instrument it does not list
        okx.setDispatcher(dispatcher(url -> json("{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}")));
        String message = run("map", "all").assertOneLineFailure(1);
        assertTrue(message.startsWith("liqlens-cli: all (binance, bybit, okx) failed for BTCUSDT: OKX perpetual swaps: "), message);
        assertTrue(message.contains("Instrument ID does not exist"), message);
        assertTrue(message.endsWith("; leave it out with the source all:binance,bybit"), message);
    }

    @Test
    void aBaseUrlForAllMustSayWhichExchangeItIsFor() {
        String message = CliRun.of("map", "--source", "all", "--model", "m1", "--window", "3h", "--base-url", "http://127.0.0.1:9/",
                "--cache-dir", cacheDir.toString()).assertOneLineFailure(2);
        assertTrue(message.startsWith("liqlens-cli: --base-url for --source all takes EXCHANGE=URL[,EXCHANGE=URL]"), message);
        message = CliRun.of("map", "--source", "all:binance,okx", "--model", "m1", "--window", "3h",
                "--base-url", "binance=http://127.0.0.1:9/,bybit=http://127.0.0.1:9/", "--cache-dir", cacheDir.toString()).assertOneLineFailure(2);
        assertEquals("liqlens-cli: --base-url: bybit is not one of the exchanges of all:binance,okx (binance, okx)", message);
        message = CliRun.of("map", "--source", "all:binance,kraken", "--model", "m1", "--window", "3h").assertOneLineFailure(2);
        assertTrue(message.startsWith("liqlens-cli: --source: all: 'kraken' is not an exchange it can combine"), message);
        message = CliRun.of("map", "--source", "all", "--model", "m1", "--window", "3h", "--mmr", "0.0095",
                "--cache-dir", cacheDir.toString()).assertOneLineFailure(2);
        assertTrue(message.startsWith("liqlens-cli: OKX: leverage 100x with MMR 0.0095 plus the taker fee"), message);
    }
}
