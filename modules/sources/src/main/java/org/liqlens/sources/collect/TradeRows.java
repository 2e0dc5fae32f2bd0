package org.liqlens.sources.collect;

import java.util.Arrays;
import org.liqlens.engine.market.TradeSeries;

/**
 * Trades gathered in any order, keyed by the exchange's trade id: built into a series sorted by time (then
 * id) in which a trade seen on two pages appears once.
 */
public final class TradeRows {
    private long[] id = new long[1024];
    private long[] t = new long[1024];
    private double[] px = new double[1024];
    private double[] qty = new double[1024];
    private boolean[] buyerMaker = new boolean[1024];
    private int n;

    public void add(long tradeId, long time, double price, double quantity, boolean buyerIsMaker) {
        if (n == t.length) {
            int c = n * 2;
            id = Arrays.copyOf(id, c); t = Arrays.copyOf(t, c); px = Arrays.copyOf(px, c);
            qty = Arrays.copyOf(qty, c); buyerMaker = Arrays.copyOf(buyerMaker, c);
        }
        id[n] = tradeId; t[n] = time; px[n] = price; qty[n] = quantity; buyerMaker[n] = buyerIsMaker;
        n++;
    }

    public int size() {
        return n;
    }

    /** The smallest trade time and id added (id of the oldest trade), or {@link Long#MAX_VALUE}. */
    public long minTime() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) m = Math.min(m, t[i]);
        return m;
    }

    public long minId() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) m = Math.min(m, id[i]);
        return m;
    }

    public TradeSeries build(String symbol) {
        int[] order = Sorting.orderBy(t, id, n);
        TradeSeries.Builder b = TradeSeries.builder(symbol, n);
        long prevId = 0;
        boolean first = true;
        for (int k : order) {
            if (!first && id[k] == prevId) {
                continue;
            }
            b.add(t[k], px[k], qty[k], buyerMaker[k]);
            prevId = id[k];
            first = false;
        }
        return b.build();
    }
}
