package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.axis.DateAxis;
import org.jfree.data.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.sim.SimulatedMarket;

class CandleViewTest {
    private static final long MINUTE = 60_000L;
    /** Thirty days of 1m candles: 43,200. */
    private static CandleSeries month;

    @BeforeAll
    static void generate() {
        month = SimulatedMarket.generate("BTCUSDT", 1L, SimulatedMarket.DEFAULT_END_MS, 30).candles1m();
    }

    @Test
    void theWholeMonthIsTwoHundredFortyBarsOfOneHundredEightyCandles() {
        DateAxis axis = new DateAxis();
        long start = month.openTime(0), end = month.lastCloseTime() + 1;
        axis.setRange(start, end);
        CandleView view = new CandleView(month, axis, new Range(start, end));
        assertEquals(43_200, month.size());
        assertEquals(180, view.group(), "ceil(43,200 / 240)");
        assertEquals(240, view.getItemCount(0));
        for (int k : new int[] {0, 1, 117, 239}) assertBarIsRun(view, k, k * 180, 180);
    }

    @Test
    void zoomedInTheBarsGetShorterDownToSingleCandles() {
        DateAxis axis = new DateAxis();
        long start = month.openTime(0), end = month.lastCloseTime() + 1;
        CandleView view = new CandleView(month, axis, new Range(start, end));
        // one day in the middle, starting 30 s into candle 14,400: 1,441 candles overlap it
        long dayStart = start + 10 * 1_440 * MINUTE + 30_000;
        axis.setRange(dayStart, dayStart + 1_440 * MINUTE);
        assertEquals(7, view.group(), "ceil(1,441 / 240): candles 14,400 (cut by the left edge) to 15,840 (by the right)");
        int first = 14_400 / 7 - 1;
        for (int k = 0; k < view.getItemCount(0); k++) assertBarIsRun(view, k, (first + k) * 7, 7);
        assertTrue(view.getItemCount(0) <= CandleView.MAX_BARS + 3, "bars: " + view.getItemCount(0));
        assertTrue(view.getXValue(0, 0) < dayStart && view.getXValue(0, view.getItemCount(0) - 1) > dayStart + 1_440 * MINUTE,
                "a bar beyond each edge, so that bars cut by the edge are drawn");

        // two hours: every candle its own bar
        axis.setRange(dayStart, dayStart + 120 * MINUTE);
        assertEquals(1, view.group());
        int firstCandle = 14_400 - 1;
        for (int k = 0; k < view.getItemCount(0); k++) {
            int i = firstCandle + k;
            assertEquals(month.open(i), view.getOpenValue(0, k));
            assertEquals(month.high(i), view.getHighValue(0, k));
            assertEquals(month.low(i), view.getLowValue(0, k));
            assertEquals(month.close(i), view.getCloseValue(0, k));
        }
    }

    @Test
    void panningKeepsTheBarsInPlace() {
        DateAxis axis = new DateAxis();
        long start = month.openTime(0), end = month.lastCloseTime() + 1;
        CandleView view = new CandleView(month, axis, new Range(start, end));
        long span = 3 * 1_440 * MINUTE;
        axis.setRange(start + 5 * span, start + 6 * span);
        int group = view.group();
        java.util.Map<Long, Double> highByTime = new java.util.HashMap<>();
        for (int k = 0; k < view.getItemCount(0); k++) highByTime.put((long) view.getXValue(0, k), view.getHighValue(0, k));
        axis.setRange(start + 5 * span + span * 3 / 100, start + 6 * span + span * 3 / 100);
        assertEquals(group, view.group());
        int shared = 0;
        for (int k = 0; k < view.getItemCount(0); k++) {
            Double before = highByTime.get((long) view.getXValue(0, k));
            if (before != null) {
                shared++;
                assertEquals(before, view.getHighValue(0, k));
            }
        }
        assertTrue(shared > 200, "bars in both views: " + shared);
    }

    @Test
    void autoRangeSeesTheWholeWindowAndTheWholePriceRange() {
        DateAxis axis = new DateAxis();
        long start = month.openTime(0) - 5 * MINUTE, end = month.lastCloseTime() + 1;
        axis.setRange(month.openTime(100), month.openTime(200));
        CandleView view = new CandleView(month, axis, new Range(start, end));
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < month.size(); i++) {
            lo = Math.min(lo, month.low(i));
            hi = Math.max(hi, month.high(i));
        }
        assertEquals(new Range(start, end), view.getDomainBounds(true));
        assertEquals(new Range(lo, hi), view.getRangeBounds(true));
    }

    /** Bar k of the view merges candles [from, from + n): computed here candle by candle. */
    private static void assertBarIsRun(CandleView view, int k, int from, int n) {
        int to = Math.min(month.size(), from + n);
        double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            high = Math.max(high, month.high(i));
            low = Math.min(low, month.low(i));
        }
        assertEquals(month.open(from), view.getOpenValue(0, k), "open of bar " + k);
        assertEquals(month.close(to - 1), view.getCloseValue(0, k), "close of bar " + k);
        assertEquals(high, view.getHighValue(0, k), "high of bar " + k);
        assertEquals(low, view.getLowValue(0, k), "low of bar " + k);
        assertEquals((month.openTime(from) + month.closeTime(to - 1)) / 2, (long) view.getXValue(0, k), "time of bar " + k);
    }
}
