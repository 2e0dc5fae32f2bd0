package org.liqlens.engine.score;

/**
 * The highest high and lowest low of any run of candles in O(1) table look-ups plus a short scan: a sparse
 * table over blocks of {@value #BLOCK} candles (a full table over a year of 1m candles would take 170 MB;
 * this one takes about 4 MB) and a scan of the partial blocks at the two ends.
 */
final class RangeExtremes {
    static final int BLOCK = 32;

    private final double[] highs, lows;
    private final double[][] blockMax, blockMin;   // [level][block]: extreme of blocks [b, b + 2^level)

    RangeExtremes(double[] highs, double[] lows, int n) {
        this.highs = highs;
        this.lows = lows;
        int blocks = (n + BLOCK - 1) / BLOCK;
        int levels = 1;
        while ((1 << levels) <= blocks) levels++;
        blockMax = new double[levels][];
        blockMin = new double[levels][];
        blockMax[0] = new double[blocks];
        blockMin[0] = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
            for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                hi = Math.max(hi, highs[i]);
                lo = Math.min(lo, lows[i]);
            }
            blockMax[0][b] = hi;
            blockMin[0][b] = lo;
        }
        for (int l = 1; l < levels; l++) {
            int len = blocks - (1 << l) + 1, half = 1 << (l - 1);
            blockMax[l] = new double[len];
            blockMin[l] = new double[len];
            for (int b = 0; b < len; b++) {
                blockMax[l][b] = Math.max(blockMax[l - 1][b], blockMax[l - 1][b + half]);
                blockMin[l][b] = Math.min(blockMin[l - 1][b], blockMin[l - 1][b + half]);
            }
        }
    }

    /** The highest high of candles [from, to); -infinity when the run is empty. */
    double maxHigh(int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        int fb = (from + BLOCK - 1) / BLOCK, tb = to / BLOCK;   // whole blocks [fb, tb)
        if (fb >= tb) {
            for (int i = from; i < to; i++) m = Math.max(m, highs[i]);
            return m;
        }
        for (int i = from, e = fb * BLOCK; i < e; i++) m = Math.max(m, highs[i]);
        for (int i = tb * BLOCK; i < to; i++) m = Math.max(m, highs[i]);
        int l = 31 - Integer.numberOfLeadingZeros(tb - fb);
        return Math.max(m, Math.max(blockMax[l][fb], blockMax[l][tb - (1 << l)]));
    }

    /** The lowest low of candles [from, to); +infinity when the run is empty. */
    double minLow(int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        int fb = (from + BLOCK - 1) / BLOCK, tb = to / BLOCK;
        if (fb >= tb) {
            for (int i = from; i < to; i++) m = Math.min(m, lows[i]);
            return m;
        }
        for (int i = from, e = fb * BLOCK; i < e; i++) m = Math.min(m, lows[i]);
        for (int i = tb * BLOCK; i < to; i++) m = Math.min(m, lows[i]);
        int l = 31 - Integer.numberOfLeadingZeros(tb - fb);
        return Math.min(m, Math.min(blockMin[l][fb], blockMin[l][tb - (1 << l)]));
    }
}
