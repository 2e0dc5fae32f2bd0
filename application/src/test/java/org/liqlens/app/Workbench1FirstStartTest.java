package org.liqlens.app;

import java.awt.Component;
import java.awt.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import junit.framework.Test;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.panes.FocusedMapTopComponent;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.desktop.workspaces.Workspace;
import org.liqlens.desktop.workspaces.Workspaces;
import org.openide.util.Lookup;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Boots the assembled LiqLens application (every cluster under target/liqlens) with a real window system on a
 * fresh user directory: the first start must open the Confluence workspace, and the toolbar, the linked
 * cursors and the workspace menu must work. It ends by saving a workspace and the window system as an exit
 * would; {@link Workbench2RestartTest} (run next, in its own JVM, on the same user directory) checks that they
 * come back. Needs a display: run under xvfb-run on a headless machine.
 */
public class Workbench1FirstStartTest extends WorkbenchTestSupport {

    public Workbench1FirstStartTest(String name) {
        super(name);
    }

    public static Test suite() {
        return configuration(false).addTest(Workbench1FirstStartTest.class,
                "testFreshStartOpensTheConfluenceWorkspace",
                "testProductMenusOnly",
                "testToolbarRecomputesAndRefusesBadInput",
                "testCursorLinksPanesOfOneSymbol",
                "testSaveWorkspaceThenLeave").suite();
    }

    public void testFreshStartOpensTheConfluenceWorkspace() throws Exception {
        Map<String, ChartPaneTopComponent> panes = new LinkedHashMap<>();
        for (String name : CONFLUENCE) {
            ChartPaneTopComponent p = (ChartPaneTopComponent) waitForReadyPane(name, 180_000);
            assertNotNull("Confluence pane " + name + " did not report ready within 180 s; open: " + openNames(), p);
            panes.put(name, p);
        }
        // Four distinct editor-area modes, tiled two by two: 12h | 24h above, 3d | m3 3d below.
        Map<String, Point> at = new LinkedHashMap<>();
        Set<String> modes = new HashSet<>();
        onEdt(() -> {
            WindowManager wm = WindowManager.getDefault();
            for (Map.Entry<String, ChartPaneTopComponent> e : panes.entrySet()) {
                Mode m = wm.findMode(e.getValue());
                assertTrue(e.getKey() + " is in the editor area", wm.isEditorMode(m));
                modes.add(m.getName());
                at.put(e.getKey(), e.getValue().getLocationOnScreen());
            }
            return null;
        });
        assertEquals("one mode per quadrant: " + modes, 4, modes.size());
        Point tl = at.get(CONFLUENCE[0]), tr = at.get(CONFLUENCE[1]), bl = at.get(CONFLUENCE[2]), br = at.get(CONFLUENCE[3]);
        assertTrue("24h right of 12h: " + at, tr.x > tl.x + 100 && Math.abs(tr.y - tl.y) < 10);
        assertTrue("3d below 12h: " + at, bl.y > tl.y + 100 && Math.abs(bl.x - tl.x) < 10);
        assertTrue("m3 3d below 24h and right of 3d: " + at, br.x > bl.x + 100 && br.y > tr.y + 100);

        // Each pane holds an estimate of its own window, with positions on both sides of the price.
        long[] windows = {12 * PaneSpec.HOUR, PaneSpec.DAY, 3 * PaneSpec.DAY, 3 * PaneSpec.DAY};
        int i = 0;
        for (ChartPaneTopComponent p : panes.values()) {
            assertEquals(p.getName() + " window", windows[i++], p.result().windowMs());
            assertTrue(p.getName() + " has long liquidations below the price", sum(p.result().map().longNotionals()) > 0);
            assertTrue(p.getName() + " has short liquidations above the price", sum(p.result().map().shortNotionals()) > 0);
        }
        // Longer windows accumulate more surviving notional (m1 on one simulated market).
        double n12 = total(panes.get(CONFLUENCE[0]).result()), n24 = total(panes.get(CONFLUENCE[1]).result()),
                n3d = total(panes.get(CONFLUENCE[2]).result());
        assertTrue("12h < 24h < 3d surviving notional: " + n12 + " " + n24 + " " + n3d, n12 < n24 && n24 < n3d);

        assertPaintsAHeatmap(panes.get(CONFLUENCE[2]));

        // The map of the focused pane sits at the right and follows the focus.
        TopComponent map = onEdt(() -> WindowManager.getDefault().findTopComponent(FocusedMapTopComponent.ID));
        assertNotNull(map);
        assertTrue("the focused-map window is open", onEdt(map::isOpened));
        assertEquals("liqlensProfiles", onEdt(() -> WindowManager.getDefault().findMode(map).getName()));
        ChartPaneTopComponent m3 = panes.get(CONFLUENCE[3]);
        onEdt(() -> { m3.requestActive(); return null; });
        waitFor("the map follows the focused m3 pane", () -> ((FocusedMapTopComponent) map).followed() == m3
                && Boolean.TRUE.equals(map.getClientProperty(READY)), 20_000);
        assertTrue("map tab names its pane: " + map.getDisplayName(), map.getDisplayName().contains("m3 3d"));

        String title = onEdt(() -> ((java.awt.Frame) WindowManager.getDefault().getMainWindow()).getTitle());
        assertTrue("main window title names LiqLens: " + title, title.startsWith("LiqLens"));
    }

    public void testProductMenusOnly() throws Exception {
        Map<String, List<String>> menus = onEdt(() -> {
            JMenuBar bar = ((JFrame) WindowManager.getDefault().getMainWindow()).getJMenuBar();
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                JMenu m = bar.getMenu(i);
                if (m == null) continue;
                // Platform menus fill themselves when they are about to show.
                m.setSelected(true);
                m.getPopupMenu();
                m.setSelected(false);
                List<String> items = new ArrayList<>();
                for (Component c : m.getMenuComponents()) {
                    if (c instanceof javax.swing.JMenuItem it && it.getText() != null) items.add(it.getText());
                }
                out.put(m.getText(), items);
            }
            return out;
        });
        assertFalse("no Navigate menu: " + menus.keySet(), menus.containsKey("Navigate"));
        assertFalse("no Edit menu: " + menus.keySet(), menus.containsKey("Edit"));
        List<String> window = menus.get("Window");
        assertNotNull("a Window menu: " + menus.keySet(), window);
        for (String gone : new String[] {"Web", "IDE Tools", "Editor", "Output"}) {
            assertFalse("Window › " + gone + " is gone: " + window, window.contains(gone));
        }
        assertTrue("Window › Workspaces: " + window, window.contains("Workspaces"));
        List<String> file = menus.get("File");
        assertTrue("File › Open Data File…: " + file, file.contains("Open Data File…"));
        for (String item : file) {
            assertFalse("File › " + item + ": no save or print in LiqLens", item.startsWith("Save") || item.startsWith("Print")
                    || item.startsWith("Page Setup"));
        }
    }

    @SuppressWarnings("unchecked")
    public void testToolbarRecomputesAndRefusesBadInput() throws Exception {
        ChartPaneTopComponent pane = (ChartPaneTopComponent) waitForReadyPane("BTCUSDT m1 3d (sim)", 120_000);
        assertNotNull(pane);
        long asOf = pane.result().asOf();
        double before = total(pane.result());
        JComboBox<Object> window = (JComboBox<Object>) combo(pane, "3d");
        onEdt(() -> { window.setSelectedItem("7d"); return null; });
        waitFor("the pane recomputes for 7d", () -> pane.result() != null && pane.result().windowMs() == 7 * PaneSpec.DAY
                && "BTCUSDT m1 7d (sim)".equals(pane.getName()), 120_000);
        assertEquals("same as-of, longer window", asOf, pane.result().asOf());
        assertTrue("a 7-day window holds more surviving notional than 3 days: " + total(pane.result()) + " vs " + before,
                total(pane.result()) > before);

        // A symbol that is no ticker is refused with a message in the pane, and nothing changes.
        JComboBox<Object> symbol = (JComboBox<Object>) combo(pane, "BTCUSDT");
        onEdt(() -> { symbol.setSelectedItem("BTC/USDT"); return null; });
        String banner = onEdt(() -> bannerText(pane));
        assertTrue("the pane says why: " + banner, banner != null && banner.contains("BTC/USDT") && banner.contains("ticker"));
        assertEquals("BTCUSDT", pane.spec().symbol());
        onEdt(() -> { window.setSelectedItem("3d"); return null; });
        waitFor("back to 3d", () -> pane.result() != null && pane.result().windowMs() == 3 * PaneSpec.DAY, 120_000);
    }

    public void testCursorLinksPanesOfOneSymbol() throws Exception {
        ChartPaneTopComponent eth = (ChartPaneTopComponent) waitForReadyPane("BTCUSDT m1 24h (sim)", 120_000);
        onEdt(() -> { eth.setSpec(eth.spec().withSymbol("ETHUSDT")); return null; });
        assertNotNull(waitForReadyPane("ETHUSDT m1 24h (sim)", 120_000));
        ChartPaneTopComponent from = (ChartPaneTopComponent) waitForReadyPane("BTCUSDT m1 12h (sim)", 60_000);
        ChartPaneTopComponent m1 = (ChartPaneTopComponent) waitForReadyPane("BTCUSDT m1 3d (sim)", 60_000);
        ChartPaneTopComponent m3 = (ChartPaneTopComponent) waitForReadyPane("BTCUSDT m3 3d (sim)", 60_000);
        // The mouse moves to the middle of the 12h heatmap's data area.
        double expected = onEdt(() -> {
            org.jfree.chart.ChartPanel panel = chartPanel(from);
            java.awt.geom.Rectangle2D area = panel.getScreenDataArea();
            int x = (int) area.getCenterX(), y = (int) area.getCenterY();
            org.jfree.chart.plot.XYPlot plot = panel.getChart().getXYPlot();
            double price = plot.getRangeAxis().java2DToValue(y, area, plot.getRangeAxisEdge());
            panel.dispatchEvent(new java.awt.event.MouseEvent(panel, java.awt.event.MouseEvent.MOUSE_MOVED,
                    System.currentTimeMillis(), 0, x, y, 0, false));
            return price;
        });
        assertTrue("a price inside the chart: " + expected, expected > 1000);
        for (ChartPaneTopComponent p : new ChartPaneTopComponent[] {from, m1, m3}) {
            Double at = onEdt(p::cursorPrice);
            assertNotNull(p.getName() + " draws the linked price line", at);
            assertEquals(p.getName() + " price line", expected, at, 1e-6);
            String readout = onEdt(p::readout);
            assertTrue(p.getName() + " readout names the price: " + readout,
                    readout.replace(",", "").contains(String.valueOf((long) Math.floor(expected)).substring(0, 3)));
        }
        assertNull("a pane of another symbol draws nothing", onEdt(eth::cursorPrice));
        // Leaving the chart clears the lines everywhere.
        onEdt(() -> {
            org.jfree.chart.ChartPanel panel = chartPanel(from);
            panel.dispatchEvent(new java.awt.event.MouseEvent(panel, java.awt.event.MouseEvent.MOUSE_EXITED,
                    System.currentTimeMillis(), 0, 0, 0, 0, false));
            return null;
        });
        assertNull(onEdt(m3::cursorPrice));
    }

    /** The first chart panel inside a pane (the heatmap in the default view). */
    static org.jfree.chart.ChartPanel chartPanel(java.awt.Container root) {
        for (Component c : root.getComponents()) {
            if (c instanceof org.jfree.chart.ChartPanel p && p.isShowing()) return p;
            if (c instanceof java.awt.Container k) {
                org.jfree.chart.ChartPanel p = chartPanel(k);
                if (p != null) return p;
            }
        }
        return null;
    }

    public void testSaveWorkspaceThenLeave() throws Exception {
        assertNotNull("the cursor test left one pane on ETHUSDT", waitForReadyPane("ETHUSDT m1 24h (sim)", 120_000));
        Workspace saved = onEdt(() -> Workspaces.saveAs("Two symbols"));
        assertEquals(4, saved.panes().size());
        assertTrue(Workspaces.savedNames().contains("Two symbols"));
        // What the user leaves open: the next start must show exactly these.
        List<String> open = openNames();
        Collections.sort(open);
        java.nio.file.Files.writeString(leftOpenFile(), String.join("|", open));
        // Exit saves the window system; a test has no exit, so ask for the same save directly.
        Class<?> windowSystem = Lookup.getDefault().lookup(ClassLoader.class).loadClass("org.netbeans.core.WindowSystem");
        Object impl = Lookup.getDefault().lookup(windowSystem);
        onEdt(() -> { windowSystem.getMethod("save").invoke(impl); return null; });
    }
}
