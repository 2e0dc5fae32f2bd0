package org.liqlens.sources;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liqlens.sources.binance.BinanceSource;
import org.liqlens.sources.file.FileSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceSpecTest {

    @Test
    void parsesEveryForm() {
        assertEquals("binance", SourceSpec.parse("binance").id());
        assertEquals("bybit", SourceSpec.parse(" Bybit ").id());
        assertEquals("okx", SourceSpec.parse("OKX").toString());
        SourceSpec file = SourceSpec.parse("file:/data/klines");
        assertEquals("file", file.id());
        assertEquals(Path.of("/data/klines"), file.path());
        assertEquals(Path.of("C:\\data"), SourceSpec.parse("file:C:\\data").path(), "only the first colon separates");
        assertEquals(SourceSpec.DEFAULT_SIM_SEED, SourceSpec.parse("sim").seed());
        assertEquals(42, SourceSpec.parse("sim:42").seed());
        assertEquals("sim:42", SourceSpec.parse("sim:42").toString());
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("file:"));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("sim:abc"));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("bin ance"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("kraken").open());
        assertTrue(e.getMessage().contains("kraken") && e.getMessage().contains("binance"), e.getMessage());
    }

    @Test
    void allIsTheCombinedSourceOfTheThreeExchanges() {
        SourceSpec all = SourceSpec.parse(" ALL ");
        assertTrue(all.isCombined());
        assertEquals("all", all.toString());
        assertEquals(List.of("binance", "bybit", "okx"), all.members().stream().map(SourceSpec::id).toList());
        assertFalse(SourceSpec.parse("binance").isCombined());
        assertTrue(SourceSpec.parse("binance").members().isEmpty());
        // a subset, in the canonical order whatever the order given
        SourceSpec two = SourceSpec.parse("all:OKX, binance");
        assertEquals("all:binance,okx", two.toString());
        assertEquals(List.of("binance", "okx"), two.members().stream().map(SourceSpec::id).toList());
        assertEquals("all", SourceSpec.parse("all:okx,bybit,binance").toString(), "naming all three is plain all");
        // members carry the cache and the time bound, never a URL
        SourceSpec configured = all.withCacheDir(Path.of("/tmp/c")).withTimeout(java.time.Duration.ofSeconds(9));
        for (SourceSpec m : configured.members()) {
            assertEquals(Path.of("/tmp/c"), m.cacheDir().orElseThrow());
            assertEquals(java.time.Duration.ofSeconds(9), m.timeout().orElseThrow());
            assertTrue(m.baseUrl().isEmpty());
        }
    }

    @Test
    void allRefusesWhatItCannotMean() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("all:binance,kraken"));
        assertTrue(e.getMessage().contains("'kraken' is not an exchange it can combine"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("all:okx"));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("all:okx,okx"));
        assertTrue(e.getMessage().contains("okx is named twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("all").withBaseUrl("http://127.0.0.1:9/"));
        assertTrue(e.getMessage().contains("each exchange has one"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("all").open());
        assertTrue(e.getMessage().contains("WindowEstimator"), e.getMessage());
    }

    @Test
    void eachExchangeSourceDeclaresItsOwnLiquidationRule() {
        assertEquals(org.liqlens.engine.liq.LiquidationRule.BINANCE, SourceSpec.parse("binance").open().liquidationRule());
        assertEquals(org.liqlens.engine.liq.LiquidationRule.BYBIT, SourceSpec.parse("bybit").open().liquidationRule());
        assertEquals(org.liqlens.engine.liq.LiquidationRule.OKX, SourceSpec.parse("okx").open().liquidationRule());
        assertEquals(org.liqlens.engine.liq.LiquidationRule.BINANCE, SourceSpec.parse("sim").open().liquidationRule());
    }

    @Test
    void serviceLoaderFindsTheBuiltInSources() {
        List<String> ids = MarketDataSources.ids();
        assertTrue(ids.containsAll(List.of("binance", "bybit", "okx", "file")), ids.toString());
        for (MarketDataSource s : MarketDataSources.installed()) {
            assertFalse(s.displayName().isBlank());
            assertFalse(s.historicalData().isEmpty());
        }
    }

    @Test
    void openAppliesOptionsToACopy() {
        MarketDataSource registered = MarketDataSources.find("binance").orElseThrow();
        MarketDataSource configured = SourceSpec.parse("binance").withBaseUrl("http://127.0.0.1:9/")
                .withWsUrl("ws://127.0.0.1:9").withCacheDir(Path.of("/tmp/liqlens-cache")).open();
        BinanceSource b = assertInstanceOf(BinanceSource.class, configured);
        assertNotSame(registered, configured);
        assertEquals("http://127.0.0.1:9/", b.settings().baseUrl().toString());
        assertEquals("ws://127.0.0.1:9", b.settings().wsUrl());
        assertEquals(Path.of("/tmp/liqlens-cache"), b.cache().orElseThrow().root());
        assertEquals("https://fapi.binance.com/", ((BinanceSource) registered).settings().baseUrl().toString());

        MarketDataSource files = SourceSpec.parse("file:/some/where").open();
        assertInstanceOf(FileSource.class, files);
        assertTrue(files.displayName().contains("/some/where"));
    }

    @Test
    void unsupportedDataSaysWhichSourceLacksIt() {
        MarketDataSource binance = MarketDataSources.find("binance").orElseThrow();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> binance.liquidations("BTCUSDT", 0, 1, CancelToken.NONE));
        assertTrue(e.getMessage().startsWith("Binance"), e.getMessage());
        assertFalse(binance.historicalData().contains(DataKind.LIQUIDATIONS));
        assertTrue(binance.liveStreams().contains(LiveStream.LIQUIDATIONS));
    }

    @Test
    void intervals() {
        assertEquals(60_000L, Intervals.parse("1m"));
        assertEquals(4 * Intervals.HOUR, Intervals.parse("4h"));
        assertEquals("1d", Intervals.format(Intervals.DAY));
        assertEquals("15m", Intervals.format(15 * Intervals.MINUTE));
        assertThrows(IllegalArgumentException.class, () -> Intervals.parse("1M"));
    }
}
