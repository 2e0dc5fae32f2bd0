package org.liqlens.sources.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.Trade;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.live.LiveConnection;

/**
 * OKX public stream: {@code trades} of one instrument and the market-wide {@code liquidation-orders} of swaps
 * (filtered to the instrument). OKX closes a connection that is silent for 30 s, hence the {@code ping} text
 * heartbeat; its {@code pong} replies are ignored.
 */
final class OkxLiveFeed implements LiveConnection.Protocol {
    private final String instId;
    private final String symbol;
    private final OkxInstrument instrument;
    private final Set<LiveStream> streams;
    private final LiveListener listener;

    OkxLiveFeed(OkxInstrument instrument, Set<LiveStream> streams, LiveListener listener) {
        this.instId = instrument.instId();
        this.symbol = OkxSymbols.fromInstId(instId);
        this.instrument = instrument;
        this.streams = streams;
        this.listener = listener;
    }

    static LiveSubscription open(OkxClient rest, String symbol, Set<LiveStream> streams, LiveListener listener) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no streams requested");
        }
        if (streams.contains(LiveStream.KLINE_1M)) {
            throw new UnsupportedOperationException("OKX live candles are not offered; use trades or liquidations");
        }
        // The contract value is needed to read every size; fetch it before connecting so a bad symbol fails here.
        OkxInstrument inst = rest.instrument(OkxSymbols.toInstId(symbol), CancelToken.NONE);
        return new LiveConnection("okx-" + inst.instId(), rest.settings().wsUrl(), rest.settings(), listener)
                .start(new OkxLiveFeed(inst, streams, listener));
    }

    @Override
    public List<String> subscribeMessages() {
        ObjectNode msg = Json.MAPPER.createObjectNode().put("op", "subscribe");
        ArrayNode args = msg.putArray("args");
        if (streams.contains(LiveStream.TRADES)) args.addObject().put("channel", "trades").put("instId", instId);
        if (streams.contains(LiveStream.LIQUIDATIONS)) args.addObject().put("channel", "liquidation-orders").put("instType", "SWAP");
        return List.of(msg.toString());
    }

    @Override
    public String heartbeat() {
        return "ping";
    }

    @Override
    public void onMessage(String text) {
        if (text.equals("pong")) {
            return;
        }
        JsonNode m = Json.parseMessage(text);
        if (m.has("event")) {
            if (m.get("event").asText().equals("error")) {
                listener.onError(new SourceException("okx: subscription failed: " + m.path("code").asText() + " "
                        + m.path("msg").asText(), null, 0, m.path("code").asText(), m.path("msg").asText(), null));
            }
            return;
        }
        String channel = m.path("arg").path("channel").asText();
        JsonNode data = Json.array(m, "data");
        switch (channel) {
            case "trades" -> {
                for (JsonNode t : data) {
                    double px = Json.decimal(t, "px");
                    listener.onTrade(new Trade(symbol, Json.integer(t, "ts"), px,
                            instrument.baseQuantity(Json.decimal(t, "sz"), px), OkxClient.takerSold(Json.text(t, "side"))));
                }
            }
            case "liquidation-orders" -> {
                for (JsonNode group : data) {
                    if (!instId.equals(group.path("instId").asText())) {
                        continue;
                    }
                    for (JsonNode d : Json.array(group, "details")) {
                        listener.onLiquidation(OkxClient.liquidation(symbol, instrument, d));
                    }
                }
            }
            default -> { /* not ours */ }
        }
    }
}
