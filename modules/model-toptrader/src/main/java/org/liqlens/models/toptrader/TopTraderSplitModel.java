package org.liqlens.models.toptrader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.engine.model.CandleOpenings;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/**
 * m1r, Top-trader split: m1's ladder and entries, with each candle's quote volume split long and short by Binance's
 * top-trader long/short position ratio instead of by the taker side.
 *
 * <p>Assumptions:
 * <ul>
 * <li>A candle opens its whole quote volume (as m1 does: taker buys long, the rest short, i.e. all of it), at its
 *     typical price (H+L+C)/3.</li>
 * <li>The long share is the top traders' long share {@code r / (1 + r)} of the last ratio sample stamped at or before
 *     the candle's close (a sample stamped t covers the period ending at t), blended with the candle's taker share:
 *     {@code share = w x topShare + (1 - w) x takerShare}, w = {@code ratioWeight} (1 by default).</li>
 * <li>A candle before the first sample, or more than {@code maxSampleAgeMinutes} after the last one, keeps m1's taker
 *     split: a ratio says nothing about a period it does not cover.</li>
 * <li>Only samples stamped before T are read (the engine cuts the series).</li>
 * </ul>
 * The ratio describes the positions of the largest accounts, not the flow of new positions; taking it as the split of
 * new positions is the model's bet.
 */
public final class TopTraderSplitModel implements LiquidationModel {

    public static final String ID = "m1r";
    static final String RATIO_WEIGHT = "ratioWeight";
    static final String MAX_AGE = "maxSampleAgeMinutes";

    private static final List<ModelParameter> PARAMETERS;

    static {
        List<ModelParameter> p = new ArrayList<>(LeverageLadder.DEFAULT.parameters());
        p.add(new ModelParameter("mmr", "maintenance margin rate applied to every position (fraction); by default the symbol's"
                + " first-bracket MMR", 0.004, 0, 0.5));
        p.add(new ModelParameter(RATIO_WEIGHT, "weight of the top-trader ratio in the long/short split (1 = the ratio only,"
                + " 0 = the taker split, m1)", 1, 0, 1));
        p.add(new ModelParameter(MAX_AGE, "oldest ratio sample, in minutes before a candle's close, that still splits it", 60, 5, 10_080));
        PARAMETERS = List.copyOf(p);
    }

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Top-trader split"; }

    @Override
    public String description() {
        return "As m1, with each candle's volume split long and short by the top traders' long/short position ratio"
                + " (Binance topLongShortPositionRatio, metrics archives) instead of the taker split.";
    }

    @Override public List<ModelParameter> parameters() { return PARAMETERS; }

    @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES, ModelInput.TOP_TRADER_RATIO); }

    @Override public EventBasis basis() { return EventBasis.CANDLES; }

    @Override
    public ModelRun prepare(ModelContext context) {
        CandleSeries candles = context.candles();
        LongShortRatioSeries ratio = context.topTraderRatio();
        double weight = context.param(RATIO_WEIGHT);
        long maxAge = (long) (context.param(MAX_AGE) * 60_000L);
        return (from, to, entry, longN, shortN) -> {
            CandleOpenings.takerSplit(candles, from, to, entry, longN, shortN);
            for (int i = from, k = 0; i < to; i++, k++) {
                double total = longN[k] + shortN[k];
                if (!(total > 0)) continue;
                double share = topShare(ratio, candles.closeTime(i), maxAge);
                if (share != share) continue;                       // no sample covers it: the taker split stays
                double mixed = weight * share + (1 - weight) * (longN[k] / total);
                longN[k] = total * mixed;
                shortN[k] = total - longN[k];
            }
        };
    }

    /**
     * The top traders' long share for a candle closing at {@code closeTime}: from the last sample stamped at or before
     * {@code closeTime + 1} and not older than {@code maxAgeMs}; NaN when there is none.
     */
    static double topShare(LongShortRatioSeries ratio, long closeTime, long maxAgeMs) {
        int j = ratio.lastIndexAtOrBefore(closeTime + 1);
        if (j < 0 || closeTime + 1 - ratio.time(j) > maxAgeMs) return Double.NaN;
        return ratio.longShare(j);
    }

    @Override
    public String toString() { return ID + " (" + displayName() + ")"; }
}
