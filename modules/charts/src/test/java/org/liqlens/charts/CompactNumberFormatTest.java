package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * Compact notionals. A bundle's 1,600 x 900 heatmap had its legend ticked every 50K up to 1.8M and labelled "1.8M,
 * 1.8M, 1.7M, 1.7M, 1.6M, …": one decimal printed 1.75M and 1.8M alike. Tick labels now keep four significant digits.
 */
class CompactNumberFormatTest {

    @Test
    void tickLabelsKeepFourSignificantDigitsAndDropTrailingZeros() {
        CompactNumberFormat f = CompactNumberFormat.forTicks();
        assertEquals("1.75M", f.format(1_750_000));
        assertEquals("1.8M", f.format(1_800_000));
        assertEquals("1M", f.format(1_000_000));
        assertEquals("1M", f.format(999_999.9), "rounded first, then given its suffix");
        assertEquals("950K", f.format(950_000));
        assertEquals("12.25M", f.format(12_250_000));
        assertEquals("2.5K", f.format(2_500));
        assertEquals("1.025M", f.format(1_025_000));
        assertEquals("3.2B", f.format(3_200_000_000.0));
        assertEquals("500", f.format(500));
        assertEquals("0.05", f.format(0.05));
        assertEquals("0", f.format(0));
        assertEquals("0", f.format(-1e-12), "a residue of the steps before a zero tick");
        assertEquals("-1.75M", f.format(-1_750_000));
    }

    @Test
    void figuresReadOnTheirOwnKeepOneDecimal() {
        CompactNumberFormat f = new CompactNumberFormat();
        assertEquals("1.8M", f.format(1_750_000));
        assertEquals("4.9B", f.format(4_870_000_000.0));
        assertEquals("950K", f.format(950_000));
        assertEquals("12", f.format(12));
    }

    /** Legends of five ranges at four heights (760 px from 0 to 1.8M: 50K steps): every tick's label differs. */
    @Test
    void aLegendsTickLabelsAreAllDifferent() {
        for (double top : new double[] {1_800_000, 2_400, 12_500_000, 350_000_000, 7_300_000_000.0}) {
            for (int height : new int[] {120, 240, 480, 760}) {
                NumberAxis axis = new NumberAxis();
                axis.setTickLabelFont(ChartTheme.TICK_FONT);
                axis.setRange(0, top);
                axis.setNumberFormatOverride(CompactNumberFormat.forTicks());
                BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
                Graphics2D g2 = img.createGraphics();
                List<String> labels = new ArrayList<>();
                for (Object t : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 20, height), RectangleEdge.RIGHT)) {
                    String text = ((ValueTick) t).getText();
                    if (!text.isEmpty()) labels.add(text);          // minor ticks have none
                }
                g2.dispose();
                assertEquals(labels.size(), new HashSet<>(labels).size(), "0.." + top + " at " + height + " px: " + labels);
            }
        }
    }
}
