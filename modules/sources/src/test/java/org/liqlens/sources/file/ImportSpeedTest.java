package org.liqlens.sources.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.TestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import speed against the targets: a month of 1m klines (43,200 rows) within 150 ms, a million aggTrades
 * rows within 1 s. Timed after a few warm-up runs (the JIT compiles the hot loop), best of five; the cold
 * first run is printed too.
 */
class ImportSpeedTest {
    @TempDir
    Path dir;

    private interface Run { int run(); }

    private static long[] time(Run r, int expectedRows) {
        long cold = 0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long t = System.nanoTime();
            assertEquals(expectedRows, r.run());
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (i == 0) cold = ms;
            if (i >= 3) best = Math.min(best, ms);
        }
        return new long[]{cold, best};
    }

    @Test
    void monthOfOneMinuteKlines() {
        Path file = TestSupport.sharedFile("binance_um_AVAXUSDT-1m-2026-06.csv");
        long[] t = time(() -> {
            CandleSeries c = BinanceVisionImporter.klines(file);
            return c.size();
        }, 43_200);
        System.out.printf(Locale.ROOT, "klines import, 43,200 rows: cold %d ms, warm best %d ms%n", t[0], t[1]);
        assertTrue(t[1] <= 150, "warm import took " + t[1] + " ms");
    }

    @Test
    void millionAggTradesRows() throws IOException {
        Path file = dir.resolve("BTCUSDT-aggTrades-2024-01.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n");
            long t = 1_704_067_200_000L;
            StringBuilder b = new StringBuilder(96);
            for (int i = 0; i < 1_000_000; i++) {
                b.setLength(0);
                long id = 1_000_000_000L + i;
                b.append(id).append(',').append(42_000 + i % 1000).append('.').append(i % 10).append(',')
                        .append("0.").append(100 + i % 900).append(',').append(id * 3).append(',').append(id * 3 + i % 4)
                        .append(',').append(t + i * 3L).append(',').append(i % 3 == 0 ? "true" : "false").append('\n');
                w.append(b);
            }
        }
        long[] t = time(() -> {
            TradeSeries s = BinanceVisionImporter.aggTrades(file, "BTCUSDT");
            return s.size();
        }, 1_000_000);
        System.out.printf(Locale.ROOT, "aggTrades import, 1,000,000 rows (%d MB): cold %d ms, warm best %d ms%n",
                Files.size(file) >> 20, t[0], t[1]);
        assertTrue(t[1] <= 1000, "warm import took " + t[1] + " ms");
    }

    @Test
    void webSocketCapture() {
        Path file = TestSupport.sharedFile("hftbacktest_usdm_btcusdt_20240808.gz");
        long[] t = time(() -> WsCaptureImporter.trades(file, "BTCUSDT").size(), 21_313);
        System.out.printf(Locale.ROOT, "capture import, 93,954 lines / 21,313 trades (gzip): cold %d ms, warm best %d ms%n", t[0], t[1]);
    }
}
