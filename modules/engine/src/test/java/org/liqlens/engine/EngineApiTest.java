package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.MissingInputException;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;

class EngineApiTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final CandleSeries BTC = TestData.randomCandles("BTCUSDT", 1_767_225_600_000L, 3 * 1440, 3);
    static final CandleSeries XYZ = TestData.randomCandles("XYZUSDT", 1_767_225_600_000L, 3 * 1440, 3);

    @Test
    void builtInModelsAreRegistered() {
        assertEquals(List.of("m1", "m2", "m3", "m1t", "m3t"), ENGINE.models().stream().map(LiquidationModel::id).toList());
        assertEquals("Leverage ladder", ENGINE.model("m1").displayName());
        assertEquals("Open-interest flow", ENGINE.model("m2").displayName());
        assertEquals("Decaying ladder", ENGINE.model("m3").displayName());
        assertEquals(java.util.Set.of(ModelInput.CANDLES, ModelInput.OPEN_INTEREST), ENGINE.model("m2").requiredInputs());
        assertEquals(java.util.Set.of(ModelInput.TRADES), ENGINE.model("m1t").requiredInputs());
        List<String> keys = ENGINE.model("m3").parameters().stream().map(ModelParameter::key).toList();
        assertEquals(List.of("ladder.5x", "ladder.10x", "ladder.25x", "ladder.50x", "ladder.100x", "mmr", "halfLifeHours"), keys);
        ModelParameter halfLife = ENGINE.model("m3").parameters().get(6);
        assertEquals(24.0, halfLife.defaultValue());
        assertEquals(0.0, ENGINE.model("m2").parameters().get(6).defaultValue(), "oiIntervalMinutes 0 = the series' interval");
        for (LiquidationModel m : ENGINE.models()) {
            assertTrue(!m.description().isBlank());
            assertEquals(0.15, m.parameters().get(4).defaultValue(), 1e-15, "100x 15 %");
        }
    }

    @Test
    void unknownModelListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ENGINE.model("m9"));
        assertEquals("unknown model 'm9'; known models: m1, m2, m3, m1t, m3t", e.getMessage());
    }

    @Test
    void missingTradesAreExplained() {
        MissingInputException e = assertThrows(MissingInputException.class,
                () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1t").build()));
        assertEquals("model m1t (Leverage ladder (trades)) needs trade history; the source provided none", e.getMessage());
        assertEquals(ModelInput.TRADES, e.input());
        assertEquals("m1t", e.modelId());
    }

    @Test
    void mmrPrecedence() {
        assertEquals(0.004, ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").columns(0).build()).mmr());
        assertEquals(0.004, ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(XYZ), "m1").columns(0).build()).mmr());
        EstimateResult p = ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").param("mmr", 0.005).columns(0).build());
        assertEquals(0.005, p.mmr());
        assertEquals(0.005, p.parameters().get("mmr"));
        assertEquals(0.006, ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").param("mmr", 0.005)
                .mmrOverride(0.006).columns(0).build()).mmr());
    }

    @Test
    void mmrMovesTheLevelsAsTheFormulaSays() {
        // one 100x tier: a single candle's long sits at typical * 0.99 / (1 - MMR)
        CandleSeries one = CandleSeries.builder("XYZUSDT", 60_000).add(0, 100, 102, 98, 100, 0, 10, 10).build();
        for (double mmr : new double[] {0, 0.004, 0.009}) {
            LevelTable t = ENGINE.levels(EstimateRequest.builder(MarketInputs.of(one), "m1").mmrOverride(mmr)
                    .param("ladder.5x", 0).param("ladder.10x", 0).param("ladder.25x", 0).param("ladder.50x", 0).build());
            assertEquals(1, t.size());
            assertEquals(100 * 0.99 / (1 - mmr), t.price(0), 1e-12);
            assertEquals(10, t.notional(0), 1e-12);
        }
    }

    @Test
    void parametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").param("halfLifeHours", 3).build()));
        assertTrue(e.getMessage().startsWith("model m1 has no parameter 'halfLifeHours'; known: ladder.5x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m3").param("halfLifeHours", -1).build()));
        assertTrue(e.getMessage().contains("halfLifeHours = -1.0 is outside"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").param("ladder.300x", 0.1).build()));
        assertTrue(e.getMessage().contains("300x") && e.getMessage().contains("liquidated at entry"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1")
                .param("ladder.5x", 0).param("ladder.10x", 0).param("ladder.25x", 0).param("ladder.50x", 0).param("ladder.100x", 0).build()));
        assertTrue(e.getMessage().contains("no tier with a positive weight"), e.getMessage());
    }

    @Test
    void checkParametersRefusesWithoutDataWhatEstimateRefuses() {
        String[][] bad = {{"m1", "halfLifeHours", "3"}, {"m3", "halfLifeHours", "-1"}, {"m1", "ladder.300x", "0.1"}, {"m1", "ladder.5x", "-1"}};
        for (String[] b : bad) {
            Map<String, Double> params = Map.of(b[1], Double.parseDouble(b[2]));
            IllegalArgumentException onEstimate = assertThrows(IllegalArgumentException.class,
                    () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), b[0]).params(params).build()));
            IllegalArgumentException onCheck = assertThrows(IllegalArgumentException.class,
                    () -> ENGINE.checkParameters(b[0], "BTCUSDT", params, null));
            assertEquals(onEstimate.getMessage(), onCheck.getMessage(), "the same message for " + params);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ENGINE.checkParameters("m1", "BTCUSDT", Map.of(), 0.5));
        assertEquals("leverage 5x with MMR 0.5 would be liquidated at entry: MMR must stay below 1/leverage", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ENGINE.checkParameters("m9", "BTCUSDT", Map.of(), null));
        ENGINE.checkParameters("m3", "BTCUSDT", Map.of("halfLifeHours", 6.0, "ladder.20x", 0.1), 0.004);
    }

    @Test
    void extraLadderTierAndNormalisation() {
        EstimateResult r = ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").param("ladder.20x", 1.0).columns(0).build());
        assertArrayEquals(new double[] {5, 10, 20, 25, 50, 100}, r.leverages());
        assertEquals(0.5, r.ladder().weight(2), 1e-12, "1.0 of a total 2.0");
        assertEquals(0.05, r.ladder().weight(0), 1e-12);
        assertEquals(6, r.map().tiers());
    }

    @Test
    void defaultsAndShapes() {
        EstimateResult r = ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").build());
        assertEquals(BTC.lastCloseTime() + 1, r.asOf(), "default T = end of data");
        assertEquals(24 * 3_600_000L, r.windowMs());
        assertEquals(400, r.map().buckets());
        assertEquals(480, r.heatmap().columns());
        assertEquals(1440, r.windowCandles().size());
        assertArrayEquals(new double[] {5, 10, 25, 50, 100}, r.leverages());
        assertEquals("BTCUSDT", r.symbol());
        assertEquals("m1", r.modelId());
        assertNull(ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").columns(0).build()).heatmap());
    }

    @Test
    void cancellationStopsTheEstimate() {
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> ENGINE.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1")
                .window(3 * 86_400_000L).cancelled(() -> polls.incrementAndGet() > 2).build()));
        assertTrue(polls.get() >= 3);
    }
}
