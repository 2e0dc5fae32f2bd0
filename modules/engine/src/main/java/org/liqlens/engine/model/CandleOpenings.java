package org.liqlens.engine.model;

import org.liqlens.engine.market.CandleSeries;

/**
 * The opening rules of the built-in candle models, for model authors who change something else (the split, the
 * margin, the weight over time) and keep these.
 *
 * @since 1.1 (model SDK)
 */
public final class CandleOpenings {

    private CandleOpenings() {}

    /**
     * m1/m3 openings: long = taker-buy quote volume, short = quote volume - taker-buy quote volume, entry =
     * typical price (H + L + C) / 3. Where the taker split is unknown (NaN) the volume is split 50/50. Writes slots
     * {@code 0 .. to-from-1} as {@link ModelRun#openings} asks.
     */
    public static void takerSplit(CandleSeries c, int from, int to, double[] entry, double[] longN, double[] shortN) {
        double[] h = c.highs(), l = c.lows(), cl = c.closes(), qv = c.quoteVolumes(), tb = c.takerBuyQuoteVolumes();
        for (int i = from, k = 0; i < to; i++, k++) {
            entry[k] = (h[i] + l[i] + cl[i]) / 3.0;
            double q = qv[i];
            if (!(q > 0) || q == Double.POSITIVE_INFINITY) {
                longN[k] = 0;
                shortN[k] = 0;
                continue;
            }
            double b = tb[i];
            if (b != b) b = 0.5 * q;               // NaN: taker side unknown
            else if (b < 0) b = 0;
            else if (b > q) b = q;
            longN[k] = b;
            shortN[k] = q - b;
        }
    }

    /** The typical price (H + L + C) / 3 of candle i, where the built-in candle models open positions. */
    public static double typicalPrice(CandleSeries c, int i) {
        return (c.high(i) + c.low(i) + c.close(i)) / 3.0;
    }
}
