package org.liqlens.sources.load;

import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;

/**
 * Fetches what a model needs for one window {@code [T - W, T)} from a source. The CLI and the desktop both
 * load through here, so that for the same source, symbol, model, as-of and window they hand the engine the
 * same inputs and therefore show the same numbers.
 */
public final class WindowLoader {

    /** The engine inputs and the as-of instant T they were loaded for. */
    public record Loaded(MarketInputs inputs, long asOfMs) { }

    private static final long OI_INTERVAL = 5 * Intervals.MINUTE;

    private WindowLoader() { }

    /**
     * @param asOfMs the end of the window, or null for "the end of the data": the last closed candle's close
     *               time + 1 for files and the simulator, the current minute for exchanges
     * @throws SourceException when the window holds no data
     */
    public static Loaded load(MarketDataSource source, String symbol, Set<ModelInput> needs, Long asOfMs,
                              long windowMs, CancelToken cancel) {
        return load(source, symbol, needs, asOfMs, windowMs, Intervals.MINUTE, cancel);
    }

    /**
     * As {@link #load(MarketDataSource, String, Set, Long, long, CancelToken)} with candles of another interval
     * (5m for a file that holds only 5m candles). 1m is the default: the models assume a candle's wick is the
     * only price path inside it, and finer candles make that assumption cheaper.
     */
    public static Loaded load(MarketDataSource source, String symbol, Set<ModelInput> needs, Long asOfMs,
                              long windowMs, long candleIntervalMs, CancelToken cancel) {
        long asOf = asOfMs != null ? asOfMs : defaultAsOf(source, symbol, candleIntervalMs, cancel);
        long from = asOf - windowMs;

        CandleSeries candles = null;
        if (needs.contains(ModelInput.CANDLES) || !needs.contains(ModelInput.TRADES)) {
            candles = source.candles(symbol, candleIntervalMs, from, asOf, cancel);
            if (candles.isEmpty()) {
                throw new SourceException("no " + Intervals.format(candleIntervalMs) + " candles for " + symbol + " from " + source.displayName()
                        + " in [" + java.time.Instant.ofEpochMilli(from) + ", " + java.time.Instant.ofEpochMilli(asOf) + ")");
            }
        }
        OpenInterestSeries oi = null;
        if (needs.contains(ModelInput.OPEN_INTEREST)) {
            // §3, no look-ahead: a sample stamped T is published after T, so the window's samples are [T - W, T)
            try {
                oi = source.openInterest(symbol, OI_INTERVAL, from, asOf, cancel);
            } catch (UnsupportedOperationException | SourceException e) {
                throw new SourceException("the model needs open-interest history for " + symbol + ", which "
                        + source.displayName() + " cannot provide: " + e.getMessage(), e);
            }
        }
        TradeSeries trades = null;
        if (needs.contains(ModelInput.TRADES)) {
            try {
                trades = source.trades(symbol, from, asOf, cancel);
            } catch (UnsupportedOperationException e) {
                throw new SourceException("the model needs trades for " + symbol + ", which " + source.displayName()
                        + " cannot provide: " + e.getMessage(), e);
            }
            if (trades.size() == 0) {
                throw new SourceException("no trades for " + symbol + " from " + source.displayName() + " in the window");
            }
            if (candles == null) candles = candlesForDrawing(source, symbol, from, asOf, cancel);
        }
        var funding = needs.contains(ModelInput.FUNDING_RATES)
                ? required(() -> source.fundingRates(symbol, from, asOf, cancel), "funding-rate history", symbol, source) : null;
        // the ratio in force at the window's first candle was stamped up to one period before it
        var ratio = needs.contains(ModelInput.TOP_TRADER_RATIO)
                ? required(() -> source.topTraderRatio(symbol, RATIO_INTERVAL, from - RATIO_INTERVAL, asOf, cancel),
                        "top-trader long/short ratio history", symbol, source) : null;
        return new Loaded(new MarketInputs(candles, oi, trades, funding, ratio), asOf);
    }

    /** Binance's long/short ratios and the metrics archives come in 5-minute samples. */
    static final long RATIO_INTERVAL = 5 * Intervals.MINUTE;

    /** What {@code load} gives, or a message naming the model's need, the symbol and the source. */
    private static <T> T required(java.util.function.Supplier<T> load, String what, String symbol, MarketDataSource source) {
        try {
            return load.get();
        } catch (UnsupportedOperationException | SourceException e) {
            throw new SourceException("the model needs " + what + " for " + symbol + ", which " + source.displayName()
                    + " cannot provide: " + e.getMessage(), e);
        }
    }

    /**
     * The as-of T that {@link #load} uses when given none: the last closed candle's close time + 1 for files
     * and the simulator, the start of the current minute for exchanges.
     */
    public static long defaultAsOf(MarketDataSource source, String symbol, long candleIntervalMs, CancelToken cancel) {
        if (source.id().equals("file") || source.id().equals("sim")) {
            java.util.OptionalLong end = source.candlesEnd(symbol, candleIntervalMs, cancel);
            if (end.isPresent()) return end.getAsLong();
            CandleSeries all = source.candles(symbol, candleIntervalMs, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, cancel);
            if (all.isEmpty()) throw new SourceException("no candles for " + symbol + " from " + source.displayName());
            return all.lastCloseTime() + 1;
        }
        long now = System.currentTimeMillis();
        return now - Math.floorMod(now, Intervals.MINUTE);
    }

    /** Trade-based models still draw candles when the source has them; without, the chart shows none. */
    private static CandleSeries candlesForDrawing(MarketDataSource source, String symbol, long from, long to, CancelToken cancel) {
        try {
            CandleSeries c = source.candles(symbol, Intervals.MINUTE, from, to, cancel);
            return c.isEmpty() ? null : c;
        } catch (UnsupportedOperationException | SourceException e) {
            return null;
        }
    }
}
