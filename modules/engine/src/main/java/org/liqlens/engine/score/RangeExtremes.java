package org.liqlens.engine.score;

/**
 * The highest high and lowest low of any run of candles in O(1) table look-ups plus a short scan: a sparse
 * table over blocks of {@value BlockMax#BLOCK} candles (a full table over a year of 1m candles would take 170 MB;
 * this one takes about 4 MB) and a scan of the partial blocks at the two ends. Lows are kept negated, so one
 * structure answers both.
 */
final class RangeExtremes {

    private final BlockMax highs, negatedLows;

    RangeExtremes(double[] highs, double[] lows, int n) {
        this.highs = new BlockMax(highs, n);
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) neg[i] = -lows[i];
        this.negatedLows = new BlockMax(neg, n);
    }

    /** The highest high of candles [from, to); -infinity when the run is empty. */
    double maxHigh(int from, int to) { return highs.max(from, to); }

    /** The lowest low of candles [from, to); +infinity when the run is empty. */
    double minLow(int from, int to) { return -negatedLows.max(from, to); }

    /** Range maximum over one array: a sparse table of block maxima and a scan of the ends. */
    private static final class BlockMax {
        static final int BLOCK = 32;

        private final double[] values;
        private final double[][] table;   // [level][block]: max of blocks [b, b + 2^level)

        BlockMax(double[] values, int n) {
            this.values = values;
            int blocks = (n + BLOCK - 1) / BLOCK;
            int levels = 1;
            while ((1 << levels) <= blocks) levels++;
            table = new double[levels][];
            table[0] = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = b * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) m = Math.max(m, values[i]);
                table[0][b] = m;
            }
            for (int l = 1; l < levels; l++) {
                int len = blocks - (1 << l) + 1, half = 1 << (l - 1);
                table[l] = new double[len];
                for (int b = 0; b < len; b++) table[l][b] = Math.max(table[l - 1][b], table[l - 1][b + half]);
            }
        }

        double max(int from, int to) {
            double m = Double.NEGATIVE_INFINITY;
            int fb = (from + BLOCK - 1) / BLOCK, tb = to / BLOCK;   // whole blocks [fb, tb)
            if (fb >= tb) {
                for (int i = from; i < to; i++) m = Math.max(m, values[i]);
                return m;
            }
            for (int i = from, e = fb * BLOCK; i < e; i++) m = Math.max(m, values[i]);
            for (int i = tb * BLOCK; i < to; i++) m = Math.max(m, values[i]);
            int l = 31 - Integer.numberOfLeadingZeros(tb - fb);
            return Math.max(m, Math.max(table[l][fb], table[l][tb - (1 << l)]));
        }
    }
}
