package org.liqlens.sources.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.Zones;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceSpec;

/**
 * What {@link WindowEstimator} estimates: a source (one exchange, a file, the simulator, or {@code all}), a
 * symbol, a model with its parameter overrides, the window {@code [T - W, T)} and the grid of the result.
 * Immutable; build with {@link #builder(SourceSpec, String, String, long)}.
 *
 * <pre>{@code
 * WindowSpec spec = WindowSpec.builder(SourceSpec.parse("all"), "BTCUSDT", "m1", 24 * Intervals.HOUR)
 *         .columns(480)          // 0 (the default) for a map without heatmap
 *         .build();
 * }</pre>
 */
public final class WindowSpec {
    private final SourceSpec source;
    private final String symbol;
    private final String modelId;
    private final Map<String, Double> params;
    private final Double mmrOverride;
    private final Long asOfMs;
    private final long windowMs;
    private final int buckets;
    private final int columns;
    private final long candleIntervalMs;
    private final PriceRange range;
    private final double zoneThreshold;

    private WindowSpec(Builder b) {
        source = b.source;
        symbol = b.symbol;
        modelId = b.modelId;
        params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        mmrOverride = b.mmrOverride;
        asOfMs = b.asOfMs;
        windowMs = b.windowMs;
        buckets = b.buckets;
        columns = b.columns;
        candleIntervalMs = b.candleIntervalMs;
        range = b.range;
        zoneThreshold = b.zoneThreshold;
    }

    /**
     * @param symbol   the Binance-style name, e.g. {@code BTCUSDT} (each exchange maps it to its own, OKX to
     *                 {@code BTC-USDT-SWAP}); trimmed and upper-cased
     * @param windowMs W, the look-back, positive
     */
    public static Builder builder(SourceSpec source, String symbol, String modelId, long windowMs) {
        return new Builder(source, symbol, modelId, windowMs);
    }

    public SourceSpec source() { return source; }
    public String symbol() { return symbol; }
    public String modelId() { return modelId; }
    /** Overrides of the model's parameters by key; empty for the defaults. */
    public Map<String, Double> params() { return params; }
    /** The MMR of every position (the CLI's {@code --mmr}), or null for the model's and exchange's default. */
    public Double mmrOverride() { return mmrOverride; }
    /** T, or null for the end of the source's data (the current minute for exchanges). */
    public Long asOfMs() { return asOfMs; }
    public long windowMs() { return windowMs; }
    public int buckets() { return buckets; }
    /** Heatmap columns; 0 for a map only. */
    public int columns() { return columns; }
    public long candleIntervalMs() { return candleIntervalMs; }
    /** The price range, or null for the default: around the window's prices (for {@code all}, all windows'). */
    public PriceRange range() { return range; }
    public double zoneThreshold() { return zoneThreshold; }

    @Override
    public String toString() {
        return "WindowSpec[" + source + " " + symbol + " " + modelId + params + ", window " + windowMs + " ms, as of "
                + (asOfMs == null ? "end of data" : asOfMs) + ", " + Intervals.format(candleIntervalMs) + " candles, "
                + buckets + "x" + columns + (range == null ? "" : ", range " + range) + (mmrOverride == null ? "" : ", mmr " + mmrOverride) + "]";
    }

    public static final class Builder {
        private final SourceSpec source;
        private final String symbol;
        private final String modelId;
        private final long windowMs;
        private final Map<String, Double> params = new LinkedHashMap<>();
        private Double mmrOverride;
        private Long asOfMs;
        private int buckets = EstimateRequest.DEFAULT_BUCKETS;
        private int columns;
        private long candleIntervalMs = Intervals.MINUTE;
        private PriceRange range;
        private double zoneThreshold = Zones.DEFAULT_THRESHOLD;

        private Builder(SourceSpec source, String symbol, String modelId, long windowMs) {
            this.source = Objects.requireNonNull(source, "source");
            Objects.requireNonNull(symbol, "symbol");
            if (symbol.isBlank()) throw new IllegalArgumentException("the symbol is empty");
            this.symbol = symbol.trim().toUpperCase(Locale.ROOT);
            this.modelId = Objects.requireNonNull(modelId, "modelId");
            if (windowMs <= 0) throw new IllegalArgumentException("the window must be positive, not " + windowMs + " ms");
            this.windowMs = windowMs;
        }

        /** Adds parameter overrides; checked by the engine against the model's declared parameters. */
        public Builder params(Map<String, Double> overrides) {
            // a loop, not forEach with a lambda: the first lambda bootstrap costs a cold start milliseconds
            for (Map.Entry<String, Double> e : overrides.entrySet()) {
                String k = e.getKey();
                params.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(e.getValue(), k));
            }
            return this;
        }

        public Builder mmrOverride(Double mmr) {
            if (mmr != null && !(mmr >= 0 && mmr < 1)) throw new IllegalArgumentException("MMR must be in [0, 1): " + mmr);
            this.mmrOverride = mmr;
            return this;
        }

        /** T in epoch milliseconds, or null for the end of the source's data. */
        public Builder asOf(Long asOfMs) { this.asOfMs = asOfMs; return this; }

        public Builder buckets(int buckets) {
            if (buckets < 1) throw new IllegalArgumentException("buckets must be at least 1, not " + buckets);
            this.buckets = buckets;
            return this;
        }

        public Builder columns(int columns) {
            if (columns < 0) throw new IllegalArgumentException("columns must not be negative, not " + columns);
            this.columns = columns;
            return this;
        }

        /** The candles' interval (default 1m); every exchange of {@code all} is read at this one. */
        public Builder candleInterval(long intervalMs) {
            if (intervalMs <= 0) throw new IllegalArgumentException("the candle interval must be positive, not " + intervalMs + " ms");
            this.candleIntervalMs = intervalMs;
            return this;
        }

        public Builder range(PriceRange range) { this.range = range; return this; }

        public Builder zoneThreshold(double threshold) {
            this.zoneThreshold = Zones.checkThreshold(threshold);
            return this;
        }

        public WindowSpec build() { return new WindowSpec(this); }
    }
}
