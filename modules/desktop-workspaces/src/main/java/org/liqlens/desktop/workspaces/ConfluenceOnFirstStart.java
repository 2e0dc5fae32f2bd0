package org.liqlens.desktop.workspaces;

import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;

/**
 * On the very first start (a fresh user directory) opens the Confluence workspace. Later starts show what
 * the window system restored, which is what the user left, even when that is no pane at all.
 */
@OnShowing
public final class ConfluenceOnFirstStart implements Runnable {
    @Override
    public void run() {
        boolean firstStart = !Workspaces.preferences().getBoolean(Workspaces.FIRST_START_DONE, false);
        Workspaces.preferences().putBoolean(Workspaces.FIRST_START_DONE, true);
        Workspaces.flush();
        if (!firstStart) return;
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ChartPaneTopComponent) return;
        }
        Workspaces.apply(Workspaces.defaultWorkspace());
    }
}
