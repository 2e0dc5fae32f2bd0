package org.liqlens.engine.model.builtin;

import java.util.Set;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/** m3t, Decaying ladder on trades: m1t's openings with m3's decay, age from the trade's time. */
public final class TradeDecayingLadderModel extends BuiltinModel {

    public TradeDecayingLadderModel() {
        super("m3t", "Decaying ladder (trades)",
                "As m1t, and each level's notional halves every halfLifeHours (default 24 h) from its trade.",
                EventBasis.TRADES, Set.of(ModelInput.TRADES), HALF_LIFE_PARAMETER);
    }

    @Override
    public ModelRun prepare(ModelContext context) {
        var trades = context.trades();
        WeightScale decay = WeightScale.halfLife(context.param(HALF_LIFE_HOURS) * 3_600_000.0);
        return new ModelRun() {
            @Override
            public void openings(int from, int to, double[] entry, double[] longN, double[] shortN) {
                tradeOpenings(trades, from, to, entry, longN, shortN);
            }

            @Override
            public WeightScale scale() { return decay; }
        };
    }
}
