package org.liqlens.sources;

import java.util.Locale;
import java.util.Optional;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.cache.CandleCache;
import org.liqlens.sources.http.ClientSettings;

/**
 * What the exchange sources share: settings, the optional disk cache in front of candle fetches, and
 * {@link #configure(SourceSpec)}.
 */
public abstract class AbstractExchangeSource implements MarketDataSource {
    protected final ClientSettings settings;
    private final CandleCache cache;

    protected AbstractExchangeSource(ClientSettings settings, CandleCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    public ClientSettings settings() {
        return settings;
    }

    public Optional<CandleCache> cache() {
        return Optional.ofNullable(cache);
    }

    @Override
    public MarketDataSource configure(SourceSpec spec) {
        ClientSettings s = settings.apply(spec);
        CandleCache c = spec.cacheDir().map(dir -> new CandleCache(dir, s.clock())).orElse(cache);
        return create(s, c);
    }

    /** A new instance of the concrete source with these settings. */
    protected abstract AbstractExchangeSource create(ClientSettings settings, CandleCache cache);

    /** The exchange's own REST endpoint, which cache folders of this source are named for when it is used. */
    protected abstract String defaultBaseUrl();

    /** The cache folder of this source: see {@link CandleCache#namespace}. */
    public String cacheNamespace() {
        return CandleCache.namespace(id(), settings.baseUrl(), defaultBaseUrl());
    }

    /** Fetches closed candles from the exchange, bypassing the cache. */
    protected abstract CandleSeries fetchCandles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel);

    /** No exchange here has candles before 2010; an open-ended request starts there. */
    static final long EARLIEST_MS = 1_262_304_000_000L; // 2010-01-01T00:00Z

    /**
     * {@inheritDoc}
     *
     * <p>Open-ended ranges are fine: the start is raised to 2010 and the end lowered to the present, since
     * nothing outside can exist, which also keeps the cache from walking millions of empty days.
     */
    @Override
    public final CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        long from = Math.max(fromMs, EARLIEST_MS);
        long to = Math.min(toMs, settings.clock().millis() + intervalMs);
        if (from >= to) {
            return CandleSeries.builder(sym, intervalMs, 0).build();
        }
        if (cache == null) {
            return fetchCandles(sym, intervalMs, from, to, cancel);
        }
        return cache.candles(cacheNamespace(), sym, intervalMs, from, to, cancel,
                (f, t, c) -> fetchCandles(sym, intervalMs, f, t, c));
    }
}
