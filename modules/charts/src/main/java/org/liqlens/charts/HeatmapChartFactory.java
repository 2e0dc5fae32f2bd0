package org.liqlens.charts;

import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.UtcTime;
import org.liqlens.engine.market.CandleSeries;

/**
 * Builds the liquidation heatmap chart: time x price, colour = surviving notional (inferno) in a
 * {@link HeatmapStyle}, candles on top, a current-price line and a colour legend in USDT. The desktop pane,
 * the CLI's PNG and the export bundle all call this, so the three pictures agree.
 *
 * <p>Making a chart sorts and codes the grid's cells once (tens of milliseconds for a million cells, and
 * about 11 bytes a cell kept with the chart, so that a restyle never sorts again): do it off the EDT, beside
 * the estimate. Drawing it is cheap ({@link HeatmapLayer}): a repaint of an unchanged view copies one kept
 * image; a zoom, pan or restyle renders the cells in view at screen resolution.
 */
public final class HeatmapChartFactory {

    static final String LEGEND_LABEL = "Surviving notional per cell (USDT)";
    /** The legend label's shortest form, for a pane too small for the others. */
    static final String LEGEND_LABEL_SHORT = "USDT per cell";

    private HeatmapChartFactory() { }

    /**
     * The heatmap in the {@link HeatmapStyle#DEFAULT default style}, exactly the picture the command line has
     * always written: its legend names no scale. Made for drawing once (a PNG, an SVG): it selects the one
     * saturation quantile it needs instead of sorting the cells, and codes them for restyling only if asked
     * ({@link #restyle} still works, sorting then). The desktop should prefer {@link #create(EstimateResult,
     * String, boolean, HeatmapStyle)}, whose legend says which scale the colours follow.
     *
     * @param result      an estimate that includes a heatmap grid
     * @param sourceLabel where the data came from, e.g. "Binance USDⓈ-M" or "Simulated market (seed 42)"
     * @param simulated   true when the data is simulated; the chart then says so in its subtitle
     */
    public static JFreeChart create(EstimateResult result, String sourceLabel, boolean simulated) {
        return create(result, sourceLabel, simulated, HeatmapStyle.DEFAULT, false, false);
    }

    /**
     * The heatmap in the given style; its legend names the style. Sorts the non-empty cells once (kept with
     * the chart for {@link #restyle}): call it off the EDT, as the estimate itself.
     */
    public static JFreeChart create(EstimateResult result, String sourceLabel, boolean simulated, HeatmapStyle style) {
        return create(result, sourceLabel, simulated, style, true, true);
    }

    /**
     * Changes the colour mapping of a chart made by this factory without touching the estimate: it builds
     * the new palette's lookup table (about a millisecond) and updates the legend's scale and label; the next
     * repaint maps the cells to the new palette and renders the view (a few milliseconds with a million
     * cells). Call it on the thread that paints the chart (the EDT for a displayed chart), e.g. on every move
     * of a contrast slider.
     *
     * @throws IllegalArgumentException when the chart is not a heatmap made by this factory
     */
    public static void restyle(JFreeChart chart, HeatmapStyle style) {
        HeatmapLayer layer = layer(chart);
        if (layer.style().equals(style) && legend(chart).getAxis().getLabel().equals(legendLabel(style, true))) return;
        layer.setStyle(style);
        PaintScaleLegend legend = legend(chart);
        legend.setScale(legendScale(layer.scale()));
        legend.setAxis(legendAxis(layer.scale(), style, true));
    }

    /** The style a heatmap chart made by this factory is drawn in. */
    public static HeatmapStyle style(JFreeChart chart) {
        return layer(chart).style();
    }

    /** The colour scale a heatmap chart made by this factory is drawn with (its saturation notional, curve, gamma). */
    public static IntensityScale scale(JFreeChart chart) {
        return layer(chart).scale();
    }

    static HeatmapLayer layer(JFreeChart chart) {
        if (chart.getPlot() instanceof XYPlot plot && plot.getRenderer() instanceof AbstractXYItemRenderer renderer) {
            for (Object a : renderer.getAnnotations()) {
                if (a instanceof HeatmapLayer layer) return layer;
            }
        }
        throw new IllegalArgumentException("not a heatmap chart made by HeatmapChartFactory");
    }

    private static PaintScaleLegend legend(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) return legend;
        }
        throw new IllegalArgumentException("the heatmap chart has no colour legend");
    }

    private static JFreeChart create(EstimateResult result, String sourceLabel, boolean simulated, HeatmapStyle style,
                                     boolean nameScale, boolean forRestyling) {
        HeatmapGrid grid = result.heatmap();
        if (grid == null) throw new IllegalArgumentException("the estimate has no heatmap grid (columns = 0)");
        long start = grid.start();
        long end = grid.end();

        CandleSeries candles = result.windowCandles();

        TimeAxis timeAxis = new TimeAxis();
        NumberAxis priceAxis = new NumberAxis("Price (USDT)");
        priceAxis.setAutoRangeIncludesZero(false);
        priceAxis.setNumberFormatOverride(new DecimalFormat("#,##0.##"));

        CandleRenderer candleRenderer = new CandleRenderer();
        candleRenderer.setUpPaint(ChartTheme.UP);
        candleRenderer.setDownPaint(ChartTheme.DOWN);
        candleRenderer.setUseOutlinePaint(false);
        candleRenderer.setDrawVolume(false);
        candleRenderer.setDefaultPaint(new Color(0xB8B4C8));
        candleRenderer.setAutoPopulateSeriesPaint(false);
        candleRenderer.setDefaultToolTipGenerator(null);

        CandleView bars = new CandleView(candles, timeAxis, new org.jfree.data.Range(start, end));
        HeatmapLayer layer = new HeatmapLayer(grid, style, bars, candleRenderer, forRestyling);
        HeatmapPlot plot = new HeatmapPlot(bars, timeAxis, priceAxis, candleRenderer);
        plot.setLayer(layer);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        candleRenderer.addAnnotation(layer, Layer.BACKGROUND);
        ValueMarker priceMarker = new ValueMarker(result.price(), ChartTheme.PRICE_LINE, ChartTheme.DASHED);
        priceMarker.setLabel(new DecimalFormat("#,##0.##").format(result.price()));
        priceMarker.setLabelPaint(ChartTheme.PRICE_LINE);
        priceMarker.setLabelFont(ChartTheme.TICK_FONT);
        priceMarker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        priceMarker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(priceMarker, Layer.FOREGROUND);

        timeAxis.setRange(start, end);
        // the candles' span as the view already found it: 30 days are 43,200 candles, read once
        priceAxis.setRange(initialPriceRange(bars.getRangeBounds(false), result.price(), grid));

        JFreeChart chart = new JFreeChart(title(result), ChartTheme.TITLE_FONT, plot, false);
        ChartTheme.apply(chart);
        TextTitle subtitle = new TextTitle(subtitle(sourceLabel, simulated), ChartTheme.SUBTITLE_FONT);
        subtitle.setPaint(simulated ? ChartTheme.WARNING : ChartTheme.MUTED_TEXT);
        chart.addSubtitle(subtitle);
        chart.addSubtitle(legend(layer.scale(), style, nameScale));
        return chart;
    }

    /** Chart title: symbol, model, window and as-of instant, e.g. "BTCUSDT · m1 · 3d · 2026-01-01 00:00 UTC". */
    static String title(EstimateResult r) {
        return r.symbol() + " · " + r.modelId() + " · " + WindowLabels.format(r.windowMs()) + " window · as of "
                + UtcTime.minute(r.asOf()) + " UTC";
    }

    private static String subtitle(String sourceLabel, boolean simulated) {
        String estimate = "Liquidation heatmap — an estimate from market data and leverage assumptions; intensity is relative.";
        return simulated
                ? "SIMULATED DATA (" + sourceLabel + "), not a real market. " + estimate
                : sourceLabel + ". " + estimate;
    }

    static String legendLabel(HeatmapStyle style, boolean nameScale) {
        return nameScale ? LEGEND_LABEL + ", " + style.describe() : LEGEND_LABEL;
    }

    /**
     * The legend label's shorter forms, longest first, for panes too small for {@link #legendLabel}: the scale
     * without its clip and contrast (the pane's contrast slider shows the contrast), then the short unit with the
     * scale's name, then the short unit alone.
     */
    static List<String> shorterLegendLabels(HeatmapStyle style, boolean nameScale) {
        return nameScale
                ? List.of(LEGEND_LABEL + ", " + style.scaleName(), LEGEND_LABEL_SHORT + ", " + style.curve().label(), LEGEND_LABEL_SHORT)
                : List.of(LEGEND_LABEL_SHORT);
    }

    private static PaintScaleLegend legend(IntensityScale scale, HeatmapStyle style, boolean nameScale) {
        PaintScaleLegend legend = new PaintScaleLegend(legendScale(scale), legendAxis(scale, style, nameScale));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(12);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(6, 8, 6, 4));
        legend.setPadding(new RectangleInsets(4, 4, 4, 4));
        legend.setBackgroundPaint(ChartTheme.BACKGROUND);
        legend.setFrame(BlockBorder.NONE);
        return legend;
    }

    /**
     * The legend strip samples its scale at equal steps of its axis. For the log curve those steps must be
     * equal in log10(notional), or the lower decades would share one colour band: the axis then runs over
     * log10 values and labels its ticks with the notional they stand for.
     */
    private static PaintScale legendScale(IntensityScale scale) {
        return scale.curve() == HeatmapStyle.Curve.LOG ? new Log10PaintScale(scale) : scale;
    }

    private static NumberAxis legendAxis(IntensityScale scale, HeatmapStyle style, boolean nameScale) {
        NumberAxis axis = new FittingLabelAxis(legendLabel(style, nameScale), shorterLegendLabels(style, nameScale));
        if (scale.curve() == HeatmapStyle.Curve.LOG) {
            double top = Math.log10(scale.saturation());
            axis.setRange(top - IntensityScale.LOG_DECADES, top);
            axis.setTickUnit(new NumberTickUnit(1, new PowerOfTenFormat()));
        } else {
            axis.setRange(0, scale.saturation());
            axis.setNumberFormatOverride(CompactNumberFormat.forTicks());
        }
        ChartTheme.styleAxis(axis);
        return axis;
    }

    /** An intensity scale seen through log10: value x stands for notional 10^x. */
    private record Log10PaintScale(IntensityScale scale) implements PaintScale {
        @Override public double getLowerBound() { return Math.log10(scale.saturation()) - IntensityScale.LOG_DECADES; }
        @Override public double getUpperBound() { return Math.log10(scale.saturation()); }
        @Override public Paint getPaint(double log10Notional) { return scale.getPaint(Math.pow(10, log10Notional)); }
    }

    /** Labels a log10 axis tick with the notional, compactly: 4 → 10K. */
    private static final class PowerOfTenFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final CompactNumberFormat compact = new CompactNumberFormat();

        @Override
        public StringBuffer format(double log10, StringBuffer out, FieldPosition pos) {
            return compact.format(Math.pow(10, log10), out, pos);
        }

        @Override
        public StringBuffer format(long log10, StringBuffer out, FieldPosition pos) {
            return format((double) log10, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /** One pixel per cell: columns left to right, buckets bottom (low price) to top (high price). */
    static BufferedImage rasterise(HeatmapGrid grid, IntensityScale scale) {
        return HeatmapLayer.cellImage(grid, new PaletteLookup(scale));
    }

    /**
     * The first view: the window's trading range with room above and below for the nearer bands, inside the
     * grid. The 5x-25x bands further out are a scroll or zoom away.
     */
    static org.jfree.data.Range initialPriceRange(CandleSeries candles, double price, HeatmapGrid grid) {
        return initialPriceRange(CandleView.priceSpan(candles), price, grid);
    }

    /** {@link #initialPriceRange(CandleSeries, double, HeatmapGrid)} from the candles' span (null: none). */
    static org.jfree.data.Range initialPriceRange(org.jfree.data.Range candleSpan, double price, HeatmapGrid grid) {
        double lo = price, hi = price;
        if (candleSpan != null) {
            lo = Math.min(lo, candleSpan.getLowerBound());
            hi = Math.max(hi, candleSpan.getUpperBound());
        }
        double pad = Math.max((hi - lo) * 0.6, price * 0.02);
        return new org.jfree.data.Range(Math.max(grid.priceLow(), lo - pad), Math.min(grid.priceHigh(), hi + pad));
    }
}
