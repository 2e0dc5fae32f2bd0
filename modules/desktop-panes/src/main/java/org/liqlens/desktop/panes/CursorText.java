package org.liqlens.desktop.panes;

import java.text.DecimalFormat;
import org.liqlens.engine.EstimateResult;

/** The readout under a chart for a cursor at a price (and time). */
final class CursorText {
    private CursorText() { }

    static String describe(EstimateResult r, double price, Long timeMs) {
        return new DecimalFormat("#,##0.##").format(price);
    }
}
