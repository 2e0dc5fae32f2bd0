package org.liqlens.engine;

import org.liqlens.engine.market.Side;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/**
 * The hot path (§4): one pass over the window's events from the last to the first, no per-level object,
 * no boxing, O(1) memory per event beyond the model's chunk buffers.
 *
 * <h2>Clearing, by column</h2>
 * The heatmap needs only the <em>column</em> in which a level is cleared, and the map only whether it
 * survives, so the estimate never looks for the exact clearing event. Walking backwards, it keeps
 * <ul>
 * <li>the lowest low and highest high of the events already visited in the current column (those after
 *     the current event): a long level at p with {@code runLow <= p} dies in its own column and touches
 *     neither heatmap nor map: one comparison, and the commonest case for high leverage;</li>
 * <li>a monotonic stack of the record column minima of the later columns (each strictly below all earlier
 *     ones, nearest on top), and the same for maxima: a later column clears the level iff the deepest
 *     record reaches it (one comparison), and the first later column whose minimum is {@code <= p} is the
 *     column of the first later event with {@code low <= p}.</li>
 * </ul>
 * Without a heatmap the whole window is one column, the stack stays empty, and a level survives iff it
 * lies beyond every later event's low (or high): O(1) per level. {@link #levels} answers the exact
 * clearing event with the same stack over events instead of columns.
 *
 * <h2>Heatmap</h2>
 * The grid is written forwards, one row per column, from per-bucket running sums of each side
 * ({@code buildGrid}). A column's low clears every long level at or above it, so every long bucket above the
 * low's bucket simply empties; only in the low's own bucket must the levels at or above the low be told from
 * those below it, and the backward sweep sums exactly those (the column's <em>straddle</em>): a level cleared
 * in a later column is in the straddle iff the deepest record of its own bucket reaches it, and then the
 * clearing column is that record's (or, with several records in the bucket, found by galloping from the
 * tier's previous search and bisecting). Shorts mirror this above the high. So the sweep needs the clearing
 * column of few levels, writes only per-bucket sums of the current column (in cache) and the straddles,
 * never a random cell of the grid, and a swept band is exactly zero rather than the residue of an added and
 * a subtracted notional. Values of a scaled model ({@link WeightScale} f) are kept at the scale of their
 * column's end: a new level enters as {@code w * f(created → end of its column)}, the running sums are
 * multiplied by {@code f(end c-1 → end c)} per column, and a straddle holds {@code w * f(created → end of
 * the clearing column)}, which is what keeps a year of m3 decay or m2 falls from overflowing.
 *
 * <p>Short columns (at most {@value #DIRECT_PER_COLUMN} events on average, unscaled models): the per-column
 * booking of the new levels in spans costs more than the levels themselves, so the sweep records each new level
 * that enters the grid as its bucket and notional, and {@code buildGrid} adds the column's records and writes
 * their buckets ({@code addRecorded}). Small batches are swept with the tiers in the inner loop
 * ({@code sweepSmall}), with the map's additions in the same order as the per-tier loops.
 *
 * <h2>Final price</h2>
 * A level that no later event clears but that lies on the wrong side of the price at T (only levels of the
 * last candle can) counts as liquidated at T: it leaves the heatmap in the last column and is not in the map.
 */
final class SweepKernel {

    static final int CHUNK = 4096;
    /** The largest group table: 2^GROUP_BITS_MAX slots of 36 bytes, which must stay in the L2 cache. */
    static final int GROUP_BITS_MAX = 12;
    /** A free slot of the group table; no entry's tag (positive bits, the side in the sign bit) is all ones. */
    static final long EMPTY = -1L;
    /** Fibonacci hashing: the golden ratio's multiplier spreads neighbouring price bits over the slots. */
    static final long HASH = 0x9E37_79B9_7F4A_7C15L;
    /** Grouping is chosen while it starts fewer than this share of the openings that merging runs hands on. */
    static final double GROUPING_GAIN = 0.5;
    /** How many chunks a mode first runs before the other is measured again, and the most it ever runs. */
    static final int PROBE_EVERY = 32, PROBE_EVERY_MAX = 1024;
    /** {@code bits - 1 + Long.MIN_VALUE} is below this iff the double with these bits is in (0, +infinity]. */
    static final long POSITIVE_BITS_LIMIT = 0x7FF0_0000_0000_0000L + Long.MIN_VALUE;
    /** The extreme's bucket of a column without events. */
    static final int NONE = Integer.MIN_VALUE;
    /** A batch of at most this many openings of a side is swept with the tiers in the inner loop (sweepSmall). */
    static final int SMALL_BATCH = 8;
    /** Up to this many events per column on average, buildGrid adds the new levels from the openings (direct):
     *  measured faster at 3 and 9 a column, slower at 30 (2026-12-01). */
    static final int DIRECT_PER_COLUMN = 12;

    /** What the sweep produces. */
    static final class Output {
        float[][] grid;  // a row per column, index [c][b]; or null
        double gridMax;
        double[][] longByTier, shortByTier;
        double totalLong, totalShort;
        long levels;
    }

    private SweepKernel() {}

    static Output estimate(Plan pl, boolean withGrid) {
        return new EstimatePass(pl, withGrid).run();
    }

    /**
     * State of one backward pass, in two stages.
     *
     * <p>Staging, event by event: the column extremes and the openings, which are appended per side to the
     * current <em>batch</em>. Each chunk of openings is cut at column starts by a binary search on the event
     * times, so the per-event loop ({@code stage}) never looks at a time (unless the model scales weights).
     * Consecutive events of one column with the same entry, whose own range is that single price (trades:
     * low = high = price), create identical levels with identical fates: none of them can clear another's
     * levels, which lie strictly beyond the entry. Such a run is merged into one opening (real trade streams
     * repeat price and side about two times in three). The loop has no data-dependent branch: with a coin-flip
     * side and a run that continues about half the time, mispredictions used to cost more than the work.
     *
     * <p>Trades of unscaled models may instead be staged by <em>grouping</em> ({@code stageGrouped}): openings
     * of one column with the same entry and side are summed whenever the same tiers survive their own column,
     * which also merges a price that recurs after other prices, as a random walk does. It costs a table slot
     * per event, so the pass picks, chunk by chunk, whichever of the two hands the sweep fewer openings per
     * event by enough to pay ({@code chooseGrouping}). Both produce exact openings of the current column.
     *
     * <p>Sweeping, batch by batch: a batch holds openings of one column only, so the stacks are the same for
     * all of them; it is swept when the pass leaves the column (before the column joins the stacks) or when
     * it is full. Each side and tier is one pass over the batch's primitive arrays: the liquidation prices of
     * a tier in one vectorisable loop, then the fates. Within a pass the outcomes (own column, later column,
     * survivor) are mostly the same, so the branches predict well.
     */
    private static final class EstimatePass {
        static final int LONG = 0, SHORT = 1;

        final Plan pl;
        final double[] lows, highs;
        final int nb, nc, nt;
        final boolean grid, scaled;
        final long[] colStart;
        final double lo, perUnit;
        final long asOf;
        final WeightScale scale;
        final double[] share;
        // per side (0 long, 1 short): the liquidation price is (e * up[s][t]) / down[s], exactly as
        // LiquidationRule.freshPrice evaluates it (for Binance: LiquidationPrice.binanceFresh); sign[s] turns "cleared by a low <= p" (long) and
        // "cleared by a high >= p" (short) into one comparison on sign * price
        final double[][] up = new double[2][];
        final double[] down = new double[2], sign = {1, -1}, signedPrice = new double[2];
        final double[][][] byTier = new double[2][][];
        final double[] total = new double[2];
        // per side: the record extremes of later columns, as sign * price (values increase bottom to top)
        final double[][] stackValue = new double[2][];
        final int[][] stackColumn = new int[2][];
        final int[] stackSize = new int[2];
        // per side and tier, where the last search for a clearing column ended: within a column the stacks do not
        // change and neighbouring openings have similar prices, so the next search usually ends at or next to it
        final int[][] hint = new int[2][];
        int c;
        // the batch, per side: slots of (entry, notional, column extreme after the opening as sign * price), their
        // stamps (scaled models). Slot cap is a spare that staging
        // writes when a side opens nothing. A batch is unpacked into e, w and own, one side at a time, and q is
        // scratch for a tier's sign * price.
        final int cap;
        final double[][] bSlot = new double[2][];
        final long[][] bStamp = new long[2][];
        final int[] bSize = new int[2];
        final double[] e, w, own, q, fCreate, fT;
        // the staging state: the extremes of the visited events of the current column (as low and -high); the
        // previous visited event, when its range is the single price of its entry (keyValid 1): that entry's bits
        // (key) and its stamp; the open slot of each side (open 1: its batch's last one) and its notional so far;
        // the number of sides with notional over all events
        double runLow = Double.POSITIVE_INFINITY, runNegHigh = Double.POSITIVE_INFINITY, accL, accS;
        long key, keyStamp, opened;
        int keyValid, openL, openS, nL, nS;
        // the groups of the current column (trade basis, unscaled models; see stageGrouped): a direct-mapped table
        // of 2^(64 - groupShift) slots. A slot's tag is its entry's bits with the side in the sign bit (entries are
        // positive), EMPTY when free; its data are the signed prices of the last surviving and the first dead tier
        // and the notional; groupAlive counts the surviving tiers; used lists the claimed slots, so that a column
        // end visits only those
        final boolean grouped;
        final int groupShift;
        final long[] groupTag;
        final double[] groupData;
        final int[] groupAlive, used;
        int nUsed;
        // the choice between grouping and merging runs only (see chooseGrouping): openings handed to the sweep
        // (swept) and groups started (regroups) so far, and the latest rate per event of each, with its chunk
        long swept, regroups;
        double groupRate = Double.NaN, runRate = Double.NaN;
        int groupRateAt, runRateAt, probeEvery = PROBE_EVERY;
        boolean preferGrouping;
        // the heatmap (see buildGrid), per side: the bucket of each column's extreme (the low for longs, the high
        // for shorts; -1 below the buckets, nb above them, NONE for an empty column) and, in that bucket, the
        // notional of the levels that column clears (index nc: the final price's bucket and the levels beyond the
        // price there); how many record columns of the stack have their extreme in each bucket, and the deepest of
        // them (its signed extreme, +infinity for none, and its column); the new levels'
        // notional of the current column by bucket, with the span each tier touched (tiers lie apart: 1 % to 20 %
        // from the entries); and the columns already swept, packed as spans of buckets (segments: first bucket,
        // length, offset of the values), a column's segments being colSeg[c] .. colSeg[c] + colSegs[c] - 1
        final int[][] extBucket = new int[2][], inBucket = new int[2][], deepestColumn = new int[2][], colSeg = new int[2][], colSegs = new int[2][],
                segment = new int[2][], addLo = new int[2][], addHi = new int[2][];
        final double[][] deepestIn = new double[2][], straddle = new double[2][], addRow = new double[2][], segData = new double[2][];
        final int[] segments = new int[2], segSize = new int[2];
        final int finalBucket;
        // buildGrid: the spans of buckets [from, to) whose value changed in the current column, as pairs
        int[] dirty = new int[64];
        // sweepSmall: each tier's sum of survivors in the batch
        final double[] tots;
        // direct: the sweep records each new level of a column that enters the grid as (bucket, notional), and
        // buildGrid adds them (short columns, unscaled models), instead of packing spans; per side: the records,
        // how many, and where each column's end (column c's are [recTo[c + 1], recTo[c]), 0 for the last's start)
        final boolean direct;
        final int[][] recBucket = new int[2][], recTo = new int[2][];
        final double[][] recNotional = new double[2][];
        final int[] nRec = new int[2];
        int nDirty;

        EstimatePass(Plan pl, boolean withGrid) {
            this.pl = pl;
            lows = pl.lows;
            highs = pl.highs;
            nb = pl.buckets;
            grid = withGrid && pl.columns > 0;
            nc = grid ? pl.columns : 1;
            colStart = grid ? pl.columnStarts : new long[] {pl.start, pl.asOf};
            lo = pl.priceBuckets.low;
            perUnit = pl.priceBuckets.perUnit;
            asOf = pl.asOf;
            scale = pl.scale;
            scaled = !scale.isIdentity();
            nt = pl.ladder.size();
            share = new double[nt];
            up[LONG] = new double[nt];
            up[SHORT] = new double[nt];
            for (int t = 0; t < nt; t++) {
                up[LONG][t] = pl.rule.numerator(Side.LONG, pl.ladder.leverage(t), pl.mmr);
                up[SHORT][t] = pl.rule.numerator(Side.SHORT, pl.ladder.leverage(t), pl.mmr);
                share[t] = pl.ladder.weight(t);
            }
            down[LONG] = pl.rule.denominator(Side.LONG, pl.mmr);
            down[SHORT] = pl.rule.denominator(Side.SHORT, pl.mmr);
            signedPrice[LONG] = pl.price;
            signedPrice[SHORT] = -pl.price;
            finalBucket = grid ? bucketClamped(pl.price) : 0;
            tots = new double[nt];
            direct = grid && !scaled && (long) (pl.to - pl.from) <= (long) DIRECT_PER_COLUMN * nc;
            cap = Math.min(CHUNK, Math.max(1, pl.to - pl.from));
            for (int s = 0; s < 2; s++) {
                byTier[s] = new double[nt][nb];
                stackValue[s] = new double[nc];
                stackColumn[s] = new int[nc];
                hint[s] = new int[nt];
                bSlot[s] = new double[3 * (cap + 1)];
                if (grid) {
                    extBucket[s] = new int[nc];
                    java.util.Arrays.fill(extBucket[s], NONE);
                    straddle[s] = new double[nc + 1];
                    inBucket[s] = new int[nb];
                    deepestIn[s] = new double[nb];
                    java.util.Arrays.fill(deepestIn[s], Double.POSITIVE_INFINITY);
                    deepestColumn[s] = new int[nb];
                    addRow[s] = new double[nb];
                    addLo[s] = new int[nt];
                    addHi[s] = new int[nt];
                    java.util.Arrays.fill(addLo[s], Integer.MAX_VALUE);
                    java.util.Arrays.fill(addHi[s], Integer.MIN_VALUE);
                    colSeg[s] = new int[nc];
                    colSegs[s] = new int[nc];
                    // a start that a short window's columns (a few events each: a span of a few buckets per tier)
                    // fill; longer ones grow them (appendSegment)
                    segment[s] = new int[direct ? 3 : 3 * Math.max(64, nt * nc)];
                    segData[s] = new double[direct ? 1 : Math.max(1024, 4 * nt * nc)];
                    if (direct) {
                        // a side opens at most once per event, each opening at most nt levels; grown in sweepBatch
                        // past that start (a plug-in model's long ladder)
                        final int records = (int) Math.min((long) nt * (pl.to - pl.from), 1 << 16);
                        recBucket[s] = new int[records];
                        recNotional[s] = new double[records];
                        recTo[s] = new int[nc];
                    }
                }
                if (scaled) bStamp[s] = new long[cap + 1];
            }
            e = new double[cap];
            w = new double[cap];
            own = new double[cap];
            q = new double[cap];
            fCreate = scaled ? new double[cap] : null;
            fT = scaled ? new double[cap] : null;
            c = nc - 1;
            // Grouping pays where entries repeat within a column, which trades do (a tick grid, bid/ask bounce,
            // a price revisited many times in a column) and candles do not (a typical price is almost never met
            // twice). A scaled model's weights depend on each opening's own time, so its openings never merge.
            grouped = !scaled && pl.basis == EventBasis.TRADES;
            if (grouped) {
                final long perColumn = Math.max(1, (long) (pl.to - pl.from) / nc);
                int bits = 8;
                while (bits < GROUP_BITS_MAX && (1L << bits) < 2 * perColumn) bits++;
                groupShift = 64 - bits;
                groupTag = new long[1 << bits];
                java.util.Arrays.fill(groupTag, EMPTY);
                groupData = new double[3 << bits];
                groupAlive = new int[1 << bits];
                used = new int[1 << bits];
            } else {
                groupShift = 0;
                groupTag = null;
                groupData = null;
                groupAlive = used = null;
            }
        }

        Output run() {
            final int from = pl.from, to = pl.to;
            final long[] times = pl.times;
            final long off = pl.stampOffset;
            final ModelRun model = pl.run;
            final int chunk = Math.min(CHUNK, Math.max(1, to - from));
            final double[] ent = new double[chunk], lon = new double[chunk], sho = new double[chunk];
            int chunkNo = 0;
            for (int ce = to; ce > from; chunkNo++) {
                final int cs = Math.max(from, ce - chunk);
                pl.checkCancelled();
                model.openings(cs, ce, ent, lon, sho);
                final boolean grouping = grouped && chooseGrouping(chunkNo);
                if (!grouping && nUsed > 0) releaseAll();
                final long before = grouping ? regroups : swept + nL + nS;
                // the chunk, column by column: [first, last] are events of column c
                for (int last = ce - 1; last >= cs; ) {
                    final long cStart = colStart[c] - off;
                    if (times[last] < cStart) {
                        leaveColumn();
                        continue;
                    }
                    int lo = cs, hi = last;                         // the first event at or after cStart
                    while (lo < hi) {
                        final int mid = (lo + hi) >>> 1;
                        if (times[mid] < cStart) lo = mid + 1; else hi = mid;
                    }
                    if (grouping) stageGrouped(lo, last, cs, ent, lon, sho); else stage(lo, last, cs, ent, lon, sho);
                    last = lo - 1;
                }
                if (grouped) {
                    final double rate = (double) ((grouping ? regroups : swept + nL + nS) - before) / (ce - cs);
                    if (grouping) { groupRate = rate; groupRateAt = chunkNo; } else { runRate = rate; runRateAt = chunkNo; }
                }
                ce = cs;
            }
            if (nUsed > 0) releaseAll();
            bSize[LONG] = nL;
            bSize[SHORT] = nS;
            sweepBatch();
            if (grid && !direct) closeColumn();
            if (direct) {
                // the current column and those before it, which hold no event, end here
                for (int k = c; k >= 0; k--) {
                    recTo[LONG][k] = nRec[LONG];
                    recTo[SHORT][k] = nRec[SHORT];
                }
            }

            Output out = new Output();
            out.longByTier = byTier[LONG];
            out.shortByTier = byTier[SHORT];
            out.totalLong = total[LONG];
            out.totalShort = total[SHORT];
            out.levels = opened * nt;
            if (grid) {
                pl.checkCancelled();
                out.grid = new float[nc][];
                out.gridMax = buildGrid(out.grid);
            }
            return out;
        }

        /**
         * Stages events {@code last} down to {@code first}, all of the current column; {@code cs} is the index
         * of the chunk's first event in the opening arrays.
         */
        private void stage(final int first, final int last, final int cs, final double[] ent, final double[] lon,
                           final double[] sho) {
            final double[] lows = this.lows, highs = this.highs;
            final double[] slotL = bSlot[LONG], slotS = bSlot[SHORT];
            final long[] times = pl.times, tL = bStamp[LONG], tS = bStamp[SHORT];
            final long off = pl.stampOffset;
            final boolean scaled = this.scaled;
            final int spare = 3 * cap;
            double runLow = this.runLow, runNegHigh = this.runNegHigh, accL = this.accL, accS = this.accS;
            long key = this.key, keyStamp = this.keyStamp, opened = this.opened;
            int keyValid = this.keyValid, openL = this.openL, openS = this.openS, nL = this.nL, nS = this.nS;
            for (int i = last; i >= first; i--) {
                final int k = i - cs;
                final double e = ent[k], ln = lon[k], sn = sho[k], low = lows[i], high = highs[i];
                final long eb = Double.doubleToRawLongBits(e);
                final int hasL = positive(ln), hasS = positive(sn);
                opened += hasL + hasS;
                // The event continues the run of the previous one (same column) when that one's range was the
                // single price of this entry (and, for scaled models, the stamps agree): its levels then share
                // the fate of the run's, and it adds its notional to the open slot of its side. Otherwise it
                // opens a new slot on each side with notional. All of it without a branch (see positive()).
                int same = keyValid & equal(key, eb);
                final long stamp = scaled ? times[i] + off : 0;
                if (scaled) same &= equal(keyStamp, stamp);
                final int contL = openL & same, contS = openS & same;
                accL = keep(accL, contL) + keep(ln, hasL);
                accS = keep(accS, contS) + keep(sn, hasS);
                nL += hasL & ~contL;
                nS += hasS & ~contS;
                openL = contL | hasL;
                openS = contS | hasS;
                // the open slot, or the spare one; the column extreme written is the one after this event,
                // which differs from the one after the run's first (latest) event only by the run's own price
                final int iL = select(openL, 3 * nL - 3, spare), iS = select(openS, 3 * nS - 3, spare);
                slotL[iL] = e;
                slotL[iL + 1] = accL;
                slotL[iL + 2] = runLow;
                slotS[iS] = e;
                slotS[iS + 1] = accS;
                slotS[iS + 2] = runNegHigh;
                if (scaled) {
                    tL[iL / 3] = stamp;
                    tS[iS / 3] = stamp;
                }
                if (low < runLow) runLow = low;
                if (-high < runNegHigh) runNegHigh = -high;
                keyValid = equal(Double.doubleToRawLongBits(low) ^ eb | Double.doubleToRawLongBits(high) ^ eb, 0);
                key = eb;
                keyStamp = stamp;
                if (nL == cap || nS == cap) {
                    bSize[LONG] = nL;
                    bSize[SHORT] = nS;
                    sweepBatch();
                    nL = nS = 0;
                    keyValid = openL = openS = 0;
                }
            }
            this.runLow = runLow;
            this.runNegHigh = runNegHigh;
            this.accL = accL;
            this.accS = accS;
            this.key = key;
            this.keyStamp = keyStamp;
            this.opened = opened;
            this.keyValid = keyValid;
            this.openL = openL;
            this.openS = openS;
            this.nL = nL;
            this.nS = nS;
        }

        /**
         * Whether chunk {@code chunkNo} (counted from the end) groups its openings or only merges runs. Grouping
         * costs more per event (a table slot) and pays when an entry recurs across runs: on a random walk it
         * starts a group every 12 events where merging runs hands the sweep 9 openings in 10; on realistic
         * aggTrades (bid/ask bounce over a drifting mid) it starts one every 4 events against one opening in 3
         * from runs, and loses. Both produce exact openings of the current column, so the mode may change at any
         * chunk: the first two chunks measure one mode each, the mode then chosen wins while its rate holds up
         * against the other's latest, and the other is measured again after {@value #PROBE_EVERY} chunks, then
         * after twice as many each time the choice holds, up to {@value #PROBE_EVERY_MAX}.
         */
        private boolean chooseGrouping(int chunkNo) {
            if (chunkNo == 0) return true;
            if (chunkNo == 1) return false;
            final boolean group = groupRate < GROUPING_GAIN * runRate;
            if (group != preferGrouping) {
                preferGrouping = group;
                probeEvery = PROBE_EVERY;
            }
            if (chunkNo - (group ? runRateAt : groupRateAt) > probeEvery) {
                // a probe of the other mode; each that confirms the choice makes the next twice as rare
                probeEvery = Math.min(2 * probeEvery, PROBE_EVERY_MAX);
                return !group;
            }
            return group;
        }

        /**
         * Stages events {@code last} down to {@code first} of the current column by grouping their openings.
         *
         * <p>Two openings of one side and column with the same entry create levels at the same prices, and the
         * stacks (later columns) are the same for both, so their levels' fates differ only in the own-column
         * test: a tier survives its own column iff its signed liquidation price lies below the column extreme
         * after the opening. Tiers ordered from the farthest (lowest leverage) to the closest have increasing
         * signed prices, so the survivors are the first a tiers, and openings with the same entry, side and a
         * are one opening with their summed notional, exactly.
         *
         * <p>Walking backwards, the column extreme after the current event only falls, so for one entry and
         * side a only falls too. A group therefore needs one notional and two prices: the signed price of the
         * last surviving tier (the opening joins the group while its column extreme lies above it) and of the
         * first dead tier (what the group hands the sweep as its column extreme, which makes the sweep's
         * own-column test come out the same: all survive when it is +infinity). When the extreme reaches the
         * last surviving tier, the group goes into the batch and restarts with fewer tiers; it also goes when
         * another entry needs its slot in the direct-mapped table, and at the end of the column. The per-event
         * work is a hash, two loads and two well-predicted comparisons: on a random walk of trades, where an
         * entry recurs about ten times per side and column, the sweep sees a sixth of the openings.
         */
        private void stageGrouped(final int first, final int last, final int cs, final double[] ent,
                                  final double[] lon, final double[] sho) {
            int i = last;
            while (i >= first) {
                i = joinGroups(i, first, cs, ent, lon, sho);
                if (i < first) break;
                // anything else, one event at a time
                final int k = i - cs;
                final double e = ent[k], ln = lon[k], sn = sho[k];
                final int hasL = positive(ln), hasS = positive(sn);
                opened += hasL + hasS;
                if (hasL != 0) group(LONG, e, ln, runLow);
                if (hasS != 0) group(SHORT, e, sn, runNegHigh);
                if (lows[i] < runLow) runLow = lows[i];
                if (-highs[i] < runNegHigh) runNegHigh = -highs[i];
                i--;
            }
        }

        /**
         * The common case in a tight loop of its own, so that no slow path crowds its registers: events from
         * {@code last} down to {@code first} whose opening is on one side only (as every trade's is) and joins
         * the group in its slot. Returns the index of the first event it cannot take, or {@code first - 1}.
         */
        private int joinGroups(final int last, final int first, final int cs, final double[] ent, final double[] lon,
                               final double[] sho) {
            final double[] lows = this.lows, highs = this.highs, data = groupData;
            final long[] tags = groupTag;
            final int shift = groupShift;
            double runLow = this.runLow, runNegHigh = this.runNegHigh;
            int i = last;
            for (; i >= first; i--) {
                final int k = i - cs;
                final long lb = Double.doubleToRawLongBits(lon[k]), sb = Double.doubleToRawLongBits(sho[k]);
                final long wb = lb | sb;
                // exactly one side, with a positive notional (+0.0 on the other: a coin flip which, so no branch
                // on it); anything else is the slow path's
                final long eb = Double.doubleToRawLongBits(ent[k]);
                if ((lb != 0 & sb != 0) | wb - 1 + Long.MIN_VALUE >= POSITIVE_BITS_LIMIT
                        | eb - 1 + Long.MIN_VALUE >= POSITIVE_BITS_LIMIT) break;
                final long toShort = -(long) (lb == 0 ? 1 : 0);
                final long lowBits = Double.doubleToRawLongBits(runLow);
                final double own = Double.longBitsToDouble(lowBits ^ ((lowBits ^ Double.doubleToRawLongBits(runNegHigh)) & toShort));
                final long tag = eb ^ (toShort & Long.MIN_VALUE);
                final int h = (int) ((tag * HASH) >>> shift);
                final int d = 3 * h;
                if (tags[h] != tag || !(own > data[d])) break;
                data[d + 2] += Double.longBitsToDouble(wb);
                final double low = lows[i], negHigh = -highs[i];
                if (low < runLow) runLow = low;
                if (negHigh < runNegHigh) runNegHigh = negHigh;
            }
            this.opened += last - i;
            this.runLow = runLow;
            this.runNegHigh = runNegHigh;
            return i;
        }

        /**
         * Adds an opening of side s to its group: the slow path's (a new group, fewer surviving tiers, notional on
         * both sides). An entry that is not a positive number (no trade's is; a plug-in model's might be) has no
         * tag, so it goes to the batch as it is, with its own column extreme.
         */
        private void group(final int s, final double e, final double w, final double own) {
            if (!(e > 0)) {
                append(s, e, w, own);
                return;
            }
            final long tag = Double.doubleToRawLongBits(e) ^ ((long) s << 63);
            final int h = (int) ((tag * HASH) >>> groupShift);
            if (groupTag[h] == tag && own > groupData[3 * h]) groupData[3 * h + 2] += w;
            else regroup(h, tag, s, e, w, own);
        }

        /**
         * Starts a group in slot h for the opening (e, side s, notional w, column extreme own): the slot's group
         * goes into the batch first, whether it is another entry's or this entry's with more surviving tiers.
         */
        private void regroup(final int h, final long tag, final int s, final double e, final double w, final double own) {
            final double[] data = groupData;
            final int d = 3 * h;
            regroups++;
            int a;
            if (groupTag[h] == EMPTY) {
                used[nUsed++] = h;
                a = nt;
            } else {
                release(h);
                a = groupTag[h] == tag ? groupAlive[h] : nt;
            }
            groupTag[h] = tag;
            // the tiers that die in their own column, closest first, in exactly sweepTier's expression, so that
            // the sweep's own-column test on the group agrees bit for bit
            final double sg = sign[s], dn = down[s];
            final double[] u = up[s];
            double dead = a == nt ? Double.POSITIVE_INFINITY : data[d + 1], alive = Double.NEGATIVE_INFINITY;
            while (a > 0) {
                final double q = sg * (e * u[a - 1] / dn);
                if (own > q) {
                    alive = q;
                    break;
                }
                dead = q;
                a--;
            }
            groupAlive[h] = a;
            data[d] = alive;
            data[d + 1] = dead;
            data[d + 2] = w;
        }

        /**
         * Moves the group in slot h into the batch, as one opening whose column extreme is the first dead tier's
         * signed price; a group whose tiers all died in their own column leaves nothing.
         */
        private void release(final int h) {
            final long tag = groupTag[h];
            final int d = 3 * h;
            final double w = groupData[d + 2];
            if (groupAlive[h] == 0 || w == 0) return;
            append((int) (tag >>> 63), Double.longBitsToDouble(tag & Long.MAX_VALUE), w, groupData[d + 1]);
        }

        /** Appends one opening to side s of the batch, sweeping the batch first when it is full. */
        private void append(final int s, final double e, final double w, final double own) {
            if ((s == LONG ? nL : nS) == cap) {
                bSize[LONG] = nL;
                bSize[SHORT] = nS;
                sweepBatch();
                nL = nS = 0;
            }
            final int j = 3 * (s == LONG ? nL++ : nS++);
            final double[] slot = bSlot[s];
            slot[j] = e;
            slot[j + 1] = w;
            slot[j + 2] = own;
        }

        /** Releases every group of the column and empties the table. */
        private void releaseAll() {
            for (int i = 0; i < nUsed; i++) {
                final int h = used[i];
                release(h);
                groupTag[h] = EMPTY;
            }
            nUsed = 0;
        }

        /**
         * Moves to the previous column: sweeps the batch, then the current column's extremes (+infinity for an
         * empty column) join the stacks of later columns.
         */
        private void leaveColumn() {
            if (nUsed > 0) releaseAll();
            bSize[LONG] = nL;
            bSize[SHORT] = nS;
            sweepBatch();
            nL = nS = 0;
            keyValid = openL = openS = 0;
            if (grid && !direct) closeColumn();
            if (direct) {
                recTo[LONG][c] = nRec[LONG];
                recTo[SHORT][c] = nRec[SHORT];
            }
            for (int s = 0; s < 2; s++) {
                final double m = s == LONG ? runLow : runNegHigh;
                if (m == Double.POSITIVE_INFINITY) continue;
                final double[] v = stackValue[s];
                final int[] cols = stackColumn[s];
                int n = stackSize[s];
                while (n > 0 && v[n - 1] >= m) {
                    n--;
                    if (grid) leaveBucket(s, cols[n]);
                }
                v[n] = m;
                cols[n++] = c;
                stackSize[s] = n;
                if (grid) {
                    final int bm = bucketClamped(sign[s] * m);
                    extBucket[s][c] = bm;
                    if (bm >= 0 && bm < nb && inBucket[s][bm]++ == 0) {
                        // the bucket's entries below the new one were not popped, so it is the deepest only when alone
                        deepestIn[s][bm] = m;
                        deepestColumn[s][bm] = c;
                    }
                }
            }
            runLow = runNegHigh = Double.POSITIVE_INFINITY;
            c--;
        }

        /** Sweeps and empties the batch: every level of its openings, booked by the column it dies in. */
        private void sweepBatch() {
            for (int s = 0; s < 2; s++) {
                final int n = bSize[s];
                swept += n;
                if (n == 0) continue;
                if (direct && nRec[s] + (long) nt * n > recBucket[s].length) {
                    // room for every level of the batch
                    final int size = (int) Math.min(Integer.MAX_VALUE - 8,
                            Math.max(2L * recBucket[s].length, nRec[s] + (long) nt * n));
                    recBucket[s] = java.util.Arrays.copyOf(recBucket[s], size);
                    recNotional[s] = java.util.Arrays.copyOf(recNotional[s], size);
                }
                if (grid && !scaled && n <= SMALL_BATCH) {
                    sweepSmall(s, n);
                    bSize[s] = 0;
                    continue;
                }
                final double[] slot = bSlot[s], e = this.e, w = this.w, own = this.own;
                double eMin = Double.POSITIVE_INFINITY, eMax = Double.NEGATIVE_INFINITY;
                for (int k = 0, j = 0; k < n; k++, j += 3) {
                    final double ek = slot[j];
                    e[k] = ek;
                    w[k] = slot[j + 1];
                    own[k] = slot[j + 2];
                    eMin = Math.min(eMin, ek);
                    eMax = Math.max(eMax, ek);
                }
                if (grid && !direct) touch(s, eMin, eMax);
                if (scaled) {
                    final long[] st = bStamp[s];
                    for (int k = 0; k < n; k++) {
                        fT[k] = scale.factor(st[k], asOf);
                        fCreate[k] = grid ? scale.factor(st[k], colStart[c + 1]) : 1;
                    }
                }
                for (int t = nt - 1; t >= 0; t--) sweepTier(s, t, n);
                bSize[s] = 0;
            }
        }

        /**
         * One side and tier of the batch. A level that dies in its own column is skipped; one that a later column
         * clears adds its notional to the current column's new levels, and to that column's straddle when it lies
         * in the bucket of that column's extreme (the only case where buildGrid cannot tell it from the levels the
         * column leaves alive); a survivor goes to the map, unless it lies beyond the final price.
         */
        private void sweepTier(final int s, final int t, final int n) {
            final double sg = sign[s], dn = down[s], u = up[s][t], sh = share[t], beyond = signedPrice[s];
            final double[] e = this.e, notional = this.w, own = this.own, q = this.q, v = stackValue[s];
            final double[] tier = byTier[s][t];
            final int nb = this.nb, top = stackSize[s] - 1;
            final double lo = this.lo, perUnit = this.perUnit;
            final boolean scaled = this.scaled, grid = this.grid, last = c == nc - 1;
            // without a heatmap the stack stays empty and nothing is cleared in a later column
            final double deepest = top >= 0 ? v[0] : Double.POSITIVE_INFINITY;
            final double[] add = addRow[s], straddle = this.straddle[s];
            final double[] deepestIn = this.deepestIn[s];
            final int[] inBucket = this.inBucket[s], deepestColumn = this.deepestColumn[s], cols = stackColumn[s];
            // direct: the column's new levels are recorded, not added (unscaled models only)
            final int[] recB = recBucket[s];
            final double[] recW = recNotional[s];
            int nr = nRec[s];
            // the tier's liquidation prices, as sign * price, in a loop the JIT vectorises (one division each)
            for (int k = 0; k < n; k++) q[k] = sg * (e[k] * u / dn);
            int h = hint[s][t];
            double tot = 0;
            for (int k = 0; k < n; k++) {
                final double qk = q[k];
                if (own[k] <= qk) continue;                        // cleared in its own column
                final double p = sg * qk;
                final double w = notional[k] * sh;
                final double x = (p - lo) * perUnit;
                final int b = x >= 0 && x < nb ? (int) x : -1;
                if (deepest <= qk) {                               // cleared in a later column
                    if (b >= 0) {
                        if (!direct) add[b] += scaled ? w * fCreate[k] : w;
                        else { recB[nr] = b; recW[nr++] = w; }
                        if (deepestIn[b] <= qk) {
                            // the clearing column's extreme is in this bucket: the deepest record there reaches the
                            // level, and the clearing column is the nearest that does
                            int cj = deepestColumn[b];
                            if (inBucket[b] > 1) {
                                final int kk = lastAtOrBelow(v, top, h, qk);
                                h = kk;
                                cj = cols[kk];
                            }
                            straddle[cj] += scaled ? w * scale.factor(bStamp[s][k], colStart[cj + 1]) : w;
                        }
                    }
                } else {
                    final double ft = scaled ? fT[k] : 1;
                    if (qk >= beyond) {                             // beyond the final price: cleared at T
                        if (grid && b >= 0 && !last) {
                            if (!direct) add[b] += scaled ? w * fCreate[k] : w;
                            else { recB[nr] = b; recW[nr++] = w; }
                            if (b == finalBucket) straddle[nc] += w * ft;
                        }
                    } else {
                        if (grid && b >= 0) {
                            if (!direct) add[b] += scaled ? w * fCreate[k] : w;
                            else { recB[nr] = b; recW[nr++] = w; }
                        }
                        final double wT = w * ft;
                        tot += wT;
                        if (b >= 0) tier[b] += wT;
                    }
                }
            }
            hint[s][t] = h;
            total[s] += tot;
            if (direct) nRec[s] = nr;
        }

        /**
         * The batch of side s when it is small (a short column's few openings; unscaled models): the same levels,
         * fates and sums as {@link #sweepTier} for each tier from the last to the first, in one loop over the
         * openings with the tiers inside, so that a column costs one call and no per-tier loop set-up, and each
         * tier's span of new levels is widened by the buckets it actually touches (no {@link #touch}). Each map
         * bucket and each tier's total receive the same additions in the same order as there (a tier's levels in
         * the order of the openings, the tiers' totals added last to first), so the map is bit for bit the same;
         * only the grid's straddles are summed in another order.
         */
        private void sweepSmall(final int s, final int n) {
            final double sg = sign[s], dn = down[s], beyond = signedPrice[s];
            final double[] u = up[s], slot = bSlot[s], v = stackValue[s], tots = this.tots, share = this.share;
            final double[][] tiers = byTier[s];
            final int nt = this.nt, nb = this.nb, top = stackSize[s] - 1;
            final double lo = this.lo, perUnit = this.perUnit;
            final boolean last = c == nc - 1, adds = !direct;
            final double deepest = top >= 0 ? v[0] : Double.POSITIVE_INFINITY;
            final int[] hints = hint[s], los = addLo[s], his = addHi[s];
            final double[] add = addRow[s], straddle = this.straddle[s], deepestIn = this.deepestIn[s];
            final int[] inBucket = this.inBucket[s], deepestColumn = this.deepestColumn[s], cols = stackColumn[s];
            final int[] recB = recBucket[s];
            final double[] recW = recNotional[s];
            int nr = nRec[s];
            for (int t = 0; t < nt; t++) tots[t] = 0;
            for (int k = 0, j = 0; k < n; k++, j += 3) {
                final double ek = slot[j], wk = slot[j + 1], ownk = slot[j + 2];
                for (int t = nt - 1; t >= 0; t--) {
                    final double qk = sg * (ek * u[t] / dn);
                    if (ownk <= qk) continue;                      // cleared in its own column
                    final double p = sg * qk;
                    final double w = wk * share[t];
                    final double x = (p - lo) * perUnit;
                    final int b = x >= 0 && x < nb ? (int) x : -1;
                    if (b >= 0 && !(last && deepest > qk && qk >= beyond)) {
                        // a new level of the column, except one of the last column beyond the final price
                        if (adds) {
                            add[b] += w;
                            if (b < los[t]) los[t] = b;
                            if (b > his[t]) his[t] = b;
                        } else {
                            recB[nr] = b;
                            recW[nr++] = w;
                        }
                    }
                    if (deepest <= qk) {                           // cleared in a later column
                        if (b >= 0 && deepestIn[b] <= qk) {
                            int cj = deepestColumn[b];
                            if (inBucket[b] > 1) {
                                final int kk = lastAtOrBelow(v, top, hints[t], qk);
                                hints[t] = kk;
                                cj = cols[kk];
                            }
                            straddle[cj] += w;
                        }
                    } else if (qk >= beyond) {                     // beyond the final price: cleared at T
                        if (b >= 0 && !last && b == finalBucket) straddle[nc] += w;
                    } else {
                        tots[t] += w;
                        if (b >= 0) tiers[t][b] += w;
                    }
                }
            }
            for (int t = nt - 1; t >= 0; t--) total[s] += tots[t];
            if (!adds) nRec[s] = nr;
        }

        /** The bucket of price p, or -1 below the buckets and nb above them (the same arithmetic as a level's). */
        private int bucketClamped(final double p) {
            final double x = (p - lo) * perUnit;
            return x < 0 ? -1 : x >= nb ? nb : (int) x;
        }

        /** Widens each tier's span of new levels of side s in the current column by entries in [eMin, eMax]. */
        private void touch(final int s, final double eMin, final double eMax) {
            if (!(eMin <= eMax)) return;
            for (int t = 0; t < nt; t++) {
                // a level's price e * u / dn rises with e, and so does its bucket
                final int bl = Math.max(0, bucketClamped(eMin * up[s][t] / down[s]));
                final int bh = Math.min(nb - 1, bucketClamped(eMax * up[s][t] / down[s]));
                if (bl > bh) continue;
                if (bl < addLo[s][t]) addLo[s][t] = bl;
                if (bh > addHi[s][t]) addHi[s][t] = bh;
            }
        }

        /** Column c's record entry leaves the stack of side s: its extreme's bucket no longer holds one. */
        private void leaveBucket(final int s, final int column) {
            final int bm = extBucket[s][column];
            // entries leave from the top, so the bucket's deepest is the last of them to go
            if (bm >= 0 && bm < nb && --inBucket[s][bm] == 0) deepestIn[s][bm] = Double.POSITIVE_INFINITY;
        }

        /**
         * Packs the current column's new levels, per side, as the union of the tiers' spans, and clears them.
         * Tiers are in order of leverage, so long spans rise with the tier and short spans fall: one pass in
         * that order merges the spans that overlap or touch. (Where the buckets' edge cuts spans out of order, a
         * span may be packed twice; its second copy is zeros, as packing clears what it took.)
         */
        private void closeColumn() {
            for (int s = 0; s < 2; s++) {
                final int[] los = addLo[s], his = addHi[s];
                final int first = segments[s];
                int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
                for (int i = 0; i < nt; i++) {
                    final int t = s == LONG ? i : nt - 1 - i;
                    final int l = los[t], h = his[t];
                    if (l > h) continue;
                    los[t] = Integer.MAX_VALUE;
                    his[t] = Integer.MIN_VALUE;
                    if (lo <= hi && l <= hi + 1 && h >= lo - 1) {
                        if (l < lo) lo = l;
                        if (h > hi) hi = h;
                        continue;
                    }
                    if (lo <= hi) appendSegment(s, lo, hi);
                    lo = l;
                    hi = h;
                }
                if (lo <= hi) appendSegment(s, lo, hi);
                colSeg[s][c] = first;
                colSegs[s][c] = segments[s] - first;
            }
        }

        /** Moves buckets lo..hi of side s's new levels into the packed segments. */
        private void appendSegment(final int s, final int lo, final int hi) {
            final int len = hi - lo + 1, at = segSize[s], j = 3 * segments[s];
            if (at + len > segData[s].length) {
                segData[s] = java.util.Arrays.copyOf(segData[s], Math.max(at + len, 2 * segData[s].length));
            }
            if (j + 3 > segment[s].length) segment[s] = java.util.Arrays.copyOf(segment[s], 2 * segment[s].length);
            // spans are short (a few buckets): one loop, rather than a copy and a fill
            final double[] from = addRow[s], to = segData[s];
            for (int k = 0; k < len; k++) {
                to[at + k] = from[lo + k];
                from[lo + k] = 0;
            }
            segment[s][j] = lo;
            segment[s][j + 1] = len;
            segment[s][j + 2] = at;
            segments[s]++;
            segSize[s] = at + len;
        }

        /**
         * Writes the heatmap, column by column from the first, each row once, and returns its maximum. It carries
         * the surviving notional per bucket of each side, in {@code double}. A column's low clears every long
         * level above it, so every long bucket above the low's bucket empties; in the low's own bucket the levels
         * at or above the low go, and the sweep summed exactly those (the straddle). Then the column's new levels
         * join, and the row is the two sides' sum, rounded to {@code float}. Shorts mirror this below the high.
         * The last column then clears the levels beyond the final price the same way. For scaled models every
         * value is kept at the scale of its column's end.
         *
         * <p>A row is the previous one plus changes, and the changes are few: the spans a clearing empties, the
         * extreme's bucket, the new levels' segments. So a row is a clone of the previous row (still in the cache;
         * a clone is not zeroed before it is filled, as a new array is) with just the changed buckets written
         * again, each exactly as a full rewrite would ({@code (float) (vl[b] + vs[b])}), and the maximum is taken
         * over the cells written (a copied cell was counted in the row that wrote it). A column that changes
         * nothing shares the previous row. Only a scaled model's column whose factor is not 1 changes every live
         * bucket, and is written whole.
         */
        private double buildGrid(final float[][] g) {
            final double[] vl = new double[nb], vs = new double[nb];
            // long values may be non-zero only in [0, topL], short ones only in [botS, nb)
            int topL = -1, botS = nb;
            float max = 0;
            for (int col = 0; col < nc; col++) {
                boolean whole = false;
                nDirty = 0;
                if (scaled) {
                    final double r = scale.factor(colStart[col], colStart[col + 1]);
                    if (r != 1.0) {
                        for (int b = 0; b <= topL; b++) vl[b] *= r;
                        for (int b = botS; b < nb; b++) vs[b] *= r;
                        whole = true;
                    }
                }
                topL = clearAbove(vl, topL, extBucket[LONG][col], straddle[LONG][col]);
                botS = clearBelow(vs, botS, extBucket[SHORT][col], straddle[SHORT][col]);
                final int hiL, loS;
                // direct: the column's recorded levels of each side, [fromL, toL) and [fromS, toS)
                final int fromL = direct && col < nc - 1 ? recTo[LONG][col + 1] : 0, toL = direct ? recTo[LONG][col] : 0;
                final int fromS = direct && col < nc - 1 ? recTo[SHORT][col + 1] : 0, toS = direct ? recTo[SHORT][col] : 0;
                if (direct) {
                    hiL = addRecorded(LONG, fromL, toL, vl);
                    loS = addRecorded(SHORT, fromS, toS, vs);
                } else {
                    hiL = addSegments(LONG, col, vl);
                    loS = addSegments(SHORT, col, vs);
                }
                if (hiL > topL) topL = hiL;
                if (loS < botS) botS = loS;
                if (col == nc - 1) {
                    topL = clearAbove(vl, topL, finalBucket, straddle[LONG][nc]);
                    botS = clearBelow(vs, botS, finalBucket, straddle[SHORT][nc]);
                }
                if (whole) {
                    final float[] row = new float[nb];
                    for (int b = 0; b < nb; b++) {
                        final float x = (float) (vl[b] + vs[b]);
                        row[b] = x;
                        if (x > max) max = x;
                    }
                    g[col] = row;
                    continue;
                }
                if (col > 0 && nDirty == 0 && fromL == toL && fromS == toS) {
                    g[col] = g[col - 1];                                  // nothing changed: the same row
                    continue;
                }
                // a clone is filled from the previous row without being zeroed first; row 0's previous is the zeros
                final float[] row = col > 0 ? g[col - 1].clone() : new float[nb];
                final int[] dirty = this.dirty;
                for (int i = 0, n = 2 * nDirty; i < n; i += 2) {
                    for (int b = dirty[i], to = dirty[i + 1]; b < to; b++) {
                        final float x = (float) (vl[b] + vs[b]);
                        row[b] = x;
                        if (x > max) max = x;
                    }
                }
                if (direct) {
                    // the buckets of the column's new levels (a bucket may be written more than once: the same value)
                    for (int side = 0; side < 2; side++) {
                        final int[] rb = recBucket[side];
                        for (int i = side == LONG ? fromL : fromS, to = side == LONG ? toL : toS; i < to; i++) {
                            final int b = rb[i];
                            final float x = (float) (vl[b] + vs[b]);
                            row[b] = x;
                            if (x > max) max = x;
                        }
                    }
                }
                g[col] = row;
            }
            return max;
        }

        /**
         * Adds the recorded new levels {@code [from, to)} of side s into v (direct: the sweep recorded each level
         * of the column that enters the grid); returns the highest bucket touched for longs, the lowest for shorts
         * (-1 and nb when there are none).
         */
        private int addRecorded(final int s, final int from, final int to, final double[] v) {
            final int[] rb = recBucket[s];
            final double[] rw = recNotional[s];
            int lowest = nb, highest = -1;
            for (int i = from; i < to; i++) {
                final int b = rb[i];
                v[b] += rw[i];
                if (b > highest) highest = b;
                if (b < lowest) lowest = b;
            }
            return s == LONG ? highest : lowest;
        }

        /** Buckets [from, to) of the current column changed: buildGrid writes them again. */
        private void changed(final int from, final int to) {
            if (2 * nDirty + 2 > dirty.length) dirty = java.util.Arrays.copyOf(dirty, 2 * dirty.length);
            dirty[2 * nDirty] = from;
            dirty[2 * nDirty + 1] = to;
            nDirty++;
        }

        /**
         * Adds column col's new levels of side s into v; returns the highest bucket touched for longs, the lowest
         * for shorts (-1 and nb when there are none).
         */
        private int addSegments(final int s, final int col, final double[] v) {
            final int[] seg = segment[s];
            final double[] data = segData[s];
            int lowest = nb, highest = -1;
            for (int i = colSeg[s][col], end = i + colSegs[s][col]; i < end; i++) {
                final int from = seg[3 * i], len = seg[3 * i + 1], at = seg[3 * i + 2];
                for (int k = 0; k < len; k++) v[from + k] += data[at + k];
                changed(from, from + len);
                lowest = Math.min(lowest, from);
                highest = Math.max(highest, from + len - 1);
            }
            return s == LONG ? highest : lowest;
        }

        /**
         * Long levels, clearing by an extreme in bucket bm: every bucket above bm empties; bucket bm loses the
         * straddle sum. Returns the new top; the buckets changed are {@link #changed marked}.
         */
        private int clearAbove(final double[] v, int top, final int bm, final double straddle) {
            if (bm == NONE) return top;
            if (bm < top) {
                final int from = Math.max(bm + 1, 0);
                java.util.Arrays.fill(v, from, top + 1, 0);
                changed(from, top + 1);
                top = bm;
            }
            if (bm >= 0 && bm < nb && straddle != 0) {
                v[bm] = remainder(v[bm], straddle);
                changed(bm, bm + 1);
            }
            return top;
        }

        /** Short levels, clearing by an extreme in bucket bm: every bucket below bm empties. Returns the new bottom. */
        private int clearBelow(final double[] v, int bottom, final int bm, final double straddle) {
            if (bm == NONE) return bottom;
            if (bm > bottom) {
                final int to = Math.min(bm, nb);
                java.util.Arrays.fill(v, bottom, to, 0);
                changed(bottom, to);
                bottom = bm;
            }
            if (bm >= 0 && bm < nb && straddle != 0) {
                v[bm] = remainder(v[bm], straddle);
                changed(bm, bm + 1);
            }
            return bottom;
        }
    }

    /**
     * Every level with its exact clearing event: the same backward pass, with the monotonic stacks over
     * events (record lows and negated record highs of the events after the current one) instead of columns.
     */
    static void levels(Plan pl, LevelTable table) {
        final int from = pl.from, to = pl.to, n = to - from;
        final double[] lows = pl.lows, highs = pl.highs;
        final double price = pl.price;
        final long asOf = pl.asOf;
        final WeightScale scale = pl.scale;
        final int nt = pl.ladder.size();
        final double[] upLong = new double[nt], upShort = new double[nt], share = new double[nt];
        final double downLong = pl.rule.denominator(Side.LONG, pl.mmr), downShort = pl.rule.denominator(Side.SHORT, pl.mmr);
        for (int t = 0; t < nt; t++) {
            upLong[t] = pl.rule.numerator(Side.LONG, pl.ladder.leverage(t), pl.mmr);
            upShort[t] = pl.rule.numerator(Side.SHORT, pl.ladder.leverage(t), pl.mmr);
            share[t] = pl.ladder.weight(t);
        }
        final double[] lv = new double[Math.max(1, n)], sv = new double[Math.max(1, n)];
        final int[] li = new int[Math.max(1, n)], si = new int[Math.max(1, n)];
        int ls = 0, ss = 0;
        final int chunk = Math.min(CHUNK, Math.max(1, n));
        final double[] ent = new double[chunk], lon = new double[chunk], sho = new double[chunk];
        for (int ce = to; ce > from; ) {
            final int cs = Math.max(from, ce - chunk);
            pl.checkCancelled();
            pl.run.openings(cs, ce, ent, lon, sho);
            for (int i = ce - 1; i >= cs; i--) {
                final long stamp = pl.stamp(i);
                final int k = i - cs;
                for (int side = 0; side < 2; side++) {
                    final boolean isLong = side == 0;
                    final double notional = isLong ? lon[k] : sho[k];
                    if (!(notional > 0)) continue;
                    final double fT = scale.factor(stamp, asOf);
                    int hiK = (isLong ? ls : ss) - 1;
                    for (int t = nt - 1; t >= 0; t--) {
                        final double p = isLong ? ent[k] * upLong[t] / downLong : ent[k] * upShort[t] / downShort;
                        final double w = notional * share[t];
                        final double[] v = isLong ? lv : sv;
                        final double q = isLong ? p : -p;
                        int kk = -1;
                        if (hiK >= 0 && v[0] <= q) {
                            kk = lastAtOrBelow(v, hiK, q);
                            hiK = kk;
                        } else {
                            hiK = -1;
                        }
                        if (kk >= 0) {
                            int j = isLong ? li[kk] : si[kk];
                            table.add(isLong, t, p, w, i, stamp, j, pl.stamp(j), 0);
                        } else if (isLong ? p >= price : p <= price) {
                            table.add(isLong, t, p, w, i, stamp, LevelTable.CLEARED_AT_AS_OF, asOf, 0);
                        } else {
                            table.add(isLong, t, p, w, i, stamp, LevelTable.SURVIVES, Long.MAX_VALUE, w * fT);
                        }
                    }
                }
                final double low = lows[i], negHigh = -highs[i];
                while (ls > 0 && lv[ls - 1] >= low) ls--;
                lv[ls] = low;
                li[ls++] = i;
                while (ss > 0 && sv[ss - 1] >= negHigh) ss--;
                sv[ss] = negHigh;
                si[ss++] = i;
            }
            ce = cs;
        }
    }

    // Branch-free selects for the staging loop. C2 compiles a comparison of doubles, or a select of doubles,
    // that feeds further logic into a branch; when the outcome is a coin flip (the taker's side; whether a trade
    // repeats the previous price) the mispredictions cost more than the whole loop otherwise does. These are
    // plain integer arithmetic instead.

    /** 1 if {@code x > 0}, else 0 (also for NaN). */
    static int positive(double x) {
        final long b = Double.doubleToRawLongBits(x);
        // -b is negative iff b > 0 (b = -0.0 aside, which the second factor rules out); b - (+inf + 1) is
        // negative iff b <= +inf, which rules out NaNs and, by wrapping around, every negative value
        return (int) ((-b & (b - 0x7FF0_0000_0000_0001L)) >>> 63);
    }

    /** 1 if {@code a == b}, else 0. */
    static int equal(long a, long b) {
        final long d = a ^ b;
        return (int) (((d | -d) >>> 63) ^ 1);
    }

    /** {@code x} where flag is 1, +0.0 where it is 0. */
    static double keep(double x, int flag) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & -(long) flag);
    }

    /** {@code a} where flag is 1, {@code b} where it is 0. */
    static int select(int flag, int a, int b) {
        return b + ((a - b) & -flag);
    }

    /**
     * The largest k in [0, hi] with {@code v[k] <= p}, given {@code v[0] <= p} and v strictly increasing:
     * gallop from {@code hint} (clamped into [0, hi]) towards the answer, then bisect. O(log distance).
     */
    static int lastAtOrBelow(double[] v, int hi, int hint, double p) {
        int h = hint >= hi ? hi : Math.max(hint, 0);
        if (!(v[h] <= p)) return lastAtOrBelow(v, h, p);
        if (h == hi || v[h + 1] > p) return h;
        int good = h + 1, bad, step = 2;
        while (true) {
            int probe = h + step;
            if (probe >= hi) {
                if (v[hi] <= p) return hi;
                bad = hi;
                break;
            }
            if (v[probe] > p) { bad = probe; break; }
            good = probe;
            step <<= 1;
        }
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (v[mid] <= p) good = mid; else bad = mid;
        }
        return good;
    }

    /**
     * The largest k in [0, hi] with {@code v[k] <= p}, given {@code v[0] <= p} and v strictly increasing:
     * gallop down from hi, then bisect.
     */
    static int lastAtOrBelow(double[] v, int hi, double p) {
        if (v[hi] <= p) return hi;
        int bad = hi, good, step = 1;
        while (true) {
            int probe = hi - step;
            if (probe <= 0) { good = 0; break; }
            if (v[probe] <= p) { good = probe; break; }
            bad = probe;
            step <<= 1;
        }
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (v[mid] <= p) good = mid; else bad = mid;
        }
        return good;
    }

    /**
     * What a bucket keeps when {@code cleared} of its {@code value} goes: 0 when nothing but rounding would be
     * left (a remainder under 1e-12 of the value, as a bucket whose levels all went leaves), never negative.
     */
    static double remainder(double value, double cleared) {
        final double r = value - cleared;
        return r > 1e-12 * value ? r : 0;
    }
}
