package org.liqlens.sources.collect;

import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.Intervals;

/** Builds coarser candles from finer ones (1m into 5m, 1h, ...), buckets aligned to UTC multiples of the interval. */
public final class CandleResampler {
    private CandleResampler() { }

    /**
     * Open of the first, high/low extremes, close of the last candle per bucket; volumes summed (a NaN
     * taker split stays NaN). A bucket with missing minutes still yields a candle from what is there.
     */
    public static CandleSeries resample(CandleSeries src, long intervalMs) {
        long from = src.intervalMs();
        if (intervalMs == from) {
            return src;
        }
        if (intervalMs < from || intervalMs % from != 0) {
            throw new IllegalArgumentException("cannot make " + Intervals.format(intervalMs) + " candles from "
                    + Intervals.format(from) + " candles");
        }
        CandleSeries.Builder b = CandleSeries.builder(src.symbol(), intervalMs, (int) (src.size() / (intervalMs / from)) + 1);
        int i = 0;
        while (i < src.size()) {
            long bucket = Intervals.floor(src.openTime(i), intervalMs);
            double o = src.open(i), h = src.high(i), l = src.low(i), c = src.close(i);
            double v = 0, q = 0, tb = 0;
            int j = i;
            while (j < src.size() && src.openTime(j) < bucket + intervalMs) {
                h = Math.max(h, src.high(j));
                l = Math.min(l, src.low(j));
                c = src.close(j);
                v += src.volume(j);
                q += src.quoteVolume(j);
                tb += src.takerBuyQuoteVolume(j);
                j++;
            }
            b.add(bucket, o, h, l, c, v, q, tb);
            i = j;
        }
        return b.build();
    }
}
