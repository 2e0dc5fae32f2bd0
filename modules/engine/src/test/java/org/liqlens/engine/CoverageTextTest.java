package org.liqlens.engine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The coverage's words are written without {@code String.format} and {@code Instant.toString} (a cold command line
 * paid tens of ms for the formatter and java.time's, just to warn): the text is still theirs, character for
 * character, checked here against them.
 */
class CoverageTextTest {

    @Test
    void fixedIsTheFormattersRounding() {
        Random r = new Random(1412);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * 100;
                case 1 -> Math.round(r.nextDouble() * 20_000) / 200.0;     // ties at the second place: x.xx5
                case 2 -> Math.round(r.nextDouble() * 2_000) / 20.0;      // ties at the first place: x.x5
                default -> r.nextDouble() * Math.pow(10, -r.nextInt(12));  // small shares, as Double.toString's E notation
            };
            assertEquals(String.format(Locale.ROOT, "%.1f", v), Coverage.fixed(v, 1), "%.1f of " + v);
            assertEquals(String.format(Locale.ROOT, "%.2f", v), Coverage.fixed(v, 2), "%.2f of " + v);
        }
        for (double v : new double[] {0, Double.MIN_VALUE, 0.05, 0.15, 0.25, 0.35, 0.45, 99.95, 99.85, 99.99, 99.9, 99.995, 1e-3, 9.5e-4}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", v), Coverage.fixed(v, 1), "%.1f of " + v);
            assertEquals(String.format(Locale.ROOT, "%.2f", v), Coverage.fixed(v, 2), "%.2f of " + v);
        }
    }

    @Test
    void groupedIsTheFormattersGrouping() {
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long n = i % 2 == 0 ? r.nextLong() >> r.nextInt(64) : r.nextInt(2_000_000) - 1_000_000;
            assertEquals(String.format(Locale.ROOT, "%,d", n), Coverage.grouped(n), "%,d of " + n);
        }
        for (long n : new long[] {0, 999, 1000, -1000, 100_000, 1_000_000, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Coverage.grouped(n), "%,d of " + n);
        }
    }

    /** The words as they were written before, with the formatter and java.time: the oracle. */
    private static String describedAsBefore(Coverage c) {
        if (c.present() == 0) {
            return "no data in the window " + Instant.ofEpochMilli(c.windowStartMs()) + " .. " + Instant.ofEpochMilli(c.asOfMs());
        }
        double p = c.fraction() * 100;
        String percent = c.isComplete() ? "100 %"
                : String.format(Locale.ROOT, p >= 99 ? "%.2f %%" : "%.1f %%", Math.min(p, p >= 99 ? 99.99 : 99.9));
        StringBuilder b = new StringBuilder();
        b.append("the data covers ").append(percent).append(" of the window (")
                .append(Instant.ofEpochMilli(c.firstMs())).append(" .. ").append(Instant.ofEpochMilli(c.lastMs())).append(')');
        if (!c.isComplete()) {
            b.append(String.format(Locale.ROOT, "; %,d minutes missing in %,d gap%s", c.missingMinutes(), c.gapCount(),
                    c.gapCount() == 1 ? "" : "s"));
            if (c.firstMs() - c.windowStartMs() >= c.stepMs()) {
                b.append(String.format(Locale.ROOT, ", %,d before the first candle", (c.firstMs() - c.windowStartMs()) / 60_000L));
            }
            if (c.minutesAfterData() > 0) {
                b.append(String.format(Locale.ROOT, ", %,d after the last, before the as-of time", c.minutesAfterData()));
            }
        }
        return b.toString();
    }

    @Test
    void describeSaysWhatItSaidBefore() {
        Random r = new Random(2026);
        long minute = 60_000L;
        for (int i = 0; i < 50_000; i++) {
            long step = i % 3 == 0 ? 5 * minute : minute;
            long expected = 1 + r.nextInt(i % 5 == 0 ? 600_000 : 5_000);
            long start = 1_700_000_000_000L + r.nextInt(1_000_000) * minute + (i % 7 == 0 ? 123 : 0);
            long asOf = start + expected * step;
            long present = i % 11 == 0 ? 0 : i % 4 == 0 ? expected : 1 + (long) (r.nextDouble() * expected);
            long first = present == 0 ? Long.MIN_VALUE : start + (present == expected ? 0 : r.nextInt((int) Math.min(expected - present + 1, 1000))) * step;
            long last = present == 0 ? Long.MIN_VALUE : Math.min(asOf, first + present * step + (present == expected ? 0 : r.nextInt(3) * step));
            int gaps = present == expected ? 0 : 1 + r.nextInt(5000);
            Coverage c = new Coverage(start, asOf, step, expected, present, first, last, List.of(), gaps);
            assertEquals(describedAsBefore(c), c.describe(), c.toString());
        }
    }
}
