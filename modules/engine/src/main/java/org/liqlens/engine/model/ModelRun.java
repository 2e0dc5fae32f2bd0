package org.liqlens.engine.model;

/**
 * One model prepared for one estimate: the positions opened per event, and how they shrink over time.
 *
 * <p>The engine asks for openings chunk by chunk (a few thousand events at a time, in no particular chunk
 * order), so a model over hundreds of millions of trades never materialises per-event arrays.
 */
public interface ModelRun {

    /**
     * Writes the positions opened by events {@code [from, to)} of the basis series (absolute indices,
     * inside the window range of the context) into {@code entry}, {@code longNotional} and
     * {@code shortNotional} at offsets {@code 0 .. to-from-1}. Every slot must be written; an event that
     * opens nothing has notional 0 on both sides (its entry is then ignored). Notional is in quote currency.
     */
    void openings(int from, int to, double[] entry, double[] longNotional, double[] shortNotional);

    /** How surviving notional is scaled over time; {@link WeightScale#identity()} for models without. */
    default WeightScale scale() { return WeightScale.identity(); }

    /**
     * Margin paid or received by open positions over time (funding), which moves each level's liquidation price;
     * {@link MarginFlow#none()}, the default, for models without. A model with a flow is swept by a simpler path
     * that re-prices every surviving level at each step, so its estimates cost more.
     *
     * @since 1.1 (model SDK)
     */
    default MarginFlow marginFlow() { return MarginFlow.none(); }
}
