package org.liqlens.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What the data behind an estimate covers of its window {@code [start, T)}: which slots (candles, or for a
 * trade-based model the minutes with at least one trade) were there, the first and last used, and the runs
 * of missing ones. A map over a window the data covers only in part is a different map from the one asked
 * for, so every result carries this, and the CLI and the desktop say it whenever it is under 100 %.
 *
 * @param windowStartMs start of the window, T - W
 * @param asOfMs        T, the end of the window (exclusive)
 * @param stepMs        the slot length: the candle interval, or one minute for trades
 * @param expected      the slots that fit wholly in the window
 * @param present       the slots with data
 * @param firstMs       the open time of the first slot with data, or {@link Long#MIN_VALUE} when none
 * @param lastMs        the end (exclusive) of the last slot with data, or {@link Long#MIN_VALUE} when none
 * @param gaps          the first {@value #MAX_GAPS_LISTED} runs of missing slots, in time order
 * @param gapCount      how many runs of missing slots there are in all
 */
public record Coverage(long windowStartMs, long asOfMs, long stepMs, long expected, long present, long firstMs,
                       long lastMs, List<Gap> gaps, int gapCount) {

    /** How many gaps are listed; the count includes the rest. */
    public static final int MAX_GAPS_LISTED = 20;

    /** Missing slots {@code [fromMs, toMs)}. */
    public record Gap(long fromMs, long toMs) {
        public long minutes() {
            return (toMs - fromMs) / 60_000L;
        }
    }

    public Coverage {
        gaps = List.copyOf(gaps);
    }

    /**
     * The coverage of {@code [start, asOf)} by the events {@code times[from..to)} (ascending), each falling in
     * the slot {@code floor(t / step) * step}. Slots are counted once however many events they hold.
     */
    static Coverage of(long[] times, int from, int to, long start, long asOf, long step) {
        long firstSlot = Math.floorDiv(start + step - 1, step) * step;
        long expected = asOf - firstSlot >= step ? (asOf - firstSlot) / step : 0;
        long endOfSlots = firstSlot + expected * step;
        List<Gap> gaps = new ArrayList<>();
        int gapCount = 0;
        long present = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long next = firstSlot; // the first slot not yet accounted for
        for (int i = from; i < to; i++) {
            long slot = Math.floorDiv(times[i], step) * step;
            if (slot < next) continue; // a later event in a slot already counted
            if (slot + step > asOf) break;
            if (slot > next) {
                gapCount++;
                if (gaps.size() < MAX_GAPS_LISTED) gaps.add(new Gap(next, slot));
            }
            if (first == Long.MIN_VALUE) first = slot;
            present++;
            last = slot + step;
            next = slot + step;
        }
        if (next < endOfSlots) {
            gapCount++;
            if (gaps.size() < MAX_GAPS_LISTED) gaps.add(new Gap(next, endOfSlots));
        }
        return new Coverage(start, asOf, step, expected, present, first, last, gaps, gapCount);
    }

    /** The share of the window's slots that have data, 0 to 1. */
    public double fraction() {
        return expected == 0 ? 0 : Math.min(1.0, (double) present / expected);
    }

    public boolean isComplete() {
        return present >= expected && expected > 0;
    }

    /** The window's minutes without data. */
    public long missingMinutes() {
        return Math.max(0, expected - present) * stepMs / 60_000L;
    }

    /** The minutes between the end of the data and T, when the data stops before the window ends. */
    public long minutesAfterData() {
        return lastMs == Long.MIN_VALUE ? (asOfMs - windowStartMs) / 60_000L : Math.max(0, asOfMs - lastMs) / 60_000L;
    }

    /** The share as a person reads it: "100 %", "99.93 %", "10.0 %". */
    public String percent() {
        double p = fraction() * 100;
        if (isComplete()) return "100 %";
        return p >= 99 ? fixed(Math.min(p, 99.99), 2) + " %" : fixed(Math.min(p, 99.9), 1) + " %";
    }

    /**
     * {@code String.format(Locale.ROOT, "%.Nf", v)} for a finite {@code v >= 0}: the shortest decimal of v (what
     * {@code Double.toString} gives) rounded half up to N places, which is how {@code Formatter} rounds. Written out
     * because a format string starts the regex engine and the locale data: tens of ms of a cold command line that
     * prints this warning.
     */
    static String fixed(double v, int places) {
        return new java.math.BigDecimal(Double.toString(v)).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code String.format(Locale.ROOT, "%,d", n)}: thousands grouped with commas. */
    static String grouped(long n) {
        String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) b.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /**
     * One line for a person: what share of the window the data covers, from when to when, how many minutes
     * are missing, and whether the data ends before T. Written for the CLI's warning and the pane's status.
     */
    public String describe() {
        // UtcTime.iso writes what Instant.toString does, without java.time's formatter (as fixed and grouped above)
        if (present == 0) {
            return "no data in the window " + UtcTime.iso(windowStartMs) + " .. " + UtcTime.iso(asOfMs);
        }
        StringBuilder b = new StringBuilder();
        b.append("the data covers ").append(percent()).append(" of the window (")
                .append(UtcTime.iso(firstMs)).append(" .. ").append(UtcTime.iso(lastMs)).append(')');
        if (!isComplete()) {
            b.append("; ").append(grouped(missingMinutes())).append(" minutes missing in ").append(grouped(gapCount))
                    .append(" gap").append(gapCount == 1 ? "" : "s");
            if (firstMs - windowStartMs >= stepMs) {
                b.append(", ").append(grouped((firstMs - windowStartMs) / 60_000L)).append(" before the first candle");
            }
            if (minutesAfterData() > 0) {
                b.append(", ").append(grouped(minutesAfterData())).append(" after the last, before the as-of time");
            }
        }
        return b.toString();
    }
}
