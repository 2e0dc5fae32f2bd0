package org.liqlens.desktop.workspaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.desktop.panes.PaneView;

/** The workspace file: what is written comes back exactly, and a damaged file says what is wrong where. */
class WorkspaceFileTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceComesBackExactly() throws IOException {
        long asOf = java.time.Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        PaneSpec eth = new PaneSpec("binance", "ethusdt", "m2", 7 * PaneSpec.DAY, asOf, PaneView.BOTH,
                Map.of("ladder.25x", 0.5, "mmr", 0.005));
        PaneSpec file = new PaneSpec("file:/data/LINK USDT/x.zip", "LINKUSDT", "m1", 12 * PaneSpec.HOUR);
        Workspace ws = new Workspace("Morning = review", "ETHUSDT",
                List.of(new Workspace.Pane("editor", eth, true), new Workspace.Pane("anonymousMode_3", file, false, 80)),
                Map.of("editor", "<mode version=\"2.4\"><name unique=\"editor\"/></mode>"), false);
        Path f = dir.resolve("a.workspace");
        ws.write(f);
        Workspace back = Workspace.read(f);
        assertEquals(ws, back);
        assertEquals("ETHUSDT", back.panes().get(0).spec().symbol(), "symbols are stored upper-case");
        assertEquals(asOf, back.panes().get(0).spec().asOfMs());
        assertEquals(80, back.panes().get(1).contrast(), "the contrast slider's position comes back");
        assertEquals(50, back.panes().get(0).contrast());
        assertEquals(0.5, back.panes().get(0).spec().params().get("ladder.25x"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void confluenceTilesFourQuadrantsOfOneSymbol() {
        Workspace c = Workspace.confluence("sim", "SOLUSDT");
        assertEquals(List.of("SOLUSDT m1 12h (sim)", "SOLUSDT m1 24h (sim)", "SOLUSDT m1 3d (sim)", "SOLUSDT m3 3d (sim)"),
                c.panes().stream().map(p -> p.spec().title()).toList());
        assertEquals(4, c.panes().stream().map(Workspace.Pane::mode).distinct().count());
        // Quadrant 3 (bottom right): second column, second row of the editor area.
        String br = c.modeXml().get(c.panes().get(3).mode());
        assertTrue(br.contains("orientation=\"horizontal\" number=\"1\"") && br.contains("orientation=\"vertical\" number=\"1\""), br);
    }

    @Test
    void aDamagedFileNamesTheFileAndTheKey() throws IOException {
        Path f = dir.resolve("bad.workspace");
        Files.writeString(f, "format=1\nname=x\npanes=1\npane.0.mode=editor\npane.0.view=HEATMAP\npane.0.asOf=latest\n"
                + "pane.0.source=sim\npane.0.symbol=BTC/USDT\npane.0.model=m1\npane.0.window=3d\nmodes=0\n");
        IOException e = assertThrows(IOException.class, () -> Workspace.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("BTC/USDT"), e.getMessage());

        Files.writeString(f, "format=1\nname=x\npanes=2\nmodes=0\n");
        e = assertThrows(IOException.class, () -> Workspace.read(f));
        assertTrue(e.getMessage().contains("missing pane.0.mode"), e.getMessage());

        Files.writeString(f, "format=1\nname=x\npanes=lots\nmodes=0\n");
        e = assertThrows(IOException.class, () -> Workspace.read(f));
        assertTrue(e.getMessage().contains("panes is \"lots\""), e.getMessage());
    }

    @Test
    void namesThatCannotBeFilesAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workspace.checkName("a/b"));
        assertTrue(e.getMessage().contains("'/'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workspace.checkName("  "));
        assertThrows(IllegalArgumentException.class, () -> Workspace.checkName(".hidden"));
        assertFalse(Workspace.checkName(" Two symbols ").startsWith(" "));
    }

    @Test
    void asOfAndWindowTextIsReadOrRefusedInWords() {
        assertEquals(java.time.Instant.parse("2026-11-20T12:00:00Z").toEpochMilli(), PaneSpec.parseAsOf("2026-11-20 12:00"));
        assertEquals(java.time.Instant.parse("2026-11-20T00:00:00Z").toEpochMilli(), PaneSpec.parseAsOf("2026-11-20"));
        assertEquals(null, PaneSpec.parseAsOf("live"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PaneSpec.parseAsOf("yesterday"));
        assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
        assertEquals(90 * PaneSpec.MINUTE, PaneSpec.parseWindow("90m"));
        assertEquals(30 * PaneSpec.DAY, PaneSpec.parseWindow("30d"));
        assertThrows(IllegalArgumentException.class, () -> PaneSpec.parseWindow("3x"));
        assertThrows(IllegalArgumentException.class, () -> PaneSpec.parseWindow("500d"));
    }
}
