package org.liqlens.sources.bybit;

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

class BybitClientTest {
    private static final long NOW = 1_700_000_000_000L;
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
    private MockWebServer server;
    private BybitClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new BybitClient(TestSupport.settingsFor(server, sleeper, NOW));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private void enqueue(String body) {
        server.enqueue(new MockResponse().setBody(body));
    }

    @Test
    void officialKlineExampleIsReorderedOldestFirstWithoutTakerSplit() throws Exception {
        enqueue(TestSupport.payload("bybit_kline_official.json"));
        CandleSeries c = client.klines("BTCUSD", Intervals.HOUR, 1670601600000L, 1670608800000L + Intervals.HOUR, CancelToken.NONE);

        assertEquals(3, c.size());
        assertEquals(1670601600000L, c.openTime(0));
        assertEquals(1670608800000L, c.openTime(2));
        assertEquals(17086.5, c.open(0));
        assertEquals(17088.0, c.high(0));
        assertEquals(16978.0, c.low(0));
        assertEquals(17071.5, c.close(0));
        assertEquals(6356.0, c.volume(0));
        assertEquals(0.37288112, c.quoteVolume(0));
        assertTrue(Double.isNaN(c.takerBuyQuoteVolume(0)), "Bybit has no taker split");
        assertEquals(17055.5, c.close(2));
        HttpUrl u = server.takeRequest().getRequestUrl();
        assertEquals("/v5/market/kline", u.encodedPath());
        assertEquals("linear", u.queryParameter("category"));
        assertEquals("60", u.queryParameter("interval"));
        assertEquals("1670601600000", u.queryParameter("start"));
        assertEquals(1, server.getRequestCount(), "the page reached the start: no second request");
    }

    @Test
    void klinesPageBackwardsEvenWhenBybitReturnsFewerRowsThanAsked() throws Exception {
        long t0 = 1_699_000_000_000L - 1_699_000_000_000L % Intervals.HOUR;
        enqueue(klinePage(t0, 4, 3, 2));
        enqueue(klinePage(t0, 1, 0));
        CandleSeries c = client.klines("BTCUSDT", Intervals.HOUR, t0, t0 + 5 * Intervals.HOUR, CancelToken.NONE);
        assertEquals(5, c.size());
        TestSupport.assertContiguous(c.openTimes(), Intervals.HOUR);
        server.takeRequest();
        HttpUrl second = server.takeRequest().getRequestUrl();
        assertEquals(Long.toString(t0 + 2 * Intervals.HOUR - 1), second.queryParameter("end"));
    }

    private static String klinePage(long t0, int... hours) {
        StringBuilder b = new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"symbol\":\"BTCUSDT\",\"category\":\"linear\",\"list\":[");
        for (int i = 0; i < hours.length; i++) {
            long t = t0 + hours[i] * Intervals.HOUR;
            if (i > 0) b.append(',');
            b.append("[\"").append(t).append("\",\"100\",\"110\",\"90\",\"105\",\"2.5\",\"250\"]");
        }
        return b.append("]},\"retExtInfo\":{},\"time\":1672025956592}").toString();
    }

    @Test
    void openInterestValueIsOiTimesThePriceAtTheSampleTime() throws Exception {
        enqueue(TestSupport.payload("bybit_open_interest_official.json"));
        // Candles (5m) for the prices: the one ending at each sample time gives the price.
        long a = 1669571100000L;
        long b = 1669571400000L;
        enqueue("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":["
                + "[\"" + (b - 300_000) + "\",\"16200\",\"16260\",\"16190\",\"16250.5\",\"10\",\"162000\"],"
                + "[\"" + (a - 300_000) + "\",\"16100\",\"16210\",\"16090\",\"16200\",\"10\",\"161000\"]]},\"retExtInfo\":{},\"time\":1}");
        OpenInterestSeries oi = client.openInterest("BTCUSD", 5 * Intervals.MINUTE, a, b + 1, CancelToken.NONE);

        assertEquals(2, oi.size());
        assertEquals(a, oi.time(0));
        assertEquals(461134292.0, oi.openInterest(0));
        assertEquals(461134292.0 * 16200, oi.openInterestValue(0));
        assertEquals(461134384.0 * 16250.5, oi.openInterestValue(1));
        HttpUrl first = server.takeRequest().getRequestUrl();
        assertEquals("5min", first.queryParameter("intervalTime"));
        HttpUrl prices = server.takeRequest().getRequestUrl();
        assertEquals("5", prices.queryParameter("interval"));
        assertEquals(Long.toString(a - 300_000), prices.queryParameter("start"));
    }

    @Test
    void officialRecentTradeIsParsed() {
        enqueue(TestSupport.payload("bybit_recent_trade_official.json"));
        TradeSeries t = client.recentTrades("BTCUSDT", 1672052955000L, 1672052956000L, CancelToken.NONE);
        assertEquals(1, t.size());
        assertEquals(1672052955758L, t.time(0));
        assertEquals(16618.49, t.price(0));
        assertEquals(0.00012, t.quantity(0));
        assertFalse(t.buyerIsMaker(0), "side Buy: the taker bought");
    }

    @Test
    void retCodeIsAnErrorWithRetMsg() {
        enqueue("{\"retCode\":10001,\"retMsg\":\"params error: symbol invalid\",\"result\":{},\"retExtInfo\":{},\"time\":1672053548579}");
        SourceException e = assertThrows(SourceException.class,
                () -> client.klines("NOPE", Intervals.MINUTE, NOW - Intervals.HOUR, NOW, CancelToken.NONE));
        assertEquals("10001", e.exchangeCode());
        assertTrue(e.getMessage().contains("params error: symbol invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("/v5/market/kline?category=linear&symbol=NOPE"), e.getMessage());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void rateLimitRetCodeAndHttp403AreRetried() {
        enqueue("{\"retCode\":10006,\"retMsg\":\"Too many visits!\",\"result\":{},\"retExtInfo\":{},\"time\":1}");
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Retry-After", "2").setBody("access too frequent"));
        enqueue(TestSupport.payload("bybit_kline_official.json"));
        CandleSeries c = client.klines("BTCUSD", Intervals.HOUR, 1670601600000L, 1670608800000L + Intervals.HOUR, CancelToken.NONE);
        assertEquals(3, c.size());
        assertEquals(List.of(100L, 2_000L), sleeper.waits);
    }

    @Test
    void instrumentsFollowTheCursor() throws Exception {
        // Fields as documented for /v5/market/instruments-info (linear), reduced to those read.
        enqueue("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":[{\"symbol\":\"BTCUSDT\","
                + "\"contractType\":\"LinearPerpetual\",\"status\":\"Trading\",\"baseCoin\":\"BTC\",\"quoteCoin\":\"USDT\","
                + "\"priceFilter\":{\"minPrice\":\"0.10\",\"maxPrice\":\"1999999.80\",\"tickSize\":\"0.10\"},"
                + "\"lotSizeFilter\":{\"maxOrderQty\":\"1190.000\",\"minOrderQty\":\"0.001\",\"qtyStep\":\"0.001\"}}],"
                + "\"nextPageCursor\":\"first%3D1\"},\"retExtInfo\":{},\"time\":1}");
        enqueue("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":[{\"symbol\":\"ETHUSDT\","
                + "\"status\":\"Trading\",\"baseCoin\":\"ETH\",\"quoteCoin\":\"USDT\",\"priceFilter\":{\"tickSize\":\"0.01\"},"
                + "\"lotSizeFilter\":{\"qtyStep\":\"0.01\"}}],\"nextPageCursor\":\"\"},\"retExtInfo\":{},\"time\":1}");
        var list = client.instruments(CancelToken.NONE);
        assertEquals(2, list.size());
        assertEquals("BTCUSDT", list.get(0).symbol());
        assertEquals(0.1, list.get(0).tickSize());
        assertEquals(0.001, list.get(0).stepSize());
        server.takeRequest();
        assertEquals("first%3D1", server.takeRequest().getRequestUrl().queryParameter("cursor"));
    }

    @Test
    void webSocketKlinesGoThroughTheGapFiller() {
        List<org.liqlens.sources.Candle> closed = new ArrayList<>();
        List<org.liqlens.sources.Candle> forming = new ArrayList<>();
        LiveListener listener = new LiveListener() {
            @Override public void onCandle(org.liqlens.sources.Candle c) { closed.add(c); }
            @Override public void onCandleUpdate(org.liqlens.sources.Candle c) { forming.add(c); }
        };
        BybitLiveFeed feed = new BybitLiveFeed("BTCUSDT", EnumSet.of(LiveStream.KLINE_1M), listener,
                new org.liqlens.sources.live.CandleGapFiller(Intervals.MINUTE, Long.MIN_VALUE, (f, t) -> {
                    throw new AssertionError("no gap expected");
                }, listener));
        // The shape of Bybit's documented kline push.
        String msg = "{\"topic\":\"kline.1.BTCUSDT\",\"data\":[{\"start\":1672324800000,\"end\":1672324859999,\"interval\":\"1\","
                + "\"open\":\"16649.5\",\"close\":\"16677\",\"high\":\"16677\",\"low\":\"16608\",\"volume\":\"2.081\","
                + "\"turnover\":\"34666.4005\",\"confirm\":%s,\"timestamp\":1672324988882}],\"ts\":1672324988882,\"type\":\"snapshot\"}";
        feed.onMessage(String.format(msg, "false"));
        feed.onMessage(String.format(msg, "true"));
        assertEquals(1, forming.size());
        assertEquals(1, closed.size());
        org.liqlens.sources.Candle c = closed.get(0);
        assertEquals(1672324800000L, c.openTime());
        assertEquals(Intervals.MINUTE, c.intervalMs());
        assertEquals(16649.5, c.open());
        assertEquals(16608.0, c.low());
        assertEquals(34666.4005, c.quoteVolume());
        assertTrue(Double.isNaN(c.takerBuyQuoteVolume()));
    }

    @Test
    void webSocketTradesAndLiquidations() {
        List<Trade> trades = new ArrayList<>();
        List<RealisedLiquidation> liqs = new ArrayList<>();
        BybitLiveFeed feed = new BybitLiveFeed("BTCUSDT", EnumSet.of(LiveStream.TRADES, LiveStream.LIQUIDATIONS),
                new LiveListener() {
                    @Override public void onTrade(Trade t) { trades.add(t); }
                    @Override public void onLiquidation(RealisedLiquidation l) { liqs.add(l); }
                }, null);
        assertEquals(List.of("{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"allLiquidation.BTCUSDT\"]}"),
                feed.subscribeMessages());
        feed.onMessage("{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"x\",\"op\":\"subscribe\"}");
        feed.onMessage(TestSupport.payload("bybit_ws_publicTrade_official.json"));
        feed.onMessage(TestSupport.payload("bybit_ws_allLiquidation_official.json"));

        assertEquals(1, trades.size());
        assertEquals(1672304486865L, trades.get(0).time());
        assertEquals(16578.50, trades.get(0).price());
        assertEquals(0.001, trades.get(0).quantity());
        assertFalse(trades.get(0).buyerIsMaker());
        assertEquals(1, liqs.size());
        RealisedLiquidation l = liqs.get(0);
        assertEquals("ROSEUSDT", l.symbol());
        assertEquals(Side.SHORT, l.liquidatedSide(), "Bybit S is the liquidated position's side: Sell = short");
        assertEquals(0.04499, l.price());
        assertEquals(20000.0, l.quantity());
        assertEquals(1739502302929L, l.time());
    }
}
