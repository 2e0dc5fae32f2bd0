package org.liqlens.engine.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.Zone;
import org.liqlens.engine.Zones;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.Side;

/**
 * Does a liquidation map say where price goes? Issue 12's instrument, plain Java: for one source's data, run
 * {@link #run} per model × window.
 *
 * <p>At every as-of time T of the step grid (the window before T inside the data, the longest horizon after
 * it), the map at T on buckets of 0.1 % of its price P gives, per side, one level within ±X: by default the
 * midpoint of the bucket with the largest short notional in (P, P·(1+X)] and of the largest long notional in
 * [P·(1−X), P). Each (T, side) with a level is a case; it is a hit when the highest high (level above) or lowest
 * low (below) of the candles opening in [T, T+H) reaches it. A hit rate alone says nothing, because a nearer
 * level is touched more often whatever the map says: so each case is weighed against
 * <ol>
 * <li>the distance-matched baseline: the share of times T′ on a 10-minute grid over the period, at least H away
 *     from T, at which price reached the same distance on the same side within H;</li>
 * <li>the recent baseline: the same with T′ in [T − 3 d, T − H] only (is price simply moving more lately?);</li>
 * <li>the opposite level: the same distance on the other side at the same T.</li>
 * </ol>
 * Lift = hits ÷ sum of the baseline probabilities, with a 95 % interval by block bootstrap over calendar days
 * (cases of one day move together), deterministic for a fixed seed. Highs and lows over any span come from a
 * sparse table, the baselines' excursions are computed once per horizon and sorted, and the maps of all T come
 * from one pass over the series ({@link AsOfMaps}).
 *
 * <p>Not thread-safe; one instance per data set, reused across models and windows.
 */
public final class Scorecard {

    static final long DAY = 86_400_000L;
    static final double Z95 = 1.959963984540054;

    private final LiquidationEngine engine;
    private final MarketInputs inputs;
    private final ScorecardSpec spec;
    private final LiquidationRule rule;
    private final CandleSeries candles;
    private final RangeExtremes extremes;
    private final long dataStart, dataEnd;
    /** The baselines' grid: T′_k = gridFirst + k · grid, for k in [0, gridCount). */
    private final long gridFirst;
    private final int gridCount;
    private final Baseline[] baselines;
    private final BooleanSupplier cancelled;
    private final AsOfMaps.LevelCache levels = new AsOfMaps.LevelCache();

    /** The excursions after each T′ over one horizon, and the distance-matched ones over the period sorted. */
    private static final class Baseline {
        final long horizonMs;
        final double[] upRatio, downRatio;        // maxHigh / P′ and minLow / P′ per grid point; NaN where unknown
        final int periodFrom, periodTo;           // grid points in [from, to]
        final double[] upSorted, downSorted;      // the period's known ratios, ascending

        Baseline(long horizonMs, double[] up, double[] down, int periodFrom, int periodTo) {
            this.horizonMs = horizonMs;
            this.upRatio = up;
            this.downRatio = down;
            this.periodFrom = periodFrom;
            this.periodTo = periodTo;
            upSorted = known(up, periodFrom, periodTo);
            downSorted = known(down, periodFrom, periodTo);
        }

        private static double[] known(double[] a, int from, int to) {
            double[] out = new double[Math.max(0, to - from)];
            int m = 0;
            for (int k = from; k < to; k++) if (!Double.isNaN(a[k])) out[m++] = a[k];
            out = Arrays.copyOf(out, m);
            Arrays.sort(out);
            return out;
        }
    }

    public Scorecard(LiquidationEngine engine, MarketInputs inputs, ScorecardSpec spec) {
        this(engine, inputs, spec, LiquidationRule.BINANCE);
    }

    /**
     * @param rule whose formula prices the positions: the data's exchange
     * @throws IllegalArgumentException when the inputs have no candles
     */
    public Scorecard(LiquidationEngine engine, MarketInputs inputs, ScorecardSpec spec, LiquidationRule rule) {
        this(engine, inputs, spec, rule, () -> false);
    }

    /**
     * @param cancelled polled between as-of times and between cells; when it answers true, {@link #run} throws
     *                  {@link java.util.concurrent.CancellationException} (a desktop worker's cancel)
     */
    public Scorecard(LiquidationEngine engine, MarketInputs inputs, ScorecardSpec spec, LiquidationRule rule, BooleanSupplier cancelled) {
        this.engine = engine;
        this.cancelled = cancelled;
        this.inputs = inputs;
        this.spec = spec;
        this.rule = rule;
        this.candles = inputs.candles();
        if (candles == null || candles.size() < 2) throw new IllegalArgumentException("a scorecard needs candles");
        extremes = new RangeExtremes(candles.highs(), candles.lows(), candles.size());
        dataStart = candles.firstOpenTime();
        dataEnd = candles.lastCloseTime() + 1;
        long grid = spec.baselineGridMs();
        // a T′ needs a closed candle before it (its price) and a horizon of data after it
        gridFirst = ceil(dataStart + candles.intervalMs(), grid);
        gridCount = (int) Math.max(0, (dataEnd - gridFirst) / grid + 1);
        long[] horizons = spec.horizonsMs();
        baselines = new Baseline[horizons.length];
        for (int h = 0; h < horizons.length; h++) baselines[h] = baseline(horizons[h]);
    }

    /** The spec this scorecard measures with. */
    public ScorecardSpec spec() { return spec; }

    /**
     * The as-of times of a window: every multiple of the step in [from, to] with the whole window after the data's
     * start and the longest horizon before its end.
     */
    public long[] asOfTimes(long windowMs) {
        long first = ceil(Math.max(spec.fromMs(), dataStart + windowMs), spec.stepMs());
        long last = Math.min(spec.toMs(), dataEnd - spec.maxHorizonMs());
        if (last < first) return new long[0];
        int n = (int) ((last - first) / spec.stepMs() + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = first + i * spec.stepMs();
        return out;
    }

    /** {@link #run(String, long, Map, Double)} with the model's default parameters. */
    public ScorecardResult run(String modelId, long windowMs) {
        return run(modelId, windowMs, Map.of(), null);
    }

    /**
     * The scorecard of one model × window.
     *
     * @param params      overrides of the model's parameters, as in an estimate request
     * @param mmrOverride the MMR of every position, or null for the model's
     * @throws IllegalArgumentException for an unknown model or bad parameters
     */
    public ScorecardResult run(String modelId, long windowMs, Map<String, Double> params, Double mmrOverride) {
        engine.checkParameters(modelId, candles.symbol(), params, mmrOverride, rule);
        long[] asOfs = asOfTimes(windowMs);
        int perSide = (int) Math.round(spec.maxBandPct() / spec.bucketPct());
        AsOfMaps.Maps maps = asOfs.length == 0
                ? new AsOfMaps.Maps(asOfs, new double[0], new double[0][], new double[0][], perSide, false)
                : AsOfMaps.compute(engine, inputs, modelId, windowMs, params, mmrOverride, rule, asOfs, perSide, spec.bucketPct() / 100,
                        cancelled, levels);
        List<ScoreRow> rows = new ArrayList<>();
        for (LevelVariant v : spec.variants()) {
            for (double band : spec.bandsPct()) {
                double[][] levels = levels(maps, v, band);
                checkCancelled();
                for (int h = 0; h < baselines.length; h++) rows.add(score(modelId, windowMs, v, band, maps, levels, baselines[h]));
            }
        }
        List<DirectionRow> direction = new ArrayList<>();
        for (double band : spec.bandsPct()) {
            for (Baseline b : baselines) direction.add(direction(modelId, windowMs, band, maps, b.horizonMs));
        }
        return new ScorecardResult(candles.symbol(), modelId, windowMs, spec, asOfs.length,
                asOfs.length == 0 ? Long.MIN_VALUE : asOfs[0], asOfs.length == 0 ? Long.MIN_VALUE : asOfs[asOfs.length - 1],
                maps.onePass(), rows, direction, Verdicts.overall(rows));
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("scorecard cancelled");
    }

    // ---------------------------------------------------------------------------------------------- levels

    /** Per as-of time, {below, above}: the level's price, or NaN when the side has none within the band. */
    private double[][] levels(AsOfMaps.Maps maps, LevelVariant variant, double bandPct) {
        int n = maps.asOf().length, perSide = maps.bucketsPerSide();
        int k = (int) Math.round(bandPct / spec.bucketPct());
        double[][] out = new double[n][2];
        for (int t = 0; t < n; t++) {
            double p = maps.price()[t];
            double halfSpan = perSide * spec.bucketPct() / 100;
            double lo = p * (1 - halfSpan), hi = p * (1 + halfSpan);
            double width = (hi - lo) / (2 * perSide);
            double[] longs = maps.longs()[t], shorts = maps.shorts()[t];
            out[t][0] = out[t][1] = Double.NaN;
            if (variant == LevelVariant.BUCKET) {
                int bestLong = -1, bestShort = -1;
                // nearest the price first, so a tie goes to the nearer bucket
                for (int b = perSide - 1; b >= perSide - k; b--) if (longs[b] > 0 && (bestLong < 0 || longs[b] > longs[bestLong])) bestLong = b;
                for (int b = perSide; b < perSide + k; b++) if (shorts[b] > 0 && (bestShort < 0 || shorts[b] > shorts[bestShort])) bestShort = b;
                // Buckets' centre: low + (b + 0.5) * width
                if (bestLong >= 0) out[t][0] = lo + (bestLong + 0.5) * width;
                if (bestShort >= 0) out[t][1] = lo + (bestShort + 0.5) * width;
            } else {
                int first = perSide - k;
                PriceRange band = new PriceRange(lo + first * width, lo + (perSide + k) * width);
                List<Zone> zones = Zones.find(p, band, Arrays.copyOfRange(longs, first, perSide + k),
                        Arrays.copyOfRange(shorts, first, perSide + k), spec.zoneThreshold());
                Zone[] pick = new Zone[2];
                for (Zone z : zones) {   // nearest first
                    int s = z.side() == Side.LONG ? 0 : 1;
                    if (pick[s] == null || variant == LevelVariant.STRONGEST_ZONE && z.intensity() > pick[s].intensity()) pick[s] = z;
                }
                for (int s = 0; s < 2; s++) if (pick[s] != null) out[t][s] = pick[s].peakPrice();
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------------------- scoring

    private ScoreRow score(String model, long windowMs, LevelVariant variant, double band, AsOfMaps.Maps maps, double[][] levels,
                           Baseline base) {
        long h = base.horizonMs;
        int n = maps.asOf().length;
        int days = n == 0 ? 0 : (int) (Math.floorDiv(maps.asOf()[n - 1], DAY) - Math.floorDiv(maps.asOf()[0], DAY) + 1);
        double[] dayHits = new double[days], dayBase = new double[days], dayHitsR = new double[days], dayBaseR = new double[days];
        int cases = 0, hits = 0, oppHits = 0;
        double sumP = 0, sumPR = 0, hitsR = 0, casesR = 0;
        boolean[] dayUsed = new boolean[days];
        for (int t = 0; t < n; t++) {
            long asOf = maps.asOf()[t];
            double p = maps.price()[t];
            int from = candles.firstIndexOpenAtOrAfter(asOf), to = candles.firstIndexOpenAtOrAfter(asOf + h);
            if (to <= from) continue;
            double maxHigh = extremes.maxHigh(from, to), minLow = extremes.minLow(from, to);
            int d = (int) (Math.floorDiv(asOf, DAY) - Math.floorDiv(maps.asOf()[0], DAY));
            for (int s = 0; s < 2; s++) {
                double level = levels[t][s];
                if (Double.isNaN(level)) continue;
                boolean above = s == 1;
                double opposite = 2 * p - level;
                boolean hit = above ? maxHigh >= level : minLow <= level;
                boolean oppHit = above ? minLow <= opposite : maxHigh >= opposite;
                double ratio = level / p;
                double pm = distanceMatched(base, asOf, above, ratio);
                if (Double.isNaN(pm)) continue;   // no time T' to compare with (a period shorter than two horizons)
                double pr = recent(base, asOf, above, ratio);
                cases++;
                if (hit) hits++;
                if (oppHit) oppHits++;
                sumP += pm;
                dayUsed[d] = true;
                dayHits[d] += hit ? 1 : 0;
                dayBase[d] += pm;
                if (!Double.isNaN(pr)) {
                    casesR++;
                    hitsR += hit ? 1 : 0;
                    sumPR += pr;
                    dayHitsR[d] += hit ? 1 : 0;
                    dayBaseR[d] += pr;
                }
            }
        }
        int blocks = 0;
        for (boolean u : dayUsed) if (u) blocks++;
        double[][] perDay = compact(dayUsed, blocks, dayHits, dayBase, dayHitsR, dayBaseR);
        double[] liftCi = bootstrap(perDay[0], perDay[1]);
        double[] recentCi = bootstrap(perDay[2], perDay[3]);
        double[] wilson = wilson(hits, cases);
        double lift = ratio(hits, sumP), liftRecent = ratio(hitsR, sumPR);
        String verdict = Verdicts.lift(cases, blocks, liftCi[0], liftCi[1], recentCi[0]);
        return new ScoreRow(model, windowMs, variant, band, h, cases, hits, cases == 0 ? Double.NaN : (double) hits / cases,
                wilson[0], wilson[1], cases == 0 ? Double.NaN : sumP / cases, casesR == 0 ? Double.NaN : sumPR / casesR,
                lift, liftCi[0], liftCi[1], ratio(hits, oppHits), liftRecent, recentCi[0], recentCi[1], blocks, verdict);
    }

    private DirectionRow direction(String model, long windowMs, double band, AsOfMaps.Maps maps, long h) {
        int n = maps.asOf().length, perSide = maps.bucketsPerSide();
        int k = (int) Math.round(band / spec.bucketPct());
        int cases = 0, correct = 0, ups = 0, momCases = 0, momCorrect = 0;
        java.util.Set<Long> days = new java.util.HashSet<>();
        for (int t = 0; t < n; t++) {
            long asOf = maps.asOf()[t];
            double p = maps.price()[t];
            double shortSum = 0, longSum = 0;
            for (int b = perSide; b < perSide + k; b++) shortSum += maps.shorts()[t][b];
            for (int b = perSide - k; b < perSide; b++) longSum += maps.longs()[t][b];
            if (shortSum == longSum) continue;   // no prediction (both empty, or a tie)
            int from = candles.firstIndexOpenAtOrAfter(asOf), to = candles.firstIndexOpenAtOrAfter(asOf + h);
            if (to <= from) continue;
            double up = extremes.maxHigh(from, to) / p - 1, down = 1 - extremes.minLow(from, to) / p;
            if (up == down) continue;
            boolean wentUp = up > down, saidUp = shortSum > longSum;
            cases++;
            days.add(Math.floorDiv(asOf, DAY));
            if (wentUp == saidUp) correct++;
            if (wentUp) ups++;
            int before = candles.endIndexClosedBefore(asOf - DAY);
            if (before >= 1) {
                double ret = p / candles.close(before - 1) - 1;
                if (ret != 0) {
                    momCases++;
                    if ((ret > 0) == wentUp) momCorrect++;
                }
            }
        }
        double[] w = wilson(correct, cases);
        return new DirectionRow(model, windowMs, band, h, cases, correct, cases == 0 ? Double.NaN : (double) correct / cases, w[0], w[1],
                cases == 0 ? Double.NaN : (double) ups / cases, momCases, momCorrect,
                momCases == 0 ? Double.NaN : (double) momCorrect / momCases, days.size(), Verdicts.direction(cases, days.size(), w[0], w[1]));
    }

    // ------------------------------------------------------------------------------------------- baselines

    private Baseline baseline(long h) {
        double[] up = new double[gridCount], down = new double[gridCount];
        long grid = spec.baselineGridMs();
        for (int k = 0; k < gridCount; k++) {
            long t = gridFirst + k * grid;
            int before = candles.endIndexClosedBefore(t);
            int from = candles.firstIndexOpenAtOrAfter(t), to = candles.firstIndexOpenAtOrAfter(t + h);
            if (t + h > dataEnd || before < 1 || to <= from) {
                up[k] = down[k] = Double.NaN;
                continue;
            }
            double p = candles.close(before - 1);
            up[k] = extremes.maxHigh(from, to) / p;
            down[k] = extremes.minLow(from, to) / p;
        }
        int periodFrom = gridIndexAtOrAfter(spec.fromMs()), periodTo = gridIndexAtOrAfter(spec.toMs() == Long.MAX_VALUE ? Long.MAX_VALUE : spec.toMs() + 1);
        return new Baseline(h, up, down, periodFrom, periodTo);
    }

    /** The first grid index at or after t, clamped to [0, gridCount]. */
    private int gridIndexAtOrAfter(long t) {
        if (t <= gridFirst) return 0;
        long k = (t - gridFirst + spec.baselineGridMs() - 1) / spec.baselineGridMs();
        return (int) Math.min(gridCount, k);
    }

    /** The share of period T′ with |T′ − T| ≥ H at which price reached {@code ratio} × P′ on the same side within H. */
    private double distanceMatched(Baseline b, long asOf, boolean above, double ratio) {
        int total = b.upSorted.length;
        int reached = above ? total - lowerBound(b.upSorted, ratio) : upperBound(b.downSorted, ratio);
        // take out the T′ closer than H to T, which overlap the case's own path
        int a = Math.max(b.periodFrom, gridIndexAtOrAfter(asOf - b.horizonMs + 1));
        int e = Math.min(b.periodTo, gridIndexAtOrAfter(asOf + b.horizonMs));
        for (int k = a; k < e; k++) {
            double r = above ? b.upRatio[k] : b.downRatio[k];
            if (Double.isNaN(r)) continue;
            total--;
            if (above ? r >= ratio : r <= ratio) reached--;
        }
        return total == 0 ? Double.NaN : (double) reached / total;
    }

    /** The same over T′ in [T − 3 d, T − H] only; NaN when there is no such T′. */
    private double recent(Baseline b, long asOf, boolean above, double ratio) {
        int a = gridIndexAtOrAfter(asOf - spec.recentMs()), e = gridIndexAtOrAfter(asOf - b.horizonMs + 1);
        int total = 0, reached = 0;
        for (int k = a; k < e; k++) {
            double r = above ? b.upRatio[k] : b.downRatio[k];
            if (Double.isNaN(r)) continue;
            total++;
            if (above ? r >= ratio : r <= ratio) reached++;
        }
        return total == 0 ? Double.NaN : (double) reached / total;
    }

    // ------------------------------------------------------------------------------------------ statistics

    /** The per-day sums of the days that hold cases, in day order. */
    private static double[][] compact(boolean[] used, int blocks, double[]... perDay) {
        double[][] out = new double[perDay.length][blocks];
        for (int a = 0; a < perDay.length; a++) {
            int m = 0;
            for (int d = 0; d < used.length; d++) if (used[d]) out[a][m++] = perDay[a][d];
        }
        return out;
    }

    /**
     * 95 % percentile interval of Σ hits ÷ Σ baseline over {@code draws} resamplings of the day blocks with
     * replacement, from the spec's seed.
     */
    private double[] bootstrap(double[] hits, double[] base) {
        int days = hits.length, draws = spec.draws();
        if (days == 0) return new double[] {Double.NaN, Double.NaN};
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        double[] lifts = new double[draws];
        for (int r = 0; r < draws; r++) {
            double h = 0, b = 0;
            for (int i = 0; i < days; i++) {
                int d = rnd.nextInt(days);
                h += hits[d];
                b += base[d];
            }
            lifts[r] = ratio(h, b);
        }
        Arrays.sort(lifts);   // NaN (0 ÷ 0) sorts last
        return new double[] {lifts[(int) Math.round(0.025 * (draws - 1))], lifts[(int) Math.round(0.975 * (draws - 1))]};
    }

    /** The 95 % Wilson score interval of k successes in n. */
    static double[] wilson(int k, int n) {
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        double p = (double) k / n, z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double ratio(double a, double b) {
        if (b > 0) return a / b;
        return a > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    private static int lowerBound(double[] a, double x) {   // first index with a[i] >= x
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] a, double x) {   // first index with a[i] > x
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static long ceil(long t, long step) {
        return Math.floorDiv(t + step - 1, step) * step;
    }
}
