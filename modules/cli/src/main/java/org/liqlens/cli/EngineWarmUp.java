package org.liqlens.cli;

import java.util.Set;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimate;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;

/**
 * A head start for a cold {@code map}, {@code heatmap}, {@code zones} or {@code bundle} on the second core: while the
 * main thread reads its options and the data, this thread estimates one made-up day the way the command will
 * (the JDK's method-handle machinery that the first lambda starts, the engine's models, the sweep, the zones, the
 * coverage, the JSON), so that the main thread finds those classes initialised and their code compiled. The result is
 * thrown away; nothing is shared with the run but the JVM. A daemon: the run never waits for it, and its failure is
 * nobody's (the real run reports its own). On one core it costs about what it saves.
 */
final class EngineWarmUp {
    private static final Set<String> COMMANDS = Set.of("map", "heatmap", "zones", "bundle");
    private static final long MINUTE = 60_000L;
    private static final long START = 1_767_225_600_000L;   // 2026-01-01T00:00Z; any time would do

    private EngineWarmUp() { }

    /** Starts the warm-up when {@code command} is one that estimates. */
    static void startFor(String command) {
        // -Dliqlens.warmUp=off: for measuring what it saves (modules/bench/cold.sh)
        if (!COMMANDS.contains(command) || "off".equals(System.getProperty("liqlens.warmUp"))) return;
        // a class, not a lambda: the first lambda of the run should start the method-handle machinery on this thread
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                warmUp(command.equals("heatmap") || command.equals("bundle"));
            }
        }, "liqlens-warm-up");
        t.setDaemon(true);
        t.start();
    }

    static void warmUp(boolean heatmap) {
        try {
            CandleSeries candles = madeUpDay();
            MarketDataSource memory = new MarketDataSource() {
                @Override public String id() { return "sim"; }
                @Override public String displayName() { return "Warm-up"; }
                @Override public Set<DataKind> historicalData() { return Set.of(DataKind.CANDLES); }

                @Override
                public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
                    return candles.slice(candles.firstIndexOpenAtOrAfter(fromMs), candles.firstIndexOpenAtOrAfter(toMs));
                }
            };
            LiquidationEngine engine = LiquidationEngine.standard(EngineWarmUp.class.getClassLoader());
            WindowSpec spec = WindowSpec.builder(SourceSpec.parse("sim"), "WARMUPUSDT", "m1", 24 * 60 * MINUTE)
                    .buckets(200).columns(heatmap ? 96 : 0).build();
            WindowEstimate estimate = new WindowEstimator(engine, s -> memory).estimate(spec, CancelToken.NONE);
            Json.write(heatmap ? EstimateCommand.heatmapJson(estimate) : EstimateCommand.mapJson(estimate));
        } catch (RuntimeException | LinkageError e) {
            // only a head start
        }
    }

    /** A day of 1m candles drifting around 100: enough rows for the sweep's and the parser's loops to be compiled. */
    private static CandleSeries madeUpDay() {
        CandleSeries.Builder b = CandleSeries.builder("WARMUPUSDT", MINUTE, 1440);
        double open = 100;
        for (int i = 0; i < 1440; i++) {
            double close = 100 + 3 * Math.sin(i / 37.0) + (i % 11) * 0.05;
            b.add(START + i * MINUTE, open, Math.max(open, close) + 0.2, Math.min(open, close) - 0.2, close, 10, 1_000 + i, 500);
            open = close;
        }
        return b.build();
    }
}
