package org.liqlens.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.Zone;
import org.liqlens.engine.market.Side;

/**
 * Builds the liquidation map chart: x = price, bars = surviving notional per bucket stacked by leverage,
 * long liquidations below the price and short ones above, cumulative curves running outward from the price
 * on a second axis, the strongest zones shaded. Shared by the desktop, the CLI and the export.
 */
public final class MapChartFactory {
    /** Zones shaded per side: the nearest few, the ones an analyst acts on. */
    static final int ZONES_PER_SIDE = 3;

    private MapChartFactory() { }

    /** The map with price on the horizontal axis, as a stand-alone picture (CLI, export). */
    public static JFreeChart create(EstimateResult result, String sourceLabel, boolean simulated) {
        return create(result, sourceLabel, simulated, PlotOrientation.VERTICAL);
    }

    /**
     * @param orientation {@link PlotOrientation#HORIZONTAL} puts price on the vertical axis, so that a map
     *                    docked beside a heatmap lines up with the heatmap's price axis
     */
    public static JFreeChart create(EstimateResult result, String sourceLabel, boolean simulated, PlotOrientation orientation) {
        LiquidationMap m = result.map();
        double price = result.price();
        double[] leverages = m.leverages();

        CategoryTableXYDataset bars = new CategoryTableXYDataset();
        double width = m.bucketHigh(0) - m.bucketLow(0);
        bars.setIntervalWidth(width);
        for (int t = 0; t < leverages.length; t++) {
            String series = leverageLabel(leverages[t]);
            for (int b = 0; b < m.buckets(); b++) {
                bars.add(m.bucketCentre(b), m.longByTier(t, b) + m.shortByTier(t, b), series, false);
            }
        }
        XYSeries cumLong = new XYSeries("Cumulative long liquidations", false, true);
        XYSeries cumShort = new XYSeries("Cumulative short liquidations", false, true);
        for (int b = 0; b < m.buckets(); b++) {
            double centre = m.bucketCentre(b);
            if (centre < price) cumLong.add(centre, m.cumulativeLong(b));
            else cumShort.add(centre, m.cumulativeShort(b));
        }
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(cumLong);
        curves.addSeries(cumShort);

        NumberAxis priceAxis = new NumberAxis("Price (USDT)");
        priceAxis.setAutoRangeIncludesZero(false);
        priceAxis.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        priceAxis.setRange(m.priceLow(), m.priceHigh());
        // the map window is often narrow: these labels shorten rather than run off both ends
        NumberAxis notionalAxis = new FittingLabelAxis("Notional per bucket (USDT)", List.of("USDT per bucket", "USDT"));
        notionalAxis.setNumberFormatOverride(CompactNumberFormat.forTicks());
        NumberAxis cumulativeAxis = new FittingLabelAxis("Cumulative (USDT)", List.of("Cumulative", "USDT"));
        cumulativeAxis.setNumberFormatOverride(CompactNumberFormat.forTicks());

        StackedXYBarRenderer barRenderer = new StackedXYBarRenderer(0.0);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        for (int t = 0; t < leverages.length; t++) {
            barRenderer.setSeriesPaint(t, ChartTheme.LEVERAGE[Math.min(t, ChartTheme.LEVERAGE.length - 1)]);
        }

        XYPlot plot = new XYPlot(bars, priceAxis, notionalAxis, barRenderer);
        plot.setOrientation(orientation);
        if (orientation == PlotOrientation.HORIZONTAL) {
            // Price runs up the left edge like the heatmap's; notional grows to the right.
            plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            priceAxis.setLabel(null);
        }
        plot.setRangeAxis(1, cumulativeAxis);
        plot.setRangeAxisLocation(1, orientation == PlotOrientation.HORIZONTAL ? AxisLocation.TOP_OR_RIGHT : AxisLocation.BOTTOM_OR_RIGHT);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ChartTheme.LONG_LIQUIDATIONS);
        lines.setSeriesPaint(1, ChartTheme.SHORT_LIQUIDATIONS);
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(2f));
        // The renderer before the dataset: without one, JFreeChart ranges dataset 1 with the stacked-bar
        // renderer of dataset 0, which needs a TableXYDataset.
        plot.setRenderer(1, lines);
        plot.setDataset(1, curves);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setDomainPannable(true);

        ValueMarker priceMarker = new ValueMarker(price, ChartTheme.PRICE_LINE, ChartTheme.DASHED);
        priceMarker.setLabel("price " + new DecimalFormat("#,##0.##").format(price));
        priceMarker.setLabelPaint(ChartTheme.PRICE_LINE);
        priceMarker.setLabelFont(ChartTheme.TICK_FONT);
        priceMarker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        priceMarker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(priceMarker, Layer.FOREGROUND);
        shadeZones(plot, result.zones());

        JFreeChart chart = new JFreeChart(HeatmapChartFactory.title(result), ChartTheme.TITLE_FONT, plot, false);
        ChartTheme.apply(chart);
        ChartTheme.styleAxis(cumulativeAxis);
        TextTitle subtitle = new TextTitle((simulated ? "SIMULATED DATA (" + sourceLabel + "), not a real market. " : sourceLabel + ". ")
                + String.format(java.util.Locale.ROOT, "Liquidation map: longs below the price, shorts above. Surviving long %s, short %s USDT.",
                        new CompactNumberFormat().format(m.totalLong()), new CompactNumberFormat().format(m.totalShort())),
                ChartTheme.SUBTITLE_FONT);
        subtitle.setPaint(simulated ? ChartTheme.WARNING : ChartTheme.MUTED_TEXT);
        chart.addSubtitle(subtitle);
        LegendTitle legend = new LegendTitle(() -> {
            LegendItemCollection items = new LegendItemCollection();
            items.addAll(barRenderer.getLegendItems());
            items.addAll(lines.getLegendItems());
            return items;
        });
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setBackgroundPaint(ChartTheme.BACKGROUND);
        legend.setItemPaint(ChartTheme.TEXT);
        legend.setItemFont(ChartTheme.TICK_FONT);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        return chart;
    }

    static String leverageLabel(double leverage) {
        return (leverage == Math.rint(leverage) ? String.valueOf((long) leverage) : String.valueOf(leverage)) + "x";
    }

    private static void shadeZones(XYPlot plot, List<Zone> zones) {
        int longs = 0, shorts = 0;
        for (Zone z : zones) {
            boolean isLong = z.side() == Side.LONG;
            if (isLong ? longs++ >= ZONES_PER_SIDE : shorts++ >= ZONES_PER_SIDE) continue;
            Color c = isLong ? ChartTheme.LONG_LIQUIDATIONS : ChartTheme.SHORT_LIQUIDATIONS;
            IntervalMarker marker = new IntervalMarker(z.low(), z.high(), new Color(c.getRed(), c.getGreen(), c.getBlue(), 38));
            marker.setOutlinePaint(null);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
    }
}
