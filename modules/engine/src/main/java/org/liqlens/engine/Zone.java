package org.liqlens.engine;

import org.liqlens.engine.market.Side;

/**
 * A run of adjacent price buckets whose liquidation intensity stands out on one side of the price.
 *
 * @param side             LONG (below the price: long positions liquidated if price falls there) or SHORT
 * @param low              lower edge of the zone (for a long zone touching the price's bucket, at most the price)
 * @param high             upper edge (for a short zone, at least the price)
 * @param peakPrice        centre of the zone's strongest bucket
 * @param intensity        notional in the zone (sum over its buckets), quote currency
 * @param distancePct      distance from the price to the zone's nearest edge, in % of the price
 * @param cumulativeBefore notional of the same side strictly between the price and the zone
 * @param firstBucket      first bucket index of the run
 * @param lastBucket       last bucket index of the run (inclusive)
 */
public record Zone(Side side, double low, double high, double peakPrice, double intensity, double distancePct,
                   double cumulativeBefore, int firstBucket, int lastBucket) {
}
