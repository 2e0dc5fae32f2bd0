package org.liqlens.sources.collect;

import org.liqlens.sources.Intervals;

/**
 * Row checks shared by the file importers and the exchange clients, so that a row is accepted or refused by
 * the same rules, with the same message, whether it came from an archive or over the network. Messages quote
 * the offending values; a failed check throws {@link RowCheckFailure}, to which the caller adds where the row
 * came from (file and line, or the request).
 */
public final class RowChecks {
    private RowChecks() { }

    /** A number as a person would write it: 0.0005 rather than 5.0E-4, 42314 rather than 42314.0. */
    public static String show(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public static void ohlc(double o, double h, double l, double c) {
        if (!(o > 0) || Double.isInfinite(o)) throw new RowCheckFailure("open " + show(o) + " is not a positive price");
        if (!(h > 0) || Double.isInfinite(h)) throw new RowCheckFailure("high " + show(h) + " is not a positive price");
        if (!(l > 0) || Double.isInfinite(l)) throw new RowCheckFailure("low " + show(l) + " is not a positive price");
        if (!(c > 0) || Double.isInfinite(c)) throw new RowCheckFailure("close " + show(c) + " is not a positive price");
        if (h < l) throw new RowCheckFailure("high " + show(h) + " is below low " + show(l));
        if (h < o) throw new RowCheckFailure("high " + show(h) + " is below open " + show(o));
        if (h < c) throw new RowCheckFailure("high " + show(h) + " is below close " + show(c));
        if (l > o) throw new RowCheckFailure("low " + show(l) + " is above open " + show(o));
        if (l > c) throw new RowCheckFailure("low " + show(l) + " is above close " + show(c));
    }

    public static void nonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new RowCheckFailure(name + " " + show(v) + " is not a non-negative number");
    }

    /**
     * Every check of one candle: prices positive and bracketed by high and low, volumes non-negative, the
     * taker-buy parts within their totals. The quote and taker-buy figures may be NaN where a source does not
     * report them (Bybit and OKX have no taker split); the names are the archive's column names.
     */
    public static void candle(double o, double h, double l, double c, double volume, double quoteVolume,
                              double takerBuyVolume, double takerBuyQuoteVolume) {
        ohlc(o, h, l, c);
        nonNegative(volume, "volume");
        if (quoteVolume == quoteVolume) nonNegative(quoteVolume, "quote_volume");
        if (takerBuyVolume == takerBuyVolume) {
            nonNegative(takerBuyVolume, "taker_buy_volume");
            takerBuyWithin(takerBuyVolume, "taker_buy_volume", volume, "volume");
        }
        if (takerBuyQuoteVolume == takerBuyQuoteVolume) {
            nonNegative(takerBuyQuoteVolume, "taker_buy_quote_volume");
            if (quoteVolume == quoteVolume) {
                takerBuyWithin(takerBuyQuoteVolume, "taker_buy_quote_volume", quoteVolume, "quote_volume");
            }
        }
    }

    /** A taker-buy part cannot exceed the whole it is part of (NaN, "not reported", passes). */
    public static void takerBuyWithin(double takerBuy, String takerName, double total, String totalName) {
        if (takerBuy > total) {
            throw new RowCheckFailure(takerName + " " + show(takerBuy) + " exceeds " + totalName + " " + show(total));
        }
    }

    /**
     * A candle's close time is its open time plus the interval minus one millisecond (Binance's convention):
     * a row of another interval, say 5m rows answered to a 1m request, must not pass as candles of this one.
     */
    public static void closeTime(long open, long close, long intervalMs) {
        if (close - open + 1 != intervalMs) {
            throw new RowCheckFailure("close_time " + close + " is not open_time " + open + " + " + (intervalMs - 1)
                    + " (a " + Intervals.format(intervalMs) + " candle)");
        }
    }

    /** What a failed check throws: an expected outcome, so without a stack trace. */
    public static final class RowCheckFailure extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public RowCheckFailure(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
