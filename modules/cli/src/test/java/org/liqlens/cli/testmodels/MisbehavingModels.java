package org.liqlens.cli.testmodels;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/**
 * Deliberately broken models, registered only through the jar a test writes into a {@code --modules} folder (not in
 * the test classpath's META-INF/services, so the other tests never see them).
 */
public final class MisbehavingModels {
    private MisbehavingModels() { }

    abstract static class Base implements LiquidationModel {
        @Override public String displayName() { return "Misbehaving " + id(); }
        @Override public String description() { return "a deliberately broken model for the containment tests"; }
        @Override public List<ModelParameter> parameters() { return org.liqlens.engine.model.LeverageLadder.DEFAULT.parameters(); }
        @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES); }
        @Override public EventBasis basis() { return EventBasis.CANDLES; }
    }

    /** Throws from its openings. */
    public static final class Thrower extends Base {
        @Override public String id() { return "thrower"; }
        @Override public ModelRun prepare(ModelContext c) {
            return (from, to, e, l, s) -> { throw new IllegalStateException("deliberate failure"); };
        }
    }

    /** Opens NaN notional. */
    public static final class NaNs extends Base {
        @Override public String id() { return "nans"; }
        @Override public ModelRun prepare(ModelContext c) {
            return (from, to, e, l, s) -> { Arrays.fill(e, 100); Arrays.fill(l, Double.NaN); Arrays.fill(s, 1); };
        }
    }
}
