package org.liqlens.app;

import java.awt.Component;
import java.awt.Container;
import java.util.Map;
import javax.swing.JLabel;
import junit.framework.Test;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.desktop.panes.PaneView;
import org.liqlens.desktop.panes.SourceSettings;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;
import org.liqlens.engine.model.LiquidationModel;
import org.openide.util.Lookup;
import org.openide.util.NbPreferences;

/**
 * A live Binance pane in the running application against an exchange on loopback ({@link FakeBinanceExchange}):
 * the pane loads its window over REST, follows the kline stream, moves forward on a closed candle without
 * downloading the window again, shows the numbers {@code liqlens-cli map --at T} would, and says so when the
 * stream drops and when it is back.
 */
public class Workbench3LivePaneTest extends WorkbenchTestSupport {
    private static final long M = FakeBinanceExchange.M;
    private static final long WINDOW = 12 * 60 * M;

    public Workbench3LivePaneTest(String name) {
        super(name);
    }

    public static Test suite() {
        return configuration(false).addTest(Workbench3LivePaneTest.class, "testLivePaneFollowsTheStream").suite();
    }

    public void testLivePaneFollowsTheStream() throws Exception {
        try (FakeBinanceExchange exchange = new FakeBinanceExchange()) {
            NbPreferences.forModule(SourceSettings.class).put("binance.baseUrl", exchange.restUrl());
            NbPreferences.forModule(SourceSettings.class).put("binance.wsUrl", exchange.wsUrl());
            PaneSpec spec = new PaneSpec("binance", "BTCUSDT", "m1", WINDOW, null, PaneView.HEATMAP, Map.of());
            ChartPaneTopComponent pane = onEdt(() -> ChartPaneTopComponent.open(spec, "editor"));

            waitFor("the live pane's first estimate", () -> pane.result() != null, 120_000);
            long t = pane.result().asOf();
            assertEquals("a live window ends at a minute", 0, t % M);
            waitFor("the pane's feed to open the stream", () -> !exchange.streams.isEmpty(), 60_000);
            // the pane's scorecard badge loads a month of its own in the background (PaneScorecards, same key as the
            // pane's): let it finish first, or its requests land after the count below and look like a reload
            java.util.concurrent.CompletableFuture<?> badge = org.liqlens.desktop.panes.PaneScorecards.of(spec);
            waitFor("the pane's scorecard badge", badge::isDone, 180_000);
            long windowLoads = windowLoads(exchange, t);
            assertTrue("the window was loaded over REST", windowLoads > 0);

            // The minute T closes: the stream says so, and REST now serves it too. The REST client keeps only candles
            // closed by the wall clock, so the test waits for the real minute to end (under a minute).
            while (System.currentTimeMillis() < t + M + 500) Thread.sleep(200);
            exchange.nowMs = t + M + 1_000;
            exchange.push(FakeBinanceExchange.closedKlineEvent(t));
            waitFor("the pane to move to T + 1 min", () -> pane.result() != null && pane.result().asOf() == t + M, 60_000);

            assertEquals("a live minute does not download the window again", windowLoads, windowLoads(exchange, t));
            LiquidationMap expected = cliPath(exchange, t + M);
            LiquidationMap shown = onEdt(() -> pane.result().map());
            assertEquals(expected.price(), shown.price(), 0);
            assertEquals("the price is the new candle's close", FakeBinanceExchange.close(t / M), shown.price(), 1e-9);
            assertArrayEquals(expected.longNotionals(), shown.longNotionals());
            assertArrayEquals(expected.shortNotionals(), shown.shortNotionals());

            // The stream drops and cannot come back: the pane says so above the chart, keeping its numbers.
            exchange.refuseStreams = true;
            exchange.dropStreams();
            waitFor("a banner about the live feed", () -> label(pane, "Live feed") != null, 60_000);
            assertNotNull("the chart stays", pane.result());
            // Back: the banner goes.
            exchange.refuseStreams = false;
            waitFor("the banner to go once the stream is back", () -> label(pane, "Live feed") == null, 120_000);

            // Minute T + 1 closed while nobody listened; the stream then sends T + 2. The gap is back-filled: no hole,
            // no duplicate, and the numbers are again those of an estimate loaded afresh.
            while (System.currentTimeMillis() < t + 3 * M + 500) Thread.sleep(200);
            exchange.nowMs = t + 3 * M + 1_000;
            exchange.push(FakeBinanceExchange.closedKlineEvent(t + 2 * M));
            waitFor("the pane to move to T + 3 min", () -> pane.result().asOf() == t + 3 * M, 60_000);
            CandleSeries candles = onEdt(() -> pane.result().windowCandles());
            assertEquals("the window's last candle", t + 2 * M, candles.openTime(candles.size() - 1));
            for (int i = 1; i < candles.size(); i++) {
                assertEquals("one candle a minute, none twice, none missing", M, candles.openTime(i) - candles.openTime(i - 1));
            }
            assertEquals(WINDOW / M, candles.size());
            LiquidationMap afterGap = onEdt(() -> pane.result().map());
            LiquidationMap fresh = cliPath(exchange, t + 3 * M);
            assertArrayEquals(fresh.longNotionals(), afterGap.longNotionals());
            assertArrayEquals(fresh.shortNotionals(), afterGap.shortNotionals());
        }
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertEquals("bucket " + i, expected[i], actual[i], 0);
    }

    /** REST requests that reach back to the start of the window: loads of the window, not a poll or a back-fill. */
    private static long windowLoads(FakeBinanceExchange exchange, long t) {
        return exchange.klineRequests.stream().filter(q -> Long.parseLong(q.get("startTime")) <= t - WINDOW / 2).count();
    }

    /** What {@code liqlens-cli map --source binance --base-url … --at T} computes: the same estimator, no cache. */
    private static LiquidationMap cliPath(FakeBinanceExchange exchange, long asOf) {
        WindowEstimator estimator = new WindowEstimator(LiquidationEngine.of(Lookup.getDefault().lookupAll(LiquidationModel.class)),
                s -> s.withBaseUrl(exchange.restUrl()).open());
        WindowSpec request = WindowSpec.builder(SourceSpec.parse("binance"), "BTCUSDT", "m1", WINDOW)
                .asOf(asOf).buckets(400).columns(480).build();
        return estimator.estimate(request, CancelToken.NONE).result().map();
    }

    private static JLabel label(Container root, String containing) {
        for (Component c : root.getComponents()) {
            if (c instanceof JLabel l && l.isShowing() && l.getText() != null && l.getText().contains(containing)) return l;
            if (c instanceof Container k) {
                JLabel found = label(k, containing);
                if (found != null) return found;
            }
        }
        return null;
    }
}
