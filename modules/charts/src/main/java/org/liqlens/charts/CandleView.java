package org.liqlens.charts;

import java.util.Objects;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.DomainInfo;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.RangeInfo;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.OHLCDataset;
import org.liqlens.engine.market.CandleSeries;

/**
 * The candles drawn over the heatmap: at most {@link #MAX_BARS} bars across whatever time range the axis
 * shows, each merging a run of consecutive candles. Thirty days of 1m candles are 43,200; drawn one by one
 * they would cost more than the heatmap and be thinner than a pixel. Zoomed in, the runs get shorter, down to
 * single candles, so detail appears where there is room for it.
 *
 * <p>The bars follow the axis lazily: the dataset reads the axis range when the renderer asks for its items,
 * so no event ordering between the axis, the plot and this dataset matters. Runs are aligned on multiples of
 * the run length from the first candle, so panning keeps the bars still; with the whole series in view they
 * are exactly the bars of the chart before zooming existed (runs of {@code ceil(n / MAX_BARS)} candles).
 * Auto-range sees the whole series: the window's time span and the candles' full price range.
 */
final class CandleView extends AbstractXYDataset implements OHLCDataset, DomainInfo, RangeInfo {
    private static final long serialVersionUID = 1L;

    /** The most bars drawn across the visible range: about six pixels each on a normal pane. */
    static final int MAX_BARS = 240;

    private final transient CandleSeries candles;
    private final transient ValueAxis timeAxis;
    private final Range timeSpan;
    private final Range priceSpan;

    private double viewLower = Double.NaN, viewUpper = Double.NaN;
    private int group = 1, firstBar, barCount;
    // the bars of the current view
    private long[] time = new long[0];
    private double[] open = new double[0], high = new double[0], low = new double[0], close = new double[0], volume = new double[0];

    /**
     * @param timeAxis the axis whose visible range decides which bars exist
     * @param timeSpan what auto-range should show on the time axis (the heatmap window)
     */
    CandleView(CandleSeries candles, ValueAxis timeAxis, Range timeSpan) {
        this.candles = Objects.requireNonNull(candles);
        this.timeAxis = Objects.requireNonNull(timeAxis);
        this.timeSpan = timeSpan;
        this.priceSpan = priceSpan(candles);
    }

    /** The lowest low and highest high of the series; null when it is empty. */
    static Range priceSpan(CandleSeries candles) {
        if (candles.isEmpty()) return null;
        // the arrays, not an accessor call per candle: a cold picture runs this loop in the interpreter
        double[] lows = candles.lows(), highs = candles.highs();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0, n = candles.size(); i < n; i++) {
            lo = Math.min(lo, lows[i]);
            hi = Math.max(hi, highs[i]);
        }
        return new Range(lo, hi);
    }

    /** Candles merged per bar in the current view. */
    int group() {
        refresh();
        return group;
    }

    private void refresh() {
        double lower = timeAxis.getLowerBound(), upper = timeAxis.getUpperBound();
        if (lower == viewLower && upper == viewUpper) return;
        viewLower = lower;
        viewUpper = upper;
        int n = candles.size();
        // the candles overlapping [lower, upper]
        int from = candles.endIndexClosedBefore((long) Math.floor(lower));
        int to = candles.firstIndexOpenAtOrAfter((long) Math.floor(upper) + 1);
        int visible = Math.max(0, to - from);
        group = Math.max(1, (visible + MAX_BARS - 1) / MAX_BARS);
        // whole runs, plus one bar beyond each edge so a bar cut by the edge is still drawn
        firstBar = Math.max(0, from / group - 1);
        int endBar = Math.min((n + group - 1) / group, (to + group - 1) / group + 1);
        barCount = Math.max(0, endBar - firstBar);
        if (time.length < barCount) {
            time = new long[barCount];
            open = new double[barCount];
            high = new double[barCount];
            low = new double[barCount];
            close = new double[barCount];
            volume = new double[barCount];
        }
        double[] highs = candles.highs(), lows = candles.lows(), volumes = candles.volumes();
        for (int k = 0; k < barCount; k++) {
            int a = (firstBar + k) * group, b = Math.min(n, a + group);
            double h = Double.NEGATIVE_INFINITY, l = Double.POSITIVE_INFINITY, v = 0;
            for (int i = a; i < b; i++) {
                h = Math.max(h, highs[i]);
                l = Math.min(l, lows[i]);
                v += volumes[i];
            }
            // centred on its time span, so it lines up with the heatmap columns behind it
            time[k] = (candles.openTime(a) + candles.closeTime(b - 1)) / 2;
            open[k] = candles.open(a);
            close[k] = candles.close(b - 1);
            high[k] = h;
            low[k] = l;
            volume[k] = v;
        }
    }

    @Override public int getSeriesCount() { return 1; }
    @Override public Comparable<?> getSeriesKey(int series) { return candles.symbol(); }
    @Override public DomainOrder getDomainOrder() { return DomainOrder.ASCENDING; }

    @Override
    public int getItemCount(int series) {
        refresh();
        return barCount;
    }

    @Override public Number getX(int series, int item) { return time[item]; }
    @Override public double getXValue(int series, int item) { return time[item]; }
    @Override public Number getY(int series, int item) { return close[item]; }
    @Override public double getYValue(int series, int item) { return close[item]; }
    @Override public Number getHigh(int series, int item) { return high[item]; }
    @Override public double getHighValue(int series, int item) { return high[item]; }
    @Override public Number getLow(int series, int item) { return low[item]; }
    @Override public double getLowValue(int series, int item) { return low[item]; }
    @Override public Number getOpen(int series, int item) { return open[item]; }
    @Override public double getOpenValue(int series, int item) { return open[item]; }
    @Override public Number getClose(int series, int item) { return close[item]; }
    @Override public double getCloseValue(int series, int item) { return close[item]; }
    @Override public Number getVolume(int series, int item) { return volume[item]; }
    @Override public double getVolumeValue(int series, int item) { return volume[item]; }

    @Override public double getDomainLowerBound(boolean includeInterval) { return timeSpan.getLowerBound(); }
    @Override public double getDomainUpperBound(boolean includeInterval) { return timeSpan.getUpperBound(); }
    @Override public Range getDomainBounds(boolean includeInterval) { return timeSpan; }
    @Override public double getRangeLowerBound(boolean includeInterval) { return priceSpan == null ? Double.NaN : priceSpan.getLowerBound(); }
    @Override public double getRangeUpperBound(boolean includeInterval) { return priceSpan == null ? Double.NaN : priceSpan.getUpperBound(); }
    @Override public Range getRangeBounds(boolean includeInterval) { return priceSpan; }
}
