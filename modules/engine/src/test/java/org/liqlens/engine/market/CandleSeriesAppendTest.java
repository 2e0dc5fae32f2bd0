package org.liqlens.engine.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandleSeriesAppendTest {
    private static final long M = 60_000L;

    /** Candle k: open 100 + k, close 101 + k, high close + 1, low open - 1, volumes k-dependent. */
    private static CandleSeries add(CandleSeries s, int k) {
        return s.append(k * M, 100 + k, 102 + k, 99 + k, 101 + k, k, 10.0 * k, 5.0 * k);
    }

    private static CandleSeries.Builder add(CandleSeries.Builder b, int k) {
        return b.add(k * M, 100 + k, 102 + k, 99 + k, 101 + k, k, 10.0 * k, 5.0 * k);
    }

    private static void assertSameRows(CandleSeries expected, CandleSeries actual) {
        int n = expected.size();
        assertEquals(n, actual.size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected.openTime(i), actual.openTime(i), "open time " + i);
            assertEquals(expected.open(i), actual.open(i));
            assertEquals(expected.high(i), actual.high(i));
            assertEquals(expected.low(i), actual.low(i));
            assertEquals(expected.close(i), actual.close(i));
            assertEquals(expected.volume(i), actual.volume(i));
            assertEquals(expected.quoteVolume(i), actual.quoteVolume(i));
            assertEquals(expected.takerBuyQuoteVolume(i), actual.takerBuyQuoteVolume(i));
        }
    }

    @Test
    void appendingGivesTheSeriesABuilderWouldHaveMade() {
        CandleSeries.Builder b = CandleSeries.builder("BTCUSDT", M);
        for (int k = 0; k < 3; k++) add(b, k);
        CandleSeries s = b.build();
        CandleSeries.Builder all = CandleSeries.builder("BTCUSDT", M);
        for (int k = 0; k < 100; k++) add(all, k);
        for (int k = 3; k < 100; k++) s = add(s, k);
        assertSameRows(all.build(), s);
        assertEquals(99 * M, s.openTime(99));
        assertEquals(99 * M + M - 1, s.lastCloseTime());
        assertEquals(50, s.firstIndexOpenAtOrAfter(50 * M), "binary search sees only the series' own rows");
        assertEquals(100, s.firstIndexOpenAtOrAfter(Long.MAX_VALUE));
        assertSameRows(all.build().slice(40, 60), s.slice(40, 60));
    }

    @Test
    void anAppendCopiesOnlyWhenTheColumnsAreFull() {
        CandleSeries s = add(CandleSeries.builder("X", M).build(), 0);   // grows to spare capacity
        long[] columns = s.openTimes();
        int copies = 0;
        for (int k = 1; k < 1000; k++) {
            CandleSeries next = add(s, k);
            if (next.openTimes() != s.openTimes()) copies++;
            s = next;
        }
        // Doubling from 16: copies at 16, 34, 70, 142, 286, 574 rows, then none up to 1,000.
        assertTrue(copies <= 7, copies + " copies for 1,000 appends");
        assertTrue(s.openTimes().length >= s.size());
        assertNotSame(columns, s.openTimes());
    }

    @Test
    void earlierSeriesAreNotChangedByLaterAppends() {
        CandleSeries base = add(add(CandleSeries.builder("X", M).build(), 0), 1);
        CandleSeries one = add(base, 2);
        assertSame(base.openTimes(), one.openTimes(), "the first append after base writes into base's spare row");
        // A second, different continuation of the same base must not overwrite the first one's row.
        CandleSeries other = base.append(5 * M, 50, 60, 40, 55, 1, 1, 1);
        assertNotSame(base.openTimes(), other.openTimes());
        assertEquals(2, base.size());
        assertEquals(3, one.size());
        assertEquals(2 * M, one.openTime(2));
        assertEquals(101 + 2, one.close(2));
        assertEquals(5 * M, other.openTime(2));
        assertEquals(55, other.close(2));
        // Both continuations go on growing independently.
        CandleSeries oneMore = add(one, 3);
        CandleSeries otherMore = other.append(6 * M, 55, 56, 54, 55.5, 1, 1, 1);
        assertArrayEquals(new long[] {0, M, 2 * M, 3 * M}, java.util.Arrays.copyOf(oneMore.openTimes(), 4));
        assertArrayEquals(new long[] {0, M, 5 * M, 6 * M}, java.util.Arrays.copyOf(otherMore.openTimes(), 4));
    }

    @Test
    void aRejectedCandleLeavesTheSpareRowToTheNextAppend() {
        CandleSeries s = add(add(CandleSeries.builder("X", M).build(), 0), 1);
        assertThrows(IllegalArgumentException.class, () -> add(s, 1), "open time not after the last");
        assertThrows(IllegalArgumentException.class, () -> s.append(2 * M, 10, 9, 8, 9.5, 1, 1, 1), "high below open");
        assertThrows(IllegalArgumentException.class, () -> s.append(2 * M, -1, 9, -2, 1, 1, 1, 1), "negative price");
        CandleSeries next = add(s, 2);
        assertSame(s.openTimes(), next.openTimes(), "the failed appends claimed nothing");
    }

    @Test
    void appendingToAnEmptySeriesWorks() {
        CandleSeries s = CandleSeries.builder("X", M, 0).build().append(7 * M, 1, 2, 0.5, 1.5, 1, 1, Double.NaN);
        assertEquals(1, s.size());
        assertEquals(7 * M, s.firstOpenTime());
        assertTrue(Double.isNaN(s.takerBuyQuoteVolume(0)));
    }
}
