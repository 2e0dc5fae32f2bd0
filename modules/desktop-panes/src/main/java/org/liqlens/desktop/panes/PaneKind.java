package org.liqlens.desktop.panes;

/** What a chart pane draws from its estimate, and where it docks by default. */
public enum PaneKind {
    /** Time x price heatmap with candles: the editor area, where panes are wide. */
    HEATMAP("editor", ""),
    /** The liquidation map at the as-of instant, price vertical: the tall mode at the right. */
    MAP("liqlensProfiles", " map");

    private final String mode;
    private final String titleSuffix;

    PaneKind(String mode, String titleSuffix) {
        this.mode = mode;
        this.titleSuffix = titleSuffix;
    }

    String mode() { return mode; }
    String titleSuffix() { return titleSuffix; }
}
