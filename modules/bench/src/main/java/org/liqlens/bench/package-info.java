/**
 * JMH benchmarks of the engine and the importers. They build with the rest (so they always compile) and run
 * by hand.
 *
 * <h2>BENCHMARKS</h2>
 *
 * <h3>How to run</h3>
 * <pre>
 * cd /work/main   # the repository root: the klines case reads ../shared/data
 * mvn -B -o -q install -DskipTests -pl modules/engine,modules/sources,modules/bench
 * taskset -c 1 java -jar modules/bench/target/liqlens-benchmarks.jar [regex] -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 * One fork pinned to one core: the targets are per core, and the machine has two. Check {@code uptime}
 * first; other builds on the machine make the errors wide. Useful extras: {@code -p generator=runs}
 * (a third trade generator), {@code -prof gc} (allocation per operation), {@code -prof stack} (where the
 * time goes; the sweep inlines into one or two frames). {@code -lp} lists the parameters.
 *
 * <h3>The cases and their targets</h3>
 * Candle data is {@link org.liqlens.engine.sim.SimulatedMarket} (BTCUSDT-like 1m candles and 5m open
 * interest, seed 1); the window is the whole series; one operation is one full
 * {@code LiquidationEngine.estimate} (plan, sweep, heatmap, map and zones).
 * <table>
 * <caption>cases</caption>
 * <tr><th>benchmark</th><th>what</th><th>target</th></tr>
 * <tr><td>{@link org.liqlens.bench.CandleBench#m1Month CandleBench.m1Month}</td>
 *     <td>m1, 30 days of 1m candles (43,200), 1,000 buckets x 1,440 columns</td><td>at most 4 ms (issue 14;
 *     15 ms before)</td></tr>
 * <tr><td>{@code CandleBench.m1MonthMapOnly}</td><td>the same, map only (columns 0)</td><td>-</td></tr>
 * <tr><td>{@code CandleBench.m1ThreeDays} / {@code m1ThreeDaysMapOnly}</td><td>m1, 3 days of 1m candles (4,320), the
 *     same 1,000 x 1,440 grid (and the map only): a short window, where the grid is most of the work</td>
 *     <td>at most 2 ms / -</td></tr>
 * <tr><td>{@code CandleBench.m1Year}</td><td>m1, 365 days of 1m candles (525,600), 1,000 x 1,440</td>
 *     <td>at most 150 ms</td></tr>
 * <tr><td>{@code CandleBench.m3Month}, {@code m2Month}</td><td>m3 (24 h half-life) and m2 (open-interest
 *     flow) over the 30 days, 1,000 x 1,440</td><td>for the record</td></tr>
 * <tr><td>{@link org.liqlens.bench.NaiveSweepBench NaiveSweepBench.naive} / {@code .fast}</td>
 *     <td>the engine's brute-force reference ({@code NaiveSweep}: every live level against every candle, and
 *     into every column it lives through) beside the fast estimate of the same m1 30-day request: the ratio
 *     is what the sweep of §4 buys. The naive one takes seconds per operation.</td><td>-</td></tr>
 * <tr><td>{@link org.liqlens.bench.TradeBench TradeBench.m1tHeatmap} / {@code m1tMapOnly}</td>
 *     <td>m1t over 10,000,000 trades, 1,000 x 1,440 and map only; score in trades per second
 *     ({@code @OperationsPerInvocation}). Generators ({@link org.liqlens.bench.Markets}): {@code realistic}
 *     (aggTrades-like: a week of simulated BTC candles, 0.1 tick, bid/ask bounce, runs of one price and side
 *     two times in three) and {@code walk} (a random walk with a coin-flip side, almost no repeats: the
 *     hard case); {@code runs} on request</td><td>at least 30 million trades/s</td></tr>
 * <tr><td>{@link org.liqlens.bench.ImportBench#klinesMonth ImportBench.klinesMonth}</td>
 *     <td>{@code BinanceVisionImporter.klines} on a month of 1m klines (43,200 rows): the real
 *     {@code ../shared/data/binance_um_AVAXUSDT-1m-2026-06.csv}, or a generated file in the same layout</td>
 *     <td>at most 150 ms</td></tr>
 * <tr><td>{@code ImportBench.aggTradesMillion}</td><td>{@code BinanceVisionImporter.aggTrades} on 1,000,000
 *     generated rows in the archive layout, with header, prices and quantities at BTCUSDT's tick and lot sizes
 *     (0.1, 0.001) as the archives write them (since 2026-12-01; before, the simulator's full 17-digit doubles)</td>
 *     <td>at most 1 s</td></tr>
 * <tr><td>{@link org.liqlens.bench.LiveBench#m1Update LiveBench.m1Update} / {@code m3Update}</td>
 *     <td>a live update of a 3-day desktop pane: one closed 1m candle moves a
 *     {@link org.liqlens.sources.live.LiveWindow} over 3 days of 1m candles (4,320), then m1 (m3) at the pane's
 *     400 buckets x 480 columns; {@code m1Engine} / {@code m3Engine} are the engine alone on the same 3 days</td>
 *     <td>at most 5 ms</td></tr>
 * <tr><td>{@link org.liqlens.bench.ScorecardBench#btcYear ScorecardBench.btcYear} / {@code altcoinStudy}</td>
 *     <td>issue 12's scorecard, m1 and m3 over 12 h, 24 h and 3 d, default spec, data in memory: the BTCUSDT spot
 *     year (about 1,450 as-of times per window) and the three altcoin months (single shots)</td>
 *     <td>at most 60 s / 10 s</td></tr>
 * <tr><td>{@code LiveBench.advance} / {@code copyOfTheWindow}</td><td>the window's advance alone (amortised
 *     O(1): {@code CandleSeries.append}) beside what a copy of the 3 days would cost</td><td>-</td></tr>
 * </table>
 *
 * <h3>Live panes between updates</h3>
 * {@link org.liqlens.bench.LivePanesCpu} (a plain main class, not JMH: the figure is CPU time over wall time)
 * runs four subscribers of one {@link org.liqlens.sources.live.LiveFeedHub} feed while a stand-in Binance kline
 * stream ({@link org.liqlens.bench.FakeKlineServer}, a child process so that its CPU is not counted) sends four
 * forming-candle updates a second, and prints this process's CPU time as a percentage of one core (target at
 * most 5 %), beside the same JVM idle:
 * <pre>taskset -c 1 java -cp modules/bench/target/liqlens-benchmarks.jar org.liqlens.bench.LivePanesCpu [seconds] [warm-up] [panes] [rate]</pre>
 *
 * <h3>Memory</h3>
 * {@link org.liqlens.bench.InputFootprint} (a plain main class) prints the heap taken by one year of 1m
 * candles, the {@code m1Year} input (target at most 40 MB), and with {@code --trades} by the ten million
 * trades; run it with the heap settings of interest:
 * <pre>java -Xmx4g -XX:+UseG1GC -cp modules/bench/target/liqlens-benchmarks.jar org.liqlens.bench.InputFootprint</pre>
 * The payload is 8 columns x 8 bytes = 64 bytes a candle (33.6 MB a year). Under G1 each 4.2 MB column is
 * a humongous object rounded up to whole regions, so the heap it occupies depends on the region size.
 */
package org.liqlens.bench;
