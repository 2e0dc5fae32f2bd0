package org.liqlens.sources.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.TestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The importers on the real files in shared/data (skipped when that folder is absent). */
class RealDataImportTest {

    @ParameterizedTest
    @CsvSource({
            "binance_um_AVAXUSDT-1m-2026-06.csv, AVAXUSDT, 43200, 1780272000000, 1782863940000",
            "binance_um_NEARUSDT-1m-2026-06.csv, NEARUSDT, 43200, 1780272000000, 1782863940000",
            "binance_um_LINKUSDT-1m-2026-02.csv, LINKUSDT, 40320, 1769904000000, 1772323140000"})
    void klineArchives(String name, String symbol, int rows, long firstOpen, long lastOpen) throws IOException {
        Path file = TestSupport.sharedFile(name);
        CandleSeries c = BinanceVisionImporter.klines(file);

        assertEquals(symbol, c.symbol());
        assertEquals(Intervals.MINUTE, c.intervalMs());
        assertEquals(rows, c.size());
        assertEquals(firstOpen, c.firstOpenTime());
        assertEquals(lastOpen, c.openTime(c.size() - 1));
        TestSupport.assertContiguous(c.openTimes(), Intervals.MINUTE);

        // Row 1, read independently of the importer.
        String[] f;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            assertTrue(r.readLine().startsWith("open_time,"));
            f = r.readLine().split(",");
        }
        assertEquals(Long.parseLong(f[0]), c.openTime(0));
        assertEquals(Double.parseDouble(f[1]), c.open(0));
        assertEquals(Double.parseDouble(f[2]), c.high(0));
        assertEquals(Double.parseDouble(f[3]), c.low(0));
        assertEquals(Double.parseDouble(f[4]), c.close(0));
        assertEquals(Double.parseDouble(f[5]), c.volume(0));
        assertEquals(Long.parseLong(f[6]), c.closeTime(0));
        assertEquals(Double.parseDouble(f[7]), c.quoteVolume(0));
        assertEquals(Double.parseDouble(f[10]), c.takerBuyQuoteVolume(0));
        // And the last row.
        List<String> all = Files.readAllLines(file);
        String[] last = all.get(all.size() - 1).split(",");
        assertEquals(Double.parseDouble(last[4]), c.close(c.size() - 1));
        assertEquals(Double.parseDouble(last[10]), c.takerBuyQuoteVolume(c.size() - 1));
    }

    @Test
    void avaxRowOneHasTheValuesInTheFile() {
        CandleSeries c = BinanceVisionImporter.klines(TestSupport.sharedFile("binance_um_AVAXUSDT-1m-2026-06.csv"));
        // 1780272000000,8.9810,8.9820,8.9710,8.9740,17315,1780272059999,155466.8640,397,7701,69159.0090,0
        assertEquals(8.9810, c.open(0));
        assertEquals(8.9820, c.high(0));
        assertEquals(8.9710, c.low(0));
        assertEquals(8.9740, c.close(0));
        assertEquals(17315.0, c.volume(0));
        assertEquals(155466.8640, c.quoteVolume(0));
        assertEquals(69159.0090, c.takerBuyQuoteVolume(0));
    }

    @Test
    void webSocketCaptureTrades() {
        TradeSeries btc = WsCaptureImporter.trades(TestSupport.sharedFile("hftbacktest_usdm_btcusdt_20240808.gz"), "btcusdt");
        assertEquals(21_313, btc.size());
        assertEquals("BTCUSDT", btc.symbol());
        // The first trade of the capture (line 3).
        assertEquals(1723161256322L, btc.time(0));
        assertEquals(61800.30, btc.price(0));
        assertEquals(0.006, btc.quantity(0));
        assertFalse(btc.buyerIsMaker(0));
        assertTrue(btc.time(btc.size() - 1) < 1723248000000L, "ends before 2024-08-09 00:00 UTC");

        TradeSeries eth = WsCaptureImporter.trades(TestSupport.sharedFile("hftbacktest_usdm_ethusdt_20240808.gz"), null);
        assertEquals(14_076, eth.size());
        assertEquals("ETHUSDT", eth.symbol());
    }

    @Test
    void priceAndOpenInterestFile() {
        PriceAndOpenInterest p = OiPriceFileImporter.read(TestSupport.sharedFile("binance_um_BTCUSDT_5m_oi_price_20260531-20260614.csv"));
        CandleSeries c = p.candles();
        OpenInterestSeries oi = p.openInterest();
        assertEquals("BTCUSDT", c.symbol());
        assertEquals(4032, c.size());
        assertEquals(4032, oi.size());
        assertEquals(5 * Intervals.MINUTE, c.intervalMs());
        assertEquals(1780239900000L, c.openTime(0));
        assertEquals(1781449200000L, c.openTime(c.size() - 1));
        assertEquals(73577.6, c.open(0));
        assertEquals(73637.4, c.high(0));
        assertEquals(73573.5, c.low(0));
        assertEquals(73618.3, c.close(0));
        assertTrue(Double.isNaN(c.volume(0)) && Double.isNaN(c.takerBuyQuoteVolume(0)), "no volume in the file");
        assertEquals(1780239900000L, oi.time(0));
        assertEquals(7711098708.096, oi.openInterestValue(0));
        assertTrue(Double.isNaN(oi.openInterest(0)), "no base-unit open interest in the file");
        assertEquals(6458250197.8557, oi.openInterestValue(oi.size() - 1));
    }

    @Test
    void liquidationAggregateHasItsSidesSwappedBack() {
        Path file = TestSupport.sharedFile("binance_forceorder_1m_agg_20241210.csv");
        List<LiquidationMinute> all = ForceOrderAggregateImporter.read(file, null);
        assertEquals(9870, all.size());
        // XRPUSDT,2024-12-10 11:02:46,0,1,0.0,5215.18078,...: the file's "short" column holds LONG liquidations.
        LiquidationMinute xrp = ForceOrderAggregateImporter.read(file, "XRPUSDT").get(0);
        assertEquals(1733828566000L, xrp.time());
        assertEquals(1, xrp.longsLiquidated());
        assertEquals(0, xrp.shortsLiquidated());
        assertEquals(5215.18078, xrp.longLiquidatedUsd());
        assertEquals(0.0, xrp.shortLiquidatedUsd());
        assertEquals(329, ForceOrderAggregateImporter.read(file, "BTCUSDT").size());
    }

    @Test
    void fileSourceOverTheSharedFolder() {
        MarketDataSource src = SourceSpec.parse("file:" + TestSupport.sharedData()).open();
        assertEquals("file", src.id());
        CandleSeries hourly = src.candles("AVAXUSDT", Intervals.HOUR, 1780272000000L, 1780272000000L + Intervals.DAY, CancelToken.NONE);
        assertEquals(24, hourly.size());
        CandleSeries minutes = BinanceVisionImporter.klines(TestSupport.sharedFile("binance_um_AVAXUSDT-1m-2026-06.csv"));
        assertEquals(minutes.open(0), hourly.open(0));
        assertEquals(minutes.close(59), hourly.close(0));
        double volume = 0;
        for (int i = 0; i < 60; i++) volume += minutes.volume(i);
        assertEquals(volume, hourly.volume(0), 1e-9);

        TradeSeries trades = src.trades("BTCUSDT", 0, Long.MAX_VALUE, CancelToken.NONE);
        assertEquals(21_313, trades.size());
        OpenInterestSeries oi = src.openInterest("BTCUSDT", 5 * Intervals.MINUTE, 0, Long.MAX_VALUE, CancelToken.NONE);
        assertEquals(4032, oi.size());
        CandleSeries btc5m = src.candles("BTCUSDT", 5 * Intervals.MINUTE, 0, Long.MAX_VALUE, CancelToken.NONE);
        assertEquals(4032, btc5m.size());
    }
}
