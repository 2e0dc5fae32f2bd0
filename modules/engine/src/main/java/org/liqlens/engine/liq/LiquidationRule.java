package org.liqlens.engine.liq;

import java.util.Locale;
import java.util.Optional;
import org.liqlens.engine.market.Side;

/**
 * How one exchange prices the liquidation of a freshly opened isolated position with no maintenance amount
 * (cum / deduction = 0), which is the position every built-in model creates (liquidation-math.md §2, §3). The
 * three exchanges differ in where the maintenance margin is charged and whether the closing fee counts:
 *
 * <table>
 * <caption>fresh-position liquidation price; upper sign long, lower sign short</caption>
 * <tr><th>rule</th><th>price</th><th>why</th></tr>
 * <tr><td>{@link #BINANCE}</td><td>{@code EP (1 ∓ 1/L) / (1 ∓ MMR)}</td>
 *     <td>maintenance margin on the value at the liquidation price</td></tr>
 * <tr><td>{@link #BYBIT}</td><td>{@code EP (1 ∓ 1/L ± MMR)}</td>
 *     <td>maintenance margin on the value at entry ({@code MM = value·MMR − deduction})</td></tr>
 * <tr><td>{@link #OKX}</td><td>{@code EP (1 ∓ 1/L) / (1 ∓ (MMR + fee))}</td>
 *     <td>as Binance, plus the taker fee of the liquidation order, {@link #OKX_TAKER_FEE}</td></tr>
 * </table>
 *
 * <p>Every rule is one expression {@code EP * numerator / denominator}, and {@link #freshPrice} evaluates exactly
 * that, in that order, as the engine's sweep does: a candle's low that lands exactly on a level then agrees
 * with the sweep about clearing it. For {@link #BINANCE} the expression is bit for bit
 * {@link LiquidationPrice#binanceFresh(Side, double, double, double)}.
 *
 * <p>The maintenance margin rate itself is the symbol's first bracket on that exchange
 * ({@link #defaultMmr(String)}): a bundled table exists only for Binance, so Bybit and OKX use the documented
 * default of 0.4 % unless the caller sets one.
 */
public enum LiquidationRule {
    /** Binance USDⓈ-M futures; also files of Binance archives and the simulator. */
    BINANCE("binance", "Binance"),
    /** Bybit USDT perpetuals (linear). */
    BYBIT("bybit", "Bybit"),
    /** OKX USDT perpetual swaps. */
    OKX("okx", "OKX");

    /**
     * OKX's taker fee for perpetual swaps at the regular (Lv1) fee tier, 0.05 %, which OKX adds to the
     * maintenance margin when it computes the liquidation price.
     */
    public static final double OKX_TAKER_FEE = 0.0005;

    private final String exchangeId;
    private final String exchangeName;

    LiquidationRule(String exchangeId, String exchangeName) {
        this.exchangeId = exchangeId;
        this.exchangeName = exchangeName;
    }

    /** The exchange's source id: {@code binance}, {@code bybit}, {@code okx}. */
    public String exchangeId() {
        return exchangeId;
    }

    /** The rule of the exchange with this source id (case-insensitive), or empty for one without its own rule. */
    public static Optional<LiquidationRule> forExchange(String id) {
        if (id == null) return Optional.empty();
        String s = id.trim().toLowerCase(Locale.ROOT);
        for (LiquidationRule r : values()) {
            if (r.exchangeId.equals(s)) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** The rate charged on the position's value at the liquidation price: MMR, for OKX MMR + taker fee. */
    private double chargedRate(double mmr) {
        return this == OKX ? mmr + OKX_TAKER_FEE : mmr;
    }

    /** The factor of the entry price above the fraction bar of {@link #freshPrice}. */
    public double numerator(Side side, double leverage, double mmr) {
        if (side == Side.LONG) {
            return this == BYBIT ? 1 - 1 / leverage + mmr : 1 - 1 / leverage;
        }
        return this == BYBIT ? 1 + 1 / leverage - mmr : 1 + 1 / leverage;
    }

    /** The denominator of {@link #freshPrice}: 1 for Bybit, {@code 1 ∓ rate} for the others. */
    public double denominator(Side side, double mmr) {
        if (this == BYBIT) return 1;
        double rate = chargedRate(mmr);
        return side == Side.LONG ? 1 - rate : 1 + rate;
    }

    /**
     * The liquidation price of a fresh isolated position opened at {@code entryPrice} with this leverage, as
     * {@code entryPrice * numerator / denominator}.
     *
     * @throws IllegalArgumentException for a non-positive entry or leverage, or an MMR outside [0, 1)
     */
    public double freshPrice(Side side, double entryPrice, double leverage, double mmr) {
        if (!(entryPrice > 0) || !Double.isFinite(entryPrice)) throw new IllegalArgumentException("entry price must be a positive number: " + entryPrice);
        if (!(leverage > 0) || !Double.isFinite(leverage)) throw new IllegalArgumentException("leverage must be a positive number: " + leverage);
        if (!(mmr >= 0 && mmr < 1)) throw new IllegalArgumentException("MMR must be in [0, 1): " + mmr);
        return entryPrice * numerator(side, leverage, mmr) / denominator(side, mmr);
    }

    /**
     * Fails unless a fresh position of this leverage lies on the loss side of its entry: {@code L * MMR < 1}
     * (for OKX {@code L * (MMR + fee) < 1}). Beyond that the exchange would liquidate it at entry.
     *
     * @throws IllegalArgumentException naming the exchange, the leverage and the rate
     */
    public void checkNotLiquidatedAtEntry(double leverage, double mmr) {
        if (this != OKX) {
            try {
                LiquidationPrice.checkNotLiquidatedAtEntry(leverage, mmr);
            } catch (IllegalArgumentException e) {
                // Binance's message stays as it always was; another exchange's says whose rule refused.
                throw this == BINANCE ? e : new IllegalArgumentException(exchangeName + ": " + e.getMessage(), e);
            }
            return;
        }
        double rate = chargedRate(mmr);
        if (!(rate * leverage < 1)) {
            throw new IllegalArgumentException(exchangeName + ": leverage " + (leverage == Math.rint(leverage) ? Long.toString((long) leverage) : Double.toString(leverage))
                    + "x with MMR " + mmr + " plus the taker fee " + OKX_TAKER_FEE
                    + " would be liquidated at entry: MMR + fee must stay below 1/leverage");
        }
    }

    /**
     * The MMR a model applies when none is given: the first bracket of the symbol's bundled table on this
     * exchange, else {@link BracketTable#DEFAULT_FIRST_BRACKET_MMR}. Only Binance tables ship with the engine.
     */
    public double defaultMmr(String symbol) {
        return this == BINANCE ? BracketTable.firstBracketMmrOrDefault(symbol) : BracketTable.DEFAULT_FIRST_BRACKET_MMR;
    }
}
