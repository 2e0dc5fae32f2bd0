package org.liqlens.sources.sim;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.sim.SimulatedMarket;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.collect.CandleResampler;

/**
 * {@code sim[:SEED]}: the engine's deterministic {@link SimulatedMarket}, for running offline and for demos.
 *
 * <p>The simulated market is one fixed span: {@link SimulatedMarket#DEFAULT_DAYS} days of 1m candles and 5m
 * open interest ending at {@link SimulatedMarket#DEFAULT_END_MS}. It is generated once per symbol and seed
 * and then sliced, because the generator draws its randomness from the start of the span: generating a
 * different span would give a different market, and the same request must give the same numbers in the
 * CLI, the desktop and the tests. Requests outside the span get empty series. Coarser candles are
 * resampled from the 1m ones; open interest at a coarser interval keeps the samples on its boundaries.
 */
public final class SimulatedSource implements MarketDataSource {
    private final long seed;
    private final Map<String, SimulatedMarket.Data> markets = new ConcurrentHashMap<>();

    /** The registered instance: seed {@link SourceSpec#DEFAULT_SIM_SEED}. */
    public SimulatedSource() {
        this(SourceSpec.DEFAULT_SIM_SEED);
    }

    public SimulatedSource(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String id() {
        return "sim";
    }

    @Override
    public String displayName() {
        return "Simulated market (seed " + seed + ")";
    }

    @Override
    public MarketDataSource configure(SourceSpec spec) {
        return new SimulatedSource(spec.seed());
    }

    @Override
    public Set<DataKind> historicalData() {
        return EnumSet.of(DataKind.CANDLES, DataKind.OPEN_INTEREST);
    }

    private SimulatedMarket.Data market(String symbol) {
        return markets.computeIfAbsent(symbol.trim().toUpperCase(Locale.ROOT),
                s -> SimulatedMarket.generate(s, seed, SimulatedMarket.DEFAULT_END_MS, SimulatedMarket.DEFAULT_DAYS));
    }

    @Override
    public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        CandleSeries all = market(symbol).candles1m();
        CandleSeries ranged = slice(all, fromMs, toMs);
        CandleSeries out = CandleResampler.resample(ranged, intervalMs);
        return slice(out, fromMs, toMs);
    }

    @Override
    public OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        OpenInterestSeries all = market(symbol).openInterest5m();
        if (intervalMs % all.intervalMs() != 0) {
            throw new IllegalArgumentException("the simulator samples open interest every "
                    + Intervals.format(all.intervalMs()) + "; " + Intervals.format(intervalMs) + " is not a multiple of it");
        }
        long[] t = new long[all.size()];
        double[] oi = new double[t.length];
        double[] value = new double[t.length];
        int n = 0;
        for (int i = all.firstIndexAtOrAfter(fromMs); i < all.size() && all.time(i) < toMs; i++) {
            if (Math.floorMod(all.time(i), intervalMs) != 0) continue;
            t[n] = all.time(i);
            oi[n] = all.openInterest(i);
            value[n] = all.openInterestValue(i);
            n++;
        }
        return new OpenInterestSeries(all.symbol(), intervalMs, Arrays.copyOf(t, n), Arrays.copyOf(oi, n), Arrays.copyOf(value, n));
    }

    /**
     * Simulated funding, settled every 8 hours (00, 08, 16 UTC) in {@code [fromMs, toMs)}: a perpetual's funding
     * follows its premium, which follows the trend, so the rate is 0.01 % plus half the return of the 8 hours before
     * the settlement, clamped to ±0.075 % (Binance's usual cap on majors). Derived from the simulated candles only.
     */
    @Override
    public org.liqlens.engine.market.FundingRateSeries fundingRates(String symbol, long fromMs, long toMs, CancelToken cancel) {
        CandleSeries c = market(symbol).candles1m();
        long period = 8 * Intervals.HOUR;
        long first = Math.max(fromMs, c.firstOpenTime() + period);
        long start = Math.floorDiv(first + period - 1, period) * period;
        int n = 0;
        long[] t = new long[(int) Math.max(0, (toMs - start) / period + 1)];
        double[] r = new double[t.length];
        for (long tau = start; tau < toMs && tau <= c.lastCloseTime() + 1; tau += period) {
            int end = c.endIndexClosedBefore(tau), begin = c.endIndexClosedBefore(tau - period);
            if (end == 0 || begin >= end) continue;
            double ret = c.close(end - 1) / c.open(begin) - 1;
            t[n] = tau;
            r[n] = Math.max(-0.00075, Math.min(0.00075, 0.0001 + 0.5 * ret));
            n++;
        }
        return new org.liqlens.engine.market.FundingRateSeries(c.symbol(), Arrays.copyOf(t, n), Arrays.copyOf(r, n));
    }

    /**
     * A simulated top-trader long/short position ratio every 5 minutes in {@code [fromMs, toMs)}: large traders lean
     * with the hour's taker flow, ratio = 1.1 x exp(4 x (taker-buy share of the past hour's quote volume - 0.5)).
     */
    @Override
    public org.liqlens.engine.market.LongShortRatioSeries topTraderRatio(String symbol, long intervalMs, long fromMs, long toMs,
                                                                        CancelToken cancel) {
        CandleSeries c = market(symbol).candles1m();
        long start = Math.floorDiv(Math.max(fromMs, c.firstOpenTime() + Intervals.HOUR) + intervalMs - 1, intervalMs) * intervalMs;
        long end = Math.min(toMs, c.lastCloseTime() + 1);
        long[] t = new long[(int) Math.max(0, (end - start) / intervalMs + 1)];
        double[] ratio = new double[t.length];
        int n = 0;
        for (long ts = start; ts < end; ts += intervalMs) {
            int b = c.endIndexClosedBefore(ts), a = c.endIndexClosedBefore(ts - Intervals.HOUR);
            double q = 0, buy = 0;
            for (int i = a; i < b; i++) {
                q += c.quoteVolume(i);
                buy += c.takerBuyQuoteVolume(i);
            }
            if (!(q > 0)) continue;
            t[n] = ts;
            ratio[n] = 1.1 * Math.exp(4 * (buy / q - 0.5));
            n++;
        }
        return new org.liqlens.engine.market.LongShortRatioSeries(c.symbol(), intervalMs, Arrays.copyOf(t, n), Arrays.copyOf(ratio, n));
    }

    private static CandleSeries slice(CandleSeries s, long fromMs, long toMs) {
        int from = s.firstIndexOpenAtOrAfter(fromMs);
        return s.slice(from, Math.max(from, s.firstIndexOpenAtOrAfter(toMs)));
    }
}
