package org.liqlens.desktop.panes;

/** How heatmap intensity maps to colour (Options › LiqLens › Workbench). Intensity is relative in every case. */
public enum HeatmapScale {
    LINEAR("Linear"),
    SQRT("Square root"),
    LOG("Logarithmic"),
    PERCENTILE("Percentile clip");

    private final String label;

    HeatmapScale(String label) {
        this.label = label;
    }

    @Override
    public String toString() { return label; }
}
