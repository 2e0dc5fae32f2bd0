package org.liqlens.engine;

import java.util.Arrays;
import org.liqlens.engine.market.Side;
import org.liqlens.engine.model.EventBasis;

/**
 * Every level one estimate created, column-wise, in the order the sweep met them (latest creating event
 * first). For exports, validation and tests; the estimate itself never materialises levels.
 *
 * <p>Per level: side, tier, liquidation price, notional at creation, creating event (index into the basis
 * series and its stamp: candle close time or trade time), clearing event ({@link #SURVIVES} when it survives
 * to T, {@link #CLEARED_AT_AS_OF} when it survived every later event but lies on the wrong side of the
 * final price) and its notional at T (0 unless it survives; m2's wipes and m3's decay included).
 */
public final class LevelTable {

    /** {@link #clearedBy} of a level alive at T. */
    public static final int SURVIVES = -1;
    /**
     * {@link #clearedBy} of a level that no later event cleared but whose liquidation price is already past
     * the price at T (only possible for levels of the last candle, which §3 says its own candle cannot
     * clear): counted as liquidated at T.
     */
    public static final int CLEARED_AT_AS_OF = -2;

    private final EventBasis basis;
    private int size;
    private boolean[] isLong = new boolean[1024];
    private byte[] tier = new byte[1024];
    private double[] price = new double[1024];
    private double[] notional = new double[1024];
    private int[] createdBy = new int[1024];
    private long[] createdAt = new long[1024];
    private int[] clearedBy = new int[1024];
    private long[] clearedAt = new long[1024];
    private double[] notionalAtAsOf = new double[1024];

    LevelTable(EventBasis basis) { this.basis = basis; }

    void add(boolean lng, int t, double p, double w, int created, long createdStamp, int cleared, long clearedStamp, double wT) {
        if (size == price.length) grow();
        isLong[size] = lng;
        tier[size] = (byte) t;
        price[size] = p;
        notional[size] = w;
        createdBy[size] = created;
        createdAt[size] = createdStamp;
        clearedBy[size] = cleared;
        clearedAt[size] = clearedStamp;
        notionalAtAsOf[size] = wT;
        size++;
    }

    private void grow() {
        int c = size * 2;
        isLong = Arrays.copyOf(isLong, c);
        tier = Arrays.copyOf(tier, c);
        price = Arrays.copyOf(price, c);
        notional = Arrays.copyOf(notional, c);
        createdBy = Arrays.copyOf(createdBy, c);
        createdAt = Arrays.copyOf(createdAt, c);
        clearedBy = Arrays.copyOf(clearedBy, c);
        clearedAt = Arrays.copyOf(clearedAt, c);
        notionalAtAsOf = Arrays.copyOf(notionalAtAsOf, c);
    }

    /** Candles or trades: what {@link #createdBy} and {@link #clearedBy} index. */
    public EventBasis basis() { return basis; }
    public int size() { return size; }
    public Side side(int i) { return isLong[i] ? Side.LONG : Side.SHORT; }
    public boolean isLong(int i) { return isLong[i]; }
    public int tier(int i) { return tier[i]; }
    /** Liquidation price. */
    public double price(int i) { return price[i]; }
    /** Notional at creation, quote currency. */
    public double notional(int i) { return notional[i]; }
    public int createdBy(int i) { return createdBy[i]; }
    /** Stamp of the creating event: candle close time or trade time. */
    public long createdAt(int i) { return createdAt[i]; }
    /** Index of the clearing event, {@link #SURVIVES} or {@link #CLEARED_AT_AS_OF}. */
    public int clearedBy(int i) { return clearedBy[i]; }
    /** Stamp of the clearing event; T for {@link #CLEARED_AT_AS_OF}; {@link Long#MAX_VALUE} if it survives. */
    public long clearedAt(int i) { return clearedAt[i]; }
    /** Notional at T (0 unless the level survives). */
    public double notionalAtAsOf(int i) { return notionalAtAsOf[i]; }
}
