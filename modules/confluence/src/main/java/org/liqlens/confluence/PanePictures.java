package org.liqlens.confluence;

/**
 * A pane's pictures as the bundle holds them: the heatmap as PNG and as SVG, at one size.
 *
 * @param width  the size they were drawn at
 * @param height the size they were drawn at
 */
public record PanePictures(int width, int height, byte[] png, byte[] svg) {

    /** Draws the pane's heatmap ({@link ChartImages#heatmap}) as PNG and SVG; seconds of CPU for many panes, so off the EDT. */
    public static PanePictures draw(PaneEstimate pane, int width, int height) {
        org.jfree.chart.JFreeChart chart = ChartImages.heatmap(pane);
        // The PNG first: the heatmap layer keeps the cell image it renders for this size, and the SVG reuses it.
        byte[] png = ChartImages.png(chart, width, height);
        return new PanePictures(width, height, png, ChartImages.svg(chart, width, height, "liqlens-"));
    }
}
