package org.liqlens.sources;

/**
 * One candle as it arrives on a live stream. Historical candles travel as
 * {@link org.liqlens.engine.market.CandleSeries}; this record exists because a stream delivers them one at a time
 * and needs to say whether the candle is final.
 *
 * @param takerBuyQuoteVolume {@link Double#NaN} where the exchange does not report the taker split
 * @param closed              true once the exchange has finalised the candle
 */
public record Candle(String symbol, long intervalMs, long openTime, double open, double high, double low,
                     double close, double volume, double quoteVolume, double takerBuyQuoteVolume, boolean closed) {

    public long closeTime() {
        return openTime + intervalMs - 1;
    }
}
