/**
 * The LiqLens estimation engine: plain Java, no NetBeans and no third-party dependency, so the desktop, the
 * command line and the tests compute exactly the same thing.
 *
 * <h2>Entry points</h2>
 * {@link org.liqlens.engine.LiquidationEngine#standard()} finds the models;
 * {@link org.liqlens.engine.LiquidationEngine#estimate} turns an {@link org.liqlens.engine.EstimateRequest}
 * into an {@link org.liqlens.engine.EstimateResult}: a {@link org.liqlens.engine.HeatmapGrid}, a
 * {@link org.liqlens.engine.LiquidationMap} at T and its {@link org.liqlens.engine.Zone}s. The contract is
 * {@code shared/design/liquidation-math.md}; section numbers (§3) below refer to it.
 *
 * <h2>How an estimate is computed</h2>
 * <ol>
 * <li>Window (§3). Candle models see candles with {@code open_time >= T-W} and {@code close_time < T};
 *     trade models trades with time in {@code [T-W, T)}. Only these events create levels and only these
 *     clear them; the price is the last one's close (or price).</li>
 * <li>Openings. The model says, per event, how much notional opened long and short and at which entry
 *     ({@link org.liqlens.engine.model.ModelRun}), and how surviving notional scales over time
 *     ({@link org.liqlens.engine.model.WeightScale}: identity for m1, a half-life for m3, steps at open-interest
 *     falls for m2).</li>
 * <li>Levels. Each opening is spread over the leverage ladder; a level's price is Binance's fresh-position
 *     liquidation price with cum = 0 and one MMR ({@code entry * (1 - 1/L) / (1 - MMR)} long,
 *     {@code entry * (1 + 1/L) / (1 + MMR)} short).</li>
 * <li>Clearing (§3, §4). A long level at p created by event i dies at the first later event j with
 *     {@code low_j <= p} (short: {@code high_j >= p}); its own event never clears it. One pass from the last
 *     event back answers it with monotonic stacks and galloping binary search, O(log n) per level and O(n)
 *     memory. The estimate needs only the column a level dies in (the map only whether it survives), so
 *     its stacks hold per-column extremes and a running extreme of the current column settles most levels
 *     in O(1); {@link org.liqlens.engine.LiquidationEngine#levels} uses event-level stacks for the exact
 *     clearing event. Runs of trades at one price merge before this step: their levels are identical.</li>
 * <li>Heatmap (§4). The same O(levels·log n + buckets x columns) bound as §4's 2-D difference array, without its
 *     random writes or its residues: one pass along time carries each side's surviving notional per bucket.
 *     A column's low empties every long bucket above the low's bucket at once, and in that one bucket the
 *     backward pass has summed exactly the levels the low reaches (shorts mirror this at the high). Time-varying
 *     weights G enter as {@code w(t) = G(t) * w / G(created)}, evaluated as ratios at each column's end so that
 *     nothing overflows (details in the sweep's source, {@code SweepKernel}). Each row is the previous one
 *     copied plus the buckets that changed; cells are {@code float}s rounded once from those {@code double}
 *     sums. A brute-force reference, {@code NaiveSweep}, checks it in tests.</li>
 * <li>Map and zones (§5) at T from the surviving levels.</li>
 * </ol>
 *
 * <h2>Conventions the contract leaves open</h2>
 * <ul>
 * <li>An event's stamp is the candle's close time (its last millisecond) or the trade's time. The heatmap
 *     column of an event is the one holding its stamp; column c shows the state at its end, so a candle is
 *     in column c once it has closed by then.</li>
 * <li>m3's age is {@code T - close_time} of the creating candle (the trade's time for m3t).</li>
 * <li>Final price. A level of the last candle may lie beyond that candle's own close (a long at 99.4 % of
 *     a typical price above which the candle closed lower). §3 forbids its own candle to clear it, but §1 puts
 *     every long below the price: such a level counts as liquidated at T. It shows in no map and leaves the
 *     heatmap at the last column, which therefore always equals the map (to the cells' float precision).</li>
 * <li>m1/m3 split a candle without taker-buy volume 50/50, like m2.</li>
 * <li>Buckets: p lies in bucket {@code floor((p - low) * (B / (high - low)))}; levels outside the range count
 *     in the map's totals but in no bucket.</li>
 * <li>Liquidation prices are evaluated exactly as written, {@code (entry * (1 - 1/L)) / (1 - MMR)}: quoted
 *     prices do land exactly on levels, and a different evaluation order flips such ties.</li>
 * <li>m2's alignment of open-interest intervals and candles: see
 *     {@link org.liqlens.engine.model.builtin.OpenInterestFlowModel}.</li>
 * </ul>
 */
package org.liqlens.engine;
