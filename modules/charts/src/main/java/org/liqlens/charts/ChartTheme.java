package org.liqlens.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/** The dark look shared by every LiqLens chart: the heatmap palette reads best on a near-black ground. */
final class ChartTheme {
    static final Color BACKGROUND = new Color(0x0E0B1A);
    static final Color PLOT_BACKGROUND = new Color(InfernoPalette.argb(0));
    static final Color TEXT = new Color(0xD8D4E8);
    static final Color MUTED_TEXT = new Color(0x9A94B4);
    static final Color GRID = new Color(255, 255, 255, 28);
    static final Color UP = new Color(0x26A69A);
    static final Color DOWN = new Color(0xEF5350);
    static final Color PRICE_LINE = new Color(0xF2F2F7);
    static final Color WARNING = new Color(0xFFA94D);
    /** Long liquidations are forced selling: red. Short liquidations are forced buying: green. */
    static final Color LONG_LIQUIDATIONS = new Color(0xF0605A);
    static final Color SHORT_LIQUIDATIONS = new Color(0x3CC98A);
    /** Bar colours by leverage tier, low to high: cool for patient money, hot for the 100x crowd. */
    static final Color[] LEVERAGE = {
        new Color(0x4C7BD9), new Color(0x3FB7C9), new Color(0x9BD14F), new Color(0xF5B03E), new Color(0xE8456B),
        new Color(0xB266E0), new Color(0xE0E0E0),
    };
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final BasicStroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

    private ChartTheme() { }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(TEXT);
            chart.getTitle().setFont(TITLE_FONT);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(PLOT_BACKGROUND);
            plot.setOutlinePaint(GRID);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            styleAxis(plot.getDomainAxis());
            styleAxis(plot.getRangeAxis());
        }
    }

    static void styleAxis(ValueAxis axis) {
        if (axis == null) return;
        axis.setTickLabelPaint(MUTED_TEXT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
    }
}
