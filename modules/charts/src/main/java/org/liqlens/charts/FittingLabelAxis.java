package org.liqlens.charts;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis whose label shortens to fit the axis. A long label on a short axis is drawn centred and runs past
 * both ends, so a small pane of the default 2 x 2 workbench showed the middle of its colour legend's label ("otional
 * per cell (USDT), sqrt scale · c"), and the narrow map window "Notional per bucket (US". This axis keeps its full
 * label ({@link #getLabel()}, which a large picture shows) and draws the first of the full label and its shorter
 * forms that fits the axis's length, or the shortest form when none does.
 */
final class FittingLabelAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    private final String full;
    private final List<String> shorter;

    /** @param shorter the label's shorter forms, longest first */
    FittingLabelAxis(String label, List<String> shorter) {
        super(label);
        this.full = label;
        this.shorter = List.copyOf(shorter);
    }

    /** The shorter forms, longest first. */
    List<String> shorterLabels() {
        return shorter;
    }

    @Override
    protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea,
                                  RectangleEdge edge, AxisState state) {
        double length = RectangleEdge.isLeftOrRight(edge) ? dataArea.getHeight() : dataArea.getWidth();
        return super.drawLabel(fitting(label, g2, length), g2, plotArea, dataArea, edge, state);
    }

    /**
     * What to draw for {@code label} on an axis {@code length} pixels long: the label when it fits, else the first
     * shorter form that fits, else the shortest. A label set later, other than the one this axis was made with,
     * is drawn as it is.
     */
    String fitting(String label, Graphics2D g2, double length) {
        if (label == null || !label.equals(full) || shorter.isEmpty()) return label;
        FontMetrics metrics = g2.getFontMetrics(getLabelFont());
        if (metrics.stringWidth(label) <= length) return label;
        for (String s : shorter) {
            if (metrics.stringWidth(s) <= length) return s;
        }
        return shorter.get(shorter.size() - 1);
    }
}
