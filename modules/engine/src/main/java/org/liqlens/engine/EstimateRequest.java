package org.liqlens.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.MarketInputs;

/**
 * Everything one estimate depends on. Build with {@link #builder(MarketInputs, String)}.
 *
 * <ul>
 * <li>{@code asOfMs} T: the instant described. Default ({@link #AS_OF_END_OF_DATA}): the end of the model's
 *     basis data, i.e. the last candle's close time + 1 (or the last trade's time + 1).</li>
 * <li>{@code windowMs} W: the look-back; positions come only from the window {@code [T-W, T)}. Default 24 h.</li>
 * <li>{@code params}: overrides of the model's parameters by key (see {@code LiquidationModel.parameters()}).</li>
 * <li>{@code mmrOverride}: when set, the maintenance margin rate of every position (the command line's
 *     {@code --mmr}); it beats a {@code mmr} parameter and the symbol's bracket table.</li>
 * <li>{@code liquidationRule}: whose formula prices the positions, the exchange the data comes from
 *     (default {@link LiquidationRule#BINANCE}); it also picks the bracket table of the default MMR.</li>
 * <li>{@code buckets} B (default 400) and {@code columns} C (default 480; 0 = no heatmap).</li>
 * <li>{@code range}: price range of map and heatmap; null = {@link PriceRange#around the default}.</li>
 * <li>{@code zoneThreshold}: fraction of a side's peak bucket a zone's buckets must reach (default 0.30).</li>
 * <li>{@code cancelled}: polled between phases and between chunks of work; when it answers true the
 *     estimate throws {@link java.util.concurrent.CancellationException}.</li>
 * </ul>
 */
public final class EstimateRequest {

    public static final long AS_OF_END_OF_DATA = Long.MIN_VALUE;
    public static final long DEFAULT_WINDOW_MS = 24L * 3_600_000L;
    public static final int DEFAULT_BUCKETS = 400;
    public static final int DEFAULT_COLUMNS = 480;

    private final MarketInputs inputs;
    private final String modelId;
    private final Map<String, Double> params;
    private final long asOfMs;
    private final long windowMs;
    private final Double mmrOverride;
    private final LiquidationRule liquidationRule;
    private final int buckets;
    private final int columns;
    private final PriceRange range;
    private final double zoneThreshold;
    private final BooleanSupplier cancelled;

    private EstimateRequest(Builder b) {
        inputs = b.inputs;
        modelId = b.modelId;
        params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        asOfMs = b.asOfMs;
        windowMs = b.windowMs;
        mmrOverride = b.mmrOverride;
        liquidationRule = b.liquidationRule;
        buckets = b.buckets;
        columns = b.columns;
        range = b.range;
        zoneThreshold = b.zoneThreshold;
        cancelled = b.cancelled;
    }

    public static Builder builder(MarketInputs inputs, String modelId) { return new Builder(inputs, modelId); }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(inputs, modelId);
        b.params.putAll(params);
        b.asOfMs = asOfMs;
        b.windowMs = windowMs;
        b.mmrOverride = mmrOverride;
        b.liquidationRule = liquidationRule;
        b.buckets = buckets;
        b.columns = columns;
        b.range = range;
        b.zoneThreshold = zoneThreshold;
        b.cancelled = cancelled;
        return b;
    }

    public MarketInputs inputs() { return inputs; }
    public String modelId() { return modelId; }
    public Map<String, Double> params() { return params; }
    public long asOfMs() { return asOfMs; }
    public long windowMs() { return windowMs; }
    public Double mmrOverride() { return mmrOverride; }
    public LiquidationRule liquidationRule() { return liquidationRule; }
    public int buckets() { return buckets; }
    public int columns() { return columns; }
    public PriceRange range() { return range; }
    public double zoneThreshold() { return zoneThreshold; }
    public BooleanSupplier cancelled() { return cancelled; }

    @Override
    public String toString() {
        return "EstimateRequest[" + modelId + ", " + inputs.symbol() + ", asOf " + asOfMs + ", window " + windowMs
                + " ms, params " + params + ", mmr " + mmrOverride + ", " + liquidationRule + ", " + buckets + "x" + columns + ", range " + range + "]";
    }

    /** The default cancellation flag; a class, not {@code () -> false}: the first lambda bootstrap costs a cold start ms. */
    private static final class NeverCancelled implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    private static final BooleanSupplier NEVER_CANCELLED = new NeverCancelled();

    public static final class Builder {
        private final MarketInputs inputs;
        private final String modelId;
        private final Map<String, Double> params = new LinkedHashMap<>();
        private long asOfMs = AS_OF_END_OF_DATA;
        private long windowMs = DEFAULT_WINDOW_MS;
        private Double mmrOverride;
        private LiquidationRule liquidationRule = LiquidationRule.BINANCE;
        private int buckets = DEFAULT_BUCKETS;
        private int columns = DEFAULT_COLUMNS;
        private PriceRange range;
        private double zoneThreshold = Zones.DEFAULT_THRESHOLD;
        private BooleanSupplier cancelled = NEVER_CANCELLED;

        private Builder(MarketInputs inputs, String modelId) {
            this.inputs = Objects.requireNonNull(inputs, "inputs");
            this.modelId = Objects.requireNonNull(modelId, "modelId");
        }

        /** Adds parameter overrides (null values are rejected). */
        public Builder params(Map<String, Double> overrides) {
            // a loop, not forEach(this::param): the first lambda bootstrap costs a cold start milliseconds
            for (Map.Entry<String, Double> e : overrides.entrySet()) param(e.getKey(), e.getValue());
            return this;
        }

        public Builder param(String key, double value) {
            params.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        public Builder asOf(long asOfMs) { this.asOfMs = asOfMs; return this; }

        public Builder window(long windowMs) {
            if (windowMs <= 0) throw new IllegalArgumentException("window must be positive: " + windowMs + " ms");
            this.windowMs = windowMs;
            return this;
        }

        public Builder window(java.time.Duration window) { return window(window.toMillis()); }

        public Builder mmrOverride(Double mmr) {
            if (mmr != null && !(mmr >= 0 && mmr < 1)) throw new IllegalArgumentException("MMR must be in [0, 1): " + mmr);
            this.mmrOverride = mmr;
            return this;
        }

        /** The exchange whose liquidation formula prices the positions; the data's own exchange. */
        public Builder liquidationRule(LiquidationRule rule) {
            this.liquidationRule = Objects.requireNonNull(rule, "liquidation rule");
            return this;
        }

        public Builder buckets(int buckets) {
            if (buckets < 1 || buckets > 1_000_000) throw new IllegalArgumentException("buckets must be in [1, 1000000]: " + buckets);
            this.buckets = buckets;
            return this;
        }

        /** Heatmap time columns; 0 = no heatmap. */
        public Builder columns(int columns) {
            if (columns < 0 || columns > 1_000_000) throw new IllegalArgumentException("columns must be in [0, 1000000]: " + columns);
            this.columns = columns;
            return this;
        }

        /** Price range; null = the default around the window's prices. */
        public Builder range(PriceRange range) { this.range = range; return this; }

        public Builder zoneThreshold(double threshold) {
            this.zoneThreshold = Zones.checkThreshold(threshold);
            return this;
        }

        public Builder cancelled(BooleanSupplier cancelled) {
            this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
            return this;
        }

        public EstimateRequest build() { return new EstimateRequest(this); }
    }
}
