package org.liqlens.engine.model.builtin;

import java.util.Arrays;
import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.MissingInputException;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/**
 * m2, Open-interest flow: only a rise in open interest opens positions; a fall closes the same share of
 * every surviving level (liquidation-math.md §3, revised 2026-12-01).
 *
 * <h2>Alignment of open-interest intervals and candles</h2>
 * An open-interest sample is a snapshot at its timestamp τ, published after τ, so only samples stamped
 * before T are read. With the samples kept τ<sub>0</sub> &lt; τ<sub>1</sub> &lt; … in {@code [T - W, T)}
 * (all of them, or with {@code oiIntervalMinutes} &gt; 0 the first sample at or after each multiple of that
 * interval), OI interval k is {@code [τ_{k-1}, τ_k)} and ΔOI<sub>k</sub> = OI(τ<sub>k</sub>) −
 * OI(τ<sub>k-1</sub>), OI counted in contracts (base units), so that a price move alone opens or closes
 * nothing. A sample that gives only its value is turned into contracts with that sample's price: the close
 * of the last window candle that closed before τ, or, for a sample before every window candle's close,
 * the open of the first window candle opening at or after τ (only window candles, so that a loaded window
 * and the whole file give the same map).
 * <ul>
 * <li>The candles of interval k are the window candles overlapping it: {@code open_time < τ_k} and
 *     {@code close_time >= τ_{k-1}}. With 1m or 5m candles on a 5m OI grid these are the candles that open
 *     in {@code [τ_{k-1}, τ_k)}.</li>
 * <li>A rise ΔOI &gt; 0 opens notional ΔOI × typical price of the interval (max high + min low + last
 *     close) / 3, at that entry; long share = Σ taker-buy quote volume / Σ quote volume of the interval's
 *     candles (50/50 when any of them lacks the taker split, or there is no volume). The level is created
 *     by the interval's last candle, so only later candles can clear it. A rise whose interval holds no
 *     window candle opens nothing. When several intervals end in the same candle (candles coarser than the
 *     OI interval) their rises merge into one opening at that candle, at their notional-weighted entry.</li>
 * <li>A fall ΔOI &lt; 0 happens at instant τ<sub>k</sub>: every level alive then (created by a candle with
 *     {@code close_time < τ_k}, not yet cleared) is multiplied by {@code OI(τ_k) / OI(τ_{k-1})}, the
 *     share of the open interest still open.</li>
 * </ul>
 * The falls become a {@link WeightScale#steps step scale}.
 */
public final class OpenInterestFlowModel extends BuiltinModel {

    public OpenInterestFlowModel() {
        super("m2", "Open-interest flow",
                "Only a rise in open interest (in contracts) opens positions, its count x the interval's typical price,"
                        + " split long/short by the taker-buy share; a fall scales every surviving level by OI after / OI before.",
                EventBasis.CANDLES, Set.of(ModelInput.CANDLES, ModelInput.OPEN_INTEREST), OI_INTERVAL_PARAMETER);
    }

    @Override
    public ModelRun prepare(ModelContext ctx) {
        CandleSeries c = ctx.candles();
        OpenInterestSeries oi = ctx.openInterest();
        long start = ctx.windowStartMs(), asOf = ctx.asOfMs();
        int cf = ctx.firstEvent(), ct = ctx.endEvent();

        // §3: nothing stamped at or after T is read, so the last sample is the last one before T
        int s0 = oi.firstIndexAtOrAfter(start), s1 = oi.firstIndexAtOrAfter(asOf);
        long intervalMs = Math.round(ctx.param(OI_INTERVAL_MINUTES) * 60_000.0);
        double[] contracts = contracts(oi, s0, s1, c, cf, ct);
        int[] kept = keptSamples(oi, contracts, s0, s1, intervalMs);
        if (kept.length < 2) {
            throw new MissingInputException(id(), displayName(), ModelInput.OPEN_INTEREST,
                    "model " + id() + " (" + displayName() + ") needs at least two open-interest samples in the window ["
                            + start + ", " + asOf + "); the source provided " + kept.length);
        }

        // Openings (sparse, by creating candle) and falls, interval by interval.
        int nk = kept.length - 1;
        int[] openEvent = new int[nk];
        double[] openEntry = new double[nk], openLong = new double[nk], openShort = new double[nk];
        int opens = 0;
        long[] fallTime = new long[nk];
        double[] fallFactor = new double[nk];
        int falls = 0;
        long iv = c.intervalMs();
        double[] hi = c.highs(), lo = c.lows(), cl = c.closes(), qv = c.quoteVolumes(), tb = c.takerBuyQuoteVolumes();
        for (int k = 1; k < kept.length; k++) {
            long ta = oi.time(kept[k - 1]), tbTime = oi.time(kept[k]);
            double before = contracts[kept[k - 1] - s0], after = contracts[kept[k] - s0];
            double delta = after - before;
            if (!Double.isFinite(delta) || delta == 0) continue;
            if (delta < 0) {
                fallTime[falls] = tbTime;
                fallFactor[falls] = Math.max(0, after / before);
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
            double notional = delta * entry;
            int event = end - 1;
            if (opens > 0 && openEvent[opens - 1] == event) {
                int o = opens - 1;
                double had = openLong[o] + openShort[o];
                openEntry[o] = (openEntry[o] * had + entry * notional) / (had + notional);
                openLong[o] += notional * share;
                openShort[o] += notional * (1 - share);
            } else {
                openEvent[opens] = event;
                openEntry[opens] = entry;
                openLong[opens] = notional * share;
                openShort[opens] = notional * (1 - share);
                opens++;
            }
        }
        int[] evt = Arrays.copyOf(openEvent, opens);
        double[] ent = Arrays.copyOf(openEntry, opens), lng = Arrays.copyOf(openLong, opens), sht = Arrays.copyOf(openShort, opens);
        WeightScale scale = fallScale(Arrays.copyOf(fallTime, falls), Arrays.copyOf(fallFactor, falls));

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

    /**
     * The open interest in contracts of samples [s0, s1): the series' count where it has one, else its value
     * ÷ the sample's price (see the class comment); NaN where neither is known.
     */
    private static double[] contracts(OpenInterestSeries oi, int s0, int s1, CandleSeries c, int cf, int ct) {
        double[] out = new double[Math.max(0, s1 - s0)];
        for (int k = s0; k < s1; k++) {
            double n = oi.openInterest(k);
            if (Double.isFinite(n)) { out[k - s0] = n; continue; }
            long t = oi.time(k);
            int closedBefore = Math.min(ct, c.endIndexClosedBefore(t));     // window candles with close_time < t
            double price;
            if (closedBefore > cf) {
                price = c.close(closedBefore - 1);
            } else {
                int next = Math.max(cf, c.firstIndexOpenAtOrAfter(t));
                price = next < ct ? c.open(next) : Double.NaN;
            }
            out[k - s0] = price > 0 ? oi.openInterestValue(k) / price : Double.NaN;
        }
        return out;
    }

    /** Indices of the samples in [s0, s1) with a known count that bound OI intervals. */
    private static int[] keptSamples(OpenInterestSeries oi, double[] contracts, int s0, int s1, long intervalMs) {
        int n = Math.max(0, s1 - s0);
        int[] out = new int[n];
        int m = 0;
        boolean resample = intervalMs > 0 && intervalMs > oi.intervalMs();
        for (int k = s0; k < s1; k++) {
            if (!Double.isFinite(contracts[k - s0])) continue;
            if (resample && m > 0 && Math.floorDiv(oi.time(k), intervalMs) == Math.floorDiv(oi.time(k - 1), intervalMs)) continue;
            out[m++] = k;
        }
        return Arrays.copyOf(out, m);
    }

    /** The falls as one step scale; a fall to no open interest (factor 0) wipes every level alive. */
    private static WeightScale fallScale(long[] fallTime, double[] fallFactor) {
        return fallTime.length == 0 ? WeightScale.identity() : WeightScale.steps(fallTime, fallFactor);
    }
}
