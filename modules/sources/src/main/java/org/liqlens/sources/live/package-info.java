/**
 * Live data: the self-healing WebSocket connection of the exchange feeds ({@link org.liqlens.sources.live.LiveConnection},
 * {@link org.liqlens.sources.live.CandleGapFiller}), and what live chart panes build on.
 *
 * <h2>Live panes</h2>
 * A pane whose as-of is "live" recomputes its estimate when a 1m candle closes:
 * <ul>
 * <li>{@link org.liqlens.sources.live.LiveFeedHub}: one per application. It shares one feed per (configured source,
 *     symbol) among all the panes that show it (one WebSocket, or one REST poller when the source has no kline
 *     stream), and closes it with the last subscription.</li>
 * <li>{@link org.liqlens.sources.live.LiveCandleListener}: what a pane is told, on the hub's dispatch thread:
 *     each closed candle once, in order, without holes, forming-candle updates, and a
 *     {@link org.liqlens.sources.live.FeedStatus} for the status bar.</li>
 * <li>{@link org.liqlens.sources.live.LiveWindow}: the pane's window {@code [T - W, T)} moved forward by each closed
 *     candle in amortised O(1), ready for the engine.</li>
 * </ul>
 * <pre>{@code
 * // Once per application (and hub.close() on exit):
 * LiveFeedHub hub = new LiveFeedHub();
 *
 * // A live pane, on its own worker (a RequestProcessor), never on the EDT:
 * WindowLoader.Loaded loaded = WindowLoader.load(source, symbol, needs, null, windowMs, cancel);
 * LiveWindow window = LiveWindow.of(source, symbol, loaded, windowMs);
 * LiveCandleSubscription sub = hub.subscribe(source, symbol, window.lastOpenTime(), new LiveCandleListener() {
 *     public void onCandle(Candle c) {
 *         closedCandles.add(c);           // a queue; then hand over, do not compute here
 *         worker.post(refresh);           // refresh: advance by every queued candle, then one estimate
 *     }
 *     public void onStatus(FeedStatus s) {
 *         SwingUtilities.invokeLater(() -> statusLabel.setText(s.text()));
 *     }
 * });
 * // refresh, on the worker:
 * for (Candle c; (c = closedCandles.poll()) != null; ) window.advance(c, cancel);
 * EstimateRequest r = EstimateRequest.builder(window.inputs(openInterestOrNull), modelId)
 *         .asOf(window.asOfMs()).window(window.windowMs()).buckets(400).columns(480).build();
 * // componentClosed: sub.close();
 * }</pre>
 * Draining the queue before each estimate coalesces candles that arrive together (a back-fill after a
 * reconnect) into one engine run. A model that needs open interest (m2) re-queries it when
 * {@link org.liqlens.sources.live.LiveWindow#openInterestDue(long)} says so (see {@code LiveWindow}).
 */
package org.liqlens.sources.live;
