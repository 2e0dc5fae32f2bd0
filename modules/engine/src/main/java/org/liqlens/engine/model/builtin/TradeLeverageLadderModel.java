package org.liqlens.engine.model.builtin;

import java.util.Set;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelRun;

/**
 * m1t, Leverage ladder on trades: each trade opens its quote notional at its price on its taker's side
 * (taker buy → long, taker sell → short); levels clear on later trade prices.
 */
public final class TradeLeverageLadderModel extends BuiltinModel {

    public TradeLeverageLadderModel() {
        super("m1t", "Leverage ladder (trades)",
                "Each trade opens its notional at its price on the taker's side (taker buy long, taker sell short),"
                        + " spread over the leverage ladder; a level disappears when a later trade prices through it.",
                EventBasis.TRADES, Set.of(ModelInput.TRADES));
    }

    @Override
    public ModelRun prepare(ModelContext context) {
        var trades = context.trades();
        return (from, to, entry, longN, shortN) -> tradeOpenings(trades, from, to, entry, longN, shortN);
    }
}
