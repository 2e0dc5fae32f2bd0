package org.liqlens.engine.liq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liqlens.engine.market.Side;

class LiquidationPriceTest {

    @Test
    void workedExampleHundredXAtFourTenthsOfAPercent() {
        // liquidation-math.md §2: EP 100,000, 100x, MMR 0.004, cum 0 -> long 99,397.59, short 100,597.61
        assertEquals(99_397.59, LiquidationPrice.binanceFresh(Side.LONG, 100_000, 100, 0.004), 0.005);
        assertEquals(100_597.61, LiquidationPrice.binanceFresh(Side.SHORT, 100_000, 100, 0.004), 0.005);
        assertEquals(99_397.59, LiquidationPrice.binanceFresh(Side.LONG, 100_000, 100, 1, 0.004, 0), 0.005);
        assertEquals(100_597.61, LiquidationPrice.binanceFresh(Side.SHORT, 100_000, 100, 3.5, 0.004, 0), 0.005);
    }

    @Test
    void workedExampleSecondBtcBracket() throws Exception {
        // notional 100,000 USDT -> bracket 2 (MMR 0.5 %, cum 50), Q = 1: (99,000 - 50) / 0.995 = 99,447.24
        assertEquals(99_447.24, LiquidationPrice.binanceFresh(Side.LONG, 100_000, 100, 1, 0.005, 50), 0.005);
        BracketTable btc = BracketTable.forSymbol("BTCUSDT").orElseThrow();
        assertEquals(99_447.24, LiquidationPrice.binanceFresh(Side.LONG, 100_000, 100, 1, btc), 0.005);
    }

    @ParameterizedTest(name = "{0}x: long {1} %, short {2} %")
    @CsvSource({
        "100, 0.602, 0.598, 0.0005",
        "50, 1.606, 1.594, 0.0005",
        "25, 3.614, 3.586, 0.0005",
        "10, 9.639, 9.562, 0.0005",
        "5, 19.68, 19.52, 0.005",
    })
    void distanceTableOfTheDesignDoc(double leverage, double longPct, double shortPct, double precision) {
        double ep = 100_000;
        double longDist = (ep - LiquidationPrice.binanceFresh(Side.LONG, ep, leverage, 0.004)) / ep * 100;
        double shortDist = (LiquidationPrice.binanceFresh(Side.SHORT, ep, leverage, 0.004) - ep) / ep * 100;
        assertEquals(longPct, longDist, precision);
        assertEquals(shortPct, shortDist, precision);
        // and the naive 1/L is the bankruptcy distance, not the liquidation distance
        assertEquals(100 / leverage, (ep - LiquidationPrice.bankruptcy(Side.LONG, ep, leverage)) / ep * 100, 1e-9);
        assertEquals(100 / leverage, (LiquidationPrice.bankruptcy(Side.SHORT, ep, leverage) - ep) / ep * 100, 1e-9);
    }

    @Test
    void bankruptcyIsNotTheLiquidationPrice() {
        assertEquals(99_000, LiquidationPrice.bankruptcy(Side.LONG, 100_000, 100), 1e-9);
        assertEquals(101_000, LiquidationPrice.bankruptcy(Side.SHORT, 100_000, 100), 1e-9);
    }

    @Test
    void generalFormWithFreshWalletEqualsTheFreshForm() {
        // Q = 2, EP = 50,000, L = 20, MMR 0.004: WB = 2 * 50,000 / 20 = 5,000
        // long: (5,000 - 100,000) / (0.008 - 2) = 95,000 / 1.992 = 47,690.763...
        assertEquals(47_690.7631, LiquidationPrice.binanceIsolated(Side.LONG, 2, 50_000, 5_000, 0.004, 0), 1e-4);
        // short: (5,000 + 100,000) / (0.008 + 2) = 105,000 / 2.008 = 52,290.837...
        assertEquals(52_290.8367, LiquidationPrice.binanceIsolated(Side.SHORT, 2, 50_000, 5_000, 0.004, 0), 1e-4);
        // with cum 50 and Q = 1 the general form reproduces the bracket-2 example: (1,000 + 50 - 100,000) / (0.005 - 1)
        assertEquals(99_447.24, LiquidationPrice.binanceIsolated(Side.LONG, 1, 100_000, 1_000, 0.005, 50), 0.005);
        // cross-margin terms enter the numerator: TMM 200 and UPNL 300 move the long by (300 - 200) / (0.004*2 - 2)
        assertEquals(47_690.7631 - 100 / 1.992,
                LiquidationPrice.binance(Side.LONG, 2, 50_000, 5_000, 200, 300, 0.004, 0), 1e-4);
    }

    @Test
    void bybitUsdtExamples() {
        // Bybit help centre: long 1 BTC at 20,000 USDT, 50x, MMR 0.5 %: IM 400, MM 100, LP = 20,000 - 300 = 19,700
        assertEquals(19_700, LiquidationPrice.bybitIsolated(Side.LONG, 20_000, 50, 1, 0.005, 0, 0), 1e-9);
        // the same short: 20,000 + 300 = 20,300; a deduction of 20 lowers MM to 80: 20,000 + 320
        assertEquals(20_300, LiquidationPrice.bybitIsolated(Side.SHORT, 20_000, 50, 1, 0.005, 0, 0), 1e-9);
        assertEquals(20_320, LiquidationPrice.bybitIsolated(Side.SHORT, 20_000, 50, 1, 0.005, 20, 0), 1e-9);
        // 50 USDT of extra margin on 2 BTC moves the long 25 further away
        assertEquals(19_675, LiquidationPrice.bybitIsolated(Side.LONG, 20_000, 50, 2, 0.005, 0, 50), 1e-9);
    }

    @Test
    void okxWithTakerFee() {
        // EP 100, N 1, margin 10 (10x), MMR 1 %, fee 0.05 %: long 90 / 0.9895, short 110 / 1.0105
        assertEquals(90.955027792, LiquidationPrice.okxIsolated(Side.LONG, 100, 1, 10, 0.01, 0.0005), 1e-8);
        assertEquals(108.857001484, LiquidationPrice.okxIsolated(Side.SHORT, 100, 1, 10, 0.01, 0.0005), 1e-8);
        assertEquals(90.955027792, LiquidationPrice.okxFresh(Side.LONG, 100, 10, 0.01, 0.0005), 1e-8);
        // at the short's liquidation price, equity equals maintenance margin plus the closing fee
        double p = LiquidationPrice.okxIsolated(Side.SHORT, 100, 3, 30, 0.01, 0.0005);
        assertEquals(3 * p * (0.01 + 0.0005), 30 + 3 * (100 - p), 1e-9);
        double q = LiquidationPrice.okxIsolated(Side.LONG, 100, 3, 30, 0.01, 0.0005);
        assertEquals(3 * q * (0.01 + 0.0005), 30 + 3 * (q - 100), 1e-9);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> LiquidationPrice.binanceFresh(Side.LONG, 0, 10, 0.004));
        assertThrows(IllegalArgumentException.class, () -> LiquidationPrice.binanceFresh(Side.LONG, 100, 0, 0.004));
        assertThrows(IllegalArgumentException.class, () -> LiquidationPrice.freshFactor(Side.LONG, 10, 1.0));
    }
}
