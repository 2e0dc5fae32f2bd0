package org.liqlens.desktop.panes;

import org.liqlens.engine.LiquidationEngine;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;

/**
 * The engine and the sources the panes use, for other desktop modules (the export's scorecard) that must read
 * the same data the panes do: the models installed right now, and each source as the Options configure it.
 */
public final class PaneData {
    private PaneData() { }

    /** The models installed right now (Lookup). */
    public static LiquidationEngine engine() {
        return PaneEstimator.engine();
    }

    /** One exchange, file or simulator with the user's URLs and the app's cache, shared with the panes. */
    public static MarketDataSource source(SourceSpec spec) {
        return PaneEstimator.source(spec);
    }
}
