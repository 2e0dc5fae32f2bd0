package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.TradeSeries;

/**
 * m1t and m3t on a real Binance USDⓈ-M BTCUSDT trade capture (about 21,000 trades) against a per-level loop
 * written here: each trade opens its notional on its taker's side; a level dies at the first later trade
 * priced through it.
 */
class RealTradesTest {

    private static final Pattern TRADE = Pattern.compile(
            "\\\"T\\\":(\\d+).*?\\\"p\\\":\\\"([0-9.]+)\\\",\\\"q\\\":\\\"([0-9.]+)\\\".*?\\\"m\\\":(true|false)");

    static long[][] readTrades() throws Exception {
        var f = TestData.require("hftbacktest_usdm_btcusdt_20240808.gz");
        List<long[]> rows = new ArrayList<>();
        List<double[]> px = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.contains("\"stream\":\"btcusdt@trade\"")) continue;
                Matcher m = TRADE.matcher(line);
                if (!m.find()) throw new IllegalStateException("unparsed trade: " + line);
                rows.add(new long[] {Long.parseLong(m.group(1)), m.group(4).equals("true") ? 1 : 0});
                px.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
        }
        long[][] out = new long[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[] {rows.get(i)[0], rows.get(i)[1], Double.doubleToLongBits(px.get(i)[0]), Double.doubleToLongBits(px.get(i)[1])};
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, {1} columns")
    @CsvSource({"m1t, 120, 0", "m3t, 90, 0.05"})
    void engineMatchesPerLevelLoop(String model, int columns, double halfLifeHours) throws Exception {
        long[][] raw = readTrades();
        TradeSeries.Builder b = TradeSeries.builder("BTCUSDT", raw.length);
        for (long[] x : raw) b.add(x[0], Double.longBitsToDouble(x[2]), Double.longBitsToDouble(x[3]), x[1] == 1);
        TradeSeries trades = b.build();
        int n = trades.size();
        assertTrue(n > 20_000);
        long asOf = trades.time(n - 1) - 10_000;            // the last ten seconds stay outside
        long window = 150_000;                              // two and a half minutes: about 10,000 trades
        assertTrue(asOf - window > trades.time(0), "the window lies inside the capture");
        int buckets = 250;
        EstimateRequest.Builder rb = EstimateRequest.builder(MarketInputs.ofTrades(trades), model)
                .asOf(asOf).window(window).columns(columns).buckets(buckets);
        if (halfLifeHours > 0) rb.param("halfLifeHours", halfLifeHours);
        EstimateResult r = LiquidationEngine.standard().estimate(rb.build());

        long start = asOf - window;
        double[] lev = {5, 10, 25, 50, 100}, share = {0.10, 0.25, 0.30, 0.20, 0.15};
        double mmr = 0.004, halfLifeMs = halfLifeHours * 3_600_000;
        List<Integer> win = new ArrayList<>();
        for (int i = 0; i < n; i++) if (trades.time(i) >= start && trades.time(i) < asOf) win.add(i);
        double price = trades.price(win.get(win.size() - 1));
        double wl = Double.MAX_VALUE, wh = 0;
        for (int i : win) { wl = Math.min(wl, trades.price(i)); wh = Math.max(wh, trades.price(i)); }
        double lo = Math.min(wl, price) * 0.88, hi = Math.max(wh, price) * 1.12;
        double[] mapLong = new double[buckets], mapShort = new double[buckets];
        double[][] grid = new double[columns][buckets];
        long[] colEnd = new long[columns];
        for (int c = 0; c < columns; c++) colEnd[c] = start + -Math.floorDiv(-(c + 1) * window, columns);
        double totLong = 0, totShort = 0;
        for (int a = 0; a < win.size(); a++) {
            int i = win.get(a);
            boolean isLong = !trades.buyerIsMaker(i);
            double entry = trades.price(i), notional = trades.price(i) * trades.quantity(i);
            for (int t = 0; t < 5; t++) {
                double p = isLong ? entry * (1 - 1 / lev[t]) / (1 - mmr) : entry * (1 + 1 / lev[t]) / (1 + mmr);
                double w = notional * share[t];
                int cleared = -1;
                for (int k = a + 1; k < win.size(); k++) {
                    double q = trades.price(win.get(k));
                    if (isLong ? q <= p : q >= p) { cleared = win.get(k); break; }
                }
                int bucket = (int) Math.floor((p - lo) * (buckets / (hi - lo)));
                boolean in = bucket >= 0 && bucket < buckets;
                int c0 = (int) (((trades.time(i) - start) * columns) / window);
                int c1 = cleared >= 0 ? (int) (((trades.time(cleared) - start) * columns) / window) : columns;
                if (in) for (int c = c0; c < c1; c++) grid[c][bucket] += w * decay(colEnd[c] - trades.time(i), halfLifeMs);
                if (cleared < 0) {
                    double wT = w * decay(asOf - trades.time(i), halfLifeMs);
                    if (isLong) { totLong += wT; if (in) mapLong[bucket] += wT; } else { totShort += wT; if (in) mapShort[bucket] += wT; }
                }
            }
        }
        assertEquals(price, r.price());
        assertEquals(totLong, r.map().totalLong(), 1e-9 * totLong);
        assertEquals(totShort, r.map().totalShort(), 1e-9 * totShort);
        for (int k = 0; k < buckets; k++) {
            assertEquals(mapLong[k], r.map().longNotional(k), 1e-9 * mapLong[k] + 1e-6, "long bucket " + k);
            assertEquals(mapShort[k], r.map().shortNotional(k), 1e-9 * mapShort[k] + 1e-6, "short bucket " + k);
        }
        double max = 0;
        for (double[] col : grid) for (double v : col) max = Math.max(max, v);
        for (int c = 0; c < columns; c++) {
            for (int k = 0; k < buckets; k++) {
                // float cells (HeatmapGrid): FloatGridTest.CELL relative where 1e-9 held for the doubles
                assertEquals(grid[c][k], r.heatmap().value(c, k), FloatGridTest.CELL * grid[c][k] + 1e-9 * max, "column " + c + ", bucket " + k);
            }
        }
    }

    private static double decay(long age, double halfLifeMs) { return halfLifeMs > 0 ? Math.pow(2, -age / halfLifeMs) : 1; }
}
