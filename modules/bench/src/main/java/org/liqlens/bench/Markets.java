package org.liqlens.bench;

import java.util.SplittableRandom;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.engine.sim.SimulatedMarket;

/** Deterministic synthetic inputs of the benchmarks: the same seed always gives the same series. */
final class Markets {

    /** The end of every simulated candle series. */
    static final long END_MS = SimulatedMarket.DEFAULT_END_MS;
    static final long DAY_MS = 86_400_000L;
    static final String SYMBOL = "BTCUSDT";
    /** The number of trades of the trade benchmarks. */
    static final int TRADES = 10_000_000;

    private Markets() {}

    /** {@code days} of simulated 1m BTCUSDT-like candles and 5m open interest (SimulatedMarket, seed 1). */
    static SimulatedMarket.Data simulated(int days) {
        return SimulatedMarket.generate(SYMBOL, 1L, END_MS, days);
    }

    /** Trades from the named generator: {@code realistic}, {@code walk} or {@code runs}. */
    static TradeSeries trades(String generator, int n) {
        return switch (generator) {
            case "realistic" -> realisticTrades(n, 21);
            case "walk" -> randomWalkTrades(n, 13);
            case "runs" -> runTrades(n, 0.64, 13);
            default -> throw new IllegalArgumentException("unknown trade generator '" + generator + "' (realistic, walk, runs)");
        };
    }

    /**
     * Trades shaped like Binance USD-M BTCUSDT aggTrades, about 1.4 million a day over {@link SimulatedMarket}
     * candles (8 days for ten million; the volatility is a BTC perpetual's: clustered, fat-tailed, about 55 % a
     * year):
     * <ul>
     * <li>each minute gets trades in proportion to its quote volume, {@code n} in all;</li>
     * <li>within a minute the mid price follows a Brownian bridge from the candle's open to its close with the
     *     candle's range as scale, stepping at 40 % of the runs; a taker buy prints at the ask (the mid rounded
     *     up to the 0.1 tick), a taker sell at the bid one tick below, so between steps price bounces between
     *     two ticks;</li>
     * <li>trades come in runs of the same price and side (the next trade repeats the previous one's with
     *     probability 0.65, as real streams do about two times in three); the side of a new run is a taker buy
     *     with the candle's taker-buy share;</li>
     * <li>quantities are log-normal (median 0.01 BTC), times are sorted uniform milliseconds in the minute.</li>
     * </ul>
     */
    static TradeSeries realisticTrades(int n, long seed) {
        final double repeat = 0.65, move = 0.4;
        int days = Math.max(1, (int) Math.ceil(n / 1_400_000.0));
        CandleSeries c = simulated(days).candles1m();
        int minutes = c.size();
        double totalQuote = 0;
        for (int i = 0; i < minutes; i++) totalQuote += c.quoteVolume(i);
        SplittableRandom rnd = new SplittableRandom(seed);
        TradeSeries.Builder b = TradeSeries.builder(SYMBOL, n);
        double cum = 0;
        int made = 0;
        long[] ms = new long[4096];
        for (int i = 0; i < minutes; i++) {
            cum += c.quoteVolume(i);
            int upTo = i == minutes - 1 ? n : (int) Math.min(n, Math.round(n * (cum / totalQuote)));
            int k = upTo - made;
            if (k <= 0) continue;
            if (ms.length < k) ms = new long[Math.max(k, 2 * ms.length)];
            for (int j = 0; j < k; j++) ms[j] = rnd.nextInt(60_000);
            java.util.Arrays.sort(ms, 0, k);
            double open = c.open(i), close = c.close(i);
            double sigma = (c.high(i) - c.low(i)) / 2 / Math.sqrt(Math.max(1, k * (1 - repeat) * move));
            double buyShare = c.quoteVolume(i) > 0 ? c.takerBuyQuoteVolume(i) / c.quoteVolume(i) : 0.5;
            double walk = 0;          // the free random walk; the bridge is walk(s) - s * walk(1) + line
            double mid = open;
            boolean sell = rnd.nextDouble() >= buyShare;
            double price = quote(mid, sell);
            // the bridge needs the walk's end first: draw the increments of the runs, then replay them
            int runs = 0;
            boolean[] newRun = new boolean[k];
            for (int j = 0; j < k; j++) {
                newRun[j] = j == 0 || rnd.nextDouble() >= repeat;
                if (newRun[j]) runs++;
            }
            double[] steps = new double[runs];
            double end = 0;
            for (int r = 0; r < runs; r++) {
                steps[r] = rnd.nextDouble() < move ? gaussian(rnd) * sigma : 0;
                end += steps[r];
            }
            int r = 0;
            for (int j = 0; j < k; j++) {
                if (newRun[j]) {
                    walk += steps[r++];
                    double s = (double) r / runs;
                    mid = open + (close - open) * s + walk - s * end;
                    mid = Math.max(mid, 1);
                    sell = rnd.nextDouble() >= buyShare;
                    price = quote(mid, sell);
                }
                double qty = Math.round(Math.exp(Math.log(0.01) + 1.4 * gaussian(rnd)) * 1000) / 1000.0 + 0.001;
                b.add(c.openTime(i) + ms[j], price, qty, sell);
            }
            made = upTo;
        }
        return b.build();
    }

    /** The ask (mid rounded up to the 0.1 tick) for a taker buy, the bid one tick below for a taker sell. */
    private static double quote(double mid, boolean sell) {
        long ask = (long) Math.ceil(mid * 10);
        return (sell ? ask - 1 : ask) / 10.0;   // the double nearest to the decimal, as a parser would give
    }

    /**
     * A random walk in ticks of 0.01 around 100, up to three ticks a trade, a fair coin for the side, 0..2 ms
     * between trades (the engine tests' {@code TestData.randomTrades}): the hard case, almost no repeats.
     */
    static TradeSeries randomWalkTrades(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TradeSeries.Builder b = TradeSeries.builder(SYMBOL, n);
        long t = END_MS - 7 * DAY_MS;
        long ticks = 10_000;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(3);
            ticks += rnd.nextInt(7) - 3;
            b.add(t, ticks / 100.0, 0.001 + rnd.nextDouble() * 2, rnd.nextBoolean());
        }
        return b.build();
    }

    /**
     * The random walk where a trade repeats the previous one's price and side with probability {@code repeat}
     * (the engine tests' {@code TestData.runTrades}).
     */
    static TradeSeries runTrades(int n, double repeat, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TradeSeries.Builder b = TradeSeries.builder(SYMBOL, n);
        long t = END_MS - 7 * DAY_MS, ticks = 10_000;
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

    /** Box-Muller on the generator's doubles (deterministic across JDKs, unlike nextGaussian). */
    static double gaussian(SplittableRandom rnd) {
        double u1 = Math.max(1e-300, rnd.nextDouble()), u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
