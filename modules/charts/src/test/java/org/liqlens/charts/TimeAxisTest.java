package org.liqlens.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heatmap's time axis: ticks where a UTC clock and calendar put them, labelled as SimpleDateFormat labels them. */
class TimeAxisTest {
    private static final long MINUTE = 60_000L, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
    private static final long JUNE_1 = 1_780_272_000_000L; // 2026-06-01T00:00:00Z

    /** The ticks the axis draws over [from, to] across {@code width} pixels. */
    private static List<NumberTick> ticks(long from, long to, int width) {
        TimeAxis axis = new TimeAxis();
        axis.setTickLabelFont(ChartTheme.TICK_FONT);
        axis.setRange(from, to);
        BufferedImage image = new BufferedImage(width + 100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            List<NumberTick> ticks = new ArrayList<>();
            for (Object t : axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(50, 0, width, 80), RectangleEdge.BOTTOM)) {
                ticks.add((NumberTick) t);
            }
            return ticks;
        } finally {
            g.dispose();
        }
    }

    private static String format(String pattern, double epochMs) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ENGLISH);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(new Date((long) epochMs));
    }

    @Test
    void thirtyDaysAtChartWidthTickEveryMidnight() {
        List<NumberTick> ticks = ticks(JUNE_1, JUNE_1 + 30 * DAY, 1_450);
        assertEquals(31, ticks.size(), "a tick each UTC midnight from 1 June to 1 July");
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(JUNE_1 + i * DAY, ticks.get(i).getValue(), 0);
            assertEquals(format("d-MMM", ticks.get(i).getValue()), ticks.get(i).getText());
        }
        assertEquals("1-Jun", ticks.get(0).getText());
        assertEquals("1-Jul", ticks.get(30).getText());
    }

    @Test
    void twelveHoursTickOnTheClock() {
        long from = JUNE_1 + 12 * HOUR + 7 * MINUTE;   // not on a tick
        List<NumberTick> ticks = ticks(from, from + 12 * HOUR, 900);
        assertTrue(ticks.size() >= 12, "at least hourly across 900 pixels: " + ticks.size());
        long step = (long) (ticks.get(1).getValue() - ticks.get(0).getValue());
        assertTrue(step <= HOUR && HOUR % step == 0, "a step that divides an hour: " + step);
        for (NumberTick t : ticks) {
            assertEquals(0, (long) t.getValue() % step, "on the clock: " + t.getText());
            assertTrue(t.getValue() >= from && t.getValue() <= from + 12 * HOUR);
            String expected = (long) t.getValue() % DAY == 0 ? format("d-MMM", t.getValue()) : format("HH:mm", t.getValue());
            assertEquals(expected, t.getText(), "midnight names its day, other ticks their time");
        }
        assertTrue(ticks.stream().anyMatch(t -> t.getText().equals("2-Jun")), "the midnight inside the window");
    }

    @Test
    void aYearNamesTheYearToo() {
        List<NumberTick> ticks = ticks(JUNE_1 - 365 * DAY, JUNE_1, 1_450);
        assertTrue(ticks.size() >= 4, "ticks: " + ticks.size());
        for (NumberTick t : ticks) assertEquals(format("d-MMM-yy", t.getValue()), t.getText());
    }

    @Test
    void labelsBeforeTheEpochAndFarAhead() {
        TimeAxis.LabelFormat day = new TimeAxis.LabelFormat(TimeAxis.Label.DAY);
        TimeAxis.LabelFormat time = new TimeAxis.LabelFormat(TimeAxis.Label.TIME_OF_DAY);
        for (long ms : new long[] {-1, -DAY - 1, 0, 4_102_444_799_999L, -2_000_000_000_000L}) {
            assertEquals(format("d-MMM", ms), day.format(ms), Long.toString(ms));
            assertEquals(format(Math.floorMod(ms, DAY) == 0 ? "d-MMM" : "HH:mm", ms), time.format((double) ms), Long.toString(ms));
        }
    }
    /**
     * A tick at the window's first minute has its label centred on the plot's left edge: drawn, half of "12:00" ran
     * off the chart and a pane read "2:00". Drawing now leaves out a tick whose label would reach past the plot's
     * area, and keeps every other; where the plot has room to the left of its data (an axis there), the first tick
     * stays.
     */
    @Test
    void aTickWhoseLabelWouldRunOffThePlotIsNotDrawn() {
        long noon = JUNE_1 + 12 * HOUR;
        TimeAxis axis = new TimeAxis();
        axis.setTickLabelFont(ChartTheme.TICK_FONT);
        axis.setRange(noon, noon + 12 * HOUR);
        BufferedImage image = new BufferedImage(700, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            java.awt.FontMetrics metrics = g.getFontMetrics(ChartTheme.TICK_FONT);
            Rectangle2D data = new Rectangle2D.Double(100, 10, 500, 100);
            // the plot's area is its data area: nothing to the left or right of it
            List<?> flush = axis.draw(g, 110, data, data, RectangleEdge.BOTTOM, null).getTicks();
            List<?> all = axis.refreshTicks(g, new AxisState(), data, RectangleEdge.BOTTOM);
            assertEquals("12:00", ((NumberTick) all.get(0)).getText(), "the first tick is at the window's start");
            assertTrue(flush.size() >= all.size() - 2 && flush.size() < all.size(), flush.size() + " of " + all.size());
            for (Object o : flush) {
                NumberTick t = (NumberTick) o;
                double x = 100 + 500.0 * (t.getValue() - noon) / (12 * HOUR), half = metrics.stringWidth(t.getText()) / 2.0;
                assertTrue(x - half >= 100 && x + half <= 600, t.getText() + " at " + x + " lies inside 100..600");
            }
            assertTrue(flush.stream().noneMatch(o -> ((NumberTick) o).getValue() == noon), "12:00 is left out");
            // with 60 pixels of plot to the left of the data (an axis there), 12:00 fits and is drawn
            Rectangle2D plot = new Rectangle2D.Double(40, 10, 620, 130);
            List<?> roomy = axis.draw(g, 110, plot, data, RectangleEdge.BOTTOM, null).getTicks();
            assertEquals(all.size(), roomy.size());
            assertEquals("12:00", ((NumberTick) roomy.get(0)).getText());
        } finally {
            g.dispose();
        }
    }
}
