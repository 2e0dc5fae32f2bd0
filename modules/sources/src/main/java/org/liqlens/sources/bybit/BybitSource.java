package org.liqlens.sources.bybit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.AbstractExchangeSource;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.InstrumentInfo;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.cache.CandleCache;
import org.liqlens.sources.http.ClientSettings;

/**
 * Bybit USDT perpetuals. Trade history reaches back only over the latest 1000 trades, and Bybit has no
 * public liquidation history: liquidations come live from {@code allLiquidation}.
 */
public final class BybitSource extends AbstractExchangeSource {
    private final BybitClient client;

    public BybitSource() {
        this(BybitClient.defaultSettings(), null);
    }

    public BybitSource(ClientSettings settings, CandleCache cache) {
        super(settings, cache);
        this.client = new BybitClient(settings);
    }

    public BybitClient client() {
        return client;
    }

    @Override
    public String id() {
        return "bybit";
    }

    @Override
    public String displayName() {
        return "Bybit USDT perpetuals";
    }

    @Override
    public LiquidationRule liquidationRule() {
        return LiquidationRule.BYBIT;
    }

    @Override
    protected String defaultBaseUrl() {
        return BybitClient.DEFAULT_BASE_URL;
    }

    @Override
    protected AbstractExchangeSource create(ClientSettings s, CandleCache c) {
        return new BybitSource(s, c);
    }

    @Override
    public Set<DataKind> historicalData() {
        return EnumSet.of(DataKind.CANDLES, DataKind.OPEN_INTEREST, DataKind.TRADES);
    }

    @Override
    public Set<LiveStream> liveStreams() {
        return EnumSet.allOf(LiveStream.class);
    }

    @Override
    protected CandleSeries fetchCandles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        return client.klines(symbol, intervalMs, fromMs, toMs, cancel);
    }

    @Override
    public OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        return client.openInterest(symbol, intervalMs, fromMs, toMs, cancel);
    }

    @Override
    public TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        return client.recentTrades(symbol, fromMs, toMs, cancel);
    }

    @Override
    public List<InstrumentInfo> instruments(CancelToken cancel) {
        return client.instruments(cancel);
    }

    @Override
    public LiveSubscription subscribe(String symbol, Set<LiveStream> streams, LiveListener listener,
                                      long resumeAfterOpenTime) {
        return BybitLiveFeed.open(client, symbol, streams, listener, resumeAfterOpenTime);
    }
}
