package org.liqlens.desktop.workspaces;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.panes.FocusedMapTopComponent;
import org.liqlens.desktop.panes.WorkbenchSettings;
import org.openide.modules.Places;
import org.openide.util.NbPreferences;
import org.openide.windows.Mode;
import org.openide.windows.ModeUtilities;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Saves, lists, applies, renames and deletes named workspaces. The current arrangement itself survives a
 * restart through the window system (panes persist their spec); a named workspace is a snapshot the user can
 * switch back to. Files live in the user directory under {@code config/LiqLens/Workspaces}. Apply and capture
 * run on the EDT.
 */
public final class Workspaces {
    private static final Logger LOG = Logger.getLogger(Workspaces.class.getName());
    static final String CURRENT = "currentWorkspace";
    static final String FIRST_START_DONE = "firstStartDone";

    private Workspaces() { }

    static Preferences preferences() {
        return NbPreferences.forModule(Workspaces.class);
    }

    /** Preferences are written lazily; a crash right after a save must not forget which workspace is current. */
    static void flush() {
        try {
            preferences().flush();
        } catch (java.util.prefs.BackingStoreException e) {
            LOG.log(Level.INFO, "cannot store workspace preferences", e);
        }
    }

    /** The workspace last saved or switched to; "Confluence" on a fresh start. */
    public static String currentName() {
        return preferences().get(CURRENT, Workspace.CONFLUENCE);
    }

    static Path folder() {
        File userdir = Places.getUserDirectory();
        Path base = userdir != null ? userdir.toPath().resolve("config") : Path.of(System.getProperty("user.home"), ".liqlens");
        return base.resolve("LiqLens").resolve("Workspaces");
    }

    static Path file(String name) {
        return folder().resolve(Workspace.checkName(name) + Workspace.FILE_SUFFIX);
    }

    /** The saved workspaces' names, sorted; unreadable files are logged and skipped. */
    public static List<String> savedNames() {
        List<String> names = new ArrayList<>();
        Path dir = folder();
        if (!Files.isDirectory(dir)) return names;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + Workspace.FILE_SUFFIX)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                names.add(n.substring(0, n.length() - Workspace.FILE_SUFFIX.length()));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list " + dir, e);
        }
        names.sort(Comparator.comparing(String::toLowerCase));
        return names;
    }

    /** Reads a saved workspace. @throws IOException naming the file and the problem */
    public static Workspace load(String name) throws IOException {
        Path f = file(name);
        if (!Files.isRegularFile(f)) throw new IOException("no workspace named \"" + name + "\" (" + f + ")");
        return Workspace.read(f);
    }

    /** Captures the open panes as workspace {@code name}, writes it and makes it current. EDT. */
    public static Workspace saveAs(String name) throws IOException {
        Workspace ws = capture(name);
        ws.write(file(ws.name()));
        preferences().put(CURRENT, ws.name());
        flush();
        return ws;
    }

    public static void rename(String from, String to) throws IOException {
        Path source = file(from);
        Workspace ws = Workspace.read(source);
        Path target = file(to);
        if (Files.exists(target) && !target.equals(source)) throw new IOException("a workspace named \"" + to + "\" exists already");
        new Workspace(to, ws.linkedSymbol(), ws.panes(), ws.modeXml(), ws.mapOpen()).write(target);
        if (!target.equals(source)) Files.delete(source);
        if (currentName().equals(from)) preferences().put(CURRENT, Workspace.checkName(to));
    }

    public static void delete(String name) throws IOException {
        Files.deleteIfExists(file(name));
        if (currentName().equals(name)) preferences().remove(CURRENT);
    }

    /** The Confluence workspace on the user's default source and symbol (Options), else the simulated market. */
    public static Workspace defaultWorkspace() {
        return Workspace.confluence(WorkbenchSettings.defaultSource(), WorkbenchSettings.defaultSymbol());
    }

    /** The open chart panes, their modes and layout, as a workspace called {@code name}. EDT. */
    public static Workspace capture(String name) {
        assert SwingUtilities.isEventDispatchThread();
        WindowManager wm = WindowManager.getDefault();
        List<Workspace.Pane> panes = new ArrayList<>();
        Map<String, String> modes = new LinkedHashMap<>();
        Map<String, Integer> symbolVotes = new HashMap<>();
        for (Mode mode : wm.getModes()) {
            TopComponent selected = mode.getSelectedTopComponent();
            // In tab order, so the restored mode has its tabs where the user put them.
            for (TopComponent tc : wm.getOpenedTopComponents(mode)) {
                if (!(tc instanceof ChartPaneTopComponent pane)) continue;
                panes.add(new Workspace.Pane(mode.getName(), pane.spec(), tc == selected, pane.contrast()));
                modes.computeIfAbsent(mode.getName(), n -> ModeUtilities.toXml(mode));
                symbolVotes.merge(pane.spec().symbol(), 1, Integer::sum);
            }
        }
        String linked = symbolVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        TopComponent map = wm.findTopComponent(FocusedMapTopComponent.ID);
        boolean mapOpen = map != null && map.isOpened();
        if (mapOpen) {
            Mode m = wm.findMode(map);
            if (m != null) modes.put(m.getName(), ModeUtilities.toXml(m));
        }
        return new Workspace(name, linked, panes, modes, mapOpen);
    }

    /**
     * Replaces the open panes with {@code ws}'s: closes them, lays the modes out as saved (creating the ones
     * the user made by splitting), opens each pane in its mode, and makes it current. Every pane recomputes
     * from its spec in the background. EDT.
     */
    public static void apply(Workspace ws) {
        assert SwingUtilities.isEventDispatchThread();
        WindowManager wm = WindowManager.getDefault();
        for (TopComponent tc : new ArrayList<>(TopComponent.getRegistry().getOpened())) {
            if (tc instanceof ChartPaneTopComponent) tc.close();
        }
        // Modes made by dragging (anonymous) or by an earlier workspace hold nothing now; the saved ones replace them.
        for (Mode mode : new ArrayList<Mode>(wm.getModes())) {
            String n = mode.getName();
            boolean ours = n.startsWith("anonymousMode") || Arrays.asList(Workspace.GRID_MODES).contains(n) && !n.equals("editor");
            if (ours && wm.getOpenedTopComponents(mode).length == 0 && !ws.modeXml().containsKey(n)) wm.removeMode(mode);
        }
        for (Map.Entry<String, String> e : ws.modeXml().entrySet()) {
            Mode existing = wm.findMode(e.getKey());
            if (existing != null) {
                if (!wm.updateModeConstraintsFromXml(e.getValue())) LOG.log(Level.INFO, "could not lay out mode {0}", e.getKey());
            } else if (wm.createModeFromXml(e.getValue()) == null) {
                LOG.log(Level.INFO, "could not create mode {0}; its panes go to the editor area", e.getKey());
            }
        }
        List<ChartPaneTopComponent> selected = new ArrayList<>();
        for (Workspace.Pane p : ws.panes()) {
            ChartPaneTopComponent tc = ChartPaneTopComponent.open(p.spec(), p.mode());
            tc.setContrast(p.contrast());
            if (p.selected()) selected.add(tc);
        }
        for (ChartPaneTopComponent tc : selected) tc.requestVisible();
        TopComponent map = wm.findTopComponent(FocusedMapTopComponent.ID);
        if (map != null) {
            if (ws.mapOpen()) {
                map.open();
                if (!selected.isEmpty()) selected.get(0).requestActive();
            } else {
                map.close();
            }
        }
        preferences().put(CURRENT, ws.name());
        flush();
    }

    /** Sets every pane on the workspace's linked symbol to {@code symbol}; panes on other symbols stay. EDT. */
    public static void changeLinkedSymbol(String from, String to) {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ChartPaneTopComponent pane && (from == null || pane.spec().symbol().equals(from))) {
                pane.setSpec(pane.spec().withSymbol(to));
            }
        }
    }
}
