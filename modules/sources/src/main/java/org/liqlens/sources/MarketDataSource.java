package org.liqlens.sources;

import java.util.List;
import java.util.Set;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.TradeSeries;

/**
 * A provider of market data: an exchange, a folder of archive files, a simulator. Implementations are found
 * with {@link java.util.ServiceLoader} (listed in {@code META-INF/services}), so the same registry works in
 * the CLI, in tests and inside the platform (whose default Lookup reads the same files). A registered
 * instance carries default settings; {@link #configure(SourceSpec)} derives one with a user's options.
 *
 * <p>Time ranges are half-open, {@code [fromMs, toMs)} in epoch milliseconds UTC. For candles the range
 * applies to open times, and only closed candles are returned (the forming candle belongs to
 * {@link #subscribe live streams}). Methods block; call them off the UI thread. They throw
 * {@link SourceException} when the data cannot be obtained, {@link java.util.concurrent.CancellationException}
 * when the token is cancelled, and {@link UnsupportedOperationException} for data the source does not offer
 * (see {@link #historicalData()} and {@link #liveStreams()}).
 */
public interface MarketDataSource {

    /** Stable identifier used in {@link SourceSpec}: {@code binance}, {@code bybit}, {@code okx}, {@code file}, {@code sim}. */
    String id();

    /** Human-readable name for menus and logs. */
    String displayName();

    /** A source with the given options applied; the registered instance itself is left unchanged. */
    default MarketDataSource configure(SourceSpec spec) {
        return this;
    }

    /**
     * Whose liquidation formula prices positions estimated from this source's data: the exchange's own. The
     * default, Binance's, fits Binance, files of Binance archives and the simulator.
     */
    default LiquidationRule liquidationRule() {
        return LiquidationRule.BINANCE;
    }

    /** The kinds of historical data this source serves. */
    Set<DataKind> historicalData();

    /** The live streams this source offers; empty when it has none. */
    default Set<LiveStream> liveStreams() {
        return Set.of();
    }

    /** Closed candles of {@code symbol} whose open time lies in {@code [fromMs, toMs)}. */
    CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel);

    /**
     * Where this source's candles of {@code intervalMs} for {@code symbol} end (the last closed candle's close time
     * + 1), when the source can tell without loading them all; empty when it cannot, and the caller loads them.
     * The end of a file's data is the default as-of time of a window on it.
     */
    default java.util.OptionalLong candlesEnd(String symbol, long intervalMs, CancelToken cancel) {
        return java.util.OptionalLong.empty();
    }

    /** Open interest sampled every {@code intervalMs}, samples timed in {@code [fromMs, toMs)}. */
    default OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        throw unsupported("open interest");
    }

    /** Funding rates settled in {@code [fromMs, toMs)}, oldest first. */
    default org.liqlens.engine.market.FundingRateSeries fundingRates(String symbol, long fromMs, long toMs, CancelToken cancel) {
        throw unsupported("funding-rate history");
    }

    /** Top traders' long/short position ratio sampled every {@code intervalMs}, samples timed in {@code [fromMs, toMs)}. */
    default org.liqlens.engine.market.LongShortRatioSeries topTraderRatio(String symbol, long intervalMs, long fromMs, long toMs,
                                                                         CancelToken cancel) {
        throw unsupported("top-trader long/short ratio history");
    }

    /** Public trades in {@code [fromMs, toMs)}, quantities in base units. */
    default TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        throw unsupported("trade history");
    }

    /** Liquidations the exchange reported in {@code [fromMs, toMs)}, oldest first. */
    default List<RealisedLiquidation> liquidations(String symbol, long fromMs, long toMs, CancelToken cancel) {
        throw unsupported("liquidation history");
    }

    /** Exchange symbols with tick and step sizes. */
    default List<InstrumentInfo> instruments(CancelToken cancel) {
        throw unsupported("an instrument list");
    }

    /**
     * Starts a live feed; events go to {@code listener} on the subscription's own thread. The feed reconnects
     * with backoff by itself until closed.
     */
    default LiveSubscription subscribe(String symbol, Set<LiveStream> streams, LiveListener listener) {
        return subscribe(symbol, streams, listener, Long.MIN_VALUE);
    }

    /**
     * Like {@link #subscribe(String, Set, LiveListener)}, but the first closed 1m candle delivered is the one
     * right after {@code resumeAfterOpenTime} (fetched over REST if needed), so that a caller holding history
     * up to that candle gets a seamless continuation. {@link Long#MIN_VALUE} means "start with what comes".
     */
    default LiveSubscription subscribe(String symbol, Set<LiveStream> streams, LiveListener listener,
                                       long resumeAfterOpenTime) {
        throw unsupported("live streams");
    }

    /** The exception the default methods throw, naming this source and the missing capability. */
    default UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(displayName() + " does not offer " + what);
    }
}
