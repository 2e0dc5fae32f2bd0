package org.liqlens.confluence;

import org.liqlens.engine.market.Side;

/**
 * One zone of one pane's liquidation map, as the {@code zones} table lists it.
 *
 * @param pane        the pane's name
 * @param modelId     its model
 * @param window      its window, as analysts write it (12h, 3d)
 * @param side        LONG: long liquidations, below the price; SHORT: short liquidations, above it
 * @param low         the zone's lower edge
 * @param high        its upper edge
 * @param peak        the centre of its strongest bucket
 * @param notional    the surviving notional in the zone (USDT)
 * @param intensity   {@code notional} over the notional of the pane's strongest zone (either side): 1 for that
 *                    zone, in (0, 1] for the others
 * @param distancePct the distance from the price to the zone's nearest edge, in % of the price
 * @param cumulative  the notional of the same side from the price out to the zone's far edge, the zone
 *                    included: what a sweep through the whole zone would force-close
 */
public record PaneZone(String pane, String modelId, String window, Side side, double low, double high, double peak,
                       double notional, double intensity, double distancePct, double cumulative) {
}
