package org.liqlens.engine.score;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a scorecard measures and how (issue 12). Build with {@link #builder()}; every value has the issue's
 * default.
 *
 * @param fromMs         first as-of time considered (inclusive); {@link Long#MIN_VALUE} = the data's start
 * @param toMs           last as-of time considered (inclusive); {@link Long#MAX_VALUE} = the data's end
 * @param stepMs         the as-of grid, aligned to UTC multiples of the step (default 6 h)
 * @param bandsPct       the distances X within which a level is looked for, in % (default 3 and 5)
 * @param horizonsMs     how long after T a touch counts (default 4, 12, 24 h)
 * @param variants       how a level is chosen (default {@link LevelVariant#BUCKET} only)
 * @param bucketPct      the width of the map's buckets in % of the price (0.1)
 * @param baselineGridMs the grid of the baselines' times T′ (10 min)
 * @param recentMs       how far back the recent baseline reaches (3 days)
 * @param draws          bootstrap draws (2,000)
 * @param seed           the bootstrap's seed: the same data and spec always give the same intervals
 * @param zoneThreshold  the zone variants' threshold, a fraction of the side's peak bucket (0.30)
 */
public record ScorecardSpec(long fromMs, long toMs, long stepMs, double[] bandsPct, long[] horizonsMs,
                            List<LevelVariant> variants, double bucketPct, long baselineGridMs, long recentMs,
                            int draws, long seed, double zoneThreshold) {

    public static final long HOUR = 3_600_000L;
    public static final long DEFAULT_STEP_MS = 6 * HOUR;
    public static final long DEFAULT_SEED = 20261201L;

    public ScorecardSpec {
        bandsPct = bandsPct.clone();
        horizonsMs = horizonsMs.clone();
        variants = List.copyOf(variants);
        if (stepMs <= 0) throw new IllegalArgumentException("step must be positive: " + stepMs + " ms");
        if (bandsPct.length == 0 || horizonsMs.length == 0 || variants.isEmpty()) {
            throw new IllegalArgumentException("a scorecard needs at least one band, one horizon and one variant");
        }
        if (!(bucketPct > 0)) throw new IllegalArgumentException("bucket width must be positive: " + bucketPct + " %");
        for (double x : bandsPct) {
            double k = x / bucketPct;
            if (!(x > 0 && x < 100) || Math.abs(k - Math.rint(k)) > 1e-9) {
                throw new IllegalArgumentException("band " + x + " % is not a positive multiple of the " + bucketPct + " % bucket below 100 %");
            }
        }
        for (long h : horizonsMs) if (h <= 0) throw new IllegalArgumentException("horizon must be positive: " + h + " ms");
        if (fromMs > toMs) throw new IllegalArgumentException("the period ends before it starts");
        if (baselineGridMs <= 0 || recentMs <= 0 || draws < 1) throw new IllegalArgumentException("bad baseline grid, recent span or draws");
        if (!(zoneThreshold > 0 && zoneThreshold <= 1)) throw new IllegalArgumentException("zone threshold must be in (0, 1]: " + zoneThreshold);
    }

    public static Builder builder() { return new Builder(); }

    /** The defaults over the whole data. */
    public static ScorecardSpec defaults() { return builder().build(); }

    /** The longest horizon: as-of times need that much data after them. */
    public long maxHorizonMs() { return Arrays.stream(horizonsMs).max().orElseThrow(); }

    /** The widest band, in %: the maps are laid over ±that. */
    public double maxBandPct() { return Arrays.stream(bandsPct).max().orElseThrow(); }

    @Override public double[] bandsPct() { return bandsPct.clone(); }
    @Override public long[] horizonsMs() { return horizonsMs.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScorecardSpec s && fromMs == s.fromMs && toMs == s.toMs && stepMs == s.stepMs
                && Arrays.equals(bandsPct, s.bandsPct) && Arrays.equals(horizonsMs, s.horizonsMs) && variants.equals(s.variants)
                && bucketPct == s.bucketPct && baselineGridMs == s.baselineGridMs && recentMs == s.recentMs && draws == s.draws
                && seed == s.seed && zoneThreshold == s.zoneThreshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromMs, toMs, stepMs, Arrays.hashCode(bandsPct), Arrays.hashCode(horizonsMs), variants, draws, seed);
    }

    @Override
    public String toString() {
        return "ScorecardSpec[from " + fromMs + ", to " + toMs + ", step " + stepMs + " ms, bands " + Arrays.toString(bandsPct)
                + " %, horizons " + Arrays.toString(horizonsMs) + " ms, " + variants + "]";
    }

    public static final class Builder {
        private long fromMs = Long.MIN_VALUE, toMs = Long.MAX_VALUE, stepMs = DEFAULT_STEP_MS;
        private double[] bandsPct = {3, 5};
        private long[] horizonsMs = {4 * HOUR, 12 * HOUR, 24 * HOUR};
        private List<LevelVariant> variants = List.of(LevelVariant.BUCKET);
        private double bucketPct = 0.1;
        private long baselineGridMs = 10 * 60_000L, recentMs = 72 * HOUR;
        private int draws = 2000;
        private long seed = DEFAULT_SEED;
        private double zoneThreshold = 0.30;

        private Builder() { }

        public Builder from(long ms) { fromMs = ms; return this; }
        public Builder to(long ms) { toMs = ms; return this; }
        public Builder step(long ms) { stepMs = ms; return this; }
        public Builder bandsPct(double... pct) { bandsPct = pct.clone(); return this; }
        public Builder horizons(long... ms) { horizonsMs = ms.clone(); return this; }
        public Builder variants(List<LevelVariant> v) { variants = List.copyOf(v); return this; }
        public Builder bucketPct(double pct) { bucketPct = pct; return this; }
        public Builder baselineGrid(long ms) { baselineGridMs = ms; return this; }
        public Builder recent(long ms) { recentMs = ms; return this; }
        public Builder draws(int n) { draws = n; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder zoneThreshold(double t) { zoneThreshold = t; return this; }

        public ScorecardSpec build() {
            return new ScorecardSpec(fromMs, toMs, stepMs, bandsPct, horizonsMs, variants, bucketPct, baselineGridMs, recentMs,
                    draws, seed, zoneThreshold);
        }
    }
}
