package org.liqlens.bench;

import java.util.concurrent.TimeUnit;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.sim.SimulatedMarket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Candle models on simulated 1m BTCUSDT candles ({@link SimulatedMarket}, seed 1): one full estimate per
 * operation (plan, sweep, heatmap accumulation, map and zones), the window being the whole series.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CandleBench {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();

    /** 30 days: 43,200 candles and 8,640 open-interest samples. */
    @State(Scope.Benchmark)
    public static class Month {
        MarketInputs inputs;
        EstimateRequest m1, m1MapOnly, m3, m2;

        @Setup
        public void setUp() {
            SimulatedMarket.Data d = Markets.simulated(30);
            inputs = MarketInputs.of(d.candles1m(), d.openInterest5m());
            m1 = request(inputs, "m1", 30, 1000, 1440);
            m1MapOnly = request(inputs, "m1", 30, 1000, 0);
            m3 = request(inputs, "m3", 30, 1000, 1440);
            m2 = request(inputs, "m2", 30, 1000, 1440);
        }
    }

    /** 3 days: 4,320 candles, the grid as large as the month's (a short window at full resolution). */
    @State(Scope.Benchmark)
    public static class ThreeDays {
        EstimateRequest m1, m1MapOnly;

        @Setup
        public void setUp() {
            MarketInputs in = MarketInputs.of(Markets.simulated(3).candles1m());
            m1 = request(in, "m1", 3, 1000, 1440);
            m1MapOnly = request(in, "m1", 3, 1000, 0);
        }
    }

    /** 365 days: 525,600 candles. */
    @State(Scope.Benchmark)
    public static class Year {
        EstimateRequest m1;

        @Setup
        public void setUp() {
            m1 = request(MarketInputs.of(Markets.simulated(365).candles1m()), "m1", 365, 1000, 1440);
        }
    }

    static EstimateRequest request(MarketInputs in, String model, int days, int buckets, int columns) {
        return EstimateRequest.builder(in, model).window(days * Markets.DAY_MS).buckets(buckets).columns(columns).build();
    }

    /** m1, 30 days of 1m candles, 1,000 buckets x 1,440 columns. Target: at most 4 ms (issue 14). */
    @Benchmark
    public EstimateResult m1Month(Month s) { return ENGINE.estimate(s.m1); }

    /** m1, 30 days, the map only (columns 0). */
    @Benchmark
    public EstimateResult m1MonthMapOnly(Month s) { return ENGINE.estimate(s.m1MapOnly); }

    /** m1, 3 days of 1m candles (4,320), 1,000 x 1,440: the grid's cost at a short window. Target: at most 2 ms. */
    @Benchmark
    public EstimateResult m1ThreeDays(ThreeDays s) { return ENGINE.estimate(s.m1); }

    /** m1, 3 days, the map only (columns 0). */
    @Benchmark
    public EstimateResult m1ThreeDaysMapOnly(ThreeDays s) { return ENGINE.estimate(s.m1MapOnly); }

    /** m3 (24 h half-life), 30 days, 1,000 x 1,440. */
    @Benchmark
    public EstimateResult m3Month(Month s) { return ENGINE.estimate(s.m3); }

    /** m2 (open-interest flow, 5m OI), 30 days, 1,000 x 1,440. */
    @Benchmark
    public EstimateResult m2Month(Month s) { return ENGINE.estimate(s.m2); }

    /** m1, 365 days of 1m candles (525,600), 1,000 x 1,440. Target: at most 150 ms. */
    @Benchmark
    public EstimateResult m1Year(Year s) { return ENGINE.estimate(s.m1); }
}
