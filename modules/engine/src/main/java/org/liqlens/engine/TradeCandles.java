package org.liqlens.engine;

import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;

/** Candles built from trades, to draw under a trade-based heatmap when the request brought no candles. */
final class TradeCandles {

    private static final long[] INTERVALS = {
        1_000, 5_000, 15_000, 60_000, 300_000, 900_000, 3_600_000, 14_400_000, 86_400_000
    };

    private TradeCandles() {}

    /** The smallest usual interval that gives at most about 1,500 candles over the window. */
    static long intervalFor(long windowMs) {
        for (long iv : INTERVALS) if (windowMs / iv <= 1500) return iv;
        return INTERVALS[INTERVALS.length - 1];
    }

    static CandleSeries aggregate(TradeSeries t, int from, int to, long windowMs) {
        long iv = intervalFor(windowMs);
        CandleSeries.Builder b = CandleSeries.builder(t.symbol(), iv, 64);
        double[] px = t.prices(), qty = t.quantities();
        boolean[] sellerTaker = t.buyerIsMakerFlags();
        long[] time = t.times();
        int i = from;
        while (i < to) {
            long open = Math.floorDiv(time[i], iv) * iv;
            double o = px[i], h = o, l = o, c = o, vol = 0, quote = 0, takerBuy = 0;
            while (i < to && time[i] < open + iv) {
                double p = px[i], q = qty[i];
                h = Math.max(h, p);
                l = Math.min(l, p);
                c = p;
                vol += q;
                quote += p * q;
                if (!sellerTaker[i]) takerBuy += p * q;
                i++;
            }
            b.add(open, o, h, l, c, vol, quote, takerBuy);
        }
        return b.build();
    }
}
