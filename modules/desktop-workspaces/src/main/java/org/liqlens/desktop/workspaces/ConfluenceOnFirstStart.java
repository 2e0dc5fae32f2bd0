package org.liqlens.desktop.workspaces;

import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;

/**
 * On the very first start (a fresh user directory) opens the Confluence workspace. Later starts show what the
 * window system restored, which is what the user left, even when that is no pane at all; except after a run
 * that did not end cleanly (killed, a crash, a power cut), when the window system saved no pane: then the
 * panes of the last autosaved session come back ({@link SessionAutosave}).
 */
@OnShowing
public final class ConfluenceOnFirstStart implements Runnable {
    @Override
    public void run() {
        boolean firstStart = !Workspaces.preferences().getBoolean(Workspaces.FIRST_START_DONE, false);
        boolean endedCleanly = SessionAutosave.previousRunEndedCleanly();
        Workspaces.preferences().putBoolean(Workspaces.FIRST_START_DONE, true);
        Workspaces.flush();
        SessionAutosave.start();
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ChartPaneTopComponent) return;
        }
        if (firstStart) {
            Workspaces.apply(Workspaces.defaultWorkspace());
        } else if (!endedCleanly) {
            SessionAutosave.restore();
        }
    }
}
