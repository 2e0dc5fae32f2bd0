package org.liqlens.engine.liq;

import org.liqlens.engine.market.Side;

/**
 * Liquidation prices of isolated one-way positions on USDⓈ-margined linear contracts.
 *
 * <p>Binance (USDⓈ-M) is the reference: the maintenance margin there is charged on the position's value at
 * the <em>liquidation</em> price, which is why its MMR sits in the denominator. Bybit charges it on the
 * position's value at entry and OKX adds the taker fee of the liquidation order. The bankruptcy price
 * {@code EP * (1 -/+ 1/L)}, where the margin is exhausted, is a different thing and is kept in its own
 * method: using it as the liquidation price puts a 100x long at 1 % below entry instead of 0.602 %.
 *
 * <p>Notation: {@code EP} entry price, {@code Q} quantity in base units, {@code L} leverage, {@code MMR}
 * maintenance margin rate, {@code cum} Binance's maintenance amount of the notional bracket.
 */
public final class LiquidationPrice {

    private LiquidationPrice() {}

    /**
     * Binance's general form {@code LP = (WB - TMM + UPNL + cum - Side*Q*EP) / (Q*MMR - Side*Q)}.
     *
     * @param walletBalance          isolated wallet balance WB (the position margin in isolated mode)
     * @param otherMaintenanceMargin TMM, the maintenance margin of the account's other positions (0 when isolated)
     * @param otherUnrealisedPnl     UPNL of the other positions (0 when isolated)
     */
    public static double binance(Side side, double quantity, double entryPrice, double walletBalance,
                                 double otherMaintenanceMargin, double otherUnrealisedPnl, double mmr, double cum) {
        requirePositive(quantity, "quantity");
        requirePositive(entryPrice, "entry price");
        int s = side.sign();
        return (walletBalance - otherMaintenanceMargin + otherUnrealisedPnl + cum - s * quantity * entryPrice)
                / (quantity * mmr - s * quantity);
    }

    /** Binance's general form for an isolated position (TMM = UPNL = 0). */
    public static double binanceIsolated(Side side, double quantity, double entryPrice, double walletBalance,
                                         double mmr, double cum) {
        return binance(side, quantity, entryPrice, walletBalance, 0, 0, mmr, cum);
    }

    /**
     * Binance, freshly opened isolated position with wallet balance {@code Q*EP/L} and no fees:
     * long {@code (EP*(1 - 1/L) - cum/Q) / (1 - MMR)}, short {@code (EP*(1 + 1/L) + cum/Q) / (1 + MMR)}.
     */
    public static double binanceFresh(Side side, double entryPrice, double leverage, double quantity, double mmr, double cum) {
        requirePositive(entryPrice, "entry price");
        requirePositive(leverage, "leverage");
        requirePositive(quantity, "quantity");
        if (side == Side.LONG) {
            return (entryPrice * (1 - 1 / leverage) - cum / quantity) / (1 - mmr);
        }
        return (entryPrice * (1 + 1 / leverage) + cum / quantity) / (1 + mmr);
    }

    /**
     * Fails unless {@code mmr * leverage < 1}. At or beyond that the maintenance margin is at least the initial
     * margin: a fresh position would be liquidated at its entry, and the formulas above put a long's
     * liquidation price at or above its entry (a short's at or below), which no exchange allows.
     *
     * @throws IllegalArgumentException naming the leverage and the MMR
     */
    public static void checkNotLiquidatedAtEntry(double leverage, double mmr) {
        if (!(mmr * leverage < 1)) {
            throw new IllegalArgumentException("leverage " + (leverage == Math.rint(leverage) ? Long.toString((long) leverage) : Double.toString(leverage))
                    + "x with MMR " + mmr + " would be liquidated at entry: MMR must stay below 1/leverage");
        }
    }

    /**
     * {@link #binanceFresh(Side, double, double, double, double, double)} with cum = 0 (the quantity cancels):
     * long {@code EP * (1 - 1/L) / (1 - MMR)}, short {@code EP * (1 + 1/L) / (1 + MMR)}.
     *
     * <p>Evaluated exactly in that order, {@code (EP * (1 - 1/L)) / (1 - MMR)}, and the engine's sweep uses the
     * same expression: prices quoted to a few decimals do land exactly on a level (a 50x long of LINK at
     * 8.800), so an implementation that multiplies by a precomputed factor instead can disagree by one ulp
     * about whether a candle's low touches it.
     */
    public static double binanceFresh(Side side, double entryPrice, double leverage, double mmr) {
        requirePositive(entryPrice, "entry price");
        requirePositive(leverage, "leverage");
        if (!(mmr >= 0 && mmr < 1)) throw new IllegalArgumentException("MMR must be in [0, 1): " + mmr);
        return side == Side.LONG ? entryPrice * (1 - 1 / leverage) / (1 - mmr) : entryPrice * (1 + 1 / leverage) / (1 + mmr);
    }

    /**
     * Binance, fresh isolated position, with MMR and cum taken from the bracket of its notional {@code Q*EP}.
     */
    public static double binanceFresh(Side side, double entryPrice, double leverage, double quantity, BracketTable brackets) {
        requirePositive(entryPrice, "entry price");
        requirePositive(quantity, "quantity");
        MarginBracket b = brackets.bracketFor(quantity * entryPrice);
        return binanceFresh(side, entryPrice, leverage, quantity, b.mmr(), b.cum());
    }

    /**
     * Liquidation price over entry price of a fresh Binance position with cum = 0:
     * long {@code (1 - 1/L) / (1 - MMR)}, short {@code (1 + 1/L) / (1 + MMR)}: the distance from entry.
     */
    public static double freshFactor(Side side, double leverage, double mmr) {
        requirePositive(leverage, "leverage");
        if (!(mmr >= 0 && mmr < 1)) throw new IllegalArgumentException("MMR must be in [0, 1): " + mmr);
        return side == Side.LONG ? (1 - 1 / leverage) / (1 - mmr) : (1 + 1 / leverage) / (1 + mmr);
    }

    /**
     * The bankruptcy price {@code EP * (1 - 1/L)} (long) or {@code EP * (1 + 1/L)} (short), where the
     * position's margin is exactly used up. Not the liquidation price; see the class comment.
     */
    public static double bankruptcy(Side side, double entryPrice, double leverage) {
        requirePositive(entryPrice, "entry price");
        requirePositive(leverage, "leverage");
        return entryPrice * (1 - side.sign() / leverage);
    }

    /**
     * Bybit USDT contracts, isolated: long {@code EP - (IM - MM)/Q - extra/Q}, short
     * {@code EP + (IM - MM)/Q + extra/Q}, with {@code IM = Q*EP/L} and {@code MM = Q*EP*MMR - deduction}
     * (the deduction plays the role of Binance's cum). Bybit triggers on the mark price and settles at the
     * bankruptcy price; estimated closing fees, which Bybit adds to both margins, are left out.
     *
     * @param deduction   maintenance-margin deduction of the risk-limit tier
     * @param extraMargin margin added to the position after opening
     */
    public static double bybitIsolated(Side side, double entryPrice, double leverage, double quantity,
                                       double mmr, double deduction, double extraMargin) {
        requirePositive(entryPrice, "entry price");
        requirePositive(leverage, "leverage");
        requirePositive(quantity, "quantity");
        double value = quantity * entryPrice;
        double im = value / leverage;
        double mm = value * mmr - deduction;
        return entryPrice - side.sign() * ((im - mm) / quantity + extraMargin / quantity);
    }

    /**
     * OKX linear contracts, isolated, with the taker fee of the liquidation order:
     * long {@code (EP - M/N) / (1 - MMR - fee)}, short {@code (EP + M/N) / (1 + MMR + fee)}.
     *
     * <p>Derivation (N = position size in base units, M = isolated margin): at the liquidation price P the
     * position's equity equals the maintenance margin plus the fee to close, both charged on the value at P.
     * Long: {@code M + N*(P - EP) = N*P*(MMR + fee)}, so {@code P*(1 - MMR - fee) = EP - M/N}. Short:
     * {@code M + N*(EP - P) = N*P*(MMR + fee)}, so {@code P*(1 + MMR + fee) = EP + M/N}. OKX's own short
     * formula, {@code (M + N*EP) / (N*(1 + MMR + fee))}, is the same expression.
     *
     * @param size   N, position size in base units (contracts x contract multiplier)
     * @param margin M, the position's isolated margin in quote currency
     */
    public static double okxIsolated(Side side, double entryPrice, double size, double margin, double mmr, double takerFee) {
        requirePositive(entryPrice, "entry price");
        requirePositive(size, "size");
        if (side == Side.LONG) {
            return (entryPrice - margin / size) / (1 - mmr - takerFee);
        }
        return (entryPrice + margin / size) / (1 + mmr + takerFee);
    }

    /** {@link #okxIsolated} for a fresh position whose margin is its value over the leverage ({@code M/N = EP/L}). */
    public static double okxFresh(Side side, double entryPrice, double leverage, double mmr, double takerFee) {
        requirePositive(leverage, "leverage");
        return okxIsolated(side, entryPrice, 1.0, entryPrice / leverage, mmr, takerFee);
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a positive number: " + v);
    }
}
