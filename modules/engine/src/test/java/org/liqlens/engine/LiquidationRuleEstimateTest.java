package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.Side;

/** The request's liquidation rule reaches every level the engine creates, and its checks. */
class LiquidationRuleEstimateTest {
    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final CandleSeries BTC = TestData.randomCandles("BTCUSDT", 1_767_225_600_000L, 2 * 1440, 11);

    @Test
    void everyLevelLiesAtItsExchangesFreshPrice() {
        for (LiquidationRule rule : LiquidationRule.values()) {
            EstimateRequest req = EstimateRequest.builder(MarketInputs.of(BTC), "m1").liquidationRule(rule).window(86_400_000L).build();
            EstimateResult r = ENGINE.estimate(req);
            assertEquals(rule, r.liquidationRule());
            assertEquals(0.004, r.mmr());
            LevelTable t = ENGINE.levels(req);
            assertTrue(t.size() > 1000);
            for (int i = 0; i < t.size(); i += 13) {
                int c = t.createdBy(i);
                double entry = (BTC.high(c) + BTC.low(c) + BTC.close(c)) / 3.0;
                double expected = rule.freshPrice(t.isLong(i) ? Side.LONG : Side.SHORT, entry, r.leverages()[t.tier(i)], r.mmr());
                assertEquals(expected, t.price(i), rule + ", level " + i + ": bit for bit the rule's price");
            }
        }
    }

    @Test
    void theRuleChangesTheMapButNotTheNotionalOpened() {
        EstimateRequest.Builder b = EstimateRequest.builder(MarketInputs.of(BTC), "m1").window(86_400_000L).columns(0)
                .range(new PriceRange(50, 200));
        EstimateResult binance = ENGINE.estimate(b.liquidationRule(LiquidationRule.BINANCE).build());
        EstimateResult okx = ENGINE.estimate(b.liquidationRule(LiquidationRule.OKX).build());
        assertEquals(binance.levelCount(), okx.levelCount());
        assertNotEquals(binance.map().totalLong(), okx.map().totalLong(), "OKX's levels lie nearer the entries: more of them are swept");
        assertTrue(okx.map().totalLong() <= binance.map().totalLong());
    }

    @Test
    void okxRefusesWhatItsFeeLiquidatesAtEntryBeforeAndWhenEstimating() {
        IllegalArgumentException check = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.checkParameters("m1", "BTCUSDT", Map.of(), 0.0095, LiquidationRule.OKX));
        IllegalArgumentException estimate = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").mmrOverride(0.0095)
                        .liquidationRule(LiquidationRule.OKX).build()));
        assertEquals(check.getMessage(), estimate.getMessage());
        assertTrue(check.getMessage().startsWith("OKX: leverage 100x"), check.getMessage());
        ENGINE.checkParameters("m1", "BTCUSDT", Map.of(), 0.0095, LiquidationRule.BINANCE);
        ENGINE.checkParameters("m1", "BTCUSDT", Map.of(), 0.0095);
    }

    @Test
    void defaultRangeIsTheRangeAnEstimateWithoutOneUses() {
        EstimateRequest req = EstimateRequest.builder(MarketInputs.of(BTC), "m1").window(86_400_000L).columns(0).build();
        PriceRange range = ENGINE.defaultRange(req);
        LiquidationMap m = ENGINE.estimate(req).map();
        assertEquals(range.low(), m.priceLow());
        assertEquals(range.high(), m.priceHigh());
    }
}
