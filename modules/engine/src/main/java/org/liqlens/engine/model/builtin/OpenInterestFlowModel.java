package org.liqlens.engine.model.builtin;

import java.util.Arrays;
import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.model.ClearingIndex;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.MissingInputException;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/**
 * m2, Open-interest flow: only a rise in open-interest value opens positions; a fall shrinks every
 * surviving level.
 *
 * <h2>Alignment of open-interest intervals and candles</h2>
 * An open-interest sample is a snapshot at its timestamp τ (Binance {@code sumOpenInterestValue}). With the
 * samples kept τ<sub>0</sub> &lt; τ<sub>1</sub> &lt; … (all of them, or with {@code oiIntervalMinutes} &gt; 0
 * the first sample at or after each multiple of that interval), OI interval k is {@code [τ_{k-1}, τ_k)} and
 * ΔOI<sub>k</sub> = value(τ<sub>k</sub>) − value(τ<sub>k-1</sub>).
 * <ul>
 * <li>Only intervals inside the window count: {@code τ_{k-1} >= T - W} and {@code τ_k <= T}. (A sample at
 *     exactly T describes the state at T and may be used.)</li>
 * <li>The candles of interval k are the window candles overlapping it: {@code open_time < τ_k} and
 *     {@code close_time >= τ_{k-1}}. With 1m or 5m candles on a 5m OI grid these are the candles that open
 *     in {@code [τ_{k-1}, τ_k)}.</li>
 * <li>A rise ΔOI &gt; 0 opens notional ΔOI, long share = Σ taker-buy quote volume / Σ quote volume of the
 *     interval's candles (50/50 when any of them lacks the taker split, or there is no volume), entry =
 *     typical price of the interval (max high + min low + last close) / 3. The level is created by the
 *     interval's last candle, so only later candles can clear it. A rise whose interval holds no window
 *     candle opens nothing. When several intervals end in the same candle (candles coarser than the OI
 *     interval) their rises merge into one opening at that candle, at their rise-weighted mean entry.</li>
 * <li>A fall ΔOI &lt; 0 happens at instant τ<sub>k</sub>: every level alive then (created by a candle with
 *     {@code close_time < τ_k}, not yet cleared by one) is multiplied by {@code max(0, 1 - |ΔOI| / S)},
 *     S = total surviving notional of all levels, both sides and all tiers, at τ<sub>k</sub>. With S = 0 there
 *     is nothing to shrink. A factor of 0 wipes every level alive: they count as cleared at τ<sub>k</sub>.</li>
 * </ul>
 * The falls become a {@link WeightScale#steps step scale}; computing S needs every level's clearing
 * candle first, which this class finds with a {@link ClearingIndex} before the engine's sweep.
 */
public final class OpenInterestFlowModel extends BuiltinModel {

    public OpenInterestFlowModel() {
        super("m2", "Open-interest flow",
                "Only a rise in open interest opens positions (split long/short by the taker-buy share, at the"
                        + " interval's typical price); a fall shrinks every surviving level in proportion.",
                EventBasis.CANDLES, Set.of(ModelInput.CANDLES, ModelInput.OPEN_INTEREST), OI_INTERVAL_PARAMETER);
    }

    @Override
    public ModelRun prepare(ModelContext ctx) {
        CandleSeries c = ctx.candles();
        OpenInterestSeries oi = ctx.openInterest();
        long start = ctx.windowStartMs(), asOf = ctx.asOfMs();
        int cf = ctx.firstEvent(), ct = ctx.endEvent();

        int s0 = oi.firstIndexAtOrAfter(start), s1 = oi.firstIndexAtOrAfter(asOf + 1);
        long intervalMs = Math.round(ctx.param(OI_INTERVAL_MINUTES) * 60_000.0);
        int[] kept = keptSamples(oi, s0, s1, intervalMs);
        if (kept.length < 2) {
            throw new MissingInputException(id(), displayName(), ModelInput.OPEN_INTEREST,
                    "model " + id() + " (" + displayName() + ") needs at least two open-interest samples in the window ["
                            + start + ", " + asOf + "]; the source provided " + kept.length);
        }

        // Openings (sparse, by creating candle) and falls, interval by interval.
        int nk = kept.length - 1;
        int[] openEvent = new int[nk];
        double[] openEntry = new double[nk], openLong = new double[nk], openShort = new double[nk];
        int opens = 0;
        long[] fallTime = new long[nk];
        double[] fallSize = new double[nk];
        int falls = 0;
        long iv = c.intervalMs();
        double[] hi = c.highs(), lo = c.lows(), cl = c.closes(), qv = c.quoteVolumes(), tb = c.takerBuyQuoteVolumes();
        for (int k = 1; k < kept.length; k++) {
            long ta = oi.time(kept[k - 1]), tbTime = oi.time(kept[k]);
            double delta = oi.openInterestValue(kept[k]) - oi.openInterestValue(kept[k - 1]);
            if (!Double.isFinite(delta) || delta == 0) continue;
            if (delta < 0) {
                fallTime[falls] = tbTime;
                fallSize[falls] = -delta;
                falls++;
                continue;
            }
            int first = Math.max(cf, c.firstIndexOpenAtOrAfter(ta - iv + 1));   // close_time >= ta
            int end = Math.min(ct, c.firstIndexOpenAtOrAfter(tbTime));          // open_time < tb
            if (end <= first) continue;
            double h = Double.NEGATIVE_INFINITY, l = Double.POSITIVE_INFINITY, q = 0, b = 0;
            boolean split = true;
            for (int i = first; i < end; i++) {
                h = Math.max(h, hi[i]);
                l = Math.min(l, lo[i]);
                q += qv[i];
                if (Double.isNaN(tb[i])) split = false; else b += tb[i];
            }
            double share = split && q > 0 && Double.isFinite(q) ? Math.min(1, Math.max(0, b / q)) : 0.5;
            double entry = (h + l + cl[end - 1]) / 3.0;
            int event = end - 1;
            if (opens > 0 && openEvent[opens - 1] == event) {
                int o = opens - 1;
                double before = openLong[o] + openShort[o];
                openEntry[o] = (openEntry[o] * before + entry * delta) / (before + delta);
                openLong[o] += delta * share;
                openShort[o] += delta * (1 - share);
            } else {
                openEvent[opens] = event;
                openEntry[opens] = entry;
                openLong[opens] = delta * share;
                openShort[opens] = delta * (1 - share);
                opens++;
            }
        }
        int[] evt = Arrays.copyOf(openEvent, opens);
        double[] ent = Arrays.copyOf(openEntry, opens), lng = Arrays.copyOf(openLong, opens), sht = Arrays.copyOf(openShort, opens);
        WeightScale scale = fallScale(c, cf, ct, ctx, evt, ent, lng, sht,
                Arrays.copyOf(fallTime, falls), Arrays.copyOf(fallSize, falls));

        return new ModelRun() {
            @Override
            public void openings(int from, int to, double[] entry, double[] longN, double[] shortN) {
                Arrays.fill(longN, 0, to - from, 0.0);
                Arrays.fill(shortN, 0, to - from, 0.0);
                int i = Arrays.binarySearch(evt, from);
                if (i < 0) i = -i - 1;
                for (; i < evt.length && evt[i] < to; i++) {
                    int k = evt[i] - from;
                    entry[k] = ent[i];
                    longN[k] = lng[i];
                    shortN[k] = sht[i];
                }
            }

            @Override
            public WeightScale scale() { return scale; }
        };
    }

    /** Indices of the samples in [s0, s1) that bound OI intervals. */
    private static int[] keptSamples(OpenInterestSeries oi, int s0, int s1, long intervalMs) {
        int n = Math.max(0, s1 - s0);
        int[] out = new int[n];
        int m = 0;
        boolean resample = intervalMs > 0 && intervalMs > oi.intervalMs();
        for (int k = s0; k < s1; k++) {
            if (!Double.isFinite(oi.openInterestValue(k))) continue;
            if (resample && m > 0 && Math.floorDiv(oi.time(k), intervalMs) == Math.floorDiv(oi.time(k - 1), intervalMs)) continue;
            out[m++] = k;
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * Forward pass over candles and falls in time order that tracks S, the total surviving notional, to turn
     * each fall into a factor. Notional cleared at a future candle is parked in that candle's slot together
     * with the cumulative log-scale and zero count at which it was parked, and rescaled when read, so no
     * global normalisation can under- or overflow.
     */
    private static WeightScale fallScale(CandleSeries c, int cf, int ct, ModelContext ctx,
                                         int[] evt, double[] ent, double[] lng, double[] sht,
                                         long[] fallTime, double[] fallSize) {
        if (fallTime.length == 0 || evt.length == 0) return WeightScale.identity();
        LeverageLadder ladder = ctx.ladder();
        int tiers = ladder.size();
        double[] w = new double[tiers];
        for (int t = 0; t < tiers; t++) w[t] = ladder.weight(t);
        ClearingIndex index = ClearingIndex.of(c.lows(), c.highs(), cf, ct);
        int n = ct - cf;
        double[] parked = new double[n], parkedLog = new double[n];
        int[] parkedZeros = new int[n];
        long[] stepTime = new long[fallTime.length];
        double[] stepFactor = new double[fallTime.length];
        int steps = 0;
        double alive = 0, logScale = 0;
        int zeros = 0;
        int f = 0, o = 0;
        for (int j = cf; j < ct; j++) {
            long closeJ = c.closeTime(j);
            while (f < fallTime.length && fallTime[f] <= closeJ) {
                double factor = alive > 0 ? Math.max(0, 1 - fallSize[f] / alive) : 1;
                if (factor < 1) {
                    stepTime[steps] = fallTime[f];
                    stepFactor[steps++] = factor;
                    alive *= factor;
                    if (factor == 0) { zeros++; alive = 0; } else logScale += Math.log(factor);
                }
                f++;
            }
            int r = j - cf;
            if (parked[r] != 0) {
                double x = parkedZeros[r] != zeros ? 0 : parked[r] * Math.exp(logScale - parkedLog[r]);
                alive = Math.max(0, alive - x);
            }
            if (o < evt.length && evt[o] == j) {
                double e = ent[o];
                for (int t = 0; t < tiers; t++) {
                    double wl = lng[o] * w[t], ws = sht[o] * w[t];
                    if (wl > 0) {
                        alive += wl;
                        park(index.firstLowAtOrBelow(j, ctx.liquidationPrice(Side.LONG, e, ladder.leverage(t))), cf, wl, parked, parkedLog, parkedZeros, logScale, zeros);
                    }
                    if (ws > 0) {
                        alive += ws;
                        park(index.firstHighAtOrAbove(j, ctx.liquidationPrice(Side.SHORT, e, ladder.leverage(t))), cf, ws, parked, parkedLog, parkedZeros, logScale, zeros);
                    }
                }
                o++;
            }
        }
        for (; f < fallTime.length; f++) {
            double factor = alive > 0 ? Math.max(0, 1 - fallSize[f] / alive) : 1;
            if (factor < 1) {
                stepTime[steps] = fallTime[f];
                stepFactor[steps++] = factor;
                alive = factor == 0 ? 0 : alive * factor;
            }
        }
        return WeightScale.steps(Arrays.copyOf(stepTime, steps), Arrays.copyOf(stepFactor, steps));
    }

    private static void park(int clearedBy, int cf, double notional, double[] parked, double[] parkedLog, int[] parkedZeros,
                             double logScale, int zeros) {
        if (clearedBy < 0) return;
        int r = clearedBy - cf;
        double before = parked[r] == 0 ? 0 : parkedZeros[r] != zeros ? 0 : parked[r] * Math.exp(logScale - parkedLog[r]);
        parked[r] = before + notional;
        parkedLog[r] = logScale;
        parkedZeros[r] = zeros;
    }
}
