package org.liqlens.sources.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;
import org.liqlens.sources.live.CandleGapFiller;
import org.liqlens.sources.live.LiveConnection;

/**
 * Binance USDⓈ-M market streams over one combined-stream connection
 * ({@code <ws>/stream?streams=a/b/c}): {@code <symbol>@kline_1m}, {@code <symbol>@aggTrade} and
 * {@code !forceOrder@arr}. The liquidation stream is market-wide; events for other symbols are dropped unless
 * the subscription's symbol is {@value #ALL_SYMBOLS}. Frames are accepted with or without the combined-stream
 * envelope. Candles pass through a {@link CandleGapFiller} backed by REST klines.
 */
final class BinanceLiveFeed implements LiveConnection.Protocol {
    /** Subscribes to liquidations of every symbol (klines and trades need a real symbol). */
    static final String ALL_SYMBOLS = "*";

    private final String symbol;
    private final Set<LiveStream> streams;
    private final LiveListener listener;
    private final CandleGapFiller candles;

    private BinanceLiveFeed(String symbol, Set<LiveStream> streams, LiveListener listener, CandleGapFiller candles) {
        this.symbol = symbol;
        this.streams = streams;
        this.listener = listener;
        this.candles = candles;
    }

    static LiveSubscription open(BinanceFuturesClient rest, String symbol, Set<LiveStream> streams,
                                 LiveListener listener, long resumeAfterOpenTime) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no streams requested");
        }
        boolean all = ALL_SYMBOLS.equals(symbol.trim());
        if (all && !streams.equals(Set.of(LiveStream.LIQUIDATIONS))) {
            throw new IllegalArgumentException("'*' (all symbols) works only for liquidations");
        }
        String sym = all ? ALL_SYMBOLS : BinanceFuturesClient.normalise(symbol);
        String lower = sym.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        if (streams.contains(LiveStream.KLINE_1M)) names.add(lower + "@kline_1m");
        if (streams.contains(LiveStream.TRADES)) names.add(lower + "@aggTrade");
        if (streams.contains(LiveStream.LIQUIDATIONS)) names.add("!forceOrder@arr");
        String base = rest.settings().wsUrl().replaceAll("/+$", "");
        String url = base + "/stream?streams=" + String.join("/", names);

        CandleGapFiller filler = new CandleGapFiller(Intervals.MINUTE, resumeAfterOpenTime,
                (from, to) -> rest.klines(sym, Intervals.MINUTE, from, to, CancelToken.NONE), listener);
        BinanceLiveFeed feed = new BinanceLiveFeed(sym, streams, listener, filler);
        return new LiveConnection("binance-" + lower, url, rest.settings(), listener).start(feed);
    }

    @Override
    public List<String> subscribeMessages() {
        return List.of(); // the streams are in the URL
    }

    /**
     * Handles one frame. Anything but a documented event, or the reply to a control request, is thrown out as
     * a {@link PayloadException}, so that the connection reports it as unreadable rather than it vanishing.
     */
    @Override
    public void onMessage(String text) {
        JsonNode message = Json.parseMessage(text);
        if (!message.isObject()) {
            throw new PayloadException("expected an object");
        }
        JsonNode event = BinanceMessages.unwrap(message);
        if (!event.isObject()) {
            throw new PayloadException("expected an object in 'data'");
        }
        JsonNode type = event.get("e");
        if (type == null) {
            if (event.has("id")) {
                return; // a reply to a control request, e.g. {"result":null,"id":1}
            }
            throw new PayloadException("no event type 'e'");
        }
        switch (type.asText()) {
            case "kline" -> {
                if (streams.contains(LiveStream.KLINE_1M)) candles.accept(BinanceMessages.kline(event));
            }
            case "aggTrade", "trade" -> {
                if (streams.contains(LiveStream.TRADES)) listener.onTrade(BinanceMessages.trade(event, symbol));
            }
            case "forceOrder" -> {
                RealisedLiquidation l = BinanceMessages.forceOrder(event);
                if (ALL_SYMBOLS.equals(symbol) || l.symbol().equals(symbol)) listener.onLiquidation(l);
            }
            default -> throw new PayloadException("unknown event type '" + type.asText() + "'");
        }
    }
}
