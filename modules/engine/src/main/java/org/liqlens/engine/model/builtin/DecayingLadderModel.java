package org.liqlens.engine.model.builtin;

import java.util.Set;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/**
 * m3, Decaying ladder: m1's openings, and each level's notional decays as {@code 2^(-age/halfLife)}, where
 * age runs from the creating candle's close time to the instant shown (T for the map, each column's end in
 * the heatmap). The decay stands in for positions closed voluntarily, which public data does not show.
 */
public final class DecayingLadderModel extends BuiltinModel {

    public DecayingLadderModel() {
        super("m3", "Decaying ladder",
                "As m1, and each level's notional halves every halfLifeHours (default 24 h) from its creation,"
                        + " standing in for positions closed before price reaches them.",
                EventBasis.CANDLES, Set.of(ModelInput.CANDLES), HALF_LIFE_PARAMETER);
    }

    @Override
    public ModelRun prepare(ModelContext context) {
        var candles = context.candles();
        WeightScale decay = WeightScale.halfLife(context.param(HALF_LIFE_HOURS) * 3_600_000.0);
        return new ModelRun() {
            @Override
            public void openings(int from, int to, double[] entry, double[] longN, double[] shortN) {
                candleOpenings(candles, from, to, entry, longN, shortN);
            }

            @Override
            public WeightScale scale() { return decay; }
        };
    }

    /** A candle's openings are its own volumes, whatever the window. */
    @Override
    public boolean openingsIndependentOfWindow() { return true; }
}
