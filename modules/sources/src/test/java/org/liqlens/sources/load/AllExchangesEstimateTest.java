package org.liqlens.sources.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.binance.BinanceSource;
import org.liqlens.sources.bybit.BybitSource;
import org.liqlens.sources.okx.OkxSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code all} through {@link WindowEstimator}, each exchange answered by its own MockWebServer.
 *
 * <p>The recorded responses, read from {@code ../shared/data} (tests skip without it):
 * <ul>
 * <li>Bybit: {@code exchange-payloads/bybit/v5-market-kline.json}, ccxt's recording of {@code GET /v5/market/kline}
 *     (BTCUSDT linear, 1h, 2024-01-30 16:00 to 18:00 UTC), replayed byte for byte;</li>
 * <li>OKX: {@code exchange-payloads/okx/api-v5-market-candles_SPOT-BTC-USDT.json}, ccxt's recording of
 *     {@code GET /api/v5/market/candles} for the same three hours, replayed byte for byte as the swap's answer.
 *     It is the spot book's: field 6 is quote volume there (base volume for a swap), but field 7, the quote volume
 *     the client reads and m1 uses, means the same in both;</li>
 * <li>Binance: no recorded 1h klines of those hours exist, so its server answers {@code GET /fapi/v1/klines}
 *     with the real 1m rows of {@code binance_spot_BTCUSDT-1m-2024-01.csv} (data.binance.vision, spot) summed
 *     into hours the way Binance builds an hour from its minutes.</li>
 * </ul>
 */
class AllExchangesEstimateTest {
    /** 2024-01-30 16:00 UTC: the first of the three recorded hours. */
    private static final long FIRST_HOUR = 1_706_630_400_000L;
    /** T: the end of the third hour. */
    private static final long T = FIRST_HOUR + 3 * Intervals.HOUR;
    private static final long NOW = T + Intervals.DAY;

    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
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

    /** The test's resolver: each exchange of "all" (or a single one) at its own server, on a clock after T. */
    private MarketDataSource open(SourceSpec member) {
        return switch (member.id()) {
            case "binance" -> new BinanceSource(TestSupport.settingsFor(binance, sleeper, NOW), null);
            case "bybit" -> new BybitSource(TestSupport.settingsFor(bybit, sleeper, NOW), null);
            case "okx" -> new OkxSource(TestSupport.settingsFor(okx, sleeper, NOW), null);
            default -> throw new IllegalArgumentException("no test server for " + member);
        };
    }

    private final WindowEstimator estimator = new WindowEstimator(LiquidationEngine.standard(), this::open);

    private static WindowSpec.Builder spec(String source) {
        return WindowSpec.builder(SourceSpec.parse(source), "BTCUSDT", "m1", 3 * Intervals.HOUR)
                .asOf(T).candleInterval(Intervals.HOUR).buckets(240).columns(6);
    }

    // ---------------------------------------------------------------------------------------------- servers

    private static Path payload(String relative) {
        Path f = TestSupport.sharedData().resolve("exchange-payloads").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " absent: skipping the recorded-payload test");
        return f;
    }

    /** Answers exactly one path (and the expected query) with a fixed body; anything else is a 404. */
    private static Dispatcher replay(String path, Map<String, String> query, String body) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                HttpUrl url = request.getRequestUrl();
                if (!url.encodedPath().equals(path)) return new MockResponse().setResponseCode(404).setBody("no " + url.encodedPath());
                for (Map.Entry<String, String> q : query.entrySet()) {
                    if (!q.getValue().equals(url.queryParameter(q.getKey()))) {
                        return new MockResponse().setResponseCode(400).setBody("unexpected " + q.getKey() + "=" + url.queryParameter(q.getKey()));
                    }
                }
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
            }
        };
    }

    private void serveRecordedBybit() throws IOException {
        bybit.setDispatcher(replay("/v5/market/kline", Map.of("category", "linear", "symbol", "BTCUSDT", "interval", "60"),
                Files.readString(payload("bybit/v5-market-kline.json"), StandardCharsets.UTF_8)));
    }

    private void serveRecordedOkx() throws IOException {
        okx.setDispatcher(replay("/api/v5/market/candles", Map.of("instId", "BTC-USDT-SWAP", "bar", "1H"),
                Files.readString(payload("okx/api-v5-market-candles_SPOT-BTC-USDT.json"), StandardCharsets.UTF_8)));
    }

    /** Binance's klines of the three hours, each summed from its sixty 1m archive rows. */
    private void serveArchiveBinance() throws IOException {
        Path csv = TestSupport.sharedFile("binance_spot_BTCUSDT-1m-2024-01.csv");
        List<String[]> minutes;
        try (Stream<String> lines = Files.lines(csv)) {
            minutes = lines.skip(1).map(l -> l.split(",", -1))
                    .filter(f -> Long.parseLong(f[0]) >= FIRST_HOUR && Long.parseLong(f[0]) < T).toList();
        }
        assertEquals(180, minutes.size(), "three whole hours of minutes");
        StringBuilder body = new StringBuilder("[");
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
            long open = FIRST_HOUR + h * Intervals.HOUR;
            if (h > 0) body.append(',');
            body.append('[').append(open).append(",\"").append(hour.get(0)[1]).append("\",\"").append(high.toPlainString())
                    .append("\",\"").append(low.toPlainString()).append("\",\"").append(hour.get(59)[4]).append("\",\"")
                    .append(volume.toPlainString()).append("\",").append(open + Intervals.HOUR - 1).append(",\"")
                    .append(quote.toPlainString()).append("\",").append(trades).append(",\"").append(takerBase.toPlainString())
                    .append("\",\"").append(takerQuote.toPlainString()).append("\",\"0\"]");
        }
        binance.setDispatcher(replay("/fapi/v1/klines", Map.of("symbol", "BTCUSDT", "interval", "1h"), body.append(']').toString()));
    }

    /** Valid klines of the three hours, for tests about failures where the data itself does not matter. */
    private void serveInlineBinanceAndBybit() {
        StringBuilder b = new StringBuilder("["), y = new StringBuilder(
                "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"list\":[");
        for (int h = 0; h < 3; h++) {
            long open = FIRST_HOUR + h * Intervals.HOUR, newest = FIRST_HOUR + (2 - h) * Intervals.HOUR;
            if (h > 0) { b.append(','); y.append(','); }
            b.append('[').append(open).append(",\"43000\",\"43500\",\"42900\",\"43100\",\"10\",").append(open + Intervals.HOUR - 1)
                    .append(",\"431000\",100,\"6\",\"258600\",\"0\"]");
            y.append("[\"").append(newest).append("\",\"43000\",\"43500\",\"42900\",\"43100\",\"10\",\"431000\"]");
        }
        binance.setDispatcher(replay("/fapi/v1/klines", Map.of("symbol", "BTCUSDT"), b.append(']').toString()));
        bybit.setDispatcher(replay("/v5/market/kline", Map.of("symbol", "BTCUSDT"), y.append("]},\"retExtInfo\":{},\"time\":1}").toString()));
    }

    // ---------------------------------------------------------------------------------------------- the sum

    @Test
    void allIsTheCellByCellSumOfTheThreeExchangesEstimatedAlone() throws IOException {
        serveArchiveBinance();
        serveRecordedBybit();
        serveRecordedOkx();

        WindowEstimate all = estimator.estimate(spec("all").build(), CancelToken.NONE);

        // The expected sum, independently: each exchange alone with its default range, then again on the hull of
        // those ranges, then added up here.
        String[] ids = {"binance", "bybit", "okx"};
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (String id : ids) {
            LiquidationMap alone = estimator.estimate(spec(id).build(), CancelToken.NONE).result().map();
            low = Math.min(low, alone.priceLow());
            high = Math.max(high, alone.priceHigh());
        }
        PriceRange common = new PriceRange(low, high);
        List<EstimateResult> singles = new ArrayList<>();
        for (String id : ids) singles.add(estimator.estimate(spec(id).range(common).build(), CancelToken.NONE).result());

        assertSameSum(singles, all);
        assertEquals(List.of(LiquidationRule.BINANCE, LiquidationRule.BYBIT, LiquidationRule.OKX),
                all.parts().stream().map(WindowEstimate.Part::liquidationRule).toList(), "each exchange priced by its own rule");
        for (int i = 0; i < 3; i++) {
            assertEquals(ids[i], all.parts().get(i).exchangeId());
            assertTrue(singles.get(i).map().totalLong() > 0 && singles.get(i).map().totalShort() > 0, ids[i] + " contributes");
            // each part is exactly the exchange estimated alone on the common grid
            assertArrayEquals(singles.get(i).map().longNotionals(), all.parts().get(i).result().map().longNotionals(), ids[i]);
            for (int c = 0; c < singles.get(i).heatmap().columns(); c++) {
                assertArrayEquals(singles.get(i).heatmap().row(c), all.parts().get(i).result().heatmap().row(c), ids[i] + ", column " + c);
            }
            assertTrue(all.parts().get(i).coverage().isComplete(), ids[i] + ": three of three hours");
        }
        assertEquals(all.parts().get(0).result().price(), all.result().price(), "Binance is the reference price");
        assertEquals("Binance USDⓈ-M futures + Bybit USDT perpetuals + OKX perpetual swaps", all.sourceName());
        assertTrue(all.result().coverage().isComplete());
        // three markets, not one copied thrice: Bybit's and OKX's recorded closes differ
        assertNotEquals(singles.get(1).price(), singles.get(2).price());
    }

    @Test
    void allOfBybitAndOkxSumsTheirRecordedPayloadsAlone() throws IOException {
        serveRecordedBybit();
        serveRecordedOkx();
        WindowEstimate two = estimator.estimate(spec("all:okx,bybit").build(), CancelToken.NONE);
        assertEquals(List.of("bybit", "okx"), two.parts().stream().map(WindowEstimate.Part::exchangeId).toList(),
                "members in the canonical order: Bybit is the reference");

        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (String id : new String[] {"bybit", "okx"}) {
            LiquidationMap alone = estimator.estimate(spec(id).build(), CancelToken.NONE).result().map();
            low = Math.min(low, alone.priceLow());
            high = Math.max(high, alone.priceHigh());
        }
        List<EstimateResult> singles = List.of(
                estimator.estimate(spec("bybit").range(new PriceRange(low, high)).build(), CancelToken.NONE).result(),
                estimator.estimate(spec("okx").range(new PriceRange(low, high)).build(), CancelToken.NONE).result());
        assertSameSum(singles, two);
        assertEquals(0, binance.getRequestCount(), "Binance is left out");
    }

    /** The combined result against the singles added up here, bucket by bucket, cell by cell; totals and shares. */
    private static void assertSameSum(List<EstimateResult> singles, WindowEstimate combined) {
        EstimateResult sum = combined.result();
        LiquidationMap m = sum.map();
        assertEquals(singles.get(0).map().priceLow(), m.priceLow(), "one common range");
        assertEquals(singles.get(0).map().priceHigh(), m.priceHigh());
        for (int b = 0; b < m.buckets(); b++) {
            double longs = 0, shorts = 0;
            for (EstimateResult s : singles) {
                assertEquals(m.bucketLow(b), s.map().bucketLow(b), "same buckets");
                longs += s.map().longNotional(b);
                shorts += s.map().shortNotional(b);
            }
            assertEquals(longs, m.longNotional(b), 1e-12 * longs, "long notional of bucket " + b);
            assertEquals(shorts, m.shortNotional(b), 1e-12 * shorts, "short notional of bucket " + b);
        }
        HeatmapGrid g = sum.heatmap();
        assertEquals(singles.get(0).heatmap().columns(), g.columns());
        double max = 0;
        for (int c = 0; c < g.columns(); c++) {
            assertEquals(singles.get(0).heatmap().columnStart(c), g.columnStart(c), "same time grid");
            for (int b = 0; b < g.buckets(); b++) {
                double cell = 0;
                for (EstimateResult s : singles) cell += s.heatmap().value(c, b);
                // the sum is formed in double and rounded once to the grid's float (HeatmapGrid): 6e-8 relative
                assertEquals(cell, g.value(c, b), 1e-6 * cell, "cell " + c + ", " + b);
                max = Math.max(max, cell);
                if (cell > 0) assertEquals(1, sumOf(combined.heatmapShares(c, b)), 1e-12, "tooltip shares of cell " + c + ", " + b);
            }
        }
        assertTrue(max > 0, "a non-empty heatmap");
        double totalLong = 0, totalShort = 0;
        for (EstimateResult s : singles) {
            assertEquals(sum.asOf(), s.asOf(), "one T");
            totalLong += s.map().totalLong();
            totalShort += s.map().totalShort();
        }
        assertEquals(totalLong, m.totalLong(), 1e-12 * totalLong);
        assertEquals(totalShort, m.totalShort(), 1e-12 * totalShort);
        double share = 0, longShare = 0, shortShare = 0;
        for (int i = 0; i < singles.size(); i++) {
            WindowEstimate.Part p = combined.parts().get(i);
            EstimateResult s = singles.get(i);
            assertEquals(s.map().totalLong(), p.totalLong());
            assertEquals(s.map().totalShort(), p.totalShort());
            assertEquals((s.map().totalLong() + s.map().totalShort()) / (totalLong + totalShort), p.share(), 1e-12);
            share += p.share();
            longShare += p.longShare();
            shortShare += p.shortShare();
        }
        assertEquals(1, share, 1e-12, "shares add up to the whole");
        assertEquals(1, longShare, 1e-12);
        assertEquals(1, shortShare, 1e-12);
    }

    private static double sumOf(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    // ---------------------------------------------------------------------------------------------- failures

    @Test
    void oneExchangeFailingFailsTheSumNamingItAndItsReason() {
        serveInlineBinanceAndBybit();
        // OKX's answer to an instrument it does not list (error 51001, HTTP 200 like its other business errors)
        okx.setDispatcher(replay("/api/v5/market/candles", Map.of(),
                "{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}"));

        CombinedSourceException e = assertThrows(CombinedSourceException.class,
                () -> estimator.estimate(spec("all").build(), CancelToken.NONE));
        String message = e.getMessage();
        assertTrue(message.startsWith("all (binance, bybit, okx) failed for BTCUSDT: OKX perpetual swaps: "), message);
        assertTrue(message.contains("Instrument ID does not exist"), message);
        assertTrue(message.endsWith("; leave it out with the source all:binance,bybit"), message);
        assertFalse(message.contains("\n") || message.contains("Exception"), "one line, no class names: " + message);
        assertEquals(1, e.failures().size());
        assertEquals("okx", e.failures().get(0).exchangeId());
        assertTrue(sleeper.waits.isEmpty(), "51001 is not retried");
    }

    @Test
    void severalFailingExchangesAreAllNamed() {
        serveInlineBinanceAndBybit();
        bybit.setDispatcher(replay("/v5/market/kline", Map.of(),
                "{\"retCode\":10001,\"retMsg\":\"params error: symbol invalid\",\"result\":{},\"retExtInfo\":{},\"time\":1}"));
        okx.setDispatcher(replay("/api/v5/market/candles", Map.of(), "{\"code\":\"0\",\"msg\":\"\",\"data\":[]}"));

        CombinedSourceException e = assertThrows(CombinedSourceException.class,
                () -> estimator.estimate(spec("all").build(), CancelToken.NONE));
        String message = e.getMessage();
        assertTrue(message.startsWith("all (binance, bybit, okx) failed for BTCUSDT: 2 of 3 exchanges failed: Bybit USDT perpetuals: "), message);
        assertTrue(message.contains("symbol invalid"), message);
        assertTrue(message.contains("; OKX perpetual swaps: no 1h candles for BTCUSDT from OKX perpetual swaps"), message);
        assertTrue(message.endsWith("; use the source binance alone"), message);
        assertEquals(List.of("bybit", "okx"), e.failures().stream().map(CombinedSourceException.Failure::exchangeId).toList());
    }

    @Test
    void aParameterAnExchangeRefusesFailsBeforeAnythingIsLoaded() {
        // 100x at 0.95 %: below 1/L for Binance and Bybit, but OKX adds its 0.05 % taker fee
        WindowSpec s = spec("all").mmrOverride(0.0095).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.checkParameters(s));
        assertTrue(e.getMessage().startsWith("OKX: leverage 100x"), e.getMessage());
        estimator.checkParameters(spec("binance").mmrOverride(0.0095).build());
        assertThrows(IllegalArgumentException.class, () -> estimator.checkParameters(spec("all").params(Map.of("halfLife", 1.0)).build()));
        for (MockWebServer server : servers) assertEquals(0, server.getRequestCount());
    }

    @Test
    void cancellingStopsTheLoadsAndIsNoExchangeFailure() {
        serveInlineBinanceAndBybit();
        okx.setDispatcher(replay("/api/v5/market/candles", Map.of(), "{\"code\":\"0\",\"msg\":\"\",\"data\":[]}"));
        CancelToken cancelled = CancelToken.create();
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> estimator.estimate(spec("all").build(), cancelled));
    }

    @Test
    void aResolverSeesEachExchangeWithTheCombinedSpecsCacheAndTimeBound() {
        List<SourceSpec> seen = new ArrayList<>();
        Function<SourceSpec, MarketDataSource> recording = member -> {
            seen.add(member);
            return open(member);
        };
        SourceSpec all = SourceSpec.parse("all").withCacheDir(Path.of("/tmp/liqlens-test-cache")).withTimeout(java.time.Duration.ofSeconds(5));
        new WindowEstimator(LiquidationEngine.standard(), recording)
                .checkParameters(WindowSpec.builder(all, "BTCUSDT", "m1", Intervals.HOUR).build());
        assertEquals(List.of("binance", "bybit", "okx"), seen.stream().map(SourceSpec::id).toList());
        for (SourceSpec m : seen) {
            assertEquals(Path.of("/tmp/liqlens-test-cache"), m.cacheDir().orElseThrow());
            assertEquals(java.time.Duration.ofSeconds(5), m.timeout().orElseThrow());
            assertTrue(m.baseUrl().isEmpty(), "URLs are the resolver's to set");
        }
    }
}
