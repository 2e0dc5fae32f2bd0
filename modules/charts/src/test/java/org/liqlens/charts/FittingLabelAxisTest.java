package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateResult;

/**
 * Axis labels that shorten to fit: a small pane of the default 2 x 2 workbench used to show the middle of its colour
 * legend's label, cut off at both ends, and the narrow map window the start of its notional axis's label.
 */
class FittingLabelAxisTest {

    @Test
    void drawsTheFirstFormThatFitsAndTheShortestWhenNoneDoes() {
        FittingLabelAxis axis = new FittingLabelAxis("Notional per bucket (USDT)", List.of("USDT per bucket", "USDT"));
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        FontMetrics m = g2.getFontMetrics(axis.getLabelFont());
        int full = m.stringWidth("Notional per bucket (USDT)"), mid = m.stringWidth("USDT per bucket");
        assertTrue(mid < full);
        assertEquals("Notional per bucket (USDT)", axis.fitting(axis.getLabel(), g2, 1000));
        assertEquals("Notional per bucket (USDT)", axis.fitting(axis.getLabel(), g2, full));
        assertEquals("USDT per bucket", axis.fitting(axis.getLabel(), g2, full - 1));
        assertEquals("USDT per bucket", axis.fitting(axis.getLabel(), g2, mid));
        assertEquals("USDT", axis.fitting(axis.getLabel(), g2, mid - 1));
        assertEquals("USDT", axis.fitting(axis.getLabel(), g2, 1), "none fits: the shortest");
        // a label set later is not the one the short forms belong to
        axis.setLabel("Something else entirely, and long");
        assertEquals("Something else entirely, and long", axis.fitting(axis.getLabel(), g2, 1));
        g2.dispose();
    }

    @Test
    void theLegendKeepsItsFullLabelAndOffersShorterFormsOfTheSameStyle() {
        JFreeChart chart = HeatmapChartFactory.create(TestEstimates.tiny(6, 8), "t", true, HeatmapStyle.DEFAULT);
        FittingLabelAxis axis = (FittingLabelAxis) legend(chart).getAxis();
        assertEquals("Surviving notional per cell (USDT), sqrt scale · clipped at p99.5 · contrast 50", axis.getLabel());
        assertEquals(List.of("Surviving notional per cell (USDT), sqrt scale", "USDT per cell, sqrt", "USDT per cell"),
                axis.shorterLabels());
        HeatmapChartFactory.restyle(chart, HeatmapStyle.log().withContrast(70));
        axis = (FittingLabelAxis) legend(chart).getAxis();
        assertEquals(List.of("Surviving notional per cell (USDT), log scale (4 decades)", "USDT per cell, log", "USDT per cell"),
                axis.shorterLabels());
        FittingLabelAxis plain = (FittingLabelAxis) legend(HeatmapChartFactory.create(TestEstimates.tiny(6, 8), "t", false)).getAxis();
        assertEquals("Surviving notional per cell (USDT)", plain.getLabel());
        assertEquals(List.of("USDT per cell"), plain.shorterLabels());
    }

    /**
     * The legend's label is the rightmost text of a heatmap chart, drawn upwards along the right edge. In a pane of
     * the default 2 x 2 workbench (about 550 x 240 pixels) the full label is longer than the chart is high: drawn
     * centred, it ran off the top and the bottom. Now it must lie inside the chart, clear of both edges; at
     * 1,600 x 900 (a picture) the full label fits and is drawn as before.
     */
    @Test
    void aSmallPanesLegendLabelStaysInsideTheChart() {
        EstimateResult r = TestEstimates.tiny(6, 8);
        JFreeChart chart = HeatmapChartFactory.create(r, "t", true, HeatmapStyle.DEFAULT);
        int[] rows = labelRows(chart, 550, 240);
        assertTrue(rows[0] > 2 && rows[1] < 240 - 3, "the label's rows " + rows[0] + ".." + rows[1] + " lie inside 0..239");

        int[] big = labelRows(chart, 1600, 900);
        FittingLabelAxis axis = (FittingLabelAxis) legend(chart).getAxis();
        BufferedImage probe = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = probe.createGraphics();
        int fullWidth = g2.getFontMetrics(axis.getLabelFont()).stringWidth(axis.getLabel());
        g2.dispose();
        int drawn = big[1] - big[0] + 1;
        assertTrue(Math.abs(drawn - fullWidth) <= 6, "at 1,600 x 900 the full label (" + fullWidth + " px) is drawn: " + drawn + " px");
    }

    /**
     * The map window is narrow (about 170 pixels in the default workbench): the notional axis under the bars is
     * shorter than "Notional per bucket (USDT)", whose start alone used to show. Drawn at that width, the label that
     * fits is a shorter form, as wide as the axis at most; at 400 pixels the full label is drawn.
     */
    @Test
    void theNarrowMapWindowsNotionalAxisShortensItsLabel() {
        JFreeChart map = MapChartFactory.create(TestEstimates.tiny(0, 8), "t", false,
                org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
        org.jfree.chart.plot.XYPlot plot = map.getXYPlot();
        FittingLabelAxis notional = (FittingLabelAxis) plot.getRangeAxis(0);
        assertEquals("Notional per bucket (USDT)", notional.getLabel());
        assertEquals(List.of("USDT per bucket", "USDT"), notional.shorterLabels());
        assertEquals(List.of("Cumulative", "USDT"), ((FittingLabelAxis) plot.getRangeAxis(1)).shorterLabels());

        BufferedImage img = new BufferedImage(400, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        for (int width : new int[] {170, 400}) {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            map.draw(g2, new Rectangle2D.Double(0, 0, width, 700), info);
            double axisLength = info.getPlotInfo().getDataArea().getWidth();
            String drawn = notional.fitting(notional.getLabel(), g2, axisLength);
            int drawnWidth = g2.getFontMetrics(notional.getLabelFont()).stringWidth(drawn);
            if (width == 170) {
                assertTrue(notional.shorterLabels().contains(drawn), "a shorter form at 170 px: " + drawn);
                assertTrue(drawnWidth <= axisLength, drawn + " (" + drawnWidth + " px) fits the axis's " + axisLength + " px");
            } else {
                assertEquals("Notional per bucket (USDT)", drawn, "the axis is " + axisLength + " px at 400");
            }
        }
        g2.dispose();
    }

    /** The first and last rows with text in the chart's rightmost 22 pixel columns (the legend label's). */
    private static int[] labelRows(JFreeChart chart, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
        int background = img.getRGB(width - 1, height / 2) == ChartTheme.BACKGROUND.getRGB() ? ChartTheme.BACKGROUND.getRGB() : img.getRGB(width - 1, 0);
        int first = -1, last = -1;
        for (int y = 0; y < height; y++) {
            for (int x = width - 22; x < width; x++) {
                if (img.getRGB(x, y) != background) {
                    if (first < 0) first = y;
                    last = y;
                    break;
                }
            }
        }
        assertTrue(first >= 0, "no label drawn at the right edge");
        return new int[] {first, last};
    }

    private static PaintScaleLegend legend(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) return legend;
        }
        throw new AssertionError("no colour legend");
    }
}
