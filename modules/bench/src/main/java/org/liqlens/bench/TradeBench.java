package org.liqlens.bench;

import java.util.concurrent.TimeUnit;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.TradeSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * m1t over ten million trades, the window being all of them. One invocation is one estimate; the score is
 * in trades per second ({@code @OperationsPerInvocation(10_000_000)}). Target: at least 30 million a second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class TradeBench {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();

    /**
     * {@code realistic}: aggTrades-like over a week of simulated BTC candles (tick grid, bid/ask bounce,
     * runs of one price and side); {@code walk}: a random walk with a coin-flip side, almost no repeats (the
     * hard case); {@code runs} (not run by default, {@code -p generator=runs}): the walk with runs, p = 0.64.
     * See {@link Markets}.
     */
    @Param({"realistic", "walk"})
    public String generator;

    TradeSeries trades;
    EstimateRequest heatmap, mapOnly;

    @Setup
    public void setUp() {
        trades = Markets.trades(generator, Markets.TRADES);
        int n = trades.size();
        long span = trades.time(n - 1) - trades.time(0) + 1;
        EstimateRequest base = EstimateRequest.builder(MarketInputs.ofTrades(trades), "m1t").window(span).buckets(1000).build();
        heatmap = base.toBuilder().columns(1440).build();
        mapOnly = base.toBuilder().columns(0).build();
    }

    /** 1,000 buckets x 1,440 columns. */
    @Benchmark
    @OperationsPerInvocation(Markets.TRADES)
    public EstimateResult m1tHeatmap() { return ENGINE.estimate(heatmap); }

    /** The map only (columns 0), 1,000 buckets. */
    @Benchmark
    @OperationsPerInvocation(Markets.TRADES)
    public EstimateResult m1tMapOnly() { return ENGINE.estimate(mapOnly); }
}
