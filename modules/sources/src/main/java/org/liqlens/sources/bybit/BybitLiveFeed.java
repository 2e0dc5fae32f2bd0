package org.liqlens.sources.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.Side;
import org.liqlens.sources.Candle;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.Trade;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;
import org.liqlens.sources.live.CandleGapFiller;
import org.liqlens.sources.live.LiveConnection;

/**
 * Bybit v5 public linear stream: {@code kline.1.<SYM>}, {@code publicTrade.<SYM>}, {@code allLiquidation.<SYM>},
 * subscribed after connecting, with Bybit's {@code {"op":"ping"}} heartbeat.
 */
final class BybitLiveFeed implements LiveConnection.Protocol {
    private final String symbol;
    private final Set<LiveStream> streams;
    private final LiveListener listener;
    private final CandleGapFiller candles;

    BybitLiveFeed(String symbol, Set<LiveStream> streams, LiveListener listener, CandleGapFiller candles) {
        this.symbol = symbol;
        this.streams = streams;
        this.listener = listener;
        this.candles = candles;
    }

    static LiveSubscription open(BybitClient rest, String symbol, Set<LiveStream> streams, LiveListener listener,
                                 long resumeAfterOpenTime) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no streams requested");
        }
        String sym = BybitClient.normalise(symbol);
        CandleGapFiller filler = new CandleGapFiller(Intervals.MINUTE, resumeAfterOpenTime,
                (from, to) -> rest.klines(sym, Intervals.MINUTE, from, to, CancelToken.NONE), listener);
        return new LiveConnection("bybit-" + sym, rest.settings().wsUrl(), rest.settings(), listener)
                .start(new BybitLiveFeed(sym, streams, listener, filler));
    }

    @Override
    public List<String> subscribeMessages() {
        ObjectNode msg = Json.MAPPER.createObjectNode().put("op", "subscribe");
        ArrayNode args = msg.putArray("args");
        if (streams.contains(LiveStream.KLINE_1M)) args.add("kline.1." + symbol);
        if (streams.contains(LiveStream.TRADES)) args.add("publicTrade." + symbol);
        if (streams.contains(LiveStream.LIQUIDATIONS)) args.add("allLiquidation." + symbol);
        return List.of(msg.toString());
    }

    @Override
    public String heartbeat() {
        return "{\"op\":\"ping\"}";
    }

    @Override
    public void onMessage(String text) {
        JsonNode m = Json.parseMessage(text);
        JsonNode topicNode = m.get("topic");
        if (topicNode == null) {
            // Control replies: {"success":true,"op":"subscribe",...} or the pong.
            if (m.has("success") && !m.get("success").asBoolean()) {
                listener.onError(new SourceException("bybit: " + m.path("op").asText() + " failed: " + m.path("ret_msg").asText()));
            }
            return;
        }
        String topic = topicNode.asText();
        JsonNode data = Json.field(m, "data");
        if (topic.startsWith("kline.")) {
            for (JsonNode k : data) candles.accept(kline(k));
        } else if (topic.startsWith("publicTrade.")) {
            for (JsonNode t : data) {
                listener.onTrade(new Trade(Json.text(t, "s"), Json.integer(t, "T"), Json.decimal(t, "p"),
                        Json.decimal(t, "v"), BybitClient.takerSold(Json.text(t, "S"))));
            }
        } else if (topic.startsWith("allLiquidation.")) {
            for (JsonNode l : data) listener.onLiquidation(liquidation(l));
        }
    }

    Candle kline(JsonNode k) {
        long start = Json.integer(k, "start");
        return new Candle(symbol, Json.integer(k, "end") - start + 1, start, Json.decimal(k, "open"), Json.decimal(k, "high"),
                Json.decimal(k, "low"), Json.decimal(k, "close"), Json.decimal(k, "volume"), Json.decimal(k, "turnover"),
                Double.NaN, Json.bool(k, "confirm"));
    }

    /**
     * Unlike Binance, Bybit's {@code S} in {@code allLiquidation} is the side of the liquidated position:
     * "Buy" means a long was liquidated (Bybit v5 docs, All Liquidation).
     */
    static RealisedLiquidation liquidation(JsonNode l) {
        String s = Json.text(l, "S");
        Side side = switch (s) {
            case "Buy" -> Side.LONG;
            case "Sell" -> Side.SHORT;
            default -> throw new PayloadException("liquidation side is '" + s + "', not Buy or Sell");
        };
        return new RealisedLiquidation(Json.integer(l, "T"), Json.text(l, "s"), side, Json.decimal(l, "p"), Json.decimal(l, "v"));
    }
}
