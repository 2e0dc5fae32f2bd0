package org.liqlens.sources.okx;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.Trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OkxClientTest {
    /** The instruments answer for BTC-USDT-SWAP, built from the documented fields (ctVal 0.01 BTC). */
    static final String BTC_SWAP = "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instType\":\"SWAP\",\"instId\":\"BTC-USDT-SWAP\","
            + "\"uly\":\"BTC-USDT\",\"instFamily\":\"BTC-USDT\",\"settleCcy\":\"USDT\",\"ctVal\":\"0.01\",\"ctMult\":\"1\","
            + "\"ctValCcy\":\"BTC\",\"ctType\":\"linear\",\"state\":\"live\",\"tickSz\":\"0.1\",\"lotSz\":\"0.01\",\"minSz\":\"0.01\"}]}";
    static final String IOST_SWAP = BTC_SWAP.replace("BTC-USDT", "IOST-USDT").replace("\"0.01\",\"ctMult\"", "\"10\",\"ctMult\"")
            .replace("\"BTC\"", "\"IOST\"");
    static final String EMPTY = "{\"code\":\"0\",\"msg\":\"\",\"data\":[]}";

    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private OkxClient clientAt(long now) {
        return new OkxClient(TestSupport.settingsFor(server, sleeper, now));
    }

    private void enqueue(String body) {
        server.enqueue(new MockResponse().setBody(body));
    }

    @Test
    void symbolsMapBothWays() {
        assertEquals("BTC-USDT-SWAP", OkxSymbols.toInstId("BTCUSDT"));
        assertEquals("ETH-USDC-SWAP", OkxSymbols.toInstId("ethusdc"));
        assertEquals("BTC-USD-SWAP", OkxSymbols.toInstId("BTCUSD"));
        assertEquals("BTC-USDT-SWAP", OkxSymbols.toInstId("BTC-USDT-SWAP"));
        assertEquals("BTCUSDT", OkxSymbols.fromInstId("BTC-USDT-SWAP"));
        assertThrows(IllegalArgumentException.class, () -> OkxSymbols.toInstId("BTCEUR"));
    }

    @Test
    void officialTradesAreConvertedFromContractsAndCtValIsFetchedOnce() throws Exception {
        long now = 1654161646975L;
        OkxClient client = clientAt(now);
        enqueue(BTC_SWAP);
        enqueue(TestSupport.payload("okx_trades_official.json"));
        enqueue(TestSupport.payload("okx_trades_official.json"));
        TradeSeries t = client.trades("BTCUSDT", 1654161641568L + 1, now, CancelToken.NONE);

        assertEquals(1, t.size());
        assertEquals(1654161646974L, t.time(0));
        assertEquals(29963.2, t.price(0));
        assertEquals(0.00001 * 0.01, t.quantity(0), 1e-18, "sz in contracts x ctVal");
        assertTrue(t.buyerIsMaker(0), "side sell: the taker sold");
        HttpUrl inst = server.takeRequest().getRequestUrl();
        assertEquals("/api/v5/public/instruments", inst.encodedPath());
        assertEquals("BTC-USDT-SWAP", inst.queryParameter("instId"));
        HttpUrl trades = server.takeRequest().getRequestUrl();
        assertEquals("/api/v5/market/trades", trades.encodedPath());
        assertEquals("BTC-USDT-SWAP", trades.queryParameter("instId"));

        client.trades("BTCUSDT", 1654161641568L + 1, now, CancelToken.NONE);
        assertEquals(3, server.getRequestCount(), "ctVal comes from the cache the second time");
    }

    @Test
    void tradesOlderThanTheFirstPageContinueByTradeId() throws Exception {
        long now = 1654161646975L;
        OkxClient client = clientAt(now);
        enqueue(BTC_SWAP);
        enqueue(TestSupport.payload("okx_trades_official.json"));
        enqueue("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"side\":\"buy\",\"sz\":\"3\",\"px\":\"29960.0\","
                + "\"tradeId\":\"242720718\",\"ts\":\"1654161640000\"}]}");
        enqueue(EMPTY); // one more page is asked for: other trades may share the range's first millisecond
        TradeSeries t = client.trades("BTCUSDT", 1654161640000L, now, CancelToken.NONE);
        assertEquals(3, t.size());
        assertEquals(1654161640000L, t.time(0));
        assertEquals(0.03, t.quantity(0), 1e-15);
        server.takeRequest();
        server.takeRequest();
        HttpUrl third = server.takeRequest().getRequestUrl();
        assertEquals("/api/v5/market/history-trades", third.encodedPath());
        assertEquals("1", third.queryParameter("type"));
        assertEquals("242720719", third.queryParameter("after"));
    }

    @Test
    void aShortTradeHistoryIsAnErrorNotASilentlyShortSeries() {
        long now = 1654161646975L;
        OkxClient client = clientAt(now);
        enqueue(BTC_SWAP);
        enqueue(TestSupport.payload("okx_trades_official.json"));
        enqueue(EMPTY);
        SourceException e = assertThrows(SourceException.class,
                () -> client.trades("BTCUSDT", now - Intervals.DAY, now, CancelToken.NONE));
        assertTrue(e.getMessage().contains("ends at 1654161641568"), e.getMessage());
    }

    @Test
    void webSocketTradeOfFiveContractsIsFiveHundredthsOfABitcoin() {
        List<Trade> trades = new ArrayList<>();
        OkxInstrument btc = new OkxInstrument("BTC-USDT-SWAP", 0.01, "BTC", "linear", 0.1, 0.01, "live");
        OkxLiveFeed feed = new OkxLiveFeed(btc, EnumSet.of(LiveStream.TRADES), new LiveListener() {
            @Override public void onTrade(Trade t) { trades.add(t); }
        });
        feed.onMessage("pong");
        feed.onMessage("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"connId\":\"a4d3ae55\"}");
        feed.onMessage(TestSupport.payload("okx_ws_trades_tardis.json"));
        assertEquals(1, trades.size());
        Trade t = trades.get(0);
        assertEquals("BTCUSDT", t.symbol());
        assertEquals(0.05, t.quantity(), 1e-15);
        assertEquals(48938.5, t.price());
        assertEquals(1640131236050L, t.time());
        assertFalse(t.buyerIsMaker());
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"}]}",
                feed.subscribeMessages().get(0));
    }

    @Test
    void webSocketTradeOfAnInverseFuture() {
        List<Trade> trades = new ArrayList<>();
        // BTC-USD-220527 is an inverse (coin-margined) future: one contract is worth 100 USD.
        OkxInstrument future = new OkxInstrument("BTC-USD-220527", 100, "USD", "inverse", 0.1, 1, "live");
        OkxLiveFeed feed = new OkxLiveFeed(future, EnumSet.of(LiveStream.TRADES), new LiveListener() {
            @Override public void onTrade(Trade t) { trades.add(t); }
        });
        feed.onMessage(TestSupport.payload("okx_ws_trades_cryptofeed.json"));
        assertEquals(1, trades.size());
        assertEquals(30218.8, trades.get(0).price());
        assertEquals(100 / 30218.8, trades.get(0).quantity(), 1e-15, "1 contract x 100 USD / price");
        assertEquals(1652459199958L, trades.get(0).time());
    }

    @Test
    void inverseContractsAreWorthQuoteCurrency() {
        OkxInstrument inverse = new OkxInstrument("BTC-USD-SWAP", 100, "USD", "inverse", 0.1, 1, "live");
        assertEquals(100 * 100 / 50_000.0, inverse.baseQuantity(100, 50_000), 1e-15);
    }

    @Test
    void officialLiquidationOrderOnTheWebSocket() {
        List<RealisedLiquidation> liqs = new ArrayList<>();
        OkxInstrument iost = new OkxInstrument("IOST-USDT-SWAP", 10, "IOST", "linear", 0.000001, 1, "live");
        OkxLiveFeed feed = new OkxLiveFeed(iost, EnumSet.of(LiveStream.LIQUIDATIONS), new LiveListener() {
            @Override public void onLiquidation(RealisedLiquidation l) { liqs.add(l); }
        });
        feed.onMessage(TestSupport.payload("okx_ws_liquidation_orders_official.json"));
        assertEquals(1, liqs.size());
        RealisedLiquidation l = liqs.get(0);
        assertEquals("IOSTUSDT", l.symbol());
        assertEquals(Side.SHORT, l.liquidatedSide(), "posSide short");
        assertEquals(0.007831, l.price());
        assertEquals(130.0, l.quantity(), 1e-12, "13 contracts x ctVal 10");
        assertEquals(1692266434010L, l.time());
    }

    @Test
    void liquidationHistoryIsPagedAndSortedOldestFirst() throws Exception {
        long now = 1692266500000L;
        OkxClient client = clientAt(now);
        enqueue(IOST_SWAP);
        String page = TestSupport.payload("okx_ws_liquidation_orders_official.json").replace("\"id\": \"1512\",", "\"code\": \"0\", \"msg\": \"\",");
        String older = page.replace("1692266434010", "1692266400000").replace("\"posSide\": \"short\"", "\"posSide\": \"net\"")
                .replace("\"side\": \"buy\"", "\"side\": \"sell\"");
        enqueue(page);
        enqueue(older);
        enqueue(EMPTY);
        List<RealisedLiquidation> l = client.liquidations("IOSTUSDT", 1692266300000L, now, CancelToken.NONE);
        assertEquals(2, l.size());
        assertEquals(1692266400000L, l.get(0).time());
        assertEquals(Side.LONG, l.get(0).liquidatedSide(), "net mode: a sell order closes a long");
        assertEquals(1692266434010L, l.get(1).time());
        server.takeRequest();
        HttpUrl first = server.takeRequest().getRequestUrl();
        assertEquals("IOST-USDT", first.queryParameter("instFamily"));
        assertEquals("filled", first.queryParameter("state"));
        assertEquals(Long.toString(1692266434010L + 1), server.takeRequest().getRequestUrl().queryParameter("after"));
    }

    @Test
    void candlesSkipUnconfirmedRowsAndPageWithAfter() throws Exception {
        long t0 = 1_700_000_000_000L - 1_700_000_000_000L % Intervals.MINUTE;
        long now = t0 + 10 * Intervals.MINUTE + 30_000; // minute 10 is forming
        OkxClient client = clientAt(now);
        // [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm], newest first, as documented.
        enqueue(candles(t0, 10, 9, 8, 7, 6));
        enqueue(candles(t0, 5, 4, 3, 2, 1, 0));
        CandleSeries c = client.candles("BTCUSDT", Intervals.MINUTE, t0, t0 + 11 * Intervals.MINUTE, CancelToken.NONE);

        assertEquals(10, c.size(), "minute 10 is unconfirmed");
        TestSupport.assertContiguous(c.openTimes(), Intervals.MINUTE);
        assertEquals("BTCUSDT", c.symbol());
        assertEquals(0.5, c.volume(0), "volCcy: base currency");
        assertEquals(21000.5, c.quoteVolume(0), "volCcyQuote");
        assertTrue(Double.isNaN(c.takerBuyQuoteVolume(0)));
        HttpUrl first = server.takeRequest().getRequestUrl();
        assertEquals("/api/v5/market/candles", first.encodedPath());
        assertEquals("1m", first.queryParameter("bar"));
        assertEquals("BTC-USDT-SWAP", first.queryParameter("instId"));
        assertEquals(Long.toString(t0 + 11 * Intervals.MINUTE), first.queryParameter("after"));
        assertEquals(Long.toString(t0 + 6 * Intervals.MINUTE), server.takeRequest().getRequestUrl().queryParameter("after"));
    }

    @Test
    void oldCandlesComeFromHistoryCandlesWithUtcDailyBars() throws Exception {
        long day = 1_600_000_000_000L - 1_600_000_000_000L % Intervals.DAY;
        OkxClient client = clientAt(day + 5000 * Intervals.DAY);
        enqueue(EMPTY);
        enqueue(EMPTY); // an empty answer is the end only when asked again
        client.candles("BTCUSDT", Intervals.DAY, day, day + 3 * Intervals.DAY, CancelToken.NONE);
        HttpUrl u = server.takeRequest().getRequestUrl();
        assertEquals("/api/v5/market/history-candles", u.encodedPath());
        assertEquals("1Dutc", u.queryParameter("bar"));
    }

    private static String candles(long t0, int... minutes) {
        StringBuilder b = new StringBuilder("{\"code\":\"0\",\"msg\":\"\",\"data\":[");
        for (int i = 0; i < minutes.length; i++) {
            long t = t0 + minutes[i] * Intervals.MINUTE;
            if (i > 0) b.append(',');
            b.append("[\"").append(t).append("\",\"42000\",\"42010.5\",\"41990\",\"42001\",\"50\",\"0.5\",\"21000.5\",\"")
                    .append(minutes[i] == 10 ? "0" : "1").append("\"]");
        }
        return b.append("]}").toString();
    }

    @Test
    void openInterestHistoryUsesOiCcyAndOiUsd() throws Exception {
        long t = 1_700_000_100_000L - 1_700_000_100_000L % (5 * Intervals.MINUTE);
        OkxClient client = clientAt(t + Intervals.DAY);
        // [ts, oi, oiCcy, oiUsd], newest first.
        enqueue("{\"code\":\"0\",\"msg\":\"\",\"data\":[[\"" + (t + 300_000) + "\",\"2931300\",\"29313\",\"1099540000\"],[\""
                + t + "\",\"2931200\",\"29312\",\"1099500000\"]]}");
        OpenInterestSeries oi = client.openInterestHistory("BTCUSDT", 5 * Intervals.MINUTE, t, t + 600_000, CancelToken.NONE);
        assertEquals(2, oi.size());
        assertEquals(t, oi.time(0));
        assertEquals(29312.0, oi.openInterest(0));
        assertEquals(1099500000.0, oi.openInterestValue(0));
        HttpUrl u = server.takeRequest().getRequestUrl();
        assertEquals("/api/v5/rubik/stat/contracts/open-interest-history", u.encodedPath());
        assertEquals("5m", u.queryParameter("period"));
    }

    @Test
    void nonZeroCodeIsAnErrorWithMsgAndRateLimitIsRetried() {
        OkxClient client = clientAt(1_700_000_000_000L);
        enqueue("{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}");
        SourceException e = assertThrows(SourceException.class, () -> client.instrument("NOPE-USDT-SWAP", CancelToken.NONE));
        assertEquals("51001", e.exchangeCode());
        assertTrue(e.getMessage().contains("Instrument ID does not exist"), e.getMessage());

        server.enqueue(new MockResponse().setResponseCode(429).setBody("{\"code\":\"50011\",\"msg\":\"Too Many Requests\",\"data\":[]}"));
        enqueue(BTC_SWAP);
        assertEquals(0.01, client.instrument("BTC-USDT-SWAP", CancelToken.NONE).contractValue());
        assertEquals(List.of(100L), sleeper.waits);
    }
}
