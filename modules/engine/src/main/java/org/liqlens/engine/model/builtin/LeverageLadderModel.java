package org.liqlens.engine.model.builtin;

import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelRun;

/**
 * m1, Leverage ladder: every candle opens its taker-buy quote volume long and the rest of its quote volume
 * short at its typical price (H + L + C) / 3; nothing removes a level but price trading through it.
 */
public final class LeverageLadderModel extends BuiltinModel {

    public LeverageLadderModel() {
        super("m1", "Leverage ladder",
                "Each candle opens its taker-buy quote volume long and the rest short at the typical price"
                        + " (H+L+C)/3, spread over the leverage ladder; a level disappears when a later candle trades through it.",
                EventBasis.CANDLES, Set.of(ModelInput.CANDLES));
    }

    @Override
    public ModelRun prepare(ModelContext context) {
        return new CandleRun(context.candles());
    }

    /** Each candle's own openings; a class, not a lambda: the first lambda bootstrap costs a cold start milliseconds. */
    private static final class CandleRun implements ModelRun {
        private final CandleSeries candles;

        CandleRun(CandleSeries candles) {
            this.candles = candles;
        }

        @Override
        public void openings(int from, int to, double[] entry, double[] longN, double[] shortN) {
            candleOpenings(candles, from, to, entry, longN, shortN);
        }
    }

    /** A candle's openings are its own volumes, whatever the window. */
    @Override
    public boolean openingsIndependentOfWindow() { return true; }
}
