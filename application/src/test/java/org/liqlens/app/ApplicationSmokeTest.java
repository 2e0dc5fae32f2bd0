package org.liqlens.app;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Boots the assembled LiqLens application (every cluster under target/liqlens) with a real window system,
 * waits for the start-up heatmap pane, and checks that it painted a heatmap rather than an empty panel.
 * Needs a display: run under xvfb-run on a headless machine.
 */
public class ApplicationSmokeTest extends NbTestCase {

    private static final String READY = "liqlens.heatmap.ready";

    public ApplicationSmokeTest(String name) {
        super(name);
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(ApplicationSmokeTest.class)
                .gui(true)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .suite();
    }

    public void testStartupHeatmapPaneOpensAndPaintsAHeatmap() throws Exception {
        TopComponent pane = waitForReadyPane("BTCUSDT m1 3d (sim)", 120_000);
        assertNotNull("the start-up heatmap pane (simulated BTCUSDT, m1, 3d) did not report ready within 120 s", pane);
        TopComponent map = waitForReadyPane("BTCUSDT m1 3d map (sim)", 60_000);
        assertNotNull("the start-up map pane did not report ready within 60 s", map);
        AtomicReference<String> modes = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> modes.set(WindowManager.getDefault().findMode(pane).getName() + "/"
                + WindowManager.getDefault().findMode(map).getName()));
        assertEquals("heatmap in the editor area, map in the branded side mode", "editor/liqlensProfiles", modes.get());

        AtomicReference<String> mainTitle = new AtomicReference<>();
        AtomicReference<BufferedImage> shot = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            mainTitle.set(((java.awt.Frame) WindowManager.getDefault().getMainWindow()).getTitle());
            int w = Math.max(pane.getWidth(), 800);
            int h = Math.max(pane.getHeight(), 500);
            pane.setSize(w, h);
            pane.doLayout();
            for (Component c : pane.getComponents()) {
                c.setSize(w, h);
                if (c instanceof JComponent jc) jc.doLayout();
            }
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            pane.paint(g);
            g.dispose();
            shot.set(img);
        });
        assertTrue("main window title names LiqLens: " + mainTitle.get(), mainTitle.get().startsWith("LiqLens"));

        BufferedImage img = shot.get();
        Set<Integer> colours = new HashSet<>();
        int warm = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = rgb >> 16 & 0xFF, gr = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                // inferno's orange-to-yellow end: strong red, clearly more red than blue
                if (r > 180 && gr > 60 && b < 120) warm++;
            }
        }
        assertTrue("a painted heatmap has many colours, got " + colours.size(), colours.size() > 200);
        assertTrue("a painted heatmap has bright (orange/yellow) cells, got " + warm, warm > 50);
    }

    private static TopComponent waitForReadyPane(String name, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            AtomicReference<TopComponent> found = new AtomicReference<>();
            EventQueue.invokeAndWait(() -> {
                for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                    if (name.equals(tc.getName()) && Boolean.TRUE.equals(tc.getClientProperty(READY))) found.set(tc);
                }
            });
            if (found.get() != null) return found.get();
            Thread.sleep(250);
        }
        return null;
    }
}
