package org.liqlens.engine.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * Trades (or aggregated trades) of one symbol in time order, column-wise. {@code buyerIsMaker} true means
 * the taker sold (Binance {@code m}); false means the taker bought. Times are non-decreasing (many trades
 * share a millisecond).
 */
public final class TradeSeries {
    private final String symbol;
    private final long[] time;
    private final double[] price;
    private final double[] quantity;
    private final boolean[] buyerIsMaker;
    private final int size;

    private TradeSeries(Builder b) {
        symbol = b.symbol;
        size = b.size;
        time = Arrays.copyOf(b.time, size);
        price = Arrays.copyOf(b.price, size);
        quantity = Arrays.copyOf(b.quantity, size);
        buyerIsMaker = Arrays.copyOf(b.buyerIsMaker, size);
    }

    public static Builder builder(String symbol, int expectedSize) { return new Builder(symbol, expectedSize); }

    public String symbol() { return symbol; }
    public int size() { return size; }
    public long time(int i) { return time[i]; }
    public double price(int i) { return price[i]; }
    public double quantity(int i) { return quantity[i]; }
    /** Quote notional of the trade, price x quantity. */
    public double notional(int i) { return price[i] * quantity[i]; }
    public boolean buyerIsMaker(int i) { return buyerIsMaker[i]; }
    public boolean takerBought(int i) { return !buyerIsMaker[i]; }
    public long[] times() { return time; }
    public double[] prices() { return price; }
    public double[] quantities() { return quantity; }
    public boolean[] buyerIsMakerFlags() { return buyerIsMaker; }

    /** Index of the first trade at or after {@code t}. */
    public int firstIndexAtOrAfter(long t) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public static final class Builder {
        private final String symbol;
        private long[] time;
        private double[] price, quantity;
        private boolean[] buyerIsMaker;
        private int size;

        private Builder(String symbol, int capacity) {
            this.symbol = Objects.requireNonNull(symbol);
            int c = Math.max(16, capacity);
            time = new long[c]; price = new double[c]; quantity = new double[c]; buyerIsMaker = new boolean[c];
        }

        public int size() { return size; }

        public Builder add(long timeMs, double px, double qty, boolean isBuyerMaker) {
            if (size > 0 && timeMs < time[size - 1]) {
                throw new IllegalArgumentException("trade time " + timeMs + " is before the previous trade's " + time[size - 1]);
            }
            if (!(px > 0) || !Double.isFinite(px) || !(qty >= 0) || !Double.isFinite(qty)) {
                throw new IllegalArgumentException("bad trade price/quantity: p=" + px + " q=" + qty);
            }
            if (size == time.length) {
                int c = size * 2;
                time = Arrays.copyOf(time, c); price = Arrays.copyOf(price, c);
                quantity = Arrays.copyOf(quantity, c); buyerIsMaker = Arrays.copyOf(buyerIsMaker, c);
            }
            time[size] = timeMs; price[size] = px; quantity[size] = qty; buyerIsMaker[size] = isBuyerMaker;
            size++;
            return this;
        }

        public TradeSeries build() { return new TradeSeries(this); }
    }
}
