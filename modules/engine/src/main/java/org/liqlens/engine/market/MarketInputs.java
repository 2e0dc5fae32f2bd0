package org.liqlens.engine.market;

/**
 * The market data one estimate may draw on. Candles are what most models need; open interest and trades
 * are optional and only the models that declare them use them. At least one of candles and trades must be
 * present; all series must belong to the same symbol.
 *
 * @param candles candle history (may be null only when trades are given)
 * @param oi      open-interest history, or null
 * @param trades  trade (or aggregated-trade) history, or null
 */
public record MarketInputs(CandleSeries candles, OpenInterestSeries oi, TradeSeries trades) {

    public MarketInputs {
        if (candles == null && trades == null) {
            throw new IllegalArgumentException("market inputs need candles or trades");
        }
        String sym = candles != null ? candles.symbol() : trades.symbol();
        if (oi != null && !oi.symbol().equalsIgnoreCase(sym)) {
            throw new IllegalArgumentException("open interest is for " + oi.symbol() + ", not " + sym);
        }
        if (trades != null && !trades.symbol().equalsIgnoreCase(sym)) {
            throw new IllegalArgumentException("trades are for " + trades.symbol() + ", not " + sym);
        }
    }

    public static MarketInputs of(CandleSeries candles) { return new MarketInputs(candles, null, null); }

    public static MarketInputs of(CandleSeries candles, OpenInterestSeries oi) { return new MarketInputs(candles, oi, null); }

    public static MarketInputs ofTrades(TradeSeries trades) { return new MarketInputs(null, null, trades); }

    /** The symbol of the series (candles first, else trades). */
    public String symbol() { return candles != null ? candles.symbol() : trades.symbol(); }
}
