package org.liqlens.sources.binance;

import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.Side;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.Trade;
import org.liqlens.sources.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceMessagesTest {

    private static com.fasterxml.jackson.databind.JsonNode event(String payload) {
        return BinanceMessages.unwrap(Json.parseMessage(TestSupport.payload(payload)));
    }

    @Test
    void forceOrderInEnvelopeWithPartialFill() {
        RealisedLiquidation l = BinanceMessages.forceOrder(event("binance_ws_forceOrder_sdk.json"));
        assertEquals("IOTXUSDT", l.symbol());
        assertEquals(Side.LONG, l.liquidatedSide());
        assertEquals(0.06669, l.price(), "average fill price");
        assertEquals(3661.0, l.quantity(), "accumulated filled quantity z");
        assertEquals(1634653599180L, l.time());
    }

    @Test
    void forceOrderWithNewerFields() {
        RealisedLiquidation l = BinanceMessages.forceOrder(event("binance_ws_forceOrder_recorded.json"));
        assertEquals("STGUSDT", l.symbol());
        assertEquals(0.1355, l.price());
        assertEquals(5.0, l.quantity());
        assertEquals(1786172556607L, l.time());
    }

    @Test
    void officialAggTradeAndRealTradeMessages() {
        Trade a = BinanceMessages.trade(event("binance_ws_aggTrade_official.json"), "BTCUSDT");
        assertEquals(123456785L, a.time());
        assertEquals(0.001, a.price());
        assertEquals(100.0, a.quantity());
        assertTrue(a.buyerIsMaker());
        Trade c = BinanceMessages.trade(event("binance_ws_aggTrade_cryptofeed.json"), "CTKUSDT");
        assertEquals(1626992741421L, c.time());
        assertFalse(c.buyerIsMaker());
        Trade t = BinanceMessages.trade(event("binance_ws_trade_capture.json"), "BTCUSDT");
        assertEquals(61800.30, t.price());
        assertEquals(0.006, t.quantity());
        assertEquals(1723161256322L, t.time());
    }
}
