package org.liqlens.cli;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed getters of {@link CliArguments}: exact spans and instants in the accepted range, or a usage error. */
class CliArgumentsTest {
    private static final long DAY = 86_400_000L;

    private static CliArguments options(String... args) {
        return CliArguments.parse("test", args, 0, Set.of());
    }

    @Test
    void windowsUpToFiveYearsAreExact() {
        assertEquals(3 * DAY, CliArguments.parseWindow("3d"));
        assertEquals(12 * 3_600_000L, CliArguments.parseWindow("12h"));
        assertEquals(90 * 60_000L, CliArguments.parseWindow("90m"));
        assertEquals(1830 * DAY, CliArguments.parseWindow("1830d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18014398509481987d", "9223372036854775807m", "99999999999999999999999h", "1831d", "43921h"})
    void windowsThatOverflowOrExceedFiveYearsAreUsageErrors(String window) {
        // 18014398509481987d is 3d plus a multiple of 2^64 ms: with wrapping arithmetic it ran as a 3d window.
        UsageException e = assertThrows(UsageException.class, () -> CliArguments.parseWindow(window));
        assertTrue(e.getMessage().startsWith("--window must be at most 5 years"), e.getMessage());
        assertTrue(e.getMessage().contains(window), e.getMessage());
    }

    @Test
    void malformedWindowsStillSayWhatAWindowLooksLike() {
        for (String window : new String[] {"3", "d", "-3d", "0h", "3w", "3.5d", "+-3d"}) {
            UsageException e = assertThrows(UsageException.class, () -> CliArguments.parseWindow(window), window);
            assertTrue(e.getMessage().startsWith("--window must look like 12h, 24h, 3d, 7d or 30d"), e.getMessage());
        }
    }

    @Test
    void durationsAreExactAndAtMostFiveYears() {
        assertEquals(90_000L, options("--duration", "90s").duration("duration"));
        assertEquals(1830 * DAY, options("--duration", "1830d").duration("duration"));
        // 106751991167d fits in a long (it is about Long.MAX_VALUE ms), and was accepted before.
        for (String d : new String[] {"106751991167d", "1831d", "9223372036854775807s", "18014398509481987d"}) {
            UsageException e = assertThrows(UsageException.class, () -> options("--duration", d).duration("duration"), d);
            assertTrue(e.getMessage().startsWith("--duration must be at most 5 years"), e.getMessage());
        }
        UsageException e = assertThrows(UsageException.class, () -> options("--duration", "10x").duration("duration"));
        assertTrue(e.getMessage().startsWith("--duration must be a positive whole number of s, m, h or d"), e.getMessage());
    }

    @Test
    void instantsAtTheEdgesOfTheAcceptedRangeAreAccepted() {
        assertEquals(CliArguments.EARLIEST.toEpochMilli(), options("--at", "2009-01-01").instant("at"));
        assertEquals(CliArguments.LATEST.toEpochMilli(), options("--at", "2100-01-01T00:00:00Z").instant("at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2008-12-31",
            "2100-01-01T00:00:00.001Z", "+10000-01-01T00:00:00Z"})
    void instantsOutsideTheAcceptedRangeAreUsageErrors(String at) {
        // +999999999-12-31T23:59:59Z parses as an Instant but overflowed in toEpochMilli (ArithmeticException).
        UsageException e = assertThrows(UsageException.class, () -> options("--at", at).instant("at"));
        assertEquals("--at must lie between 2009-01-01 and 2100-01-01, not '" + at + "'", e.getMessage());
    }

    @Test
    void instantBoundsAreTheDatesTheySay() {
        assertEquals(java.time.Instant.parse("2009-01-01T00:00:00Z"), CliArguments.EARLIEST);
        assertEquals(java.time.Instant.parse("2100-01-01T00:00:00Z"), CliArguments.LATEST);
    }
}
