package org.liqlens.app;

import java.util.List;
import java.util.Set;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/**
 * A deliberately broken model, registered for the platform tests only (test resources, META-INF/services): its
 * openings throw. A pane on it must say which model failed and how, and the app must go on.
 */
public final class MisbehavingTestModel implements LiquidationModel {
    @Override public String id() { return "broken-test"; }
    @Override public String displayName() { return "Broken (test)"; }
    @Override public String description() { return "throws from its openings, for the containment test"; }
    @Override public List<ModelParameter> parameters() { return LeverageLadder.DEFAULT.parameters(); }
    @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES); }
    @Override public EventBasis basis() { return EventBasis.CANDLES; }
    @Override public ModelRun prepare(ModelContext context) {
        return (from, to, entry, longN, shortN) -> { throw new IllegalStateException("deliberate failure in a test model"); };
    }
}
