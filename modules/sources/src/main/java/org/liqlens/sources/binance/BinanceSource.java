package org.liqlens.sources.binance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 * Binance USDⓈ-M futures. Historical liquidations are not offered: Binance withdrew the public
 * {@code allForceOrders} endpoint; liquidations come only live, from {@code !forceOrder@arr}.
 */
public final class BinanceSource extends AbstractExchangeSource {
    private final BinanceFuturesClient client;

    /** The registered instance: production endpoints, no cache. */
    public BinanceSource() {
        this(BinanceFuturesClient.defaultSettings(), null);
    }

    public BinanceSource(ClientSettings settings, CandleCache cache) {
        super(settings, cache);
        this.client = new BinanceFuturesClient(settings);
    }

    public BinanceFuturesClient client() {
        return client;
    }

    @Override
    public String id() {
        return "binance";
    }

    @Override
    public String displayName() {
        return "Binance USDⓈ-M futures";
    }

    @Override
    protected String defaultBaseUrl() {
        return BinanceFuturesClient.DEFAULT_BASE_URL;
    }

    @Override
    protected AbstractExchangeSource create(ClientSettings s, CandleCache c) {
        return new BinanceSource(s, c);
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
        return client.openInterestHist(symbol, intervalMs, fromMs, toMs, cancel);
    }

    @Override
    public org.liqlens.engine.market.FundingRateSeries fundingRates(String symbol, long fromMs, long toMs, CancelToken cancel) {
        // settled rates never change: with a cache, a range fetched once is read from disk afterwards
        return cache().map(c -> new org.liqlens.sources.cache.FundingCache(c.root(), settings.clock())
                        .funding(cacheNamespace(), symbol, fromMs, toMs, (a, b) -> client.fundingRate(symbol, a, b, cancel)))
                .orElseGet(() -> client.fundingRate(symbol, fromMs, toMs, cancel));
    }

    @Override
    public org.liqlens.engine.market.LongShortRatioSeries topTraderRatio(String symbol, long intervalMs, long fromMs, long toMs,
                                                                        CancelToken cancel) {
        BinanceFuturesClient.ratioPeriod(intervalMs); // an unsupported period fails the same with a cache or without
        // Binance forgets samples after 30 days: with a cache, settled samples are fetched once and kept for good
        return cache().map(c -> new org.liqlens.sources.cache.TopTraderRatioCache(c.root(), settings.clock())
                        .ratio(cacheNamespace(), symbol, intervalMs, fromMs, toMs, client.futuresDataEarliestMs(intervalMs),
                                (a, b) -> client.topLongShortPositionRatio(symbol, intervalMs, a, b, cancel)))
                .orElseGet(() -> client.topLongShortPositionRatio(symbol, intervalMs, fromMs, toMs, cancel));
    }

    @Override
    public TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        return client.aggTrades(symbol, fromMs, toMs, cancel);
    }

    @Override
    public List<InstrumentInfo> instruments(CancelToken cancel) {
        return client.exchangeInfo(cancel);
    }

    @Override
    public LiveSubscription subscribe(String symbol, Set<LiveStream> streams, LiveListener listener,
                                      long resumeAfterOpenTime) {
        return BinanceLiveFeed.open(client, symbol, streams, listener, resumeAfterOpenTime);
    }
}
