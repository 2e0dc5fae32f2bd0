package org.liqlens.engine.market;

/**
 * The market data one estimate may draw on. Candles are what most models need; open interest and trades
 * are optional and only the models that declare them use them. At least one of candles and trades must be
 * present; all series must belong to the same symbol.
 *
 * @param candles candle history (may be null only when trades are given)
 * @param oi      open-interest history, or null
 * @param trades  trade (or aggregated-trade) history, or null
 * @param funding funding-rate history, or null (since model SDK 1.1)
 * @param topTraderRatio top traders' long/short position ratio history, or null (since model SDK 1.1)
 */
public record MarketInputs(CandleSeries candles, OpenInterestSeries oi, TradeSeries trades, FundingRateSeries funding,
                           LongShortRatioSeries topTraderRatio) {

    /** Candles, open interest and trades only. */
    public MarketInputs(CandleSeries candles, OpenInterestSeries oi, TradeSeries trades) {
        this(candles, oi, trades, null, null);
    }

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
        if (funding != null && !funding.symbol().equalsIgnoreCase(sym)) {
            throw new IllegalArgumentException("funding rates are for " + funding.symbol() + ", not " + sym);
        }
        if (topTraderRatio != null && !topTraderRatio.symbol().equalsIgnoreCase(sym)) {
            throw new IllegalArgumentException("the top-trader ratio is for " + topTraderRatio.symbol() + ", not " + sym);
        }
    }

    /** These inputs with this funding history. */
    public MarketInputs withFunding(FundingRateSeries f) { return new MarketInputs(candles, oi, trades, f, topTraderRatio); }

    /** These inputs with this top-trader long/short ratio history. */
    public MarketInputs withTopTraderRatio(LongShortRatioSeries r) { return new MarketInputs(candles, oi, trades, funding, r); }

    /**
     * What an estimate as of {@code t} may read of the series that are not windowed by events: open interest,
     * funding and ratios stamped before t (a sample stamped t is published after t).
     */
    public MarketInputs before(long t) {
        if (oi == null && funding == null && topTraderRatio == null) return this;
        return new MarketInputs(candles, oi == null ? null : oi.before(t), trades, funding == null ? null : funding.before(t),
                topTraderRatio == null ? null : topTraderRatio.before(t));
    }

    public static MarketInputs of(CandleSeries candles) { return new MarketInputs(candles, null, null); }

    public static MarketInputs of(CandleSeries candles, OpenInterestSeries oi) { return new MarketInputs(candles, oi, null); }

    public static MarketInputs ofTrades(TradeSeries trades) { return new MarketInputs(null, null, trades); }

    /** The symbol of the series (candles first, else trades). */
    public String symbol() { return candles != null ? candles.symbol() : trades.symbol(); }
}
