package org.liqlens.desktop.panes;

/** What a chart pane draws from its estimate. */
public enum PaneView {
    /** Time × price heatmap with candles. */
    HEATMAP("Heatmap", ""),
    /** The liquidation map at the as-of instant, price vertical. */
    MAP("Map", " map"),
    /** The heatmap with the map beside it, sharing the price axis range. */
    BOTH("Heatmap + map", " +map");

    private final String label;
    private final String titleSuffix;

    PaneView(String label, String titleSuffix) {
        this.label = label;
        this.titleSuffix = titleSuffix;
    }

    String titleSuffix() { return titleSuffix; }

    boolean hasHeatmap() { return this != MAP; }

    @Override
    public String toString() { return label; }
}
