package org.liqlens.cli;

/**
 * Epoch milliseconds as {@link java.time.Instant#toString()} writes them ({@code 2026-06-15T00:00:00Z},
 * {@code 2026-06-15T00:00:00.250Z}), written by hand for the years 0 to 9999: the JDK's formatter starts its whole
 * date-time text machinery on first use, milliseconds of a cold command-line run. Other years go to the JDK.
 */
final class IsoInstant {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z in epoch milliseconds: the years of four digits. */
    private static final long FIRST_MS = -62_167_219_200_000L;
    private static final long LAST_MS = 253_402_300_799_999L;

    private IsoInstant() { }

    static String format(long epochMs) {
        if (epochMs < FIRST_MS || epochMs > LAST_MS) return java.time.Instant.ofEpochMilli(epochMs).toString();
        long days = Math.floorDiv(epochMs, 86_400_000L);
        int msOfDay = (int) Math.floorMod(epochMs, 86_400_000L);
        // civil date of a day count (H. Hinnant's days-to-civil algorithm, proleptic Gregorian)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        StringBuilder b = new StringBuilder(24);
        digits(b, year, 4).append('-');
        digits(b, month, 2).append('-');
        digits(b, day, 2).append('T');
        digits(b, msOfDay / 3_600_000, 2).append(':');
        digits(b, msOfDay / 60_000 % 60, 2).append(':');
        digits(b, msOfDay / 1000 % 60, 2);
        if (msOfDay % 1000 != 0) digits(b.append('.'), msOfDay % 1000, 3);
        return b.append('Z').toString();
    }

    /** {@code value} (not negative) with leading zeros to {@code width} digits. */
    private static StringBuilder digits(StringBuilder b, int value, int width) {
        for (int p = width == 4 ? 1000 : width == 3 ? 100 : 10; p > 1 && value < p; p /= 10) b.append('0');
        return b.append(value);
    }
}
