package org.liqlens.cli;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link IsoInstant} writes what {@link Instant#toString()} does, character for character. */
class IsoInstantTest {

    private static void assertSameAsJdk(long ms) {
        assertEquals(Instant.ofEpochMilli(ms).toString(), IsoInstant.format(ms), Long.toString(ms));
    }

    @Test
    void edgesAndRandomInstants() {
        long[] edges = {0, 1, -1, 999, 1000, 59_999, 60_000, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000L,
            951_868_800_000L, 1_782_864_000_000L, 4_102_444_800_000L, -62_167_219_200_000L, -62_167_219_200_001L,
            253_402_300_799_999L, 253_402_300_800_000L, Long.MIN_VALUE / 1000, Long.MAX_VALUE / 1000};
        for (long ms : edges) assertSameAsJdk(ms);
        Random r = new Random(3);
        for (int i = 0; i < 1_000_000; i++) {
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
    void instantBoundsAreTheDatesTheySay() {
        assertEquals(Instant.parse("2009-01-01T00:00:00Z"), CliArguments.EARLIEST);
        assertEquals(Instant.parse("2100-01-01T00:00:00Z"), CliArguments.LATEST);
    }
}
