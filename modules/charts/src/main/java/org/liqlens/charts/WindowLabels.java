package org.liqlens.charts;

/** Formats a look-back window the way analysts write it: 12h, 24h, 3d, 7d, 30d. */
public final class WindowLabels {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private WindowLabels() { }

    public static String format(long windowMs) {
        if (windowMs % DAY == 0 && windowMs >= 2 * DAY) return (windowMs / DAY) + "d";
        if (windowMs % HOUR == 0) return (windowMs / HOUR) + "h";
        return (windowMs / 60_000L) + "m";
    }
}
