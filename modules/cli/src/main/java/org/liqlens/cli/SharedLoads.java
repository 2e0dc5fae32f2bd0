package org.liqlens.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.InstrumentInfo;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.MarketDataSource;

/**
 * A source that answers a candle request inside a range it already loaded from that load, by slicing it: the
 * panes of {@code zones} and {@code bundle} share one as-of time, so their windows nest, and estimated widest
 * first they read a file (or the cache) once instead of once per pane. The candles are the same ones either
 * way: a source returns every closed candle whose open time lies in the range asked. Everything else is passed
 * through. One command's lifetime; not thread-safe beyond what the estimator needs (one load at a time).
 */
final class SharedLoads implements MarketDataSource {
    private final MarketDataSource delegate;
    private final Map<String, Loaded> candles = new HashMap<>();

    private record Loaded(long fromMs, long toMs, CandleSeries series) { }

    SharedLoads(MarketDataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String key = symbol + "@" + intervalMs;
        Loaded l = candles.get(key);
        if (l != null && fromMs >= l.fromMs() && toMs <= l.toMs()) {
            CandleSeries s = l.series();
            return s.slice(s.firstIndexOpenAtOrAfter(fromMs), s.firstIndexOpenAtOrAfter(toMs));
        }
        CandleSeries s = delegate.candles(symbol, intervalMs, fromMs, toMs, cancel);
        Probe.mark("loaded");
        if (l == null || toMs - fromMs > l.toMs() - l.fromMs()) candles.put(key, new Loaded(fromMs, toMs, s));
        return s;
    }

    @Override
    public java.util.OptionalLong candlesEnd(String symbol, long intervalMs, CancelToken cancel) {
        return delegate.candlesEnd(symbol, intervalMs, cancel);
    }

    @Override public String id() { return delegate.id(); }
    @Override public String displayName() { return delegate.displayName(); }
    @Override public LiquidationRule liquidationRule() { return delegate.liquidationRule(); }
    @Override public Set<DataKind> historicalData() { return delegate.historicalData(); }
    @Override public Set<LiveStream> liveStreams() { return delegate.liveStreams(); }

    @Override
    public OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        return delegate.openInterest(symbol, intervalMs, fromMs, toMs, cancel);
    }

    @Override
    public TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        return delegate.trades(symbol, fromMs, toMs, cancel);
    }

    @Override
    public List<RealisedLiquidation> liquidations(String symbol, long fromMs, long toMs, CancelToken cancel) {
        return delegate.liquidations(symbol, fromMs, toMs, cancel);
    }

    @Override
    public List<InstrumentInfo> instruments(CancelToken cancel) {
        return delegate.instruments(cancel);
    }

    @Override
    public LiveSubscription subscribe(String symbol, Set<LiveStream> streams, LiveListener listener, long fromMs) {
        return delegate.subscribe(symbol, streams, listener, fromMs);
    }
}
