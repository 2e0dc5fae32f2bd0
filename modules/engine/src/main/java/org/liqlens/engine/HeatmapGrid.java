package org.liqlens.engine;

/**
 * The liquidation heatmap: surviving liquidation notional by time column and price bucket.
 *
 * <p>Columns split the window {@code [start, start + W)} evenly: column c covers
 * {@code [start + c*dt, start + (c+1)*dt)}, {@code dt = W / columns}; with integer milliseconds it begins at
 * {@link #columnStart(int)} {@code = start + ceil(c*W / columns)}. {@code value(c, b)} is the notional whose
 * liquidation price lies in bucket b and that survives at the <em>end</em> of column c: a level appears in the
 * column of its creating event (a candle belongs to the column holding its close time, a trade to the one
 * holding its time) and is absent from the column of the event that clears it onward. The last column ends at
 * T, so it equals the {@link LiquidationMap} over the same buckets (to the cells' precision, below).
 *
 * <p>Values are stored as one {@code float[]} row per column ({@link #row}): a row is the previous one with the
 * buckets that changed written again, and a {@code clone} of a row, unlike one large array, is never zeroed before
 * it is filled (1,000 × 1,440 cells: 5.8 MB written once rather than twice), nor, in the G1 collector, a
 * "humongous" object. A column that changes nothing may share its predecessor's row. A cell is the
 * {@code float} nearest to the engine's {@code double} value (every sum is formed in {@code double} and rounded
 * once, when stored), so it is within a relative 2<sup>-24</sup> (6e-8) of it: intensity is relative and seven
 * digits are ample, and the grid is half the size to allocate, write and draw. A cell below about 1e-45 (a
 * level decayed over months) reads as 0. The map, the totals and the zones are {@code double} and unaffected.
 */
public final class HeatmapGrid {
    private final long start;
    private final long windowMs;
    private final int columns;
    private final long[] columnStarts;   // columns + 1 entries; the last is T
    private final Buckets buckets;
    private final float[][] rows;
    private final double max;

    /** @param rows one per column, each of {@code buckets.count} cells; not copied, and not to be modified */
    HeatmapGrid(long start, long windowMs, long[] columnStarts, Buckets buckets, float[][] rows, double max) {
        this.start = start;
        this.windowMs = windowMs;
        this.columns = columnStarts.length - 1;
        this.columnStarts = columnStarts;
        this.buckets = buckets;
        this.rows = rows;
        this.max = max;
        if (rows.length != columns) throw new IllegalArgumentException(rows.length + " rows for " + columns + " columns");
    }

    public int columns() { return columns; }
    /** The bucket geometry and the column starts (columns + 1, the last T), for sums of grids: do not modify. */
    Buckets bucketGrid() { return buckets; }
    long[] columnStartArray() { return columnStarts; }
    public int buckets() { return buckets.count; }

    /** T - W, the start of column 0. */
    public long start() { return start; }
    /** T, the end of the last column. */
    public long end() { return start + windowMs; }
    public long windowMs() { return windowMs; }
    /** W / columns, the nominal column width. */
    public double columnWidthMs() { return (double) windowMs / columns; }
    /** First millisecond of column c; {@code columnStart(columns()) == end()}. */
    public long columnStart(int c) { return columnStarts[c]; }
    /** The instant column c describes: its end, {@code columnStart(c + 1)}. */
    public long columnEnd(int c) { return columnStarts[c + 1]; }

    /** The column holding instant t, or -1 outside {@code [start, end)}. */
    public int columnOf(long t) {
        if (t < start || t >= start + windowMs) return -1;
        return (int) (((t - start) * columns) / windowMs);
    }

    public double priceLow() { return buckets.low; }
    public double priceHigh() { return buckets.high; }
    public double bucketLow(int b) { return buckets.bucketLow(b); }
    public double bucketHigh(int b) { return buckets.bucketHigh(b); }
    public double bucketCentre(int b) { return buckets.bucketCentre(b); }
    /** The bucket of price p, or -1 outside the range. */
    public int bucketOf(double p) { return buckets.bucketOf(p); }

    /** Surviving notional (quote currency) in bucket b at the end of column c. */
    public double value(int c, int b) {
        if (b < 0 || b >= buckets.count) throw new IndexOutOfBoundsException("bucket " + b + " of " + buckets.count);
        return rows[c][b];
    }

    /** The largest cell value (0 for an empty grid): one of the cells, so a {@code float} too. */
    public double max() { return max; }

    /**
     * Column c's cells, bucket b at index b: the grid's own array, for renderers and writers that read every cell.
     * Do not modify it (neighbouring columns may share it).
     */
    public float[] row(int c) { return rows[c]; }

    /** A copy of column c. */
    public float[] column(int c) {
        return rows[c].clone();
    }

    /**
     * Stores a row of sums formed in {@code double} as column c: a new row whose cell b is {@code (float) row[b]};
     * returns the larger of {@code max} and the cells stored.
     */
    static float storeRow(double[] row, float[][] into, int c, float max) {
        final float[] cells = new float[row.length];
        float m = max;
        for (int b = 0; b < row.length; b++) {
            final float x = (float) row[b];
            cells[b] = x;
            if (x > m) m = x;
        }
        into[c] = cells;
        return m;
    }

    @Override
    public String toString() {
        return "HeatmapGrid[" + columns + " columns x " + buckets.count + " buckets, max " + max + "]";
    }
}
