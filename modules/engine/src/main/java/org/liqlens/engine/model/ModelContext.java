package org.liqlens.engine.model;

import java.util.Map;
import java.util.Objects;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;

/**
 * What a model is given for one estimate.
 *
 * @param symbol      the instrument
 * @param inputs      all market data of the request (whole series, not only the window)
 * @param asOfMs      T, the instant the estimate describes
 * @param windowMs    W, the look-back
 * @param firstEvent  first index of the model's basis series inside the window
 * @param endEvent    one past the last index of the basis series inside the window: for candles those
 *                    with {@code open_time >= T-W} and {@code close_time < T}, for trades those with time in
 *                    {@code [T-W, T)}
 * @param params      every parameter of the model resolved (defaults overlaid with the request's
 *                    overrides), including {@code mmr} and the {@code ladder.<L>x} tiers
 * @param ladder      the leverage ladder the engine will apply
 * @param mmr         the maintenance margin rate the engine will apply to every position
 * @param rule        the exchange's formula the engine prices every position with ({@link #liquidationPrice})
 */
public record ModelContext(String symbol, MarketInputs inputs, long asOfMs, long windowMs, int firstEvent, int endEvent,
                           Map<String, Double> params, LeverageLadder ladder, double mmr, LiquidationRule rule) {

    public ModelContext {
        params = Map.copyOf(params);
        Objects.requireNonNull(rule, "liquidation rule");
    }

    /** A context priced by Binance's formula, as every context was before the rule became part of it. */
    public ModelContext(String symbol, MarketInputs inputs, long asOfMs, long windowMs, int firstEvent, int endEvent,
                        Map<String, Double> params, LeverageLadder ladder, double mmr) {
        this(symbol, inputs, asOfMs, windowMs, firstEvent, endEvent, params, ladder, mmr, LiquidationRule.BINANCE);
    }

    /**
     * The liquidation price the engine gives a fresh position of this side, entry and leverage, bit for bit: a
     * model that needs to know when its own levels clear (m2's falls) must agree with the sweep about it.
     */
    public double liquidationPrice(org.liqlens.engine.market.Side side, double entryPrice, double leverage) {
        return rule.freshPrice(side, entryPrice, leverage, mmr);
    }

    /** T - W, the first instant of the window. */
    public long windowStartMs() { return asOfMs - windowMs; }

    public CandleSeries candles() { return inputs.candles(); }

    public OpenInterestSeries openInterest() { return inputs.oi(); }

    public TradeSeries trades() { return inputs.trades(); }

    /** Funding rates settled before T, or null. @since 1.1 (model SDK) */
    public org.liqlens.engine.market.FundingRateSeries fundingRates() { return inputs.funding(); }

    /** Top traders' long/short position ratio stamped before T, or null. @since 1.1 (model SDK) */
    public org.liqlens.engine.market.LongShortRatioSeries topTraderRatio() { return inputs.topTraderRatio(); }

    /** A resolved parameter. */
    public double param(String key) {
        Double v = params.get(key);
        if (v == null) throw new IllegalArgumentException("no parameter '" + key + "' (known: " + params.keySet() + ")");
        return v;
    }
}
