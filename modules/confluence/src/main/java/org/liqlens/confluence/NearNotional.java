package org.liqlens.confluence;

import org.liqlens.engine.market.Side;

/**
 * Long against short notional within ±{@code pct} % of the price: which sweep would force-close more.
 *
 * @param pane     the pane, or {@link #ALL_PANES} for the sum over the panes
 * @param pct      the band, in % of the price
 * @param longs    long notional whose bucket centre lies in {@code [price (1 - pct/100), price]} (forced selling on
 *                 a move down)
 * @param shorts   short notional whose bucket centre lies in {@code [price, price (1 + pct/100)]} (forced buying on
 *                 a move up)
 */
public record NearNotional(String pane, double pct, double longs, double shorts) {
    /** The pane name of a sum over all panes. */
    public static final String ALL_PANES = "all";

    /** The side holding more; null when both are equal (e.g. both empty). */
    public Side heavier() {
        return longs > shorts ? Side.LONG : shorts > longs ? Side.SHORT : null;
    }
}
