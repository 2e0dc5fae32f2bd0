package org.liqlens.engine.liq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liqlens.engine.market.Side;

/** Each exchange's fresh-position price against the general formulas of {@link LiquidationPrice}. */
class LiquidationRuleTest {

    @ParameterizedTest(name = "{0}x at MMR {1}")
    @CsvSource({"100, 0.004", "50, 0.005", "25, 0.004", "10, 0.01", "5, 0.004", "1, 0.0"})
    void binanceIsBitForBitTheBinanceFreshFormula(double leverage, double mmr) {
        for (double ep : new double[] {8.8, 100_000, 61_800.3, 0.1336}) {
            for (Side s : Side.values()) {
                assertEquals(LiquidationPrice.binanceFresh(s, ep, leverage, mmr), LiquidationRule.BINANCE.freshPrice(s, ep, leverage, mmr),
                        "no ulp of difference: the sweep and the reference must agree on a touch");
            }
        }
    }

    @ParameterizedTest(name = "{0}x at MMR {1}")
    @CsvSource({"100, 0.004", "50, 0.005", "25, 0.004", "10, 0.01", "5, 0.004"})
    void bybitChargesTheMaintenanceMarginOnTheEntryValue(double leverage, double mmr) {
        double ep = 43_376.1;
        for (Side s : Side.values()) {
            double general = LiquidationPrice.bybitIsolated(s, ep, leverage, 0.731, mmr, 0, 0);
            assertEquals(general, LiquidationRule.BYBIT.freshPrice(s, ep, leverage, mmr), 1e-9 * ep);
        }
        // EP (1 - 1/L + MMR): 100x at 0.4 % is 0.6 % below entry, where Binance's is 0.602 %
        assertEquals(99_400, LiquidationRule.BYBIT.freshPrice(Side.LONG, 100_000, 100, 0.004), 1e-6);
        assertEquals(100_600, LiquidationRule.BYBIT.freshPrice(Side.SHORT, 100_000, 100, 0.004), 1e-6);
    }

    @ParameterizedTest(name = "{0}x at MMR {1}")
    @CsvSource({"100, 0.004", "50, 0.005", "25, 0.004", "10, 0.01", "5, 0.004"})
    void okxAddsItsTakerFeeToTheRate(double leverage, double mmr) {
        double ep = 43_373.9;
        for (Side s : Side.values()) {
            double general = LiquidationPrice.okxFresh(s, ep, leverage, mmr, LiquidationRule.OKX_TAKER_FEE);
            assertEquals(general, LiquidationRule.OKX.freshPrice(s, ep, leverage, mmr), 1e-9 * ep);
        }
        // 100x at 0.4 %: EP (1 - 1/100) / (1 - 0.004 - 0.0005)
        assertEquals(100_000 * 0.99 / 0.9955, LiquidationRule.OKX.freshPrice(Side.LONG, 100_000, 100, 0.004), 1e-6);
    }

    @Test
    void theThreeRulesDifferWhereTheyShould() {
        double b = LiquidationRule.BINANCE.freshPrice(Side.LONG, 100_000, 100, 0.004);
        double y = LiquidationRule.BYBIT.freshPrice(Side.LONG, 100_000, 100, 0.004);
        double o = LiquidationRule.OKX.freshPrice(Side.LONG, 100_000, 100, 0.004);
        assertTrue(o > y && y > b, "OKX's fee brings a long's liquidation closest to entry, Binance's is farthest: " + b + " " + y + " " + o);
    }

    @Test
    void theSweepExpressionIsEntryTimesNumeratorOverDenominator() {
        for (LiquidationRule r : LiquidationRule.values()) {
            for (Side s : Side.values()) {
                double ep = 70_459.4;
                assertEquals(ep * r.numerator(s, 25, 0.004) / r.denominator(s, 0.004), r.freshPrice(s, ep, 25, 0.004));
            }
        }
    }

    @Test
    void okxRefusesALeverageItsFeeWouldLiquidateAtEntry() {
        // 0.0095 * 100 < 1 for Binance and Bybit, but (0.0095 + 0.0005) * 100 = 1 for OKX
        LiquidationRule.BINANCE.checkNotLiquidatedAtEntry(100, 0.0095);
        LiquidationRule.BYBIT.checkNotLiquidatedAtEntry(100, 0.0095);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiquidationRule.OKX.checkNotLiquidatedAtEntry(100, 0.0095));
        assertTrue(e.getMessage().startsWith("OKX: leverage 100x"), e.getMessage());
        IllegalArgumentException y = assertThrows(IllegalArgumentException.class,
                () -> LiquidationRule.BYBIT.checkNotLiquidatedAtEntry(100, 0.01));
        assertTrue(y.getMessage().startsWith("Bybit: leverage 100x"), y.getMessage());
    }

    @Test
    void defaultMmrComesFromTheExchangesOwnTable() {
        assertEquals(0.004, LiquidationRule.BINANCE.defaultMmr("BTCUSDT"));
        assertEquals(BracketTable.DEFAULT_FIRST_BRACKET_MMR, LiquidationRule.BYBIT.defaultMmr("BTCUSDT"));
        assertEquals(BracketTable.DEFAULT_FIRST_BRACKET_MMR, LiquidationRule.OKX.defaultMmr("ETHUSDT"));
    }

    @Test
    void rulesAreFoundByTheirExchangesSourceId() {
        assertEquals(Optional.of(LiquidationRule.OKX), LiquidationRule.forExchange("OKX"));
        assertEquals(Optional.of(LiquidationRule.BYBIT), LiquidationRule.forExchange("bybit"));
        assertEquals(Optional.empty(), LiquidationRule.forExchange("file"));
    }
}
