package org.liqlens.app;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JToolBar;
import junit.framework.Test;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.panes.FocusedMapTopComponent;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.desktop.workspaces.Workspace;
import org.liqlens.desktop.workspaces.Workspaces;
import org.liqlens.engine.EstimateResult;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.netbeans.junit.NbTestSuite;
import org.openide.util.Lookup;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/** What the workbench tests share: waiting for panes, running on the EDT, reading results. */
abstract class WorkbenchTestSupport extends NbTestCase {

    static final String READY = ChartPaneTopComponent.PROPERTY_READY;
    static final String[] CONFLUENCE = {"BTCUSDT m1 12h (sim)", "BTCUSDT m1 24h (sim)", "BTCUSDT m1 3d (sim)", "BTCUSDT m3 3d (sim)"};

    WorkbenchTestSupport(String name) {
        super(name);
    }

    static NbModuleSuite.Configuration configuration(boolean reuseUserDir) {
        return NbModuleSuite.emptyConfiguration()
                .gui(true)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .reuseUserDir(reuseUserDir);
    }

    /** What the first start leaves open, kept in the user directory for the restart (another JVM). */
    static java.nio.file.Path leftOpenFile() {
        return org.openide.modules.Places.getUserDirectory().toPath().resolve("liqlens-test-left-open.txt");
    }


    static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    static double total(EstimateResult r) {
        return sum(r.map().longNotionals()) + sum(r.map().shortNotionals());
    }

    static String bannerText(Container root) {
        for (Component c : root.getComponents()) {
            if (c instanceof JLabel l && l.isVisible() && l.getText() != null && l.getText().startsWith("Not applied")) return l.getText();
            if (c instanceof Container k) {
                String t = bannerText(k);
                if (t != null) return t;
            }
        }
        return null;
    }

    static JComboBox<?> combo(ChartPaneTopComponent pane, String showing) throws Exception {
        return onEdt(() -> {
            for (Component c : pane.getComponents()) {
                if (c instanceof JToolBar bar) {
                    for (Component b : bar.getComponents()) {
                        if (b instanceof JComboBox<?> box && showing.equals(String.valueOf(box.getSelectedItem()))) return box;
                    }
                }
            }
            throw new AssertionError("no toolbar combo showing " + showing);
        });
    }

    static void assertPaintsAHeatmap(TopComponent pane) throws Exception {
        BufferedImage img = onEdt(() -> {
            int w = Math.max(pane.getWidth(), 600), h = Math.max(pane.getHeight(), 400);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            pane.paint(g);
            g.dispose();
            return out;
        });
        Set<Integer> colours = new HashSet<>();
        int warm = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = rgb >> 16 & 0xFF, gr = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 180 && gr > 60 && b < 120) warm++; // inferno's orange-to-yellow end
            }
        }
        assertTrue("a painted heatmap has many colours, got " + colours.size(), colours.size() > 200);
        assertTrue("a painted heatmap has bright (orange/yellow) cells, got " + warm, warm > 50);
    }

    static List<String> openNames() throws Exception {
        return onEdt(() -> {
            List<String> names = new ArrayList<>();
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                if (tc instanceof ChartPaneTopComponent) names.add(tc.getName());
            }
            return names;
        });
    }

    static TopComponent waitForReadyPane(String name, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            TopComponent found = onEdtWhenUp(() -> {
                for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                    if (name.equals(tc.getName()) && Boolean.TRUE.equals(tc.getClientProperty(READY))
                            && tc instanceof ChartPaneTopComponent p && p.result() != null) return tc;
                }
                return null;
            });
            if (found != null) return found;
            Thread.sleep(250);
        }
        return null;
    }

    static void waitFor(String what, Callable<Boolean> condition, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(onEdtWhenUp(condition))) return;
            Thread.sleep(200);
        }
        fail("timed out waiting until " + what);
    }

    /**
     * {@link #onEdt}, but null while the platform is still starting: in the first seconds the window system can
     * be the platform's stand-in, whose classes may not load yet (seen as NoClassDefFoundError on a loaded
     * machine). A poll retries; a real failure shows as the wait's timeout.
     */
    static <T> T onEdtWhenUp(Callable<T> c) throws Exception {
        try {
            return onEdt(c);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError) return null;
            throw e;
        }
    }

    static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) throw err.get();
        return out.get();
    }
}
