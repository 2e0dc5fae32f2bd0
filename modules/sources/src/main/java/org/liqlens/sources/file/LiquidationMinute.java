package org.liqlens.sources.file;

/**
 * Liquidations of one symbol in one minute, as a collector aggregated Binance's {@code !forceOrder@arr}
 * stream: counts and USD notional ({@code price × quantity}) per liquidated side. The stream reports at most
 * one liquidation per symbol per second, so these are lower bounds.
 *
 * @param longsLiquidated  long positions liquidated (SELL force orders)
 * @param shortsLiquidated short positions liquidated (BUY force orders)
 */
public record LiquidationMinute(long time, String symbol, int longsLiquidated, int shortsLiquidated,
                                double longLiquidatedUsd, double shortLiquidatedUsd) {
}
