package org.liqlens.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link UtcTime} writes what java.time's formatters write for the same patterns, character for character. */
class UtcTimeTest {
    private static final DateTimeFormatter MINUTE = pattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HOUR_MINUTE = pattern("HH:mm");
    private static final DateTimeFormatter DAY_MONTH = pattern("d-MMM");
    private static final DateTimeFormatter DAY_MONTH_YEAR = pattern("d-MMM-yy");

    private static DateTimeFormatter pattern(String p) {
        return DateTimeFormatter.ofPattern(p, Locale.ENGLISH).withZone(ZoneOffset.UTC);
    }

    private static void assertSameAsJdk(long ms) {
        String at = Long.toString(ms);
        Instant t = Instant.ofEpochMilli(ms);
        assertEquals(t.toString(), UtcTime.iso(ms), at);
        // java.time writes a sign and more digits for years beyond 9999: the chart labels are for market times
        if (ms >= UtcTime.FIRST_MS && ms <= UtcTime.LAST_MS) {
            assertEquals(MINUTE.format(t), UtcTime.minute(ms), at);
            assertEquals(DAY_MONTH_YEAR.format(t), UtcTime.dayMonthYear(ms), at);
        }
        assertEquals(HOUR_MINUTE.format(t), UtcTime.hourMinute(ms), at);
        assertEquals(DAY_MONTH.format(t), UtcTime.dayMonth(ms), at);
    }

    @Test
    void edgesAndRandomInstants() {
        long[] edges = {0, 1, -1, 999, 1000, 59_999, 60_000, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000L,
            951_868_800_000L, 1_782_864_000_000L, 4_102_444_800_000L, UtcTime.FIRST_MS, UtcTime.FIRST_MS - 1,
            UtcTime.LAST_MS, UtcTime.LAST_MS + 1, Long.MIN_VALUE / 1000, Long.MAX_VALUE / 1000};
        for (long ms : edges) assertSameAsJdk(ms);
        Random r = new Random(3);
        for (int i = 0; i < 400_000; i++) {
            long ms = switch (i % 4) {
                case 0 -> r.nextLong() % 260_000_000_000_000L;                         // any year
                case 1 -> 1_230_768_000_000L + Math.floorMod(r.nextLong(), 2_871_676_800_000L); // 2009..2100
                case 2 -> (1_230_768_000_000L + Math.floorMod(r.nextLong(), 2_871_676_800_000L)) / 60_000 * 60_000; // whole minutes
                default -> r.nextLong() % 400_000_000_000_000L;                         // beyond the four-digit years too
            };
            assertSameAsJdk(ms);
        }
    }

    @Test
    void minuteBeyondFourDigitYearsIsJavaTimes() {
        long ms = UtcTime.LAST_MS + 86_400_000L * 400;
        assertEquals(pattern("yyyy-MM-dd HH:mm").withLocale(Locale.ROOT).format(Instant.ofEpochMilli(ms)), UtcTime.minute(ms));
    }
}
