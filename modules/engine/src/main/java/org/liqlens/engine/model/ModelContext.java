package org.liqlens.engine.model;

import java.util.Map;
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
 */
public record ModelContext(String symbol, MarketInputs inputs, long asOfMs, long windowMs, int firstEvent, int endEvent,
                           Map<String, Double> params, LeverageLadder ladder, double mmr) {

    public ModelContext {
        params = Map.copyOf(params);
    }

    /** T - W, the first instant of the window. */
    public long windowStartMs() { return asOfMs - windowMs; }

    public CandleSeries candles() { return inputs.candles(); }

    public OpenInterestSeries openInterest() { return inputs.oi(); }

    public TradeSeries trades() { return inputs.trades(); }

    /** A resolved parameter. */
    public double param(String key) {
        Double v = params.get(key);
        if (v == null) throw new IllegalArgumentException("no parameter '" + key + "' (known: " + params.keySet() + ")");
        return v;
    }
}
