package org.liqlens.engine;

/**
 * The liquidation map at T: surviving liquidation notional by price bucket, long positions (liquidated if
 * price falls, all below the price) and short positions (above it), also broken down by leverage tier.
 *
 * <p>Cumulative curves run outward from the price: {@code cumulativeLong(b)} is the long notional in buckets
 * b and above (everything between bucket b and the price, since longs lie below it), {@code cumulativeShort(b)}
 * the short notional in buckets b and below. {@link #totalLong()} and {@link #totalShort()} count every
 * surviving position, also those outside the price range.
 */
public final class LiquidationMap {
    private final long asOf;
    private final double price;
    private final Buckets buckets;
    private final double[] leverages;
    private final double[][] longByTier, shortByTier;
    private final double[] longs, shorts, cumLong, cumShort;
    private final double totalLong, totalShort;

    LiquidationMap(long asOf, double price, Buckets buckets, double[] leverages, double[][] longByTier, double[][] shortByTier,
                   double totalLong, double totalShort) {
        this.asOf = asOf;
        this.price = price;
        this.buckets = buckets;
        this.leverages = leverages.clone();
        this.longByTier = longByTier;
        this.shortByTier = shortByTier;
        this.totalLong = totalLong;
        this.totalShort = totalShort;
        int n = buckets.count;
        longs = new double[n];
        shorts = new double[n];
        for (double[] t : longByTier) for (int b = 0; b < n; b++) longs[b] += t[b];
        for (double[] t : shortByTier) for (int b = 0; b < n; b++) shorts[b] += t[b];
        cumLong = new double[n];
        cumShort = new double[n];
        double run = 0;
        for (int b = n - 1; b >= 0; b--) cumLong[b] = run += longs[b];
        run = 0;
        for (int b = 0; b < n; b++) cumShort[b] = run += shorts[b];
    }

    /**
     * A map of two given bucket profiles over {@code range} cut into {@code longs.length} equal buckets, as one
     * leverage tier of unknown leverage (NaN); the totals are the profiles' sums. For profiles that no model
     * run made (the notional a window cleared, a test's constructed profile), so that {@link Zones#find} and
     * the cumulative curves read them the way they read an estimate's map.
     *
     * @throws IllegalArgumentException when the profiles differ in length, are empty, or hold a negative or
     *                                  non-finite notional
     */
    public static LiquidationMap ofProfile(long asOf, double price, PriceRange range, double[] longs, double[] shorts) {
        if (longs.length == 0 || longs.length != shorts.length) {
            throw new IllegalArgumentException("the long and short profiles need the same, positive number of buckets: "
                    + longs.length + " and " + shorts.length);
        }
        double totalLong = 0, totalShort = 0;
        for (int b = 0; b < longs.length; b++) {
            if (!(longs[b] >= 0 && shorts[b] >= 0) || !Double.isFinite(longs[b] + shorts[b])) {
                throw new IllegalArgumentException("bucket " + b + " holds a notional that is not a non-negative number: long "
                        + longs[b] + ", short " + shorts[b]);
            }
            totalLong += longs[b];
            totalShort += shorts[b];
        }
        return new LiquidationMap(asOf, price, new Buckets(range.low(), range.high(), longs.length), new double[] {Double.NaN},
                new double[][] {longs.clone()}, new double[][] {shorts.clone()}, totalLong, totalShort);
    }

    public long asOf() { return asOf; }
    /** The bucket geometry, for sums of maps on one grid. */
    Buckets bucketGrid() { return buckets; }
    /** The current price: close of the last window candle (or last trade's price). */
    public double price() { return price; }

    public int buckets() { return buckets.count; }
    public double priceLow() { return buckets.low; }
    public double priceHigh() { return buckets.high; }
    public double bucketLow(int b) { return buckets.bucketLow(b); }
    public double bucketHigh(int b) { return buckets.bucketHigh(b); }
    public double bucketCentre(int b) { return buckets.bucketCentre(b); }
    /** The bucket of price p, or -1 outside the range. */
    public int bucketOf(double p) { return buckets.bucketOf(p); }

    public double longNotional(int b) { return longs[b]; }
    public double shortNotional(int b) { return shorts[b]; }
    public double cumulativeLong(int b) { return cumLong[b]; }
    public double cumulativeShort(int b) { return cumShort[b]; }

    /** Number of leverage tiers. */
    public int tiers() { return leverages.length; }
    public double leverage(int tier) { return leverages[tier]; }
    public double[] leverages() { return leverages.clone(); }
    public double longByTier(int tier, int b) { return longByTier[tier][b]; }
    public double shortByTier(int tier, int b) { return shortByTier[tier][b]; }

    /** Direct read access for renderers and exporters (no copy: do not modify). */
    public double[] longNotionals() { return longs; }
    public double[] shortNotionals() { return shorts; }
    public double[] cumulativeLongs() { return cumLong; }
    public double[] cumulativeShorts() { return cumShort; }
    /** {@code [tier][bucket]}; direct access, do not modify. */
    public double[][] longByTier() { return longByTier; }
    public double[][] shortByTier() { return shortByTier; }

    /** Long notional of all surviving positions, inside the price range or not. */
    public double totalLong() { return totalLong; }
    /** Short notional of all surviving positions, inside the price range or not. */
    public double totalShort() { return totalShort; }

    /** The largest bucket notional of either side (for scaling bars). */
    public double maxBucket() {
        double m = 0;
        for (int b = 0; b < longs.length; b++) m = Math.max(m, Math.max(longs[b], shorts[b]));
        return m;
    }

    @Override
    public String toString() {
        return "LiquidationMap[price " + price + ", " + buckets.count + " buckets, long " + totalLong + ", short " + totalShort + "]";
    }
}
