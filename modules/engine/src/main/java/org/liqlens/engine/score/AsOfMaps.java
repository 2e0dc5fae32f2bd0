package org.liqlens.engine.score;

import java.util.Map;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.model.ClearingIndex;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/**
 * The liquidation maps of one model × window at many as-of times T, each on its own grid: buckets of a fixed
 * share of the price P at T laid from {@code P·(1 − X)} to {@code P·(1 + X)}. Each map equals the engine's map
 * for that T, window, range and bucket count (checked by a test).
 *
 * <p>For a model whose openings do not depend on the window ({@link LiquidationModel#openingsIndependentOfWindow},
 * m1 and m3) the series is prepared once: every candle's openings, every level's liquidation price and the
 * candle that first trades through it (a {@link ClearingIndex} over the whole series). A level of candle i then
 * survives at T exactly when i is in the window {@code [T − W, T)} and its clearing candle is not a window candle,
 * i.e. not before the first candle closing at or after T, and it lies on its side of P (the engine's rule for the
 * last candle's levels). So a level is only ever cleared by candles before T, and each T costs one scan of the
 * window's levels. Any other model gets a fresh engine estimate at each T: slower, and the same by construction.
 */
final class AsOfMaps {

    /** The maps: {@code price[k]}, and notional per bucket {@code longs[k][b]}, {@code shorts[k][b]}. */
    record Maps(long[] asOf, double[] price, double[][] longs, double[][] shorts, int bucketsPerSide, boolean onePass) { }

    /**
     * The last series prepared, kept by its owner (one {@link Scorecard}) so that the windows of one model share
     * it: the levels and their clearing candles do not depend on the window. One entry, so memory stays that of
     * one preparation (about 70 MB for a year of 1m candles).
     */
    static final class LevelCache {
        private Levels last;
    }

    /** A series prepared once for window-independent models: per side and tier, each candle's level. */
    private static final class Levels {
        String modelId;
        Map<String, Double> parameters;
        double mmr;
        LiquidationRule rule;
        final double[][] longPrice, shortPrice;   // [tier][candle]
        final int[][] longClearedBy, shortClearedBy;   // [tier][candle]: first later candle through it, or n
        final double[] longNotional, shortNotional;
        final double[] share;
        final WeightScale scale;

        Levels(int tiers, int n, WeightScale scale, double[] share) {
            longPrice = new double[tiers][n];
            shortPrice = new double[tiers][n];
            longClearedBy = new int[tiers][n];
            shortClearedBy = new int[tiers][n];
            longNotional = new double[n];
            shortNotional = new double[n];
            this.scale = scale;
            this.share = share;
        }
    }

    private AsOfMaps() { }

    /**
     * @param asOfs          as-of times, each with at least one closed candle before it
     * @param bucketsPerSide K: the map spans K buckets below and K above the price
     * @param bucketFraction a bucket's width as a fraction of the price (0.001)
     */
    static Maps compute(LiquidationEngine engine, MarketInputs inputs, String modelId, long windowMs, Map<String, Double> params,
                        Double mmrOverride, LiquidationRule rule, long[] asOfs, int bucketsPerSide, double bucketFraction,
                        java.util.function.BooleanSupplier cancelled, LevelCache cache) {
        LiquidationModel model = engine.model(modelId);
        CandleSeries c = inputs.candles();
        int k = asOfs.length, nb = 2 * bucketsPerSide;
        double[] price = new double[k];
        double[][] longs = new double[k][nb], shorts = new double[k][nb];
        double halfSpan = bucketsPerSide * bucketFraction;
        boolean onePass = model.openingsIndependentOfWindow() && model.basis() == EventBasis.CANDLES && k > 0;
        if (!onePass) {
            for (int t = 0; t < k; t++) {
                checkCancelled(cancelled);
                int to = c.endIndexClosedBefore(asOfs[t]);
                double p = c.close(to - 1);
                EstimateResult r = engine.estimate(request(inputs, modelId, windowMs, params, mmrOverride, rule, asOfs[t])
                        .range(new PriceRange(p * (1 - halfSpan), p * (1 + halfSpan))).buckets(nb).build());
                price[t] = r.price();
                System.arraycopy(r.map().longNotionals(), 0, longs[t], 0, nb);
                System.arraycopy(r.map().shortNotionals(), 0, shorts[t], 0, nb);
            }
            return new Maps(asOfs.clone(), price, longs, shorts, bucketsPerSide, false);
        }
        // the parameters exactly as the engine resolves them (ladder, MMR, rule), from one small estimate
        EstimateResult first = engine.estimate(request(inputs, modelId, windowMs, params, mmrOverride, rule, asOfs[0]).buckets(1).build());
        Levels lv = cache.last;
        if (lv == null || !lv.modelId.equals(modelId) || !lv.parameters.equals(first.parameters()) || lv.mmr != first.mmr()
                || lv.rule != first.liquidationRule()) {
            cache.last = lv = null;   // let the old one go before the new one is built
            lv = prepare(model, c, inputs, first);
            lv.modelId = modelId;
            lv.parameters = first.parameters();
            lv.mmr = first.mmr();
            lv.rule = first.liquidationRule();
            cache.last = lv;
        }
        int tiers = lv.share.length;
        long[] open = c.openTimes();
        for (int t = 0; t < k; t++) {
            if ((t & 63) == 0) checkCancelled(cancelled);
            long asOf = asOfs[t];
            int from = c.firstIndexOpenAtOrAfter(asOf - windowMs), to = Math.max(from, c.endIndexClosedBefore(asOf));
            double p = c.close(to - 1);
            price[t] = p;
            double lo = p * (1 - halfSpan), hi = p * (1 + halfSpan);
            // the engine's bucket arithmetic (PriceRange): floor((x - low) * (buckets / (high - low)))
            double perUnit = nb / (hi - lo);
            double[] lg = longs[t], sh = shorts[t];
            long stampOffset = c.intervalMs() - 1;
            for (int i = from; i < to; i++) {
                double nl = lv.longNotional[i], ns = lv.shortNotional[i];
                if (nl == 0 && ns == 0) continue;
                double f = lv.scale.isIdentity() ? 1 : lv.scale.factor(open[i] + stampOffset, asOf);
                for (int tier = 0; tier < tiers; tier++) {
                    if (nl != 0 && lv.longClearedBy[tier][i] >= to) {
                        double q = lv.longPrice[tier][i];
                        double x = (q - lo) * perUnit;
                        if (q < p && x >= 0 && x < nb) lg[(int) x] += nl * lv.share[tier] * f;
                    }
                    if (ns != 0 && lv.shortClearedBy[tier][i] >= to) {
                        double q = lv.shortPrice[tier][i];
                        double x = (q - lo) * perUnit;
                        if (q > p && x >= 0 && x < nb) sh[(int) x] += ns * lv.share[tier] * f;
                    }
                }
            }
        }
        return new Maps(asOfs.clone(), price, longs, shorts, bucketsPerSide, true);
    }

    private static void checkCancelled(java.util.function.BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("scorecard cancelled");
    }

    private static EstimateRequest.Builder request(MarketInputs inputs, String modelId, long windowMs, Map<String, Double> params,
                                                   Double mmrOverride, LiquidationRule rule, long asOf) {
        return EstimateRequest.builder(inputs, modelId).params(params).mmrOverride(mmrOverride).liquidationRule(rule)
                .asOf(asOf).window(windowMs).columns(0);
    }

    /** Every candle's openings and levels over the whole series, priced as the engine prices them. */
    private static Levels prepare(LiquidationModel model, CandleSeries c, MarketInputs inputs, EstimateResult resolved) {
        int n = c.size();
        LeverageLadder ladder = resolved.ladder();
        int tiers = ladder.size();
        double[] share = new double[tiers];
        for (int t = 0; t < tiers; t++) share[t] = ladder.weight(t);
        long end = c.lastCloseTime() + 1;
        ModelContext ctx = new ModelContext(c.symbol(), inputs, end, end - c.firstOpenTime(), 0, n, resolved.parameters(), ladder,
                resolved.mmr(), resolved.liquidationRule());
        ModelRun run = org.liqlens.engine.ModelGuard.prepare(model, ctx);
        Levels lv = new Levels(tiers, n, run.scale(), share);
        int chunk = 4096;
        double[] entry = new double[chunk], ln = new double[chunk], sn = new double[chunk];
        ClearingIndex index = ClearingIndex.of(c.lows(), c.highs(), 0, n);
        for (int a = 0; a < n; a += chunk) {
            int b = Math.min(n, a + chunk);
            run.openings(a, b, entry, ln, sn);
            for (int i = a; i < b; i++) {
                double e = entry[i - a];
                lv.longNotional[i] = ln[i - a];
                lv.shortNotional[i] = sn[i - a];
                for (int t = 0; t < tiers; t++) {
                    double lev = ladder.leverage(t);
                    if (ln[i - a] != 0) {
                        double q = ctx.liquidationPrice(Side.LONG, e, lev);
                        int j = index.firstLowAtOrBelow(i, q);
                        lv.longPrice[t][i] = q;
                        lv.longClearedBy[t][i] = j < 0 ? n : j;
                    }
                    if (sn[i - a] != 0) {
                        double q = ctx.liquidationPrice(Side.SHORT, e, lev);
                        int j = index.firstHighAtOrAbove(i, q);
                        lv.shortPrice[t][i] = q;
                        lv.shortClearedBy[t][i] = j < 0 ? n : j;
                    }
                }
            }
        }
        return lv;
    }
}
