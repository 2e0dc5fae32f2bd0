package org.liqlens.desktop.panes;

import java.text.DecimalFormat;
import java.util.Locale;
import org.liqlens.charts.CompactNumberFormat;
import org.liqlens.charts.CursorReadout;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.market.Side;

/**
 * The readout under a chart for a cursor: the price, the notional in the cell there, and what a move from the
 * current price to the cursor would liquidate (the map's cumulative curve), e.g.
 * "94,120 · cell 12.3 M · longs 1.24 B down to here (−0.3 %)".
 */
final class CursorText {
    private CursorText() { }

    static String describe(EstimateResult r, double price, Long timeMs) {
        if (r == null) return "";
        CursorReadout c = timeMs != null && r.heatmap() != null ? CursorReadout.onHeatmap(r, timeMs, price) : CursorReadout.onMap(r, price);
        StringBuilder b = new StringBuilder(new DecimalFormat("#,##0.##").format(price));
        if (c.hasCell()) b.append(" · cell ").append(compact(c.cellNotional()));
        if (c.cumulativeSide() != null) {
            b.append(" · ").append(c.cumulativeSide() == Side.LONG ? "longs " : "shorts ").append(compact(c.cumulativeNotional()))
                    .append(c.cumulativeSide() == Side.LONG ? " down to here" : " up to here")
                    .append(String.format(Locale.ROOT, " (%+.2f %%)", c.distancePercent()));
            if (c.beyondRange()) b.append(", more beyond the range");
        }
        return b.toString();
    }

    /** 12.3M, 1.2B: the charts' own compact labels, so the readout reads like the colour strip. */
    static String compact(double v) {
        return new CompactNumberFormat().format(v);
    }
}
