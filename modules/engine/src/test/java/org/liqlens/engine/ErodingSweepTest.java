package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.MarginFlow;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/** The sweep for levels moved by a margin flow: the kernel's map when nothing flows, hand-computed prices when it does. */
class ErodingSweepTest {

    static final long H = 3_600_000L, T0 = 1_767_225_600_000L;

    /** m1's openings (taker-buy long, the rest short, at the typical price) with a given flow. */
    record FlowingLadder(MarginFlow flow) implements LiquidationModel {
        @Override public String id() { return "flow"; }
        @Override public String displayName() { return "m1 with a margin flow"; }
        @Override public String description() { return "test"; }
        @Override public List<ModelParameter> parameters() { return LiquidationEngine.standard().model("m1").parameters(); }
        @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES); }
        @Override public EventBasis basis() { return EventBasis.CANDLES; }
        @Override public ModelRun prepare(ModelContext context) {
            ModelRun m1 = LiquidationEngine.standard().model("m1").prepare(context);
            return new ModelRun() {
                @Override public void openings(int from, int to, double[] e, double[] l, double[] s) { m1.openings(from, to, e, l, s); }
                @Override public MarginFlow marginFlow() { return flow; }
            };
        }
    }

    static LiquidationEngine engine(MarginFlow flow) {
        var all = new java.util.ArrayList<LiquidationModel>(LiquidationEngine.standard().models());
        all.add(new FlowingLadder(flow));
        return LiquidationEngine.of(all);
    }

    @Test
    void withNothingFlowingTheMapIsTheKernels() {
        CandleSeries c = TestData.randomCandles("BTCUSDT", T0, 3 * 1440, 11);
        // a flow of zero amounts takes the eroding path, and must land every level where the kernel does
        LiquidationEngine e = engine(MarginFlow.steps(new long[] {T0 + 8 * H, T0 + 16 * H}, new double[] {0, 0}));
        EstimateResult m1 = e.estimate(EstimateRequest.builder(MarketInputs.of(c), "m1").window(48 * H).build());
        EstimateResult flow = e.estimate(EstimateRequest.builder(MarketInputs.of(c), "flow").window(48 * H).build());
        assertEquals(m1.map().totalLong(), flow.map().totalLong(), 1e-6 * m1.map().totalLong());
        assertEquals(m1.map().totalShort(), flow.map().totalShort(), 1e-6 * m1.map().totalShort());
        for (int t = 0; t < m1.map().tiers(); t++) {
            for (int b = 0; b < m1.map().buckets(); b++) {
                assertEquals(m1.map().longByTier(t, b), flow.map().longByTier(t, b), 1e-6 * (1 + m1.map().longByTier(t, b)), "long tier " + t + " bucket " + b);
                assertEquals(m1.map().shortByTier(t, b), flow.map().shortByTier(t, b), 1e-6 * (1 + m1.map().shortByTier(t, b)), "short tier " + t + " bucket " + b);
            }
        }
        HeatmapGrid naive = e.naiveHeatmap(EstimateRequest.builder(MarketInputs.of(c), "m1").window(48 * H).build());
        for (int col = 0; col < naive.columns(); col += 37) {
            for (int b = 0; b < naive.buckets(); b++) {
                assertEquals(naive.value(col, b), flow.heatmap().value(col, b), 1e-6 * (1 + naive.value(col, b)), "column " + col + " bucket " + b);
            }
        }
    }

    /**
     * One candle opens 1,000 long and 1,000 short at 100 (H 101, L 99, C 100), only the 10x tier, MMR 0: the long
     * level is at 100 x 0.9 = 90 and the short one at 110. Funding steps of +2 and +1 quote per unit after it: the
     * long has paid 3 and its level rises to 93; the short has received 3 and its level rises to 113. A later
     * candle with low 92 leaves the long alive before the second step... and the step at 8h (2) makes it 92: cleared.
     */
    @Test
    void fundingPaidMovesLevelsByHand() {
        long t = T0;
        var b = CandleSeries.builder("BTCUSDT", 60_000L);
        b.add(t, 100, 101, 99, 100, 20, 2_000, 1_000);                 // opens 1,000 long and 1,000 short at 100
        b.add(t + 60_000, 100, 100, 100, 100, 0, 0, 0);               // nothing
        CandleSeries c = b.build();
        Map<String, Double> tenOnly = Map.of("ladder.5x", 0.0, "ladder.25x", 0.0, "ladder.50x", 0.0, "ladder.100x", 0.0,
                "ladder.10x", 1.0, "mmr", 0.0);
        // steps at the second candle's open (applies before it) and after it
        MarginFlow flow = MarginFlow.steps(new long[] {t + 60_000, t + 120_000}, new double[] {2, 1});
        EstimateResult r = engine(flow).estimate(EstimateRequest.builder(MarketInputs.of(c), "flow").params(tenOnly)
                .mmrOverride(0.0).window(3 * 60_000L).asOf(t + 180_000).range(new PriceRange(80, 120)).buckets(40).build());
        LiquidationMap m = r.map();
        assertEquals(1000, m.totalLong(), 1e-9);
        assertEquals(1000, m.totalShort(), 1e-9);
        assertEquals(1000, m.longNotional(m.bucketOf(93.0)), 1e-9, "long level at 90 + 3");
        assertEquals(1000, m.shortNotional(m.bucketOf(113.0)), 1e-9, "short level at 110 + 3");

        // a third candle with low 92.5 after the steps: the long level at 93 is cleared, the short one stays
        b.add(t + 120_000, 100, 100, 92.5, 100, 0, 0, 0);
        CandleSeries c3 = b.build();
        EstimateResult r3 = engine(flow).estimate(EstimateRequest.builder(MarketInputs.of(c3), "flow").params(tenOnly)
                .mmrOverride(0.0).window(3 * 60_000L).asOf(t + 180_000).range(new PriceRange(80, 120)).buckets(40).build());
        assertEquals(0, r3.map().totalLong(), 1e-9);
        assertEquals(1000, r3.map().totalShort(), 1e-9);
        // the same low without funding leaves the long (at 90) alive
        EstimateResult still = engine(MarginFlow.none()).estimate(EstimateRequest.builder(MarketInputs.of(c3), "m1").params(tenOnly)
                .mmrOverride(0.0).window(3 * 60_000L).asOf(t + 180_000).range(new PriceRange(80, 120)).buckets(40).build());
        assertEquals(1000, still.map().totalLong(), 1e-9);
    }

    @Test
    void stepsAtOrAfterTheAsOfAreNotRead() {
        CandleSeries c = TestData.randomCandles("BTCUSDT", T0, 1440, 5);
        long asOf = T0 + 12 * H;
        EstimateResult before = engine(MarginFlow.steps(new long[] {T0 + 8 * H}, new double[] {50}))
                .estimate(EstimateRequest.builder(MarketInputs.of(c), "flow").window(12 * H).asOf(asOf).build());
        EstimateResult withLater = engine(MarginFlow.steps(new long[] {T0 + 8 * H, asOf, asOf + H}, new double[] {50, 1e6, 1e6}))
                .estimate(EstimateRequest.builder(MarketInputs.of(c), "flow").window(12 * H).asOf(asOf).build());
        assertEquals(before.map().totalLong(), withLater.map().totalLong());
        assertEquals(before.map().totalShort(), withLater.map().totalShort());
        assertThrows(IllegalArgumentException.class,
                () -> engine(MarginFlow.steps(new long[] {T0 + 8 * H}, new double[] {1})).levels(
                        EstimateRequest.builder(MarketInputs.of(c), "flow").window(12 * H).asOf(asOf).build()));
    }
}
