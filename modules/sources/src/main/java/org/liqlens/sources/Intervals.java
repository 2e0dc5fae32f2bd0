package org.liqlens.sources;

import java.util.Locale;

/** Candle intervals in milliseconds and their common text form ({@code 1m}, {@code 4h}, {@code 1d}, {@code 1w}). */
public final class Intervals {
    public static final long SECOND = 1_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;
    public static final long WEEK = 7 * DAY;

    private Intervals() { }

    /** Parses {@code 1m}, {@code 15m}, {@code 1h}, {@code 1d}, {@code 1w} (also {@code 30s}) to milliseconds. */
    public static long parse(String text) {
        String t = text.trim();
        if (t.length() < 2) {
            throw new IllegalArgumentException("not an interval: '" + text + "' (expected e.g. 1m, 5m, 1h, 1d)");
        }
        char unit = t.charAt(t.length() - 1);
        long n;
        try {
            n = Long.parseLong(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an interval: '" + text + "' (expected e.g. 1m, 5m, 1h, 1d)");
        }
        long unitMs = switch (unit) {
            case 's' -> SECOND;
            case 'm' -> MINUTE;
            case 'h', 'H' -> HOUR;
            case 'd', 'D' -> DAY;
            case 'w', 'W' -> WEEK;
            default -> throw new IllegalArgumentException("not an interval: '" + text
                    + "' (units are s, m, h, d, w; months have no fixed length)");
        };
        if (n <= 0) {
            throw new IllegalArgumentException("interval must be positive: '" + text + "'");
        }
        return Math.multiplyExact(n, unitMs);
    }

    /** The shortest text form: 60000 gives {@code 1m}, 14400000 gives {@code 4h}. */
    public static String format(long ms) {
        if (ms <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + ms);
        }
        if (ms % WEEK == 0) return ms / WEEK + "w";
        if (ms % DAY == 0) return ms / DAY + "d";
        if (ms % HOUR == 0) return ms / HOUR + "h";
        if (ms % MINUTE == 0) return ms / MINUTE + "m";
        if (ms % SECOND == 0) return ms / SECOND + "s";
        return ms + "ms";
    }

    /** {@code t} rounded down to a multiple of {@code intervalMs} (UTC alignment, as every exchange here uses). */
    public static long floor(long t, long intervalMs) {
        return Math.floorDiv(t, intervalMs) * intervalMs;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
