package org.liqlens.app;

import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import junit.framework.Test;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.workspaces.Workspaces;
import org.openide.windows.TopComponent;

/**
 * The second start on the user directory {@link Workbench1FirstStartTest} left: the panes it left open come
 * back from the window system and recompute from their specs (the Confluence default is not opened on top),
 * and its saved workspace can be switched to. Surefire runs the test classes in name order, each in its own
 * JVM (see application/pom.xml).
 */
public class Workbench2RestartTest extends WorkbenchTestSupport {

    public Workbench2RestartTest(String name) {
        super(name);
    }

    public static Test suite() {
        return configuration(true).addTest(Workbench2RestartTest.class, "testRestartBringsBackPanesAndWorkspace").suite();
    }

    public void testRestartBringsBackPanesAndWorkspace() throws Exception {
        assertTrue("the first start ran and left " + leftOpenFile(), Files.exists(leftOpenFile()));
        String left = Files.readString(leftOpenFile());
        for (String name : left.split("\\|")) {
            // The message is built only on failure: before the window system is up, asking for open windows
            // reaches the platform's stand-in window manager, which cannot answer.
            if (waitForReadyPane(name, 180_000) == null) {
                fail("restored and recomputed after the restart: " + name + "; open: " + openNames());
            }
        }
        List<String> open = openNames();
        Collections.sort(open);
        assertEquals("the same panes, and not the Confluence default on top", left, String.join("|", open));
        assertTrue("the saved workspace is listed: " + Workspaces.savedNames(), Workspaces.savedNames().contains("Two symbols"));

        // Switching to the default and back restores the saved arrangement.
        onEdt(() -> { Workspaces.apply(Workspaces.defaultWorkspace()); return null; });
        for (String name : CONFLUENCE) assertNotNull(name, waitForReadyPane(name, 120_000));
        onEdt(() -> { Workspaces.apply(Workspaces.load("Two symbols")); return null; });
        assertNotNull(waitForReadyPane("ETHUSDT m1 24h (sim)", 120_000));
        assertEquals(4, onEdt(() -> {
            int n = 0;
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) if (tc instanceof ChartPaneTopComponent) n++;
            return n;
        }).intValue());
    }
}
