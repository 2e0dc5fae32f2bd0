package org.liqlens.desktop.workspaces;

import org.liqlens.desktop.panes.PaneWarmUp;
import org.openide.modules.OnStart;

/**
 * On the very first start, as soon as the modules are up and while the window system is still being built,
 * prepares the first pane of the workspace {@link ConfluenceOnFirstStart} is about to open
 * ({@link PaneWarmUp}): launch → first painted heatmap is what a new user waits through.
 */
@OnStart
public final class WarmUpOnFirstStart implements Runnable {
    @Override
    public void run() {
        if (Workspaces.preferences().getBoolean(Workspaces.FIRST_START_DONE, false)) return;
        Workspace ws = Workspaces.defaultWorkspace();
        if (!ws.panes().isEmpty()) PaneWarmUp.prepare(ws.panes().get(0).spec());
    }
}
