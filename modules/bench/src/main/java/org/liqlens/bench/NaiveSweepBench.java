package org.liqlens.bench;

import java.util.concurrent.TimeUnit;
import org.liqlens.engine.EngineBenchAccess;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The brute-force reference beside the fast path on the same request (m1, 30 days of 1m candles, 1,000 x
 * 1,440): the engine tests' {@code NaiveSweep}, which walks the candles forward testing every live level
 * against every candle and adds every live level into every column it lives through. Its ratio to
 * {@code fast} is what the sweep of §4 buys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NaiveSweepBench {

    /** The fast estimate (the same as {@code CandleBench.m1Month}), for the ratio in one run. */
    @Benchmark
    public EstimateResult fast(CandleBench.Month s) { return CandleBench.ENGINE.estimate(s.m1); }

    /** The naive heatmap of the same request. */
    @Benchmark
    public HeatmapGrid naive(CandleBench.Month s) { return EngineBenchAccess.naiveHeatmap(CandleBench.ENGINE, s.m1); }
}
