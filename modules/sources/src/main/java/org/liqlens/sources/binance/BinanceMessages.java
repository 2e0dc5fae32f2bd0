package org.liqlens.sources.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.Side;
import org.liqlens.sources.Candle;
import org.liqlens.sources.Trade;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;

/**
 * Binance USDⓈ-M message shapes, shared by the REST client, the WebSocket feed and the capture-file importer.
 */
public final class BinanceMessages {

    private BinanceMessages() { }

    /**
     * The event inside a combined-stream envelope {@code {"stream":..., "data":{...}}}, or the message itself
     * when it came from a bare {@code /ws/<stream>} connection.
     */
    public static JsonNode unwrap(JsonNode message) {
        JsonNode data = message.get("data");
        return data != null && message.has("stream") ? data : message;
    }

    /**
     * An aggregated trade, REST {@code /fapi/v1/aggTrades} row or {@code @aggTrade} event (same letters), or a raw
     * {@code @trade} event: price {@code p}, quantity {@code q}, trade time {@code T}, buyer-is-maker {@code m}.
     */
    public static Trade trade(JsonNode t, String symbol) {
        return new Trade(symbol, Json.integer(t, "T"), Json.decimal(t, "p"), Json.decimal(t, "q"), Json.bool(t, "m"));
    }

    /** A {@code @kline_<interval>} event. */
    public static Candle kline(JsonNode event) {
        JsonNode k = Json.field(event, "k");
        long open = Json.integer(k, "t");
        long closeTime = Json.integer(k, "T");
        return new Candle(Json.text(k, "s"), closeTime - open + 1, open,
                Json.decimal(k, "o"), Json.decimal(k, "h"), Json.decimal(k, "l"), Json.decimal(k, "c"),
                Json.decimal(k, "v"), Json.decimal(k, "q"), Json.decimalOrNaN(k, "Q"), Json.bool(k, "x"));
    }

    /**
     * A {@code forceOrder} event. A SELL force order closes a long, a BUY one a short. Price is the average
     * fill price {@code ap} (the order's limit {@code p} when nothing has filled yet); quantity is the filled
     * amount {@code z} (the order quantity {@code q} when {@code z} is absent).
     */
    public static RealisedLiquidation forceOrder(JsonNode event) {
        JsonNode o = Json.field(event, "o");
        String side = Json.text(o, "S");
        Side liquidated = switch (side) {
            case "SELL" -> Side.LONG;
            case "BUY" -> Side.SHORT;
            default -> throw new PayloadException("force order side is '" + side + "', not BUY or SELL");
        };
        double avg = Json.decimalOrNaN(o, "ap");
        double price = avg > 0 ? avg : Json.decimal(o, "p");
        double filled = Json.decimalOrNaN(o, "z");
        double qty = filled > 0 ? filled : Json.decimal(o, "q");
        return new RealisedLiquidation(Json.integer(o, "T"), Json.text(o, "s"), liquidated, price, qty);
    }
}
