package org.liqlens.app;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import junit.framework.Test;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.workspaces.SessionAutosave;
import org.openide.windows.TopComponent;

/**
 * The session autosave: the open panes are written to {@code config/LiqLens/session.workspace} a moment after
 * the windows change, so that a run that is killed (the window system saves panes only at a clean exit) does not
 * come back to an empty workbench; the restore reopens exactly those panes.
 */
public class Workbench6SessionTest extends WorkbenchTestSupport {

    public Workbench6SessionTest(String name) {
        super(name);
    }

    public static Test suite() {
        return configuration(false).addTest(Workbench6SessionTest.class, "testTheOpenPanesAreAutosavedAndRestored").suite();
    }

    public void testTheOpenPanesAreAutosavedAndRestored() throws Exception {
        for (String name : CONFLUENCE) assertNotNull(name, waitForReadyPane(name, 180_000));
        Path session = SessionAutosave.file();
        waitFor("the session file to list the four panes", () -> savedPanes(session) == 4, 30_000);

        // one pane closed: the file follows
        onEdt(() -> { findPane(CONFLUENCE[0]).close(); return null; });
        waitFor("the session file to list three panes", () -> savedPanes(session) == 3, 30_000);
        List<String> before = openPaneNames();
        byte[] threePanes = Files.readAllBytes(session);

        // every pane closed: the file follows to none
        onEdt(() -> {
            for (TopComponent tc : new ArrayList<>(TopComponent.getRegistry().getOpened())) {
                if (tc instanceof ChartPaneTopComponent) tc.close();
            }
            return null;
        });
        waitFor("the session file to list no pane", () -> savedPanes(session) == 0, 30_000);

        // a run killed while the three were open leaves the three-pane file: the restore brings them back
        Files.write(session, threePanes);
        onEdt(() -> { SessionAutosave.restore(); return null; });
        for (String name : before) assertNotNull(name + " restored and recomputed", waitForReadyPane(name, 120_000));
        assertEquals(before, openPaneNames());
    }

    private static ChartPaneTopComponent findPane(String name) {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ChartPaneTopComponent p && name.equals(p.getName())) return p;
        }
        throw new AssertionError("no pane " + name);
    }

    private static List<String> openPaneNames() throws Exception {
        return onEdt(() -> {
            List<String> out = new ArrayList<>();
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) if (tc instanceof ChartPaneTopComponent) out.add(tc.getName());
            Collections.sort(out);
            return out;
        });
    }

    private static int savedPanes(Path file) throws Exception {
        if (!Files.isRegularFile(file)) return -1;
        String n = read(file).getProperty("panes");
        return n == null ? -1 : Integer.parseInt(n);
    }

    private static Properties read(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
