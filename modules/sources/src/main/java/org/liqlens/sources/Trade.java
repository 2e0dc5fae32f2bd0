package org.liqlens.sources;

/**
 * One public trade from a live stream, in base units.
 *
 * @param buyerIsMaker true when the taker sold (Binance {@code m}); false when the taker bought
 */
public record Trade(String symbol, long time, double price, double quantity, boolean buyerIsMaker) {
}
