package org.liqlens.sources.okx;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.RealisedLiquidation;
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

/** OKX perpetual swaps; symbols are given the Binance way ({@code BTCUSDT}) and mapped to {@code BTC-USDT-SWAP}. */
public final class OkxSource extends AbstractExchangeSource {
    private final OkxClient client;

    public OkxSource() {
        this(OkxClient.defaultSettings(), null);
    }

    public OkxSource(ClientSettings settings, CandleCache cache) {
        super(settings, cache);
        this.client = new OkxClient(settings);
    }

    public OkxClient client() {
        return client;
    }

    @Override
    public String id() {
        return "okx";
    }

    @Override
    public String displayName() {
        return "OKX perpetual swaps";
    }

    @Override
    public LiquidationRule liquidationRule() {
        return LiquidationRule.OKX;
    }

    @Override
    protected String defaultBaseUrl() {
        return OkxClient.DEFAULT_BASE_URL;
    }

    @Override
    protected AbstractExchangeSource create(ClientSettings s, CandleCache c) {
        return new OkxSource(s, c);
    }

    @Override
    public Set<DataKind> historicalData() {
        return EnumSet.allOf(DataKind.class);
    }

    @Override
    public Set<LiveStream> liveStreams() {
        return EnumSet.of(LiveStream.TRADES, LiveStream.LIQUIDATIONS);
    }

    @Override
    protected CandleSeries fetchCandles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        return client.candles(symbol, intervalMs, fromMs, toMs, cancel);
    }

    @Override
    public OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        return client.openInterestHistory(symbol, intervalMs, fromMs, toMs, cancel);
    }

    @Override
    public TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        return client.trades(symbol, fromMs, toMs, cancel);
    }

    @Override
    public List<RealisedLiquidation> liquidations(String symbol, long fromMs, long toMs, CancelToken cancel) {
        return client.liquidations(symbol, fromMs, toMs, cancel);
    }

    @Override
    public List<InstrumentInfo> instruments(CancelToken cancel) {
        return client.instruments(cancel);
    }

    @Override
    public LiveSubscription subscribe(String symbol, Set<LiveStream> streams, LiveListener listener,
                                      long resumeAfterOpenTime) {
        return OkxLiveFeed.open(client, symbol, streams, listener);
    }
}
