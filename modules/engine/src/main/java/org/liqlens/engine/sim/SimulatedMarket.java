package org.liqlens.engine.sim;

import java.time.Instant;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;

/**
 * A seeded, deterministic simulated perpetual-futures market: 1m candles with the taker split, and 5m
 * open interest, for running LiqLens offline.
 *
 * <p>The price path depends only on the seed and the minute index, never on the clock, so that the same
 * seed gives the same market in the desktop, the command line and the tests. Features chosen to look like
 * a BTCUSDT perpetual rather than a random walk:
 * <ul>
 * <li>volatility clustering (a GARCH(1,1)-like variance), an intraday volatility cycle and fat-tailed
 *     shocks (Student-t with 4 degrees of freedom), so that wicks and cascades happen;</li>
 * <li>high/low from ten sub-minute steps, so wicks are consistent with the path;</li>
 * <li>quote volume that rises with absolute return and variance, and a taker-buy share that leans with
 *     the direction of the move;</li>
 * <li>open interest that drifts up with volume and drops when price moves violently (forced closes).</li>
 * </ul>
 * All randomness is drawn from one {@link java.util.SplittableRandom} with our own Gaussian transform, so
 * the output does not depend on the JDK version.
 */
public final class SimulatedMarket {

    /** The instant the default simulated series ends: fixed so that results are reproducible. */
    public static final long DEFAULT_END_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    public static final int DEFAULT_DAYS = 30;
    public static final long DEFAULT_SEED = 1L;
    public static final String DEFAULT_SYMBOL = "BTCUSDT";

    private static final long MINUTE = 60_000L;
    private static final long FIVE_MINUTES = 5 * MINUTE;
    private static final int SUB_STEPS = 10;

    /** Candles and open interest over the same span. */
    public record Data(CandleSeries candles1m, OpenInterestSeries openInterest5m) { }

    private SimulatedMarket() { }

    public static Data generateDefault() {
        return generate(DEFAULT_SYMBOL, DEFAULT_SEED, DEFAULT_END_MS, DEFAULT_DAYS);
    }

    /**
     * Generates {@code days} days of 1m candles ending at {@code endMs} (floored to a whole minute, exclusive).
     *
     * @param symbol the symbol written into the series (the price level is BTC-like whatever the name)
     * @param seed   the random seed
     */
    public static Data generate(String symbol, long seed, long endMs, int days) {
        if (days <= 0 || days > 3660) throw new IllegalArgumentException("days must be 1..3660, not " + days);
        int n = days * 1440;
        long end = Math.floorDiv(endMs, MINUTE) * MINUTE;
        long start = end - n * MINUTE;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);

        CandleSeries.Builder candles = CandleSeries.builder(symbol, MINUTE, n);
        int oiN = n / 5;
        long[] oiTime = new long[oiN];
        double[] oiBase = new double[oiN];
        double[] oiValue = new double[oiN];

        double price = 95_000.0 * Math.exp(0.08 * gaussian(rnd));
        // Per-minute log-return variance: annualised vol around 55 % ~ 7.6e-4 per minute.
        double longRunVar = 7.6e-4 * 7.6e-4;
        double variance = longRunVar;
        double oiVal = 8.0e9;
        double fiveMinAbsMove = 0;
        double fiveMinQuote = 0;
        double fiveMinOpen = price;

        for (int i = 0; i < n; i++) {
            long t = start + i * MINUTE;
            double minuteOfDay = (double) Math.floorMod(t, 86_400_000L) / MINUTE;
            // US/EU sessions are busier than the Asian night: +-35 % around the mean.
            double session = 1.0 + 0.35 * Math.sin(2 * Math.PI * (minuteOfDay - 780) / 1440.0);
            double sigma = Math.sqrt(variance) * session;

            double open = price;
            double hi = open, lo = open;
            double p = open;
            double drift = -0.5 * sigma * sigma / SUB_STEPS;
            for (int s = 0; s < SUB_STEPS; s++) {
                double shock = studentT4(rnd) * sigma / Math.sqrt(SUB_STEPS);
                p *= Math.exp(drift + shock);
                if (p > hi) hi = p;
                if (p < lo) lo = p;
            }
            double close = p;
            double ret = Math.log(close / open);
            // GARCH(1,1)-like update keeps volatility clustered but mean-reverting. It must see the
            // de-seasonalised return: fed the session-scaled one, alpha + beta exceeds 1 and it explodes.
            double deseasonalised = ret / session;
            variance = 0.02 * longRunVar + 0.05 * deseasonalised * deseasonalised + 0.93 * variance;
            variance = Math.min(variance, longRunVar * 60);

            double z = ret / Math.max(1e-12, sigma);
            double activity = 0.6 + 0.5 * Math.abs(z) + 0.2 * Math.sqrt(variance / longRunVar);
            double quote = 9.0e6 * session * activity * Math.exp(0.35 * gaussian(rnd));
            double takerBuyShare = 0.5 + 0.22 * Math.tanh(z) + 0.05 * gaussian(rnd);
            takerBuyShare = Math.max(0.03, Math.min(0.97, takerBuyShare));
            double typical = (hi + lo + close) / 3.0;
            double base = quote / typical;

            // Prices on a 0.1 tick, like BTCUSDT; keep high/low bracketing after rounding.
            double o = tick(open), c = tick(close);
            double h = Math.max(tick(hi), Math.max(o, c));
            double l = Math.min(tick(lo), Math.min(o, c));
            candles.add(t, o, h, l, c, round3(base), round2(quote), round2(quote * takerBuyShare));
            price = close;

            fiveMinQuote += quote;
            fiveMinAbsMove = Math.max(fiveMinAbsMove, Math.abs(Math.log(h / fiveMinOpen)) + Math.abs(Math.log(l / fiveMinOpen)));
            if (i % 5 == 4) {
                // New positions follow activity; violent moves force closes (a cascade shrinks OI).
                double opened = 0.012 * fiveMinQuote * (0.8 + 0.4 * rnd.nextDouble());
                double closedByDrift = oiVal * 0.0007 * (1 + 0.5 * gaussian(rnd));
                double forced = fiveMinAbsMove > 0.01 ? oiVal * Math.min(0.04, (fiveMinAbsMove - 0.01) * 2) : 0;
                // Pull towards 8 bn so that a month-long run stays plausible.
                double meanReversion = (8.0e9 - oiVal) * 0.002;
                oiVal = Math.max(1.0e9, oiVal + opened - closedByDrift - forced + meanReversion);
                int k = i / 5;
                oiTime[k] = t + MINUTE; // Binance stamps a 5m OI sample at the end of its interval
                oiValue[k] = round2(oiVal);
                oiBase[k] = round3(oiVal / close);
                fiveMinQuote = 0;
                fiveMinAbsMove = 0;
                fiveMinOpen = close;
            }
        }
        return new Data(candles.build(), new OpenInterestSeries(symbol, FIVE_MINUTES, oiTime, oiBase, oiValue));
    }

    private static double tick(double v) { return Math.round(v * 10.0) / 10.0; }
    private static double round2(double v) { return Math.round(v * 100.0) / 100.0; }
    private static double round3(double v) { return Math.round(v * 1000.0) / 1000.0; }

    /** Box-Muller on the generator's doubles: deterministic across JDKs, unlike nextGaussian. */
    private static double gaussian(java.util.SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        if (u1 < 1e-300) u1 = 1e-300;
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Student-t with 4 degrees of freedom, scaled to unit variance (t4 has variance 2). */
    private static double studentT4(java.util.SplittableRandom rnd) {
        double z = gaussian(rnd);
        double chi2 = 0;
        for (int k = 0; k < 4; k++) {
            double g = gaussian(rnd);
            chi2 += g * g;
        }
        return z / Math.sqrt(chi2 / 4.0) / Math.sqrt(2.0);
    }
}
