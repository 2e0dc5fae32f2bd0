package org.liqlens.engine.market;

/**
 * One liquidation an exchange reported (Binance forceOrder, Bybit allLiquidation, OKX liquidation-orders).
 * {@code liquidatedSide} is the side of the position that was closed: a SELL force order closes a LONG.
 */
public record RealisedLiquidation(long time, String symbol, Side liquidatedSide, double price, double quantity) {
    public double notional() { return price * quantity; }
}
