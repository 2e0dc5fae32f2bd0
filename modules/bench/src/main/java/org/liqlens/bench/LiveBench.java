package org.liqlens.bench;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.live.LiveWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A live update of a 3-day chart pane: one closed 1m candle moves the {@link LiveWindow} on (3 days of
 * simulated candles, {@link Markets}), and the engine runs again at the desktop pane's resolution, 400 buckets x
 * 480 columns. The candles that arrive are the 7 simulated days after the window, one per operation; each
 * iteration starts again from the loaded window.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LiveBench {

    static final LiquidationEngine ENGINE = CandleBench.ENGINE;
    static final long WINDOW_MS = 3 * Markets.DAY_MS;
    /** The desktop pane's heatmap resolution (PaneEstimator). */
    static final int BUCKETS = 400, COLUMNS = 480;

    /** A source the window never asks: the arriving candles have no holes. */
    static final MarketDataSource NO_REST = new MarketDataSource() {
        @Override public String id() { return "bench"; }
        @Override public String displayName() { return "benchmark (no REST)"; }
        @Override public Set<DataKind> historicalData() { return EnumSet.noneOf(DataKind.class); }
        @Override
        public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
            throw new IllegalStateException("the benchmark's candles have no hole to fill");
        }
    };

    /** The 3 days a pane loaded, and the 7 days that then arrive candle by candle. */
    @State(Scope.Thread)
    public static class Pane {
        CandleSeries loaded;
        Candle[] arriving;
        LiveWindow window;
        int next;
        EstimateRequest m1Fixed, m3Fixed;

        @Setup(Level.Trial)
        public void generate() {
            CandleSeries all = Markets.simulated(10).candles1m();
            int w = (int) (WINDOW_MS / 60_000L);
            loaded = all.slice(0, w);
            arriving = new Candle[all.size() - w];
            for (int i = w; i < all.size(); i++) {
                arriving[i - w] = new Candle(all.symbol(), all.intervalMs(), all.openTime(i), all.open(i), all.high(i), all.low(i),
                        all.close(i), all.volume(i), all.quoteVolume(i), all.takerBuyQuoteVolume(i), true);
            }
            MarketInputs in = MarketInputs.of(loaded);
            m1Fixed = request(in, loaded.lastCloseTime() + 1, "m1");
            m3Fixed = request(in, loaded.lastCloseTime() + 1, "m3");
        }

        @Setup(Level.Iteration)
        public void reload() {
            window = new LiveWindow(NO_REST, Markets.SYMBOL, loaded, loaded.lastCloseTime() + 1, WINDOW_MS);
            next = 0;
        }

        /** The next closed candle; after the 7 days, the pane starts again from the loaded window. */
        Candle nextCandle() {
            if (next == arriving.length) reload();
            return arriving[next++];
        }

        /** Moves the window on by the next candle (taken first: it may start the window again). */
        void advance() {
            Candle c = nextCandle();
            window.advance(c, CancelToken.NONE);
        }

        EstimateRequest advance(String model) {
            advance();
            return request(window.inputs(null), window.asOfMs(), model);
        }
    }

    static EstimateRequest request(MarketInputs in, long asOf, String model) {
        return EstimateRequest.builder(in, model).asOf(asOf).window(WINDOW_MS).buckets(BUCKETS).columns(COLUMNS).build();
    }

    /** One candle appended to 3 days of 1m candles, then m1 at 400 x 480. Target: at most 5 ms. */
    @Benchmark
    public EstimateResult m1Update(Pane p) {
        return ENGINE.estimate(p.advance("m1"));
    }

    /** The same with m3 (24 h half-life). Target: at most 5 ms. */
    @Benchmark
    public EstimateResult m3Update(Pane p) {
        return ENGINE.estimate(p.advance("m3"));
    }

    /** The engine alone on the loaded 3 days, m1: what {@link #m1Update} costs beyond the advance. */
    @Benchmark
    public EstimateResult m1Engine(Pane p) {
        return ENGINE.estimate(p.m1Fixed);
    }

    @Benchmark
    public EstimateResult m3Engine(Pane p) {
        return ENGINE.estimate(p.m3Fixed);
    }

    /** The advance alone: {@code CandleSeries.append} plus, now and then, dropping what left the window. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public CandleSeries advance(Pane p) {
        p.advance();
        return p.window.candles();
    }

    /** What an advance would cost if it copied the 3 days (4,320 candles, 8 columns) instead. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public CandleSeries copyOfTheWindow(Pane p) {
        return p.loaded.slice(0, p.loaded.size());
    }
}
