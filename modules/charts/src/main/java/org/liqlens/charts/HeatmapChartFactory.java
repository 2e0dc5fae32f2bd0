package org.liqlens.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultHighLowDataset;
import org.jfree.data.xy.OHLCDataset;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.market.CandleSeries;

/**
 * Builds the liquidation heatmap chart: time x price, colour = surviving notional (inferno), candles on
 * top, a current-price line and a colour legend in USDT. The desktop pane, the CLI's PNG and the export
 * bundle all call this, so the three pictures agree.
 */
public final class HeatmapChartFactory {

    /** The most candles drawn over the window; more would be thinner than a pixel at a normal pane size. */
    static final int MAX_CANDLES = 240;
    /** The legend saturates here: see {@link IntensityScale}. */
    static final double SATURATION_PERCENTILE = 0.995;

    private HeatmapChartFactory() { }

    /**
     * @param result      an estimate that includes a heatmap grid
     * @param sourceLabel where the data came from, e.g. "Binance USDⓈ-M" or "Simulated market (seed 42)"
     * @param simulated   true when the data is simulated; the chart then says so in its subtitle
     */
    public static JFreeChart create(EstimateResult result, String sourceLabel, boolean simulated) {
        HeatmapGrid grid = result.heatmap();
        if (grid == null) throw new IllegalArgumentException("the estimate has no heatmap grid (columns = 0)");

        IntensityScale scale = IntensityScale.fromPercentile(grid.values(), SATURATION_PERCENTILE);
        BufferedImage raster = rasterise(grid, scale);

        CandleSeries candles = result.windowCandles();
        OHLCDataset ohlc = aggregate(candles, MAX_CANDLES);

        DateAxis timeAxis = new DateAxis();
        timeAxis.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        timeAxis.setLowerMargin(0);
        timeAxis.setUpperMargin(0);
        NumberAxis priceAxis = new NumberAxis("Price (USDT)");
        priceAxis.setAutoRangeIncludesZero(false);
        priceAxis.setNumberFormatOverride(new DecimalFormat("#,##0.##"));

        CandlestickRenderer candleRenderer = new CandlestickRenderer(CandlestickRenderer.WIDTHMETHOD_AVERAGE);
        candleRenderer.setUpPaint(ChartTheme.UP);
        candleRenderer.setDownPaint(ChartTheme.DOWN);
        candleRenderer.setUseOutlinePaint(false);
        candleRenderer.setDrawVolume(false);
        candleRenderer.setDefaultPaint(new Color(0xB8B4C8));
        candleRenderer.setAutoPopulateSeriesPaint(false);
        candleRenderer.setDefaultToolTipGenerator(null);

        XYPlot plot = new XYPlot(ohlc, timeAxis, priceAxis, candleRenderer);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        long start = grid.start();
        long end = grid.end();
        candleRenderer.addAnnotation(new RasterAnnotation(raster, start, end, grid.priceLow(), grid.priceHigh()), Layer.BACKGROUND);

        ValueMarker priceMarker = new ValueMarker(result.price(), ChartTheme.PRICE_LINE, ChartTheme.DASHED);
        priceMarker.setLabel(new DecimalFormat("#,##0.##").format(result.price()));
        priceMarker.setLabelPaint(ChartTheme.PRICE_LINE);
        priceMarker.setLabelFont(ChartTheme.TICK_FONT);
        priceMarker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        priceMarker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(priceMarker, Layer.FOREGROUND);

        timeAxis.setRange(start, end);
        priceAxis.setRange(initialPriceRange(candles, result.price(), grid));

        JFreeChart chart = new JFreeChart(title(result), ChartTheme.TITLE_FONT, plot, false);
        ChartTheme.apply(chart);
        TextTitle subtitle = new TextTitle(subtitle(sourceLabel, simulated), ChartTheme.SUBTITLE_FONT);
        subtitle.setPaint(simulated ? ChartTheme.WARNING : ChartTheme.MUTED_TEXT);
        chart.addSubtitle(subtitle);
        chart.addSubtitle(legend(scale));
        return chart;
    }

    /** Chart title: symbol, model, window and as-of instant, e.g. "BTCUSDT · m1 · 3d · 2026-01-01 00:00 UTC". */
    static String title(EstimateResult r) {
        return r.symbol() + " · " + r.modelId() + " · " + WindowLabels.format(r.windowMs()) + " window · as of "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochMilli(r.asOf()));
    }

    private static String subtitle(String sourceLabel, boolean simulated) {
        String estimate = "Liquidation heatmap — an estimate from market data and leverage assumptions; intensity is relative.";
        return simulated
                ? "SIMULATED DATA (" + sourceLabel + "), not a real market. " + estimate
                : sourceLabel + ". " + estimate;
    }

    private static PaintScaleLegend legend(IntensityScale scale) {
        NumberAxis axis = new NumberAxis("Surviving notional per cell (USDT)");
        axis.setRange(0, scale.saturation());
        axis.setNumberFormatOverride(new CompactNumberFormat());
        ChartTheme.styleAxis(axis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
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

    /** One pixel per cell: columns left to right, buckets bottom (low price) to top (high price). */
    static BufferedImage rasterise(HeatmapGrid grid, IntensityScale scale) {
        int columns = grid.columns();
        int buckets = grid.buckets();
        BufferedImage image = new BufferedImage(columns, buckets, BufferedImage.TYPE_INT_RGB);
        double[] values = grid.values(); // index c * buckets + b
        int[] row = new int[columns];
        for (int b = 0; b < buckets; b++) {
            for (int c = 0; c < columns; c++) {
                row[c] = scale.argb(values[c * buckets + b]);
            }
            image.setRGB(0, buckets - 1 - b, columns, 1, row, 0, columns);
        }
        return image;
    }

    /**
     * The first view: the window's trading range with room above and below for the nearer bands, inside the
     * grid. The 5x-25x bands further out are a scroll or zoom away.
     */
    static org.jfree.data.Range initialPriceRange(CandleSeries candles, double price, HeatmapGrid grid) {
        double lo = price, hi = price;
        for (int i = 0; i < candles.size(); i++) {
            lo = Math.min(lo, candles.low(i));
            hi = Math.max(hi, candles.high(i));
        }
        double pad = Math.max((hi - lo) * 0.6, price * 0.02);
        return new org.jfree.data.Range(Math.max(grid.priceLow(), lo - pad), Math.min(grid.priceHigh(), hi + pad));
    }

    /** Merges consecutive candles so that at most {@code maxBars} are drawn. */
    static OHLCDataset aggregate(CandleSeries s, int maxBars) {
        int n = s.size();
        int group = Math.max(1, (n + maxBars - 1) / maxBars);
        int bars = (n + group - 1) / group;
        java.util.Date[] date = new java.util.Date[bars];
        double[] open = new double[bars], high = new double[bars], low = new double[bars], close = new double[bars], vol = new double[bars];
        for (int k = 0; k < bars; k++) {
            int from = k * group, to = Math.min(n, from + group);
            double h = Double.NEGATIVE_INFINITY, l = Double.POSITIVE_INFINITY, v = 0;
            for (int i = from; i < to; i++) {
                h = Math.max(h, s.high(i));
                l = Math.min(l, s.low(i));
                v += s.volume(i);
            }
            // Centre the bar on its time span so it lines up with the heatmap columns behind it.
            date[k] = new java.util.Date((s.openTime(from) + s.closeTime(to - 1)) / 2);
            open[k] = s.open(from);
            close[k] = s.close(to - 1);
            high[k] = h;
            low[k] = l;
            vol[k] = v;
        }
        return new DefaultHighLowDataset(s.symbol(), date, high, low, open, close, vol);
    }
}
