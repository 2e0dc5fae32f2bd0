package org.liqlens.desktop.panes;

import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;

/**
 * Opens the default panes (simulated BTCUSDT, m1, 3d: the heatmap, and the map beside it) once the main
 * window shows, unless a chart pane is already open. The simulated market needs no network, so the app is useful on first start offline.
 */
@OnShowing
public final class OpenDefaultPaneOnShowing implements Runnable {
    @Override
    public void run() {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ChartPaneTopComponent) return;
        }
        ChartPaneTopComponent.open(PaneSpec.DEFAULT, PaneKind.MAP);
        ChartPaneTopComponent.open(PaneSpec.DEFAULT, PaneKind.HEATMAP);
    }
}
