package org.liqlens.containment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.TestData;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelFailureException;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/**
 * Deliberately broken models, from a package outside the engine (as an extra module's would be): each fails its
 * own estimate with a message naming it and what it did, and the engine keeps serving the other models.
 */
class ModelContainmentTest {

    static final CandleSeries BTC = TestData.randomCandles("BTCUSDT", 1_767_225_600_000L, 1440, 7);

    /** A model that opens whatever {@code run} writes. */
    record Broken(String id, ModelRun run) implements LiquidationModel {
        @Override public String displayName() { return "Broken " + id; }
        @Override public String description() { return "a deliberately broken model"; }
        @Override public List<ModelParameter> parameters() { return LiquidationEngine.standard().model("m1").parameters(); }
        @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES); }
        @Override public EventBasis basis() { return EventBasis.CANDLES; }
        @Override public ModelRun prepare(ModelContext context) { return run; }
    }

    /** Compiled against an SDK whose id() this engine's caller cannot link. */
    static class NoId implements LiquidationModel {
        @Override public String id() { throw new AbstractMethodError("id"); }
        @Override public String displayName() { return "no id"; }
        @Override public String description() { return ""; }
        @Override public List<ModelParameter> parameters() { return LiquidationEngine.standard().model("m1").parameters(); }
        @Override public Set<ModelInput> requiredInputs() { return Set.of(); }
        @Override public EventBasis basis() { return EventBasis.CANDLES; }
        @Override public ModelRun prepare(ModelContext context) { return null; }
    }

    static LiquidationEngine engineWith(LiquidationModel broken) {
        var all = new java.util.ArrayList<>(LiquidationEngine.standard().models());
        all.add(broken);
        return LiquidationEngine.of(all);
    }

    static ModelFailureException failure(LiquidationModel broken) {
        LiquidationEngine engine = engineWith(broken);
        var e = assertThrows(ModelFailureException.class,
                () -> engine.estimate(EstimateRequest.builder(MarketInputs.of(BTC), broken.id()).build()));
        assertEquals(broken.id(), e.modelId());
        assertTrue(e.getMessage().startsWith("model " + broken.id() + " (from "), e.getMessage());
        // the engine still serves the others
        engine.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "m1").build());
        return e;
    }

    @Test
    void aModelThatThrowsIsNamedWithWhatItThrew() {
        var e = failure(new Broken("thrower", (f, t, en, l, s) -> { throw new IllegalStateException("boom"); }));
        assertTrue(e.getMessage().contains("threw java.lang.IllegalStateException: boom"), e.getMessage());
    }

    @Test
    void nanAndNegativeNotionalAndBadEntriesAreRefused() {
        var nan = failure(new Broken("nan", (f, t, en, l, s) -> {
            java.util.Arrays.fill(en, 100); java.util.Arrays.fill(l, Double.NaN); java.util.Arrays.fill(s, 0);
        }));
        assertTrue(nan.getMessage().contains("returned long notional NaN for event"), nan.getMessage());
        var neg = failure(new Broken("neg", (f, t, en, l, s) -> {
            java.util.Arrays.fill(en, 100); java.util.Arrays.fill(l, 1); java.util.Arrays.fill(s, -5);
        }));
        assertTrue(neg.getMessage().contains("returned short notional -5.0"), neg.getMessage());
        var entry = failure(new Broken("entry", (f, t, en, l, s) -> {
            java.util.Arrays.fill(en, 0); java.util.Arrays.fill(l, 1); java.util.Arrays.fill(s, 1);
        }));
        assertTrue(entry.getMessage().contains("returned entry price 0.0"), entry.getMessage());
    }

    @Test
    void aModelBuiltAgainstAnotherSdkIsRefusedByName() {
        // a LinkageError is what the JVM throws when a model calls an SDK method this engine lacks
        var e = failure(new Broken("linkage", (f, t, en, l, s) -> { throw new NoSuchMethodError("ModelContext.fundingRates()"); }));
        assertTrue(e.getMessage().contains("was built against an incompatible model SDK"), e.getMessage());
        LiquidationModel noId = new NoId();
        LiquidationEngine engine = engineWith(noId);
        assertEquals(1, engine.rejected().size());
        assertTrue(engine.rejected().get(0).contains("incompatible model SDK"), engine.rejected().get(0));
    }

    @Test
    void aModelThatNeverReturnsIsAbandonedOnCancelAndAfterTheTimeLimit() {
        LiquidationModel forever = new Broken("forever", (f, t, en, l, s) -> {
            while (true) Thread.onSpinWait();   // ignores interruption too
        });
        LiquidationEngine engine = engineWith(forever);
        AtomicBoolean cancelled = new AtomicBoolean();
        new Thread(() -> { sleep(300); cancelled.set(true); }).start();
        long t0 = System.nanoTime();
        assertThrows(CancellationException.class, () -> engine.estimate(
                EstimateRequest.builder(MarketInputs.of(BTC), "forever").cancelled(cancelled::get).build()));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "cancel returns at once");

        System.setProperty("liqlens.model.timeLimitSeconds", "1");
        try {
            var e = assertThrows(ModelFailureException.class,
                    () -> engine.estimate(EstimateRequest.builder(MarketInputs.of(BTC), "forever").build()));
            assertTrue(e.getMessage().contains("took longer than 1 s and was abandoned"), e.getMessage());
        } finally {
            System.clearProperty("liqlens.model.timeLimitSeconds");
        }
    }

    private static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
