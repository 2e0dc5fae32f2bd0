package org.liqlens.sources.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.InstrumentInfo;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.collect.CandleRows;
import org.liqlens.sources.collect.OpenInterestRows;
import org.liqlens.sources.collect.RowChecks;
import org.liqlens.sources.collect.TimedValues;
import org.liqlens.sources.http.ClientSettings;
import org.liqlens.sources.http.HttpFetcher;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;

/**
 * Binance USDⓈ-M futures public REST API. Every method pages until the range is covered, one request per
 * page through {@link HttpFetcher}, so rate limits and faults cost a retry, never data.
 */
public final class BinanceFuturesClient {
    private static final Logger LOG = Logger.getLogger(BinanceFuturesClient.class.getName());

    public static final String DEFAULT_BASE_URL = "https://fapi.binance.com";
    public static final String DEFAULT_WS_URL = "wss://fstream.binance.com";

    /** Documented maxima per request. */
    static final int KLINES_LIMIT = 1500;
    static final int OPEN_INTEREST_LIMIT = 500;
    /** fundingRate answers at most 1000 rows a request. */
    static final int FUNDING_LIMIT = 1000;
    static final int AGG_TRADES_LIMIT = 1000;
    /** An aggTrades startTime–endTime window must be under one hour; both ends are inclusive. */
    static final long AGG_TRADES_WINDOW_MS = Intervals.HOUR - 1;
    /** openInterestHist serves only the most recent 30 days. */
    static final long OPEN_INTEREST_HISTORY_MS = 30 * Intervals.DAY;

    private static final Map<Long, String> KLINE_INTERVALS = intervals("1m", "3m", "5m", "15m", "30m", "1h", "2h",
            "4h", "6h", "8h", "12h", "1d", "3d", "1w");
    private static final Map<Long, String> OPEN_INTEREST_PERIODS = intervals("5m", "15m", "30m", "1h", "2h", "4h",
            "6h", "12h", "1d");

    private final ClientSettings settings;
    private final HttpFetcher http;

    public BinanceFuturesClient() {
        this(defaultSettings());
    }

    public BinanceFuturesClient(ClientSettings settings) {
        this.settings = settings;
        this.http = new HttpFetcher("binance", settings, BinanceErrors.INSTANCE);
    }

    public static ClientSettings defaultSettings() {
        return ClientSettings.of(DEFAULT_BASE_URL, DEFAULT_WS_URL);
    }

    public ClientSettings settings() {
        return settings;
    }

    HttpFetcher http() {
        return http;
    }

    /**
     * Closed candles ({@code GET /fapi/v1/klines}) with open time in {@code [fromMs, toMs)}, paged by
     * {@code startTime}, {@value #KLINES_LIMIT} per request. The forming candle is left out.
     *
     * <p>Paging continues from the newest row received until the requested end, whatever the size of a page:
     * a proxy may cap pages below the limit, and a short page says nothing about what follows. A page with
     * nothing new ends the data only when the same request, asked again, agrees: one transient empty answer
     * must not cut the series. Every row is checked like a row of an archive file ({@link RowChecks}),
     * including its close time against the interval asked for, and the rows are sorted and de-duplicated
     * before they become a series.
     */
    public CandleSeries klines(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String interval = param(KLINE_INTERVALS, intervalMs, "kline interval");
        String sym = normalise(symbol);
        long now = settings.clock().millis();
        long endInclusive = toMs - 1;
        CandleRows rows = new CandleRows();
        long start = fromMs;
        boolean askedAgain = false;
        while (start <= endInclusive) {
            cancel.throwIfCancelled();
            HttpUrl url = endpoint("fapi/v1/klines").addQueryParameter("symbol", sym)
                    .addQueryParameter("interval", interval)
                    .addQueryParameter("startTime", Long.toString(start))
                    .addQueryParameter("endTime", Long.toString(endInclusive))
                    .addQueryParameter("limit", Integer.toString(KLINES_LIMIT)).build();
            long before = rows.newestOpenTime();
            boolean reachedForming = http.get(url, cancel, body -> addKlines(body, rows, intervalMs, fromMs, endInclusive, now));
            if (reachedForming) {
                break; // the server has every candle up to now: nothing later exists yet
            }
            if (rows.newestOpenTime() > before && rows.newestOpenTime() >= start) {
                start = rows.newestOpenTime() + intervalMs;
                askedAgain = false;
            } else if (!askedAgain) {
                askedAgain = true;
                LOG.log(Level.FINE, "binance: nothing new from {0}; asking once more before taking it as the end",
                        HttpFetcher.redact(url));
            } else {
                break;
            }
        }
        try {
            return rows.build(sym, intervalMs);
        } catch (IllegalArgumentException e) {
            throw new SourceException("binance: inconsistent klines for " + sym + ": " + e.getMessage());
        }
    }

    /** Adds a page's closed rows in range; true when it reached the forming candle. */
    private static boolean addKlines(JsonNode body, CandleRows out, long intervalMs, long from, long endInclusive, long now) {
        if (!body.isArray()) {
            throw new PayloadException("expected an array of klines");
        }
        boolean forming = false;
        for (int i = 0; i < body.size(); i++) {
            JsonNode row = body.get(i);
            long open = Json.integer(row, 0);
            long close = Json.integer(row, 6);
            try {
                RowChecks.closeTime(open, close, intervalMs);
                if (close >= now) {
                    forming = true; // closes in the future: not final yet
                    continue;
                }
                if (open < from || open > endInclusive) {
                    continue; // outside the asked range
                }
                out.add(open, Json.decimal(row, 1), Json.decimal(row, 2), Json.decimal(row, 3), Json.decimal(row, 4),
                        Json.decimal(row, 5), Json.decimal(row, 7), Json.decimal(row, 9), Json.decimal(row, 10));
            } catch (IllegalArgumentException e) {
                throw new PayloadException("kline row " + i + " (open time " + open + "): " + e.getMessage());
            }
        }
        return forming;
    }

    /**
     * Open-interest history ({@code GET /futures/data/openInterestHist}), samples timed in {@code [fromMs, toMs)}.
     * Binance keeps only the last 30 days: an earlier start is moved up to that limit (logged), so the series
     * then begins later than asked. Requests cover windows of exactly {@value #OPEN_INTEREST_LIMIT} periods,
     * so each window's answer is complete whichever end Binance counts the limit from. The {@code timestamp}
     * field is accepted as a number (what Binance sends) or a string (what its documentation shows).
     */
    public OpenInterestSeries openInterestHist(String symbol, long periodMs, long fromMs, long toMs, CancelToken cancel) {
        String sym = normalise(symbol);
        OpenInterestRows rows = new OpenInterestRows();
        futuresDataHistory("openInterestHist", sym, param(OPEN_INTEREST_PERIODS, periodMs, "open-interest period"), periodMs,
                fromMs, toMs, cancel, "open-interest samples",
                (r, t) -> rows.add(t, Json.decimal(r, "sumOpenInterest"), Json.decimal(r, "sumOpenInterestValue")));
        return rows.build(sym, periodMs);
    }

    /**
     * The first sample time the {@code /futures/data/} histories (open interest, long/short ratios) still serve at
     * this client's clock for {@code periodMs} samples: they keep the last 30 days only, so a request for earlier
     * samples is moved up to this time.
     */
    public long futuresDataEarliestMs(long periodMs) {
        return Intervals.floor(settings.clock().millis() - OPEN_INTEREST_HISTORY_MS, periodMs) + periodMs;
    }

    /** Binance's name for a long/short ratio period ({@code "5m"}); fails naming the supported ones. */
    static String ratioPeriod(long periodMs) {
        return param(OPEN_INTEREST_PERIODS, periodMs, "long/short ratio period");
    }

    /**
     * Pages one of the {@code /futures/data/} histories (open interest, long/short ratios), which Binance keeps for the
     * last 30 days: an earlier start is moved up to that limit (logged), so the series then begins later than asked.
     * Requests cover windows of exactly {@value #OPEN_INTEREST_LIMIT} periods, so each window's answer is complete
     * whichever end Binance counts the limit from; {@code row} gets each row stamped inside its window, with its
     * {@code timestamp} (a number, as Binance sends it, or a string, as its documentation shows).
     */
    private void futuresDataHistory(String endpointName, String sym, String period, long periodMs, long fromMs, long toMs,
                                    CancelToken cancel, String what, java.util.function.ObjLongConsumer<JsonNode> row) {
        long earliest = futuresDataEarliestMs(periodMs);
        long from = fromMs;
        if (from < earliest) {
            LOG.log(Level.INFO, "binance: {0} serves only the last 30 days; {1} starts at {2} instead of {3}",
                    new Object[]{endpointName, sym, String.valueOf(earliest), String.valueOf(fromMs)});
            from = earliest;
        }
        long window = OPEN_INTEREST_LIMIT * periodMs;
        for (long s = from; s < toMs; s += window) {
            cancel.throwIfCancelled();
            long windowEnd = Math.min(s + window, toMs) - 1;
            HttpUrl url = endpoint("futures/data/" + endpointName).addQueryParameter("symbol", sym)
                    .addQueryParameter("period", period)
                    .addQueryParameter("limit", Integer.toString(OPEN_INTEREST_LIMIT))
                    .addQueryParameter("startTime", Long.toString(s))
                    .addQueryParameter("endTime", Long.toString(windowEnd)).build();
            long lo = s;
            http.get(url, cancel, body -> {
                if (!body.isArray()) {
                    throw new PayloadException("expected an array of " + what);
                }
                for (JsonNode r : body) {
                    long t = Json.integer(r, "timestamp");
                    if (t >= lo && t <= windowEnd) row.accept(r, t);
                }
                return null;
            });
        }
    }

    /**
     * Funding-rate history ({@code GET /fapi/v1/fundingRate}): the fundings settled in {@code [fromMs, toMs)},
     * oldest first. Pages of up to {@value #FUNDING_LIMIT} continue from the last funding time + 1 until a page
     * comes back short or past the end. {@code fundingTime} is accepted as a number or a string.
     */
    public FundingRateSeries fundingRate(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String sym = normalise(symbol);
        TimedValues rows = new TimedValues();
        long start = fromMs;
        while (start < toMs) {
            cancel.throwIfCancelled();
            HttpUrl url = endpoint("fapi/v1/fundingRate").addQueryParameter("symbol", sym)
                    .addQueryParameter("startTime", Long.toString(start))
                    .addQueryParameter("endTime", Long.toString(toMs - 1))
                    .addQueryParameter("limit", Integer.toString(FUNDING_LIMIT)).build();
            long lo = start;
            long[] last = {Long.MIN_VALUE};
            int got = http.get(url, cancel, body -> {
                if (!body.isArray()) throw new PayloadException("expected an array of funding rates");
                int n = 0;
                for (JsonNode r : body) {
                    n++;
                    long t = Json.integer(r, "fundingTime");
                    double rate = Json.decimal(r, "fundingRate");
                    if (!Double.isFinite(rate) || Math.abs(rate) >= 1) {
                        throw new PayloadException("fundingRate " + rate + " at fundingTime " + t + " is not a rate (|rate| < 1)");
                    }
                    last[0] = Math.max(last[0], t);
                    if (t >= lo && t < toMs) rows.add(t, rate);
                }
                return n;
            });
            if (got < FUNDING_LIMIT || last[0] == Long.MIN_VALUE || last[0] + 1 >= toMs) break;
            start = last[0] + 1;
        }
        try {
            TimedValues.Sorted sorted = rows.sorted("funding rates for " + sym);
            return new FundingRateSeries(sym, sorted.times(), sorted.values());
        } catch (IllegalStateException e) {
            throw new SourceException("binance: " + e.getMessage(), e);
        }
    }

    /**
     * Top traders' long/short position ratio ({@code GET /futures/data/topLongShortPositionRatio}), samples timed
     * in {@code [fromMs, toMs)}. Like open interest it is kept for the last 30 days only (an earlier start is moved
     * up, logged) and asked for in windows of exactly {@value #OPEN_INTEREST_LIMIT} periods.
     */
    public LongShortRatioSeries topLongShortPositionRatio(String symbol, long periodMs, long fromMs, long toMs, CancelToken cancel) {
        String sym = normalise(symbol);
        TimedValues rows = new TimedValues();
        futuresDataHistory("topLongShortPositionRatio", sym, ratioPeriod(periodMs),
                periodMs, fromMs, toMs, cancel, "long/short ratios", (r, t) -> {
                    double ratio = Json.decimal(r, "longShortRatio");
                    if (!(ratio > 0) || ratio == Double.POSITIVE_INFINITY) {
                        throw new PayloadException("longShortRatio " + ratio + " at timestamp " + t + " is not a positive number");
                    }
                    rows.add(t, ratio);
                });
        try {
            TimedValues.Sorted sorted = rows.sorted("top-trader long/short ratios for " + sym);
            return new LongShortRatioSeries(sym, periodMs, sorted.times(), sorted.values());
        } catch (IllegalStateException e) {
            throw new SourceException("binance: " + e.getMessage(), e);
        }
    }

    /**
     * Aggregated trades ({@code GET /fapi/v1/aggTrades}) in {@code [fromMs, toMs)}. It asks for windows under
     * one hour by time; once a window fills a page ({@value #AGG_TRADES_LIMIT}) it continues by {@code fromId}
     * from the last id, which walks dense periods without gaps or repeats.
     */
    public TradeSeries aggTrades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String sym = normalise(symbol);
        TradeSeries.Builder out = TradeSeries.builder(sym, 4096);
        long[] lastId = {Long.MIN_VALUE};
        long t = fromMs;
        while (t < toMs) {
            cancel.throwIfCancelled();
            long windowEnd = Math.min(t + AGG_TRADES_WINDOW_MS, toMs - 1);
            HttpUrl byTime = endpoint("fapi/v1/aggTrades").addQueryParameter("symbol", sym)
                    .addQueryParameter("startTime", Long.toString(t))
                    .addQueryParameter("endTime", Long.toString(windowEnd))
                    .addQueryParameter("limit", Integer.toString(AGG_TRADES_LIMIT)).build();
            AggPage page = http.get(byTime, cancel, body -> addAggTrades(body, sym, out, lastId, fromMs, toMs));
            if (page.rows < AGG_TRADES_LIMIT) {
                t = windowEnd + 1;
                continue;
            }
            while (!page.pastEnd && page.rows == AGG_TRADES_LIMIT) {
                cancel.throwIfCancelled();
                HttpUrl byId = endpoint("fapi/v1/aggTrades").addQueryParameter("symbol", sym)
                        .addQueryParameter("fromId", Long.toString(lastId[0] + 1))
                        .addQueryParameter("limit", Integer.toString(AGG_TRADES_LIMIT)).build();
                page = http.get(byId, cancel, body -> addAggTrades(body, sym, out, lastId, fromMs, toMs));
            }
            // Either the range end was passed or fewer than a page came back: no later trades exist yet.
            break;
        }
        return out.build();
    }

    private record AggPage(int rows, boolean pastEnd) { }

    private static AggPage addAggTrades(JsonNode body, String sym, TradeSeries.Builder out, long[] lastId,
                                        long fromMs, long toMs) {
        if (!body.isArray()) {
            throw new PayloadException("expected an array of aggregate trades");
        }
        boolean pastEnd = false;
        for (JsonNode r : body) {
            long id = Json.integer(r, "a");
            long time = Json.integer(r, "T");
            if (time >= toMs) {
                pastEnd = true;
                break;
            }
            if (id <= lastId[0] || time < fromMs) {
                continue;
            }
            try {
                out.add(time, Json.decimal(r, "p"), Json.decimal(r, "q"), Json.bool(r, "m"));
            } catch (IllegalArgumentException e) {
                throw new PayloadException("aggregate trade " + id + ": " + e.getMessage());
            }
            lastId[0] = id;
        }
        return new AggPage(body.size(), pastEnd);
    }

    /** Symbols with tick and step sizes ({@code GET /fapi/v1/exchangeInfo}). */
    public List<InstrumentInfo> exchangeInfo(CancelToken cancel) {
        return http.get(endpoint("fapi/v1/exchangeInfo").build(), cancel, body -> {
            List<InstrumentInfo> list = new ArrayList<>();
            for (JsonNode s : Json.array(body, "symbols")) {
                double tick = Double.NaN;
                double step = Double.NaN;
                JsonNode filters = s.get("filters");
                if (filters != null) {
                    for (JsonNode f : filters) {
                        String type = f.path("filterType").asText();
                        if (type.equals("PRICE_FILTER")) tick = Json.decimal(f, "tickSize");
                        if (type.equals("LOT_SIZE")) step = Json.decimal(f, "stepSize");
                    }
                }
                String symbol = Json.text(s, "symbol");
                list.add(new InstrumentInfo(symbol, symbol, Json.text(s, "baseAsset"), Json.text(s, "quoteAsset"),
                        tick, step, 1.0, Json.text(s, "status")));
            }
            return list;
        });
    }

    private HttpUrl.Builder endpoint(String path) {
        return settings.baseUrl().newBuilder().addPathSegments(path);
    }

    static String normalise(String symbol) {
        return symbol.trim().toUpperCase(Locale.ROOT);
    }

    static String param(Map<Long, String> allowed, long ms, String what) {
        String p = allowed.get(ms);
        if (p == null) {
            throw new IllegalArgumentException("Binance has no " + what + " of " + Intervals.format(ms)
                    + "; supported: " + String.join(", ", allowed.values()));
        }
        return p;
    }

    private static Map<Long, String> intervals(String... names) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (String n : names) m.put(Intervals.parse(n), n);
        return m;
    }
}
