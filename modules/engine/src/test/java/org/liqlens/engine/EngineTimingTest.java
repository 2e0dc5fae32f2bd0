package org.liqlens.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.TradeSeries;

/**
 * A rough timing of the hot paths (the JMH module measures properly). Runs only with
 * {@code -Dliqlens.perf=true}; prints the median of repeated runs after warm-up.
 */
class EngineTimingTest {

    static final long START = 1_735_689_600_000L;

    @Test
    void timings() {
        assumeTrue(Boolean.getBoolean("liqlens.perf"), "timing runs only with -Dliqlens.perf=true");
        LiquidationEngine engine = LiquidationEngine.standard();

        CandleSeries month = TestData.randomCandles("BTCUSDT", START, 30 * 1440, 11);
        EstimateRequest m1Month = EstimateRequest.builder(MarketInputs.of(month), "m1").window(30 * 86_400_000L)
                .buckets(1000).columns(1440).build();
        report("m1 30 d of 1m, 1000 x 1440", engine, m1Month, 40);
        EstimateRequest m3Month = EstimateRequest.builder(MarketInputs.of(month), "m3").window(30 * 86_400_000L)
                .buckets(1000).columns(1440).build();
        report("m3 30 d of 1m, 1000 x 1440", engine, m3Month, 20);
        report("m1 30 d of 1m, map only", engine, m1Month.toBuilder().columns(0).build(), 20);

        CandleSeries year = TestData.randomCandles("BTCUSDT", START, 525_600, 12);
        EstimateRequest m1Year = EstimateRequest.builder(MarketInputs.of(year), "m1").window(365 * 86_400_000L)
                .buckets(1000).columns(1440).build();
        report("m1 1 y of 1m, 1000 x 1440", engine, m1Year, 10);
        year = null;

        int n = 10_000_000;
        for (String kind : new String[] {"random walk", "runs (p=0.64)"}) {
            TradeSeries trades = kind.startsWith("random") ? TestData.randomTrades("BTCUSDT", START, n, 13)
                    : TestData.runTrades("BTCUSDT", START, n, 0.64, 13);
            long span = trades.time(n - 1) - trades.time(0) + 1;
            EstimateRequest m1t = EstimateRequest.builder(MarketInputs.ofTrades(trades), "m1t").window(span).build();
            for (int[] shape : new int[][] {{1000, 1440}, {400, 480}, {400, 0}}) {
                double ms = report("m1t 10M " + kind + ", " + shape[0] + " x " + shape[1], engine,
                        m1t.toBuilder().buckets(shape[0]).columns(shape[1]).build(), 6);
                System.out.printf("    -> %.1f M trades/s%n", n / ms / 1000);
            }
        }
    }

    /** Median thread CPU time of {@code runs} estimates after warm-up, in ms. */
    private static double report(String name, LiquidationEngine engine, EstimateRequest r, int runs) {
        if (runs == 0) return 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Math.max(3, runs / 2); i++) engine.estimate(r);
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long a = mx.getCurrentThreadCpuTime();
            engine.estimate(r);
            t[i] = (mx.getCurrentThreadCpuTime() - a) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("%-40s median %8.2f ms   min %8.2f ms (thread CPU time)%n", name, t[runs / 2], t[0]);
        return t[runs / 2];
    }
}
