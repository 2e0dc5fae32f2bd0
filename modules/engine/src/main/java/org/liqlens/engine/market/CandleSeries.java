package org.liqlens.engine.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, time-ordered series of OHLCV candles of one symbol at one interval, held column-wise in
 * primitive arrays: one year of 1m candles (525,600 rows) takes 8 arrays x 8 bytes = about 34 MB.
 *
 * <p>Open times are strictly increasing; gaps are allowed (a missing minute is simply absent). A candle's
 * close time is {@code openTime + intervalMs - 1}, as on Binance. {@code takerBuyQuoteVolume} is
 * {@link Double#NaN} where the source does not report the taker split.
 */
public final class CandleSeries {

    private final String symbol;
    private final long intervalMs;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] quoteVolume;
    private final double[] takerBuyQuoteVolume;
    private final int size;
    /** How many rows of these columns some series already uses: see {@link #append}. */
    private final Extent extent;

    /**
     * The rows of one set of columns that are taken. Rows below {@code used} are final; the one at {@code used} is
     * free for the first {@link #append} of a series that ends there. Guarded by its own monitor.
     */
    private static final class Extent {
        int used;

        Extent(int used) {
            this.used = used;
        }
    }

    private CandleSeries(Builder b) {
        this.symbol = b.symbol;
        this.intervalMs = b.intervalMs;
        this.size = b.size;
        this.extent = new Extent(b.size);
        this.openTime = Arrays.copyOf(b.openTime, b.size);
        this.open = Arrays.copyOf(b.open, b.size);
        this.high = Arrays.copyOf(b.high, b.size);
        this.low = Arrays.copyOf(b.low, b.size);
        this.close = Arrays.copyOf(b.close, b.size);
        this.volume = Arrays.copyOf(b.volume, b.size);
        this.quoteVolume = Arrays.copyOf(b.quoteVolume, b.size);
        this.takerBuyQuoteVolume = Arrays.copyOf(b.takerBuyQuoteVolume, b.size);
    }

    /** A series over copies of ranges of already validated columns (used by {@link #slice}). */
    private CandleSeries(String symbol, long intervalMs, int from, int to, long[] openTime, double[] open, double[] high,
                         double[] low, double[] close, double[] volume, double[] quoteVolume, double[] takerBuyQuoteVolume) {
        this.symbol = symbol;
        this.intervalMs = intervalMs;
        this.size = to - from;
        this.extent = new Extent(size);
        this.openTime = Arrays.copyOfRange(openTime, from, to);
        this.open = Arrays.copyOfRange(open, from, to);
        this.high = Arrays.copyOfRange(high, from, to);
        this.low = Arrays.copyOfRange(low, from, to);
        this.close = Arrays.copyOfRange(close, from, to);
        this.volume = Arrays.copyOfRange(volume, from, to);
        this.quoteVolume = Arrays.copyOfRange(quoteVolume, from, to);
        this.takerBuyQuoteVolume = Arrays.copyOfRange(takerBuyQuoteVolume, from, to);
    }

    /** A series over the first {@code size} rows of columns that are shared, not copied (see {@link #append}). */
    private CandleSeries(String symbol, long intervalMs, int size, Extent extent, long[] openTime, double[] open,
                         double[] high, double[] low, double[] close, double[] volume, double[] quoteVolume,
                         double[] takerBuyQuoteVolume) {
        this.symbol = symbol;
        this.intervalMs = intervalMs;
        this.size = size;
        this.extent = extent;
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.quoteVolume = quoteVolume;
        this.takerBuyQuoteVolume = takerBuyQuoteVolume;
    }

    public static Builder builder(String symbol, long intervalMs) {
        return new Builder(symbol, intervalMs, 1024);
    }

    public static Builder builder(String symbol, long intervalMs, int expectedSize) {
        return new Builder(symbol, intervalMs, expectedSize);
    }

    public String symbol() { return symbol; }
    public long intervalMs() { return intervalMs; }
    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }

    public long openTime(int i) { return openTime[i]; }
    public long closeTime(int i) { return openTime[i] + intervalMs - 1; }
    public double open(int i) { return open[i]; }
    public double high(int i) { return high[i]; }
    public double low(int i) { return low[i]; }
    public double close(int i) { return close[i]; }
    public double volume(int i) { return volume[i]; }
    public double quoteVolume(int i) { return quoteVolume[i]; }
    public double takerBuyQuoteVolume(int i) { return takerBuyQuoteVolume[i]; }
    /** (H + L + C) / 3, the entry price the candle-based models assume. */
    public double typicalPrice(int i) { return (high[i] + low[i] + close[i]) / 3.0; }

    public long firstOpenTime() { return size == 0 ? Long.MIN_VALUE : openTime[0]; }
    public long lastCloseTime() { return size == 0 ? Long.MIN_VALUE : closeTime(size - 1); }

    /** Index of the first candle whose open time is {@code >= t}; {@code size()} when there is none. */
    public int firstIndexOpenAtOrAfter(long t) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openTime[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Index one past the last candle whose close time is {@code < t} (an exclusive end index). */
    public int endIndexClosedBefore(long t) {
        // closeTime(i) < t  <=>  openTime(i) < t - intervalMs + 1
        return firstIndexOpenAtOrAfter(t - intervalMs + 1);
    }

    /** Candles [from, to) as a new series sharing nothing with this one. */
    public CandleSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        // rows were validated when this series was built: copy the column ranges directly
        return new CandleSeries(symbol, intervalMs, from, to, openTime, open, high, low, close, volume, quoteVolume,
                takerBuyQuoteVolume);
    }

    /**
     * This series and one more candle after its last, checked like {@link Builder#add}: for a live window that
     * grows by a candle a minute, in amortised O(1) instead of a copy of every column.
     *
     * <p>The new series shares this one's columns and writes the row into their spare capacity. That is safe
     * because no series reads past its own {@link #size()} and rows, once taken, are never written again; the
     * columns are copied (to twice the size, so that the next appends are free again) only when they are full or
     * another series has already been appended to this one. Hence the raw arrays of a series made here may be
     * longer than {@link #size()}. Thread-safe, like the rest of the series.
     *
     * @throws IllegalArgumentException as {@link Builder#add} does
     */
    public CandleSeries append(long openTimeMs, double o, double h, double l, double c,
                               double baseVolume, double quoteVol, double takerBuyQuoteVol) {
        checkRow(size == 0 ? Long.MIN_VALUE : openTime[size - 1], openTimeMs, o, h, l, c);
        boolean inPlace;
        synchronized (extent) {
            inPlace = extent.used == size && size < openTime.length;
            if (inPlace) extent.used++;
        }
        long[] t = openTime;
        double[] op = open, hi = high, lo = low, cl = close, v = volume, qv = quoteVolume, tb = takerBuyQuoteVolume;
        Extent e = extent;
        if (!inPlace) {
            int capacity = Math.max(16, 2 * (size + 1));
            t = Arrays.copyOf(t, capacity);
            op = Arrays.copyOf(op, capacity); hi = Arrays.copyOf(hi, capacity); lo = Arrays.copyOf(lo, capacity);
            cl = Arrays.copyOf(cl, capacity); v = Arrays.copyOf(v, capacity);
            qv = Arrays.copyOf(qv, capacity); tb = Arrays.copyOf(tb, capacity);
            e = new Extent(size + 1);
        }
        t[size] = openTimeMs;
        op[size] = o; hi[size] = h; lo[size] = l; cl[size] = c;
        v[size] = baseVolume; qv[size] = quoteVol; tb[size] = takerBuyQuoteVol;
        // The new series' final fields publish the row written above to every thread that sees the series.
        return new CandleSeries(symbol, intervalMs, size + 1, e, t, op, hi, lo, cl, v, qv, tb);
    }

    /** The checks of {@link Builder#add}; {@code previousOpenTime} is {@link Long#MIN_VALUE} for a first row. */
    private static void checkRow(long previousOpenTime, long openTimeMs, double o, double h, double l, double c) {
        if (previousOpenTime != Long.MIN_VALUE && openTimeMs <= previousOpenTime) {
            throw new IllegalArgumentException("open time " + openTimeMs + " is not after the previous candle's "
                    + previousOpenTime);
        }
        if (!(o > 0 && h > 0 && l > 0 && c > 0) || !Double.isFinite(o + h + l + c)) {
            throw new IllegalArgumentException("prices must be positive finite numbers: o=" + o + " h=" + h
                    + " l=" + l + " c=" + c);
        }
        if (h < l || h < Math.max(o, c) || l > Math.min(o, c)) {
            throw new IllegalArgumentException("high/low do not bracket open/close: o=" + o + " h=" + h
                    + " l=" + l + " c=" + c);
        }
    }

    /**
     * Direct read access for hot loops (no copy: callers must not modify). Read the first {@link #size()}
     * entries only: a series made by {@link #append} shares longer arrays.
     */
    public long[] openTimes() { return openTime; }
    public double[] highs() { return high; }
    public double[] lows() { return low; }
    public double[] closes() { return close; }
    public double[] opens() { return open; }
    public double[] volumes() { return volume; }
    public double[] quoteVolumes() { return quoteVolume; }
    public double[] takerBuyQuoteVolumes() { return takerBuyQuoteVolume; }

    @Override
    public String toString() {
        return "CandleSeries[" + symbol + ", " + intervalMs + "ms, " + size + " candles]";
    }

    /** Accumulates candles in time order; rejects rows that would silently corrupt a result. */
    public static final class Builder {
        private final String symbol;
        private final long intervalMs;
        private long[] openTime;
        private double[] open, high, low, close, volume, quoteVolume, takerBuyQuoteVolume;
        private int size;

        private Builder(String symbol, long intervalMs, int capacity) {
            if (intervalMs <= 0) throw new IllegalArgumentException("interval must be positive: " + intervalMs);
            this.symbol = Objects.requireNonNull(symbol, "symbol");
            this.intervalMs = intervalMs;
            int c = Math.max(16, capacity);
            openTime = new long[c];
            open = new double[c]; high = new double[c]; low = new double[c]; close = new double[c];
            volume = new double[c]; quoteVolume = new double[c]; takerBuyQuoteVolume = new double[c];
        }

        public int size() { return size; }
        public long lastOpenTime() { return size == 0 ? Long.MIN_VALUE : openTime[size - 1]; }

        /**
         * Appends one candle.
         *
         * @throws IllegalArgumentException if the open time does not increase or a price is not a positive
         *         finite number, or high/low do not bracket open and close
         */
        public Builder add(long openTimeMs, double o, double h, double l, double c,
                           double baseVolume, double quoteVol, double takerBuyQuoteVol) {
            checkRow(size == 0 ? Long.MIN_VALUE : openTime[size - 1], openTimeMs, o, h, l, c);
            if (size == openTime.length) grow();
            openTime[size] = openTimeMs;
            open[size] = o; high[size] = h; low[size] = l; close[size] = c;
            volume[size] = baseVolume; quoteVolume[size] = quoteVol; takerBuyQuoteVolume[size] = takerBuyQuoteVol;
            size++;
            return this;
        }

        private void grow() {
            int c = openTime.length * 2;
            openTime = Arrays.copyOf(openTime, c);
            open = Arrays.copyOf(open, c); high = Arrays.copyOf(high, c); low = Arrays.copyOf(low, c);
            close = Arrays.copyOf(close, c); volume = Arrays.copyOf(volume, c);
            quoteVolume = Arrays.copyOf(quoteVolume, c); takerBuyQuoteVolume = Arrays.copyOf(takerBuyQuoteVolume, c);
        }

        public CandleSeries build() { return new CandleSeries(this); }
    }
}
