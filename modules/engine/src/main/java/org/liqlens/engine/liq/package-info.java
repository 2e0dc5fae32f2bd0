/**
 * Exchange liquidation maths: liquidation and bankruptcy prices (Binance USDⓈ-M, Bybit, OKX) and the
 * notional brackets that set a position's maintenance margin rate.
 *
 * <p>The estimation engine uses only the fresh-position Binance formula with cum = 0,
 * {@link org.liqlens.engine.liq.LiquidationPrice#binanceFresh(org.liqlens.engine.market.Side, double, double, double)},
 * with one MMR for every position (the symbol's first bracket), because public market data says nothing
 * about position sizes; its sweep evaluates the same expression in the same order, so the two agree to the
 * last bit. The full formulas are here for calculators and for checking single positions.
 */
package org.liqlens.engine.liq;
