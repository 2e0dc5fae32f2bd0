package org.liqlens.engine.model.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.liq.BracketTable;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;

/** Identity, parameters and the shared opening rules of the built-in models. */
abstract class BuiltinModel implements LiquidationModel {

    static final String MMR = "mmr";
    static final String HALF_LIFE_HOURS = "halfLifeHours";
    static final String OI_INTERVAL_MINUTES = "oiIntervalMinutes";

    static final ModelParameter MMR_PARAMETER = new ModelParameter(MMR,
            "maintenance margin rate applied to every position (fraction); by default the symbol's first-bracket"
                    + " MMR, 0.004 when the symbol's table is unknown", BracketTable.DEFAULT_FIRST_BRACKET_MMR, 0, 0.5);
    static final ModelParameter HALF_LIFE_PARAMETER = new ModelParameter(HALF_LIFE_HOURS,
            "half-life of a level's notional, in hours: notional x 2^(-age/halfLife), age from creation to T",
            24, 0.001, 1_000_000);
    static final ModelParameter OI_INTERVAL_PARAMETER = new ModelParameter(OI_INTERVAL_MINUTES,
            "open-interest interval in minutes over which a rise opens or a fall removes notional;"
                    + " 0 = the interval of the open-interest series itself", 0, 0, 43_200);

    private final String id;
    private final String displayName;
    private final String description;
    private final List<ModelParameter> parameters;
    private final Set<ModelInput> inputs;
    private final EventBasis basis;

    BuiltinModel(String id, String displayName, String description, EventBasis basis, Set<ModelInput> inputs,
                 ModelParameter... extra) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.basis = basis;
        this.inputs = Set.copyOf(inputs);
        List<ModelParameter> p = new ArrayList<>(LeverageLadder.DEFAULT.parameters());
        p.add(MMR_PARAMETER);
        p.addAll(List.of(extra));
        this.parameters = List.copyOf(p);
    }

    @Override public final String id() { return id; }
    @Override public final String displayName() { return displayName; }
    @Override public final String description() { return description; }
    @Override public final List<ModelParameter> parameters() { return parameters; }
    @Override public final Set<ModelInput> requiredInputs() { return inputs; }
    @Override public final EventBasis basis() { return basis; }

    @Override
    public String toString() { return id + " (" + displayName + ")"; }

    /**
     * m1/m3 openings: long = taker-buy quote volume, short = quote volume - taker-buy quote volume, entry =
     * typical price (H + L + C) / 3. Where the taker split is unknown (NaN) the volume is split 50/50.
     */
    static void candleOpenings(CandleSeries c, int from, int to, double[] entry, double[] longN, double[] shortN) {
        org.liqlens.engine.model.CandleOpenings.takerSplit(c, from, to, entry, longN, shortN);
    }

    /**
     * m1t/m3t openings: each trade opens its quote notional at its price on its taker's side (taker buy
     * opens a long, taker sell, Binance {@code m = true}, a short).
     */
    static void tradeOpenings(TradeSeries t, int from, int to, double[] entry, double[] longN, double[] shortN) {
        double[] p = t.prices(), q = t.quantities();
        boolean[] sellerTaker = t.buyerIsMakerFlags();
        for (int i = from, k = 0; i < to; i++, k++) {
            double px = p[i];
            long n = Double.doubleToRawLongBits(px * q[i]);
            // the notional on the taker's side, +0.0 on the other: masks on the bits, because the JIT compiles a
            // select of doubles into a branch, and the side is a coin flip
            long sold = -(long) (sellerTaker[i] ? 1 : 0);
            entry[k] = px;
            longN[k] = Double.longBitsToDouble(n & ~sold);
            shortN[k] = Double.longBitsToDouble(n & sold);
        }
    }
}
