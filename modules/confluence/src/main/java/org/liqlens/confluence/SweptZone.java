package org.liqlens.confluence;

import org.liqlens.engine.market.Side;

/**
 * A zone that price swept within a pane's window: a run of buckets where the heatmap lost notional while price
 * traded there.
 *
 * @param pane        the pane whose heatmap shows it
 * @param position    LONG: the zone lies below the current price; SHORT: above it (the side of the map it
 *                    would be on)
 * @param swept       which liquidations most of its cleared notional were: LONG (price fell into them) or SHORT
 * @param low         its lower edge
 * @param high        its upper edge
 * @param notional    the notional cleared there within the window (USDT)
 * @param distancePct the distance from the current price to its nearest edge, in % of the price
 * @param clearedAtMs the open time of the candle that reached the zone in the last heatmap column in which
 *                    notional there was cleared: when the zone was (last) swept
 */
public record SweptZone(String pane, Side position, Side swept, double low, double high, double notional,
                        double distancePct, long clearedAtMs) {
}
