/**
 * Exchange liquidation maths: liquidation and bankruptcy prices (Binance USDⓈ-M, Bybit, OKX) and the
 * notional brackets that set a position's maintenance margin rate.
 *
 * <p>The built-in models use only {@link org.liqlens.engine.liq.LiquidationPrice#freshFactor}: the
 * fresh-position Binance formula with cum = 0 and one MMR for every position (the symbol's first bracket),
 * because public market data says nothing about position sizes. The full formulas are here for the
 * calculators and for checking single positions.
 */
package org.liqlens.engine.liq;
