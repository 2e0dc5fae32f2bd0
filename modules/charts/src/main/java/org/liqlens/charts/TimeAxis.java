package org.liqlens.charts;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.liqlens.engine.UtcTime;

/**
 * The heatmap's time axis: epoch milliseconds, labelled in UTC as JFreeChart's {@code DateAxis} labels them
 * ({@code 09:30} within a day and {@code 5-Jun} at its midnight, {@code 5-Jun} for days and weeks, {@code 5-Jun-26}
 * from two weeks on), with ticks at whole
 * minutes, hours or days (multiples of the step since 1970-01-01T00:00Z, so a day's ticks fall at midnight UTC).
 *
 * <p>Why not {@code DateAxis}: its constructor builds about thirty {@code SimpleDateFormat}s, whose first use
 * starts the JDK's calendar and locale data; on a cold command line that was about 100 ms of the picture's
 * warm-up, which the real picture waits for (measured 2026-12-01: {@code new DateAxis()} 114 to 120 ms there).
 * These labels are written by {@link UtcTime}, with English month names as before.
 */
final class TimeAxis extends NumberAxis {
    private static final long MINUTE = 60_000L, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
    /** The steps the axis picks from, smallest first: whichever leaves room for its labels. */
    private static final TickUnits STEPS = new TickUnits();

    static {
        for (long m : new long[] {1, 2, 5, 10, 15, 20, 30}) STEPS.add(step(m * MINUTE, Label.TIME_OF_DAY));
        for (long h : new long[] {1, 2, 3, 4, 6, 12}) STEPS.add(step(h * HOUR, Label.TIME_OF_DAY));
        for (long d : new long[] {1, 2, 7}) STEPS.add(step(d * DAY, Label.DAY));
        // steps this long only fit windows of months to years, where a label without its year is ambiguous
        for (long d : new long[] {14, 28, 56, 91, 182, 364, 728, 1820}) STEPS.add(step(d * DAY, Label.DAY_AND_YEAR));
    }

    TimeAxis() {
        super(null);
        setStandardTickUnits(STEPS);
        setAutoRangeIncludesZero(false);
        setAutoRangeStickyZero(false);
        setLowerMargin(0);
        setUpperMargin(0);
    }

    /** The plot's area while the axis draws (see {@link #refreshTicks}); null otherwise. */
    private transient Rectangle2D drawingIn;

    @Override
    protected AxisState drawTickMarksAndLabels(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea,
                                               RectangleEdge edge) {
        drawingIn = plotArea;
        try {
            return super.drawTickMarksAndLabels(g2, cursor, plotArea, dataArea, edge);
        } finally {
            drawingIn = null;
        }
    }

    /**
     * The ticks, less any whose label would reach past the plot's left or right edge. A label is centred on its
     * tick, so one at the window's first minutes ran off the chart: a pane's first tick read "2:00" for 12:00 and
     * "9-Dec" for 29-Dec, a wrong time rather than a missing one. Only the drawing drops them; the space the axis
     * reserves depends on the labels' height alone.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = super.refreshTicks(g2, state, dataArea, edge);
        Rectangle2D area = drawingIn;
        if (area == null || !RectangleEdge.isTopOrBottom(edge) || !isTickLabelsVisible()) return ticks;
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        List kept = new ArrayList(ticks.size());
        for (Object o : ticks) {
            ValueTick tick = (ValueTick) o;
            String text = tick.getText();
            double x = valueToJava2D(tick.getValue(), dataArea, edge), half = text == null ? 0 : metrics.stringWidth(text) / 2.0;
            if (x - half >= area.getMinX() && x + half <= area.getMaxX()) kept.add(tick);
        }
        return kept;
    }

    private static NumberTickUnit step(long ms, Label label) {
        return new NumberTickUnit(ms, new LabelFormat(label), 0);
    }

    enum Label { TIME_OF_DAY, DAY, DAY_AND_YEAR }

    /** A tick's label: its instant, epoch milliseconds, as {@link UtcTime} writes it. Formats only; parses nothing. */
    static final class LabelFormat extends NumberFormat {
        private final Label label;

        LabelFormat(Label label) {
            this.label = label;
        }

        String label(long epochMs) {
            return switch (label) {
                // midnight names its day: across days of hours, "00:00" alone would not say which
                case TIME_OF_DAY -> Math.floorMod(epochMs, DAY) == 0 ? UtcTime.dayMonth(epochMs) : UtcTime.hourMinute(epochMs);
                case DAY -> UtcTime.dayMonth(epochMs);
                case DAY_AND_YEAR -> UtcTime.dayMonthYear(epochMs);
            };
        }

        @Override
        public StringBuffer format(double epochMs, StringBuffer to, FieldPosition pos) {
            return to.append(label(Math.round(epochMs)));
        }

        @Override
        public StringBuffer format(long epochMs, StringBuffer to, FieldPosition pos) {
            return to.append(label(epochMs));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LabelFormat other && other.label == label;
        }

        @Override
        public int hashCode() {
            return label.hashCode();
        }
    }
}
