package org.liqlens.sources.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.InstrumentInfo;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.collect.CandleRows;
import org.liqlens.sources.collect.OpenInterestRows;
import org.liqlens.sources.collect.TradeRows;
import org.liqlens.sources.http.ClientSettings;
import org.liqlens.sources.http.HttpFetcher;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;

/**
 * OKX v5 public REST API for perpetual swaps. OKX lists newest first and pages backwards with {@code after}
 * ("records earlier than"). Sizes come in contracts and are converted to base units with the instrument's
 * {@code ctVal} ({@link #instrument}, fetched once per instrument and cached).
 */
public final class OkxClient {
    public static final String DEFAULT_BASE_URL = "https://www.okx.com";
    public static final String DEFAULT_WS_URL = "wss://ws.okx.com:8443/ws/v5/public";

    static final int CANDLES_LIMIT = 300;
    static final int HISTORY_CANDLES_LIMIT = 100;
    /** {@code /market/candles} serves only the latest 1440 bars; older ones come from {@code history-candles}. */
    static final int RECENT_CANDLE_BARS = 1440;
    static final int OPEN_INTEREST_LIMIT = 100;
    static final int RECENT_TRADES_LIMIT = 500;
    static final int HISTORY_TRADES_LIMIT = 100;
    static final int LIQUIDATIONS_LIMIT = 100;

    /** Bars of a day or more use the UTC-aligned variants; plain {@code 1D} is aligned to UTC+8. */
    private static final Map<Long, String> BARS = new LinkedHashMap<>();
    private static final Map<Long, String> OPEN_INTEREST_PERIODS = new LinkedHashMap<>();

    static {
        BARS.put(Intervals.MINUTE, "1m");
        BARS.put(3 * Intervals.MINUTE, "3m");
        BARS.put(5 * Intervals.MINUTE, "5m");
        BARS.put(15 * Intervals.MINUTE, "15m");
        BARS.put(30 * Intervals.MINUTE, "30m");
        BARS.put(Intervals.HOUR, "1H");
        BARS.put(2 * Intervals.HOUR, "2H");
        BARS.put(4 * Intervals.HOUR, "4H");
        BARS.put(6 * Intervals.HOUR, "6Hutc");
        BARS.put(12 * Intervals.HOUR, "12Hutc");
        BARS.put(Intervals.DAY, "1Dutc");
        BARS.put(Intervals.WEEK, "1Wutc");
        for (Map.Entry<Long, String> e : BARS.entrySet()) {
            if (e.getKey() >= 5 * Intervals.MINUTE && e.getKey() != 3 * Intervals.MINUTE) {
                OPEN_INTEREST_PERIODS.put(e.getKey(), e.getValue());
            }
        }
    }

    private final ClientSettings settings;
    private final HttpFetcher http;
    private final Map<String, OkxInstrument> instruments = new ConcurrentHashMap<>();

    public OkxClient() {
        this(defaultSettings());
    }

    public OkxClient(ClientSettings settings) {
        this.settings = settings;
        this.http = new HttpFetcher("okx", settings, OkxErrors.INSTANCE);
    }

    public static ClientSettings defaultSettings() {
        return ClientSettings.of(DEFAULT_BASE_URL, DEFAULT_WS_URL);
    }

    public ClientSettings settings() {
        return settings;
    }

    /** The instrument ({@code GET /api/v5/public/instruments}), cached for the life of this client. */
    public OkxInstrument instrument(String instId, CancelToken cancel) {
        OkxInstrument cached = instruments.get(instId);
        if (cached != null) {
            return cached;
        }
        HttpUrl url = endpoint("api/v5/public/instruments").addQueryParameter("instType", "SWAP")
                .addQueryParameter("instId", instId).build();
        OkxInstrument found = http.get(url, cancel, body -> {
            JsonNode data = Json.array(body, "data");
            if (data.isEmpty()) {
                throw new PayloadException("OKX lists no SWAP instrument " + instId);
            }
            return parseInstrument(data.get(0));
        });
        instruments.put(instId, found);
        return found;
    }

    /** All perpetual swaps, for symbol lists; also fills the contract-value cache. */
    public List<InstrumentInfo> instruments(CancelToken cancel) {
        HttpUrl url = endpoint("api/v5/public/instruments").addQueryParameter("instType", "SWAP").build();
        return http.get(url, cancel, body -> {
            List<InstrumentInfo> list = new ArrayList<>();
            for (JsonNode d : Json.array(body, "data")) {
                OkxInstrument i = parseInstrument(d);
                instruments.put(i.instId(), i);
                String[] parts = i.instId().split("-");
                list.add(new InstrumentInfo(OkxSymbols.fromInstId(i.instId()), i.instId(), parts[0],
                        parts.length > 1 ? parts[1] : "", i.tickSize(), i.lotSize() * i.contractValue(),
                        i.contractValue(), i.state()));
            }
            return list;
        });
    }

    private static OkxInstrument parseInstrument(JsonNode d) {
        return new OkxInstrument(Json.text(d, "instId"), Json.decimal(d, "ctVal"), d.path("ctValCcy").asText(),
                d.path("ctType").asText(), Json.decimalOrNaN(d, "tickSz"), Json.decimalOrNaN(d, "lotSz"),
                d.path("state").asText());
    }

    /**
     * Closed candles with open time in {@code [fromMs, toMs)}: {@code /market/candles} when the range lies in
     * its latest 1440 bars, else {@code /market/history-candles}. Rows are
     * {@code [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]}; for swaps {@code volCcy} is base currency and
     * {@code volCcyQuote} quote currency. Unconfirmed rows ({@code confirm=0}) are left out. No taker split:
     * taker-buy volume is {@link Double#NaN}.
     */
    public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String bar = param(BARS, intervalMs, "bar");
        String instId = OkxSymbols.toInstId(symbol);
        long now = settings.clock().millis();
        boolean recent = fromMs >= now - RECENT_CANDLE_BARS * intervalMs;
        String path = recent ? "api/v5/market/candles" : "api/v5/market/history-candles";
        int limit = recent ? CANDLES_LIMIT : HISTORY_CANDLES_LIMIT;
        CandleRows rows = new CandleRows();
        long after = toMs;
        boolean askedAgain = false;
        while (after > fromMs) {
            cancel.throwIfCancelled();
            HttpUrl url = endpoint(path).addQueryParameter("instId", instId).addQueryParameter("bar", bar)
                    .addQueryParameter("after", Long.toString(after))
                    .addQueryParameter("before", Long.toString(fromMs - 1))
                    .addQueryParameter("limit", Integer.toString(limit)).build();
            long oldest = http.get(url, cancel, body -> {
                long min = Long.MAX_VALUE;
                for (JsonNode r : Json.array(body, "data")) {
                    long t = Json.integer(r, 0);
                    min = Math.min(min, t);
                    boolean confirmed = r.size() < 9 || !"0".equals(Json.text(r, 8));
                    if (!confirmed || t < fromMs || t >= toMs || t + intervalMs - 1 >= now) {
                        continue;
                    }
                    double quote = r.size() > 7 ? Json.decimal(r, 7) : Double.NaN;
                    try {
                        rows.add(t, Json.decimal(r, 1), Json.decimal(r, 2), Json.decimal(r, 3), Json.decimal(r, 4),
                                Json.decimal(r, 6), quote, Double.NaN, Double.NaN);
                    } catch (IllegalArgumentException e) {
                        throw new PayloadException("candle (ts " + t + "): " + e.getMessage());
                    }
                }
                return min;
            });
            if (oldest == Long.MAX_VALUE && !askedAgain) {
                askedAgain = true; // one empty answer may be transient: the end only when a second agrees
                continue;
            }
            if (oldest == Long.MAX_VALUE || oldest <= fromMs) {
                break;
            }
            askedAgain = false;
            after = advance(after, oldest, url);
        }
        try {
            return rows.build(OkxSymbols.fromInstId(instId), intervalMs);
        } catch (IllegalArgumentException e) {
            throw new SourceException("okx: invalid candle for " + instId + ": " + e.getMessage());
        }
    }

    /**
     * Open interest ({@code GET /api/v5/rubik/stat/contracts/open-interest-history}), rows
     * {@code [ts, oi, oiCcy, oiUsd]}: open interest in base currency ({@code oiCcy}) and its USD value
     * ({@code oiUsd}). OKX serves only the latest 1440 samples per period.
     */
    public OpenInterestSeries openInterestHistory(String symbol, long periodMs, long fromMs, long toMs, CancelToken cancel) {
        String period = param(OPEN_INTEREST_PERIODS, periodMs, "open-interest period");
        String instId = OkxSymbols.toInstId(symbol);
        OpenInterestRows rows = new OpenInterestRows();
        long end = toMs;
        while (end > fromMs) {
            cancel.throwIfCancelled();
            HttpUrl url = endpoint("api/v5/rubik/stat/contracts/open-interest-history").addQueryParameter("instId", instId)
                    .addQueryParameter("period", period).addQueryParameter("end", Long.toString(end))
                    .addQueryParameter("begin", Long.toString(fromMs - 1))
                    .addQueryParameter("limit", Integer.toString(OPEN_INTEREST_LIMIT)).build();
            long oldest = http.get(url, cancel, body -> {
                long min = Long.MAX_VALUE;
                for (JsonNode r : Json.array(body, "data")) {
                    long t = Json.integer(r, 0);
                    min = Math.min(min, t);
                    if (t >= fromMs && t < toMs) {
                        rows.add(t, Json.decimal(r, 2), Json.decimal(r, 3));
                    }
                }
                return min;
            });
            if (oldest == Long.MAX_VALUE || oldest <= fromMs) {
                break;
            }
            end = advance(end, oldest, url);
        }
        return rows.build(OkxSymbols.fromInstId(instId), periodMs);
    }

    /**
     * Trades in {@code [fromMs, toMs)}, quantities in base units ({@code sz × ctVal}). A range reaching the
     * present starts from {@code /market/trades}; an older one jumps to its end with
     * {@code /market/history-trades?type=2&after=toMs}. Either way it then walks back by trade id
     * ({@code type=1}), which cannot skip or repeat trades that share a millisecond. If OKX's history
     * (about three months) ends before {@code fromMs}, this throws instead of returning a shortened series.
     */
    public TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String instId = OkxSymbols.toInstId(symbol);
        OkxInstrument inst = instrument(instId, cancel);
        TradeRows rows = new TradeRows();
        long now = settings.clock().millis();
        HttpUrl first = toMs >= now
                ? endpoint("api/v5/market/trades").addQueryParameter("instId", instId)
                        .addQueryParameter("limit", Integer.toString(RECENT_TRADES_LIMIT)).build()
                : endpoint("api/v5/market/history-trades").addQueryParameter("instId", instId)
                        .addQueryParameter("type", "2").addQueryParameter("after", Long.toString(toMs))
                        .addQueryParameter("limit", Integer.toString(HISTORY_TRADES_LIMIT)).build();
        long[] firstPage = http.get(first, cancel, body -> addTrades(body, inst, rows, fromMs, toMs));
        long minId = firstPage[0];
        long minTime = firstPage[1];
        while (minTime >= fromMs) {
            if (minId == Long.MAX_VALUE) {
                throw new SourceException("okx: no trades of " + instId + " are served before " + toMs
                        + "; the requested range starts at " + fromMs, HttpFetcher.redact(first), 200, null, null, null);
            }
            cancel.throwIfCancelled();
            HttpUrl url = endpoint("api/v5/market/history-trades").addQueryParameter("instId", instId)
                    .addQueryParameter("type", "1").addQueryParameter("after", Long.toString(minId))
                    .addQueryParameter("limit", Integer.toString(HISTORY_TRADES_LIMIT)).build();
            long[] page = http.get(url, cancel, body -> addTrades(body, inst, rows, fromMs, toMs));
            if (page[0] == Long.MAX_VALUE) {
                if (minTime == fromMs) {
                    break; // history ends exactly at the start of the range
                }
                throw new SourceException("okx: trade history of " + instId + " ends at " + minTime
                        + ", after the requested start " + fromMs + " (OKX keeps about three months)",
                        HttpFetcher.redact(url), 200, null, null, null);
            }
            if (page[0] >= minId) {
                throw new SourceException("okx: trade paging did not move back at " + HttpFetcher.redact(url));
            }
            minId = page[0];
            minTime = Math.min(minTime, page[1]);
        }
        try {
            return rows.build(OkxSymbols.fromInstId(instId));
        } catch (IllegalArgumentException e) {
            throw new SourceException("okx: invalid trade for " + instId + ": " + e.getMessage());
        }
    }

    /** Adds a page of trades; returns {smallest trade id, smallest time}, both MAX_VALUE for an empty page. */
    private static long[] addTrades(JsonNode body, OkxInstrument inst, TradeRows rows, long fromMs, long toMs) {
        long minId = Long.MAX_VALUE;
        long minTime = Long.MAX_VALUE;
        for (JsonNode r : Json.array(body, "data")) {
            long id = Json.integer(r, "tradeId");
            long t = Json.integer(r, "ts");
            minId = Math.min(minId, id);
            minTime = Math.min(minTime, t);
            if (t >= fromMs && t < toMs) {
                double px = Json.decimal(r, "px");
                rows.add(id, t, px, inst.baseQuantity(Json.decimal(r, "sz"), px), takerSold(Json.text(r, "side")));
            }
        }
        return new long[]{minId, minTime};
    }

    /**
     * Filled liquidation orders ({@code GET /api/v5/public/liquidation-orders}) in {@code [fromMs, toMs)},
     * oldest first, size in base units, price the bankruptcy price {@code bkPx}. OKX keeps about the last
     * seven days and publishes only part of its liquidations; what it serves is what is returned.
     */
    public List<RealisedLiquidation> liquidations(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String instId = OkxSymbols.toInstId(symbol);
        OkxInstrument inst = instrument(instId, cancel);
        String sym = OkxSymbols.fromInstId(instId);
        List<RealisedLiquidation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long after = toMs;
        boolean askedAgain = false;
        while (after > fromMs) {
            cancel.throwIfCancelled();
            HttpUrl url = endpoint("api/v5/public/liquidation-orders").addQueryParameter("instType", "SWAP")
                    .addQueryParameter("instFamily", OkxSymbols.family(instId)).addQueryParameter("state", "filled")
                    .addQueryParameter("after", Long.toString(after))
                    .addQueryParameter("limit", Integer.toString(LIQUIDATIONS_LIMIT)).build();
            long[] page = http.get(url, cancel, body -> {
                long min = Long.MAX_VALUE;
                int added = 0;
                for (JsonNode group : Json.array(body, "data")) {
                    if (!instId.equals(group.path("instId").asText(instId))) {
                        continue;
                    }
                    for (JsonNode d : Json.array(group, "details")) {
                        long t = Json.integer(d, "ts");
                        min = Math.min(min, t);
                        // Pages overlap by one millisecond (see below), so identical rows are counted once.
                        if (t >= fromMs && t < toMs && seen.add(d.toString())) {
                            out.add(liquidation(sym, inst, d));
                            added++;
                        }
                    }
                }
                return new long[]{min, added};
            });
            if (page[0] == Long.MAX_VALUE || page[0] < fromMs) {
                break;
            }
            // "after" is exclusive. Restarting one millisecond above the oldest row keeps liquidations of that
            // same millisecond that the page limit cut off; a page that brought nothing new moves fully past it.
            long next = page[0] + 1;
            if (next >= after || page[1] == 0) {
                next = page[0];
            }
            if (next <= fromMs) {
                break;
            }
            after = next;
        }
        out.sort((a, b) -> Long.compare(a.time(), b.time()));
        return out;
    }

    /**
     * One liquidation detail. {@code posSide} names the liquidated position in hedge mode; in net mode
     * ({@code posSide=net}) a sell order closes a long and a buy order a short.
     */
    static RealisedLiquidation liquidation(String symbol, OkxInstrument inst, JsonNode d) {
        String posSide = d.path("posSide").asText("");
        Side side = switch (posSide) {
            case "long" -> Side.LONG;
            case "short" -> Side.SHORT;
            default -> switch (Json.text(d, "side")) {
                case "sell" -> Side.LONG;
                case "buy" -> Side.SHORT;
                default -> throw new PayloadException("liquidation has neither posSide long/short nor side buy/sell");
            };
        };
        double price = Json.decimal(d, "bkPx");
        return new RealisedLiquidation(Json.integer(d, "ts"), symbol, side, price, inst.baseQuantity(Json.decimal(d, "sz"), price));
    }

    /** OKX's trade {@code side} is the taker's. */
    static boolean takerSold(String side) {
        return switch (side) {
            case "sell" -> true;
            case "buy" -> false;
            default -> throw new PayloadException("trade side is '" + side + "', not buy or sell");
        };
    }

    private static long advance(long cursor, long oldest, HttpUrl url) {
        if (oldest >= cursor) {
            throw new SourceException("okx: paging did not move back in time at " + HttpFetcher.redact(url));
        }
        return oldest;
    }

    private HttpUrl.Builder endpoint(String path) {
        return settings.baseUrl().newBuilder().addPathSegments(path);
    }

    private static String param(Map<Long, String> allowed, long ms, String what) {
        String p = allowed.get(ms);
        if (p == null) {
            throw new IllegalArgumentException("OKX has no " + what + " of " + Intervals.format(ms) + "; supported: "
                    + allowed.keySet().stream().map(Intervals::format).toList());
        }
        return p;
    }
}
