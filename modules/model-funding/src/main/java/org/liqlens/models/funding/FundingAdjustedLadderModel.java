package org.liqlens.models.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.model.CandleOpenings;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.MarginFlow;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.engine.model.ModelRun;

/**
 * m1f, Funding-adjusted ladder: m1's positions (each candle opens its taker-buy quote volume long and the rest short at
 * its typical price, spread over the leverage ladder), whose isolated margin then changes with funding.
 *
 * <p>Assumptions, each one a simplification:
 * <ul>
 * <li>At each funding settlement τ before T with rate r, a long pays and a short receives {@code r x P(τ)} per unit
 *     of base, P(τ) being the close of the last candle closed before τ (standing in for the mark price, which
 *     Binance charges on). A negative rate reverses the flow. {@code fundingScale} multiplies every payment (0 turns
 *     the model into m1).</li>
 * <li>Payments come out of (or go into) the position's isolated margin, never from elsewhere: no auto top-up, no
 *     withdrawal of received funding. With margin per unit {@code EP/L - c}, where c is what the position has paid
 *     since it opened, the exchange's formula becomes {@code LP = (EP x numerator + c) / denominator}: positive funding
 *     pulls a long's level up toward its entry (it pays) and moves a short's level up, away from its entry (it
 *     receives); negative funding moves both down. A payer whose margin is used up is liquidated by the next
 *     candle, since its level has then passed its entry.</li>
 * <li>A level moves only at settlements; a candle containing a settlement is tested against the moved level.</li>
 * <li>Funding is read only when settled before T (no look-ahead); positions opened after a settlement do not pay it.</li>
 * </ul>
 * The engine re-prices every surviving level at each settlement (its margin-flow sweep), so an estimate costs more
 * than m1's: tens of milliseconds for a 3-day pane.
 */
public final class FundingAdjustedLadderModel implements LiquidationModel {

    public static final String ID = "m1f";
    static final String FUNDING_SCALE = "fundingScale";
    static final String MMR = "mmr";

    private static final List<ModelParameter> PARAMETERS;

    static {
        List<ModelParameter> p = new ArrayList<>(LeverageLadder.DEFAULT.parameters());
        p.add(new ModelParameter(MMR, "maintenance margin rate applied to every position (fraction); by default the symbol's"
                + " first-bracket MMR", 0.004, 0, 0.5));
        p.add(new ModelParameter(FUNDING_SCALE, "multiplier on every funding payment (1 = as settled, 0 = m1)", 1, 0, 100));
        PARAMETERS = List.copyOf(p);
    }

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Funding-adjusted ladder"; }

    @Override
    public String description() {
        return "As m1, and each level's isolated margin pays or receives funding at every settlement (longs pay when the"
                + " rate is positive), which moves its liquidation price: toward the entry for the payer, away for the receiver.";
    }

    @Override public List<ModelParameter> parameters() { return PARAMETERS; }

    @Override public Set<ModelInput> requiredInputs() { return Set.of(ModelInput.CANDLES, ModelInput.FUNDING_RATES); }

    @Override public EventBasis basis() { return EventBasis.CANDLES; }

    @Override
    public ModelRun prepare(ModelContext context) {
        CandleSeries candles = context.candles();
        MarginFlow flow = flow(candles, context.fundingRates(), context.windowStartMs(), context.asOfMs(),
                context.param(FUNDING_SCALE));
        return new ModelRun() {
            @Override
            public void openings(int from, int to, double[] entry, double[] longN, double[] shortN) {
                CandleOpenings.takerSplit(candles, from, to, entry, longN, shortN);
            }

            @Override
            public MarginFlow marginFlow() { return flow; }
        };
    }

    /**
     * The payments per unit of base at each settlement in {@code [windowStart, asOf)}: {@code scale x rate x} the
     * close of the last candle closed before the settlement. Settlements before the window move no level of it; one
     * with no candle closed before it is skipped for the same reason.
     */
    static MarginFlow flow(CandleSeries candles, FundingRateSeries funding, long windowStart, long asOf, double scale) {
        if (funding == null || scale == 0) return MarginFlow.none();
        int a = funding.firstIndexAtOrAfter(windowStart), b = funding.firstIndexAtOrAfter(asOf);
        long[] times = new long[Math.max(0, b - a)];
        double[] amounts = new double[times.length];
        int n = 0;
        for (int k = a; k < b; k++) {
            long tau = funding.time(k);
            int closed = candles.endIndexClosedBefore(tau);
            if (closed == 0) continue;
            times[n] = tau;
            amounts[n] = scale * funding.rate(k) * candles.close(closed - 1);
            n++;
        }
        return MarginFlow.steps(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(amounts, n));
    }

    @Override
    public String toString() { return ID + " (" + displayName() + ")"; }
}
