/**
 * Exchange liquidation maths: liquidation and bankruptcy prices (Binance USDⓈ-M, Bybit, OKX) and the
 * notional brackets that set a position's maintenance margin rate.
 *
 * <p>The estimation engine prices every position as a fresh isolated one with no maintenance amount
 * (cum = 0), by the formula of the exchange whose data it is ({@link org.liqlens.engine.liq.LiquidationRule}),
 * with one MMR for every position (the symbol's first bracket), because public market data says nothing
 * about position sizes. Its sweep evaluates the rule's expression in the same order as
 * {@link org.liqlens.engine.liq.LiquidationRule#freshPrice}, so the two agree to the last bit; for Binance that
 * is {@link org.liqlens.engine.liq.LiquidationPrice#binanceFresh(org.liqlens.engine.market.Side, double, double, double)}.
 * The full formulas are here for calculators and for checking single positions.
 */
package org.liqlens.engine.liq;
