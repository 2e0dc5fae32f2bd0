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

    private static CandleSeries slice(CandleSeries s, long fromMs, long toMs) {
        int from = s.firstIndexOpenAtOrAfter(fromMs);
        return s.slice(from, Math.max(from, s.firstIndexOpenAtOrAfter(toMs)));
    }
}
