package org.liqlens.sources.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
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
 * Bybit v5 public REST API, USDT linear perpetuals ({@code category=linear}). Bybit lists newest first; pages
 * are walked backwards with the {@code end} cursor, which stays correct even if Bybit returns fewer rows than
 * asked for.
 */
public final class BybitClient {
    public static final String DEFAULT_BASE_URL = "https://api.bybit.com";
    public static final String DEFAULT_WS_URL = "wss://stream.bybit.com/v5/public/linear";

    static final int KLINE_LIMIT = 1000;
    static final int OPEN_INTEREST_LIMIT = 200;
    static final int RECENT_TRADES_LIMIT = 1000;

    private static final Map<Long, String> KLINE_INTERVALS = new LinkedHashMap<>();
    private static final Map<Long, String> OPEN_INTEREST_INTERVALS = new LinkedHashMap<>();

    static {
        for (String m : new String[]{"1", "3", "5", "15", "30", "60", "120", "240", "360", "720"}) {
            KLINE_INTERVALS.put(Long.parseLong(m) * Intervals.MINUTE, m);
        }
        KLINE_INTERVALS.put(Intervals.DAY, "D");
        KLINE_INTERVALS.put(Intervals.WEEK, "W");
        OPEN_INTEREST_INTERVALS.put(5 * Intervals.MINUTE, "5min");
        OPEN_INTEREST_INTERVALS.put(15 * Intervals.MINUTE, "15min");
        OPEN_INTEREST_INTERVALS.put(30 * Intervals.MINUTE, "30min");
        OPEN_INTEREST_INTERVALS.put(Intervals.HOUR, "1h");
        OPEN_INTEREST_INTERVALS.put(4 * Intervals.HOUR, "4h");
        OPEN_INTEREST_INTERVALS.put(Intervals.DAY, "1d");
    }

    private final ClientSettings settings;
    private final HttpFetcher http;

    public BybitClient() {
        this(defaultSettings());
    }

    public BybitClient(ClientSettings settings) {
        this.settings = settings;
        this.http = new HttpFetcher("bybit", settings, BybitErrors.INSTANCE);
    }

    public static ClientSettings defaultSettings() {
        return ClientSettings.of(DEFAULT_BASE_URL, DEFAULT_WS_URL);
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * Closed candles ({@code GET /v5/market/kline}) with open time in {@code [fromMs, toMs)}. Bybit rows are
     * {@code [start, open, high, low, close, volume, turnover]}: volume is in base coin for linear contracts,
     * turnover in quote. Bybit has no taker split, so taker-buy volume is {@link Double#NaN}.
     */
    public CandleSeries klines(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String interval = param(KLINE_INTERVALS, intervalMs, "kline interval");
        String sym = normalise(symbol);
        long now = settings.clock().millis();
        CandleRows rows = new CandleRows();
        pageBackwards(fromMs, toMs, cancel,
                end -> endpoint("v5/market/kline").addQueryParameter("category", "linear")
                        .addQueryParameter("symbol", sym).addQueryParameter("interval", interval)
                        .addQueryParameter("start", Long.toString(fromMs)).addQueryParameter("end", Long.toString(end))
                        .addQueryParameter("limit", Integer.toString(KLINE_LIMIT)).build(),
                (body, pageEnd) -> {
                    long min = Long.MAX_VALUE;
                    for (JsonNode r : list(body)) {
                        long t = Json.integer(r, 0);
                        min = Math.min(min, t);
                        if (t < fromMs || t > pageEnd || t + intervalMs - 1 >= now) {
                            continue;
                        }
                        try {
                            rows.add(t, Json.decimal(r, 1), Json.decimal(r, 2), Json.decimal(r, 3), Json.decimal(r, 4),
                                    Json.decimal(r, 5), Json.decimal(r, 6), Double.NaN, Double.NaN);
                        } catch (IllegalArgumentException e) {
                            throw new PayloadException("kline (start " + t + "): " + e.getMessage());
                        }
                    }
                    return min;
                });
        return build(rows, sym, intervalMs);
    }

    /**
     * Open interest ({@code GET /v5/market/open-interest}). Bybit reports it in base coin only, so the value
     * is derived: {@code openInterest × price at the sample time}, the price being the close of the candle of
     * the same interval that ends at the sample's timestamp (the open of the candle starting there when that
     * one is missing, {@link Double#NaN} when neither exists).
     */
    public OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String intervalTime = param(OPEN_INTEREST_INTERVALS, intervalMs, "open-interest interval");
        String sym = normalise(symbol);
        OpenInterestRows rows = new OpenInterestRows();
        pageBackwards(fromMs, toMs, cancel,
                end -> endpoint("v5/market/open-interest").addQueryParameter("category", "linear")
                        .addQueryParameter("symbol", sym).addQueryParameter("intervalTime", intervalTime)
                        .addQueryParameter("startTime", Long.toString(fromMs)).addQueryParameter("endTime", Long.toString(end))
                        .addQueryParameter("limit", Integer.toString(OPEN_INTEREST_LIMIT)).build(),
                (body, pageEnd) -> {
                    long min = Long.MAX_VALUE;
                    for (JsonNode r : list(body)) {
                        long t = Json.integer(r, "timestamp");
                        min = Math.min(min, t);
                        if (t >= fromMs && t <= pageEnd) {
                            rows.add(t, Json.decimal(r, "openInterest"), Double.NaN);
                        }
                    }
                    return min;
                });
        OpenInterestSeries base = rows.build(sym, intervalMs);
        if (base.size() == 0) {
            return base;
        }
        CandleSeries prices = klines(sym, intervalMs, base.time(0) - intervalMs, base.time(base.size() - 1) + 1, cancel);
        long[] t = base.times().clone();
        double[] oi = new double[t.length];
        double[] value = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            oi[i] = base.openInterest(i);
            value[i] = oi[i] * priceAt(prices, t[i]);
        }
        return new OpenInterestSeries(sym, intervalMs, t, oi, value);
    }

    /** Reads one page: adds its rows in {@code [fromMs, pageEnd]} and returns the oldest timestamp it held. */
    @FunctionalInterface
    private interface PageReader {
        long read(JsonNode body, long pageEnd);
    }

    /**
     * Bybit answers a {@code [start, end]} query with its newest rows first, up to the limit: walk pages
     * backwards from {@code toMs - 1}, each ending just before the oldest row of the one before, until a page
     * reaches {@code fromMs} or comes back empty.
     */
    private void pageBackwards(long fromMs, long toMs, CancelToken cancel, java.util.function.LongFunction<HttpUrl> page,
                               PageReader reader) {
        long end = toMs - 1;
        boolean askedAgain = false;
        while (end >= fromMs) {
            cancel.throwIfCancelled();
            HttpUrl url = page.apply(end);
            long pageEnd = end;
            long oldest = http.get(url, cancel, body -> reader.read(body, pageEnd));
            if (oldest == Long.MAX_VALUE && !askedAgain) {
                askedAgain = true; // one empty answer may be transient: the end only when a second agrees
                continue;
            }
            if (oldest == Long.MAX_VALUE || oldest <= fromMs) {
                break;
            }
            askedAgain = false;
            end = advance(end, oldest, url);
        }
    }

    /** The price at instant {@code t}: close of the candle ending there, else open of the one starting there. */
    static double priceAt(CandleSeries c, long t) {
        int i = c.firstIndexOpenAtOrAfter(t - c.intervalMs());
        if (i < c.size() && c.openTime(i) == t - c.intervalMs()) {
            return c.close(i);
        }
        if (i < c.size() && c.openTime(i) == t) {
            return c.open(i);
        }
        return Double.NaN;
    }

    /**
     * Public trades in {@code [fromMs, toMs)} from {@code GET /v5/market/recent-trade}, which serves only the
     * latest {@value #RECENT_TRADES_LIMIT}. When those do not reach back to {@code fromMs} this throws rather
     * than return a silently shortened series; older trades are in the public.bybit.com trade archives.
     */
    public TradeSeries recentTrades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String sym = normalise(symbol);
        HttpUrl url = endpoint("v5/market/recent-trade").addQueryParameter("category", "linear")
                .addQueryParameter("symbol", sym).addQueryParameter("limit", Integer.toString(RECENT_TRADES_LIMIT)).build();
        TradeRows rows = new TradeRows();
        long[] oldestAndCount = http.get(url, cancel, body -> {
            JsonNode list = list(body);
            long oldest = Long.MAX_VALUE;
            int n = list.size();
            for (int i = 0; i < n; i++) {
                JsonNode r = list.get(i);
                long t = Json.integer(r, "time");
                oldest = Math.min(oldest, t);
                if (t >= fromMs && t < toMs) {
                    // Newest first: the reversed position keeps Bybit's order among trades of one millisecond.
                    rows.add(n - 1 - i, t, Json.decimal(r, "price"), Json.decimal(r, "size"), takerSold(Json.text(r, "side")));
                }
            }
            return new long[]{oldest, n};
        });
        if (oldestAndCount[1] >= RECENT_TRADES_LIMIT && oldestAndCount[0] > fromMs) {
            throw new SourceException("bybit: the public API serves only the latest " + RECENT_TRADES_LIMIT
                    + " trades of " + sym + ", which begin at " + oldestAndCount[0] + ", after the requested start "
                    + fromMs + "; use the public.bybit.com trade archives for older trades", HttpFetcher.redact(url),
                    200, null, null, null);
        }
        return build(rows, sym);
    }

    /**
     * Linear contracts with tick and step sizes ({@code GET /v5/market/instruments-info}), following
     * {@code nextPageCursor} until it is empty.
     */
    public List<InstrumentInfo> instruments(CancelToken cancel) {
        List<InstrumentInfo> out = new ArrayList<>();
        String cursor = "";
        do {
            cancel.throwIfCancelled();
            HttpUrl.Builder b = endpoint("v5/market/instruments-info").addQueryParameter("category", "linear")
                    .addQueryParameter("limit", "1000");
            if (!cursor.isEmpty()) b.addQueryParameter("cursor", cursor);
            cursor = http.get(b.build(), cancel, body -> {
                JsonNode result = Json.field(body, "result");
                for (JsonNode i : Json.array(result, "list")) {
                    String sym = Json.text(i, "symbol");
                    out.add(new InstrumentInfo(sym, sym, Json.text(i, "baseCoin"), Json.text(i, "quoteCoin"),
                            Json.decimal(Json.field(i, "priceFilter"), "tickSize"),
                            Json.decimal(Json.field(i, "lotSizeFilter"), "qtyStep"), 1.0, Json.text(i, "status")));
                }
                return result.path("nextPageCursor").asText("");
            });
        } while (!cursor.isEmpty());
        return out;
    }

    /** Bybit's {@code side} is the taker's: "Sell" means the buyer was the maker. */
    static boolean takerSold(String side) {
        return switch (side) {
            case "Sell" -> true;
            case "Buy" -> false;
            default -> throw new PayloadException("trade side is '" + side + "', not Buy or Sell");
        };
    }

    static JsonNode list(JsonNode body) {
        JsonNode list = Json.array(Json.field(body, "result"), "list");
        return list;
    }

    private static long advance(long end, long oldest, HttpUrl url) {
        long next = oldest - 1;
        if (next >= end) {
            throw new SourceException("bybit: paging did not move back in time at " + HttpFetcher.redact(url));
        }
        return next;
    }

    private static CandleSeries build(CandleRows rows, String sym, long intervalMs) {
        try {
            return rows.build(sym, intervalMs);
        } catch (IllegalArgumentException e) {
            throw new SourceException("bybit: invalid candle from /v5/market/kline for " + sym + ": " + e.getMessage());
        }
    }

    private static TradeSeries build(TradeRows rows, String sym) {
        try {
            return rows.build(sym);
        } catch (IllegalArgumentException e) {
            throw new SourceException("bybit: invalid trade from /v5/market/recent-trade for " + sym + ": " + e.getMessage());
        }
    }

    private HttpUrl.Builder endpoint(String path) {
        return settings.baseUrl().newBuilder().addPathSegments(path);
    }

    static String normalise(String symbol) {
        return symbol.trim().toUpperCase(Locale.ROOT);
    }

    private static String param(Map<Long, String> allowed, long ms, String what) {
        String p = allowed.get(ms);
        if (p == null) {
            throw new IllegalArgumentException("Bybit has no " + what + " of " + Intervals.format(ms) + "; supported: "
                    + allowed.keySet().stream().map(Intervals::format).toList());
        }
        return p;
    }
}
