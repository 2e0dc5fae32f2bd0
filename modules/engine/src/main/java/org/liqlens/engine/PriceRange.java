package org.liqlens.engine;

/**
 * The price span of a map or heatmap, cut into equal-width buckets. A price p falls in bucket
 * {@code floor((p - low) * (buckets / (high - low)))} when that lies in {@code [0, buckets)}; bucket b covers
 * {@code [low + b*w, low + (b+1)*w)}, {@code w = (high - low) / buckets}.
 */
public record PriceRange(double low, double high) {

    /** Relative margin the default range adds below the lowest and above the highest price of the window. */
    public static final double DEFAULT_MARGIN = 0.12;

    public PriceRange {
        if (!(low > 0) || !(high > low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("price range needs 0 < low < high: [" + low + ", " + high + "]");
        }
    }

    /**
     * The default range of an estimate: {@code [min(windowLow, price) * (1 - 0.12), max(windowHigh, price) * (1 + 0.12)]}.
     */
    public static PriceRange around(double windowLow, double windowHigh, double price) {
        return new PriceRange(Math.min(windowLow, price) * (1 - DEFAULT_MARGIN), Math.max(windowHigh, price) * (1 + DEFAULT_MARGIN));
    }

    public boolean contains(double price) { return price >= low && price < high; }
}
