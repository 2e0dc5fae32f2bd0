package org.liqlens.app;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import org.openide.windows.WindowManager;

/** A picture of the main window, for the README (set -Dliqlens.screenshot=FILE when running a workbench test). */
final class ScreenshotSupport {
    private ScreenshotSupport() { }

    static void capture(Path file) throws Exception {
        Thread.sleep(3000);   // let the panes finish painting
        Rectangle bounds = WorkbenchTestSupport.onEdt(() -> {
            JFrame f = (JFrame) WindowManager.getDefault().getMainWindow();
            return new Rectangle(f.getLocationOnScreen(), f.getSize());
        });
        BufferedImage img = new Robot().createScreenCapture(bounds);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }
}
