package org.liqlens.models.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/**
 * x1, Fixed split (the template): every candle opens its quote volume at its typical price, a fixed share long and
 * the rest short. Replace the id, the name, the parameters and {@link #prepare} with your model's; keep the class
 * stateless (one instance serves concurrent estimates).
 */
public final class FixedSplitModel implements LiquidationModel {

    static final String LONG_SHARE = "longShare";

    private static final List<ModelParameter> PARAMETERS;

    static {
        // the ladder tiers (ladder.5x … ladder.100x) and mmr are what the engine reads for every model
        List<ModelParameter> p = new ArrayList<>(LeverageLadder.DEFAULT.parameters());
        p.add(new ModelParameter("mmr", "maintenance margin rate (fraction); by default the symbol's first bracket", 0.004, 0, 0.5));
        p.add(new ModelParameter(LONG_SHARE, "share of each candle's quote volume opened long (fraction)", 0.5, 0, 1));
        PARAMETERS = List.copyOf(p);
    }

    @Override public String id() { return "x1"; }

    @Override public String displayName() { return "Fixed split (template)"; }

    @Override public String description() { return "Each candle opens its quote volume at (H+L+C)/3, longShare of it long and the rest short."; }

    @Override public List<ModelParameter> parameters() { return PARAMETERS; }

    @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES); }

    @Override public EventBasis basis() { return EventBasis.CANDLES; }

    @Override
    public ModelRun prepare(ModelContext context) {
        CandleSeries c = context.candles();
        double share = context.param(LONG_SHARE);
        // openings for events [from, to) of the window: write every slot 0 .. to-from-1
        return (from, to, entry, longN, shortN) -> {
            for (int i = from, k = 0; i < to; i++, k++) {
                double q = c.quoteVolume(i);
                entry[k] = (c.high(i) + c.low(i) + c.close(i)) / 3.0;
                longN[k] = q > 0 ? q * share : 0;
                shortN[k] = q > 0 ? q - longN[k] : 0;
            }
        };
    }
}
