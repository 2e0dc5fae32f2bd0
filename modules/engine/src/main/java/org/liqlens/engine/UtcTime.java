package org.liqlens.engine;

/**
 * Instants in epoch milliseconds as UTC text, the calendar worked out by hand (proleptic Gregorian, as java.time)
 * for the years 0 to 9999. The command line's JSON times and the charts' titles and time axis use it instead of
 * java.time's and java.text's formatters: their first use starts the JDK's locale data and pattern machinery, tens
 * of milliseconds of a cold command-line run, on the path of its answer or of its picture. Instants outside those
 * years go to java.time ({@link #iso}, {@link #minute}); the short axis labels take any instant.
 */
public final class UtcTime {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the instants whose year has four digits. */
    static final long FIRST_MS = -62_167_219_200_000L, LAST_MS = 253_402_300_799_999L;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final long year;
    private final int month, day, msOfDay;

    private UtcTime(long epochMs) {
        long days = Math.floorDiv(epochMs, 86_400_000L);
        msOfDay = (int) Math.floorMod(epochMs, 86_400_000L);
        // civil date of a day count (H. Hinnant's days-to-civil algorithm)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        month = (int) (mp < 10 ? mp + 3 : mp - 9);
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    }

    /** What {@link java.time.Instant#toString()} writes: {@code 2026-06-15T00:00:00Z}, {@code 2026-06-15T00:00:00.250Z}. */
    public static String iso(long epochMs) {
        if (epochMs < FIRST_MS || epochMs > LAST_MS) return java.time.Instant.ofEpochMilli(epochMs).toString();
        UtcTime t = new UtcTime(epochMs);
        StringBuilder b = t.date(new StringBuilder(24)).append('T');
        t.hourMinute(b).append(':');
        digits(b, t.msOfDay / 1000 % 60, 2);
        if (t.msOfDay % 1000 != 0) digits(b.append('.'), t.msOfDay % 1000, 3);
        return b.append('Z').toString();
    }

    /**
     * To the minute, {@code 2026-06-15 09:30}: what java.time's pattern {@code yyyy-MM-dd HH:mm} writes (its
     * {@code yyyy} is the year of the era: the year 0 is 1 BC, written 0001).
     */
    public static String minute(long epochMs) {
        if (epochMs < FIRST_MS || epochMs > LAST_MS) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(epochMs));
        }
        UtcTime t = new UtcTime(epochMs);
        StringBuilder b = digits(new StringBuilder(16), (int) t.yearOfEra(), 4).append('-');
        digits(b, t.month, 2).append('-');
        digits(b, t.day, 2).append(' ');
        return t.hourMinute(b).toString();
    }

    /** The time of day, {@code 09:30} ({@code HH:mm}). */
    public static String hourMinute(long epochMs) {
        return new UtcTime(epochMs).hourMinute(new StringBuilder(5)).toString();
    }

    /** Day and month, {@code 5-Jun} ({@code d-MMM}, English month names). */
    public static String dayMonth(long epochMs) {
        UtcTime t = new UtcTime(epochMs);
        return new StringBuilder(6).append(t.day).append('-').append(MONTHS[t.month - 1]).toString();
    }

    /** Day, month and the last two digits of the year of the era, {@code 5-Jun-26} ({@code d-MMM-yy}). */
    public static String dayMonthYear(long epochMs) {
        UtcTime t = new UtcTime(epochMs);
        StringBuilder b = new StringBuilder(9).append(t.day).append('-').append(MONTHS[t.month - 1]).append('-');
        return digits(b, (int) (t.yearOfEra() % 100), 2).toString();
    }

    /** The year as eras count it: 1 BC (the proleptic year 0) is 1, 2 BC is 2. */
    private long yearOfEra() {
        return year > 0 ? year : 1 - year;
    }

    /** {@code yyyy-MM-dd}; for the years 0 to 9999. */
    private StringBuilder date(StringBuilder b) {
        digits(b, (int) year, 4).append('-');
        digits(b, month, 2).append('-');
        return digits(b, day, 2);
    }

    private StringBuilder hourMinute(StringBuilder b) {
        digits(b, msOfDay / 3_600_000, 2).append(':');
        return digits(b, msOfDay / 60_000 % 60, 2);
    }

    /** {@code value} (0 to 9999) with leading zeros to {@code width} (2 to 4) digits. */
    private static StringBuilder digits(StringBuilder b, int value, int width) {
        for (int p = width == 4 ? 1000 : width == 3 ? 100 : 10; p > 1 && value < p; p /= 10) b.append('0');
        return b.append(value);
    }
}
