package org.liqlens.desktop.panes;

import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;

/**
 * Opens the default heatmap pane (simulated BTCUSDT, m1, 3d) once the main window shows, unless a pane
 * is already open. The simulated market needs no network, so the app is useful on first start offline.
 */
@OnShowing
public final class OpenDefaultPaneOnShowing implements Runnable {
    @Override
    public void run() {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof HeatmapTopComponent) return;
        }
        HeatmapTopComponent.open(PaneSpec.DEFAULT);
    }
}
