package org.liqlens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import junit.framework.Test;
import org.liqlens.confluence.BundleReader;
import org.liqlens.confluence.ConfluenceReport;
import org.liqlens.confluence.ConfluenceZone;
import org.liqlens.desktop.confluence.ExportTopComponent;
import org.liqlens.desktop.confluence.ScorecardTopComponent;
import org.liqlens.engine.score.ScoreRow;
import org.liqlens.engine.score.ScorecardResult;
import org.liqlens.desktop.confluence.ZonesTopComponent;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The Zones window and the Export window on the Confluence workspace of a fresh start: the window compares the
 * four panes, a selected confluence row shades its band in every pane, and the exported bundle holds the same
 * tables and prompt, byte for byte, as {@code liqlens-cli bundle} for the same panes (the CLI jar the build made,
 * run as a user would).
 */
public class Workbench4ExportTest extends WorkbenchTestSupport {

    public Workbench4ExportTest(String name) {
        super(name);
    }

    public static Test suite() {
        return configuration(false).addTest(Workbench4ExportTest.class, "testZonesAndExportAgreeWithTheCli").suite();
    }

    public void testZonesAndExportAgreeWithTheCli() throws Exception {
        List<ChartPaneTopComponent> panes = new ArrayList<>();
        for (String name : CONFLUENCE) {
            TopComponent tc = waitForReadyPane(name, 180_000);
            assertNotNull("Confluence pane " + name, tc);
            panes.add((ChartPaneTopComponent) tc);
        }
        ZonesTopComponent zones = onEdt(() -> (ZonesTopComponent) WindowManager.getDefault().findTopComponent(ZonesTopComponent.ID));
        assertNotNull("the Zones window exists", zones);
        assertTrue("the Zones window opens with the workspace", onEdt(zones::isOpened));
        waitFor("the Zones window to compare the four panes", () -> zones.report() != null && zones.report().panes().size() == 4, 60_000);
        ConfluenceReport report = zones.report();
        assertFalse("the four panes agree somewhere", report.confluence().isEmpty());

        // A click on the first confluence row shades that band in every pane.
        ConfluenceZone first = report.confluence().get(0);
        onEdt(() -> { zones.selectConfluenceRow(0); return null; });
        // Another pane taking the focus refreshes the window; the band picked stays picked and shaded.
        ConfluenceReport before = zones.report();
        onEdt(() -> { panes.get(1).requestActive(); return null; });
        waitFor("the Zones window to refresh", () -> zones.report() != before, 30_000);
        for (ChartPaneTopComponent p : panes) {
            double[] band = onEdt(p::highlightedBand);
            assertNotNull(p.getName() + " shades the selected band", band);
            assertEquals(first.low(), band[0], 0);
            assertEquals(first.high(), band[1], 0);
        }

        // Export from the desktop.
        Path dir = Files.createTempDirectory("liqlens-export");
        Path desktopZip = dir.resolve("desktop.zip");
        RequestProcessor.Task task = onEdt(() -> ExportTopComponent.showExport().export(panes, desktopZip));
        assertTrue("the export finishes", task.waitFinished(120_000));
        ExportTopComponent export = onEdt(() -> (ExportTopComponent) WindowManager.getDefault().findTopComponent(ExportTopComponent.ID));
        waitFor("the status line to say where the zip went", () -> export.statusText().contains(desktopZip.toString()), 10_000);
        assertTrue(Files.isRegularFile(desktopZip));

        // The same panes through the CLI.
        Path cli = Paths.get("..", "modules", "cli", "target", "liqlens-cli.jar").toAbsolutePath().normalize();
        assertTrue("the build made the CLI jar: " + cli, Files.isRegularFile(cli));
        Path cliZip = dir.resolve("cli.zip");
        String at = Instant.ofEpochMilli(report.asOf()).toString();
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cli.toString(),
                "bundle", "--source", "sim", "--symbol", "BTCUSDT", "--at", at, "--panes", "m1:12h,m1:24h,m1:3d,m3:3d",
                "--out", cliZip.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue("the CLI finishes", p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("liqlens-cli bundle: " + output, 0, p.exitValue());

        BundleReader desktop = BundleReader.read(desktopZip), headless = BundleReader.read(cliZip);
        assertEquals("the same files", headless.entryNames(), desktop.entryNames());
        for (String name : desktop.entryNames()) {
            if (name.startsWith("tables/") || name.equals("prompt.md")) {
                assertEquals(name + " is byte-identical", new String(headless.entry(name)), new String(desktop.entry(name)));
            }
        }
        assertTrue(desktop.entryNames().contains("images/m1-12h.png"));
        assertTrue(desktop.prompt().contains("BTCUSDT"));
        assertTrue("the bundle holds the panes' scorecard: " + desktop.entryNames(), desktop.entryNames().contains("tables/scorecard.csv"));
        assertTrue("the prompt quotes each pane's verdict: " + desktop.prompt(), desktop.prompt().contains("- `m3-3d` (m3, 3d): "));

        // The scorecard: every pane wears its verdict, and the Scorecard window's numbers are the CLI's.
        for (ChartPaneTopComponent pane : panes) {
            waitFor(pane.getName() + "'s scorecard badge", () -> pane.scoreBadgeText().startsWith("scorecard: ")
                    && !pane.scoreBadgeText().contains("measuring"), 180_000);
            assertFalse("the badge never claims what was not measured: " + pane.scoreBadgeText(), pane.scoreBadgeText().contains("n/a"));
        }
        ScorecardTopComponent scorecard = onEdt(() -> {
            ScorecardTopComponent tc = (ScorecardTopComponent) WindowManager.getDefault().findTopComponent(ScorecardTopComponent.ID);
            tc.open();
            tc.follow(panes.get(0).spec());
            return tc;
        });
        waitFor("the Scorecard window's result", () -> scorecard.result() != null, 180_000);
        ScorecardResult shown = scorecard.result();
        Process score = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cli.toString(),
                "score", "--source", "sim", "--symbol", "BTCUSDT", "--models", "m1", "--windows", "12h", "--format", "csv")
                .redirectErrorStream(false).start();
        String csv = new String(score.getInputStream().readAllBytes());
        assertTrue(score.waitFor(120, TimeUnit.SECONDS));
        assertEquals("liqlens-cli score", 0, score.exitValue());
        String[] lines = csv.strip().split("\n");
        List<String> header = List.of(lines[0].split(","));
        int cases = header.indexOf("cases"), hits = header.indexOf("hits"), verdict = header.indexOf("verdict");
        assertTrue("columns: " + header, cases >= 0 && hits >= 0 && verdict >= 0);
        assertEquals("one row per band and horizon", lines.length - 1, shown.rows().size());
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            ScoreRow row = shown.rows().get(i - 1);
            assertEquals("cases, row " + i, Integer.parseInt(cells[cases]), row.cases());
            assertEquals("hits, row " + i, Integer.parseInt(cells[hits]), row.hits());
            assertEquals("verdict, row " + i, cells[verdict], row.verdict());
        }
    }
}
