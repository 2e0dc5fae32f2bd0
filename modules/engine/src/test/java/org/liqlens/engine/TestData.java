package org.liqlens.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;

/** Real data from ../shared/data (never copied into the repository) and seeded synthetic series. */
public final class TestData {

    public static final String LINK_1M = "binance_um_LINKUSDT-1m-2026-02.csv";
    public static final String BTC_5M_OI = "binance_um_BTCUSDT_5m_oi_price_20260531-20260614.csv";

    private TestData() {}

    /** The shared data folder: system property liqlens.shared.data, else ../../../shared/data from the module. */
    public static Path dataDir() {
        String prop = System.getProperty("liqlens.shared.data");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop))) return Paths.get(prop);
        return Paths.get("../../../shared/data").toAbsolutePath().normalize();
    }

    /** The file, or the test is skipped with a clear message when the shared data is not there. */
    public static Path require(String name) {
        Path f = dataDir().resolve(name);
        assumeTrue(Files.isRegularFile(f), "…/shared/data absent: skipping real-data test (no " + f + ")");
        return f;
    }

    /** Binance 1m kline CSV with header open_time,open,high,low,close,volume,close_time,quote_volume,count,
     *  taker_buy_volume,taker_buy_quote_volume,ignore. */
    public static CandleSeries readKlines(Path f, String symbol) throws IOException {
        CandleSeries.Builder b = CandleSeries.builder(symbol, 60_000, 45_000);
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (!line.startsWith("open_time")) throw new IOException("unexpected header: " + line);
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] x = line.split(",");
                long open = Long.parseLong(x[0]);
                long close = Long.parseLong(x[6]);
                if (close != open + 59_999) throw new IOException("not a 1m candle: " + line);
                b.add(open, Double.parseDouble(x[1]), Double.parseDouble(x[2]), Double.parseDouble(x[3]),
                        Double.parseDouble(x[4]), Double.parseDouble(x[5]), Double.parseDouble(x[7]), Double.parseDouble(x[10]));
            }
        }
        return b.build();
    }

    /** The BTCUSDT 5m price + open-interest file: candles (no volume, taker split unknown) and OI value. */
    public static final class PriceAndOi {
        public final CandleSeries candles;
        public final OpenInterestSeries oi;
        PriceAndOi(CandleSeries candles, OpenInterestSeries oi) { this.candles = candles; this.oi = oi; }
    }

    public static PriceAndOi readBtcOi(Path f) throws IOException {
        CandleSeries.Builder b = CandleSeries.builder("BTCUSDT", 300_000, 4100);
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String[] head = r.readLine().split(",");
            int ts = idx(head, "timestamp"), po = idx(head, "price_open"), ph = idx(head, "price_high"), pl = idx(head, "price_low"),
                    pc = idx(head, "price_close"), oc = idx(head, "oi_close");
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] x = line.split(",");
                long t = Long.parseLong(x[ts]);
                b.add(t, Double.parseDouble(x[po]), Double.parseDouble(x[ph]), Double.parseDouble(x[pl]), Double.parseDouble(x[pc]),
                        0, 0, Double.NaN);
                times.add(new long[] {t});
                values.add(Double.parseDouble(x[oc]));
            }
        }
        long[] t = new long[times.size()];
        double[] v = new double[t.length], base = new double[t.length];
        for (int i = 0; i < t.length; i++) { t[i] = times.get(i)[0]; v[i] = values.get(i); base[i] = Double.NaN; }
        return new PriceAndOi(b.build(), new OpenInterestSeries("BTCUSDT", 300_000, t, base, v));
    }

    private static int idx(String[] head, String name) {
        for (int i = 0; i < head.length; i++) if (head[i].equals(name)) return i;
        throw new IllegalArgumentException("no column " + name);
    }

    /** A seeded random walk of 1m candles with taker volumes, starting at {@code startMs}. */
    public static CandleSeries randomCandles(String symbol, long startMs, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CandleSeries.Builder b = CandleSeries.builder(symbol, 60_000, n);
        double px = 100;
        for (int i = 0; i < n; i++) {
            double o = px;
            double c = o * Math.exp(rnd.nextGaussian() * 0.002);
            double h = Math.max(o, c) * (1 + Math.abs(rnd.nextGaussian()) * 0.001);
            double l = Math.min(o, c) * (1 - Math.abs(rnd.nextGaussian()) * 0.001);
            double q = 1e5 * (0.2 + rnd.nextDouble());
            b.add(startMs + i * 60_000L, o, h, l, c, q / c, q, q * rnd.nextDouble());
            px = c;
        }
        return b.build();
    }

    /**
     * Seeded random trades where, as on real exchanges, a trade repeats the previous one's price and taker
     * side with probability {@code repeat} (otherwise a random walk step of up to 3 ticks of 0.01).
     */
    public static TradeSeries runTrades(String symbol, long startMs, int n, double repeat, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TradeSeries.Builder b = TradeSeries.builder(symbol, n);
        long t = startMs, ticks = 10_000;
        boolean sell = false;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(3);
            if (i == 0 || rnd.nextDouble() >= repeat) {
                ticks += rnd.nextInt(7) - 3;
                sell = rnd.nextBoolean();
            }
            b.add(t, ticks / 100.0, 0.001 + rnd.nextDouble() * 2, sell);
        }
        return b.build();
    }

    /** Seeded random trades: a random walk in ticks of 0.01 around 100, several trades per millisecond at times. */
    public static TradeSeries randomTrades(String symbol, long startMs, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TradeSeries.Builder b = TradeSeries.builder(symbol, n);
        long t = startMs;
        long ticks = 10_000;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(3);
            ticks += rnd.nextInt(7) - 3;
            b.add(t, ticks / 100.0, 0.001 + rnd.nextDouble() * 2, rnd.nextBoolean());
        }
        return b.build();
    }
}
