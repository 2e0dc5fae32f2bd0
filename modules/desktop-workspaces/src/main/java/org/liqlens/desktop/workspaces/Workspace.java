package org.liqlens.desktop.workspaces;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.engine.io.AtomicFiles;
import org.liqlens.desktop.panes.PaneView;

/**
 * A named arrangement of chart panes: each pane's spec and the mode it is docked in, the modes' layout (their
 * window-system XML), the symbol the panes are linked to, and whether the focused-map window is open.
 * Stored as a properties file, written atomically ({@link AtomicFiles}) so that a crash mid-save never leaves half a workspace.
 *
 * @param modeXml layout of every mode that holds a pane, by mode name, as {@code ModeUtilities.toXml} wrote it
 */
public record Workspace(String name, String linkedSymbol, List<Pane> panes, Map<String, String> modeXml, boolean mapOpen) {

    /**
     * One pane: where it is docked, what it shows, whether it is its mode's selected tab, and its heatmap
     * contrast (0..100, 50 neutral: a view setting, so not part of the spec that is estimated).
     */
    public record Pane(String mode, PaneSpec spec, boolean selected, int contrast) {
        public Pane {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(spec, "spec");
            if (contrast < 0 || contrast > 100) throw new IllegalArgumentException("contrast must be 0..100: " + contrast);
        }

        public Pane(String mode, PaneSpec spec, boolean selected) {
            this(mode, spec, selected, NEUTRAL_CONTRAST);
        }
    }

    static final int NEUTRAL_CONTRAST = 50;

    public static final String CONFLUENCE = "Confluence";
    static final String FILE_SUFFIX = ".workspace";
    /** The four quadrants of the Confluence layout: the editor mode itself and three more editor-kind modes. */
    static final String[] GRID_MODES = {"editor", "liqlensGrid2", "liqlensGrid3", "liqlensGrid4"};

    public Workspace {
        name = checkName(name);
        panes = List.copyOf(panes);
        modeXml = Map.copyOf(modeXml);
    }

    /**
     * The workspace a fresh start opens: four heatmap panes of one symbol tiled two by two in the editor area,
     * m1 12h and m1 24h above, m1 3d and m3 3d below, so one model across three windows and two models on one
     * window can be read together; plus the map of the focused pane at the right.
     */
    public static Workspace confluence(String source, String symbol) {
        String[][] quadrants = {{"m1", "12h"}, {"m1", "24h"}, {"m1", "3d"}, {"m3", "3d"}};
        List<Pane> panes = new ArrayList<>();
        Map<String, String> modes = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            PaneSpec spec = new PaneSpec(source, symbol, quadrants[i][0], PaneSpec.parseWindow(quadrants[i][1]), null,
                    PaneView.HEATMAP, Map.of());
            panes.add(new Pane(GRID_MODES[i], spec, true));
            // Columns first, then rows: quadrant i sits in column i % 2, row i / 2 of the editor area.
            modes.put(GRID_MODES[i], gridModeXml(GRID_MODES[i], i % 2, i / 2));
        }
        return new Workspace(CONFLUENCE, symbol, panes, modes, true);
    }

    static String gridModeXml(String name, int column, int row) {
        // The editor mode must stay permanent: the window system needs it even when it is empty.
        boolean permanent = name.equals("editor");
        return "<mode version=\"2.4\">"
                + "<name unique=\"" + name + "\"/>"
                + "<kind type=\"editor\"/>"
                + "<state type=\"joined\"/>"
                + "<constraints>"
                + "<path orientation=\"horizontal\" number=\"" + column + "\" weight=\"0.5\"/>"
                + "<path orientation=\"vertical\" number=\"" + row + "\" weight=\"0.5\"/>"
                + "</constraints>"
                + "<bounds x=\"0\" y=\"0\" width=\"0\" height=\"0\"/>"
                + "<frame state=\"0\"/>"
                + "<empty-behavior permanent=\"" + permanent + "\"/>"
                + "</mode>";
    }

    /** A workspace name is a file name too: 1 to 60 characters, no path separators or control characters. */
    static String checkName(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) throw new IllegalArgumentException("a workspace needs a name");
        if (n.length() > 60) throw new IllegalArgumentException("workspace name is longer than 60 characters");
        for (char c : n.toCharArray()) {
            if (c < 0x20 || "/\\:*?\"<>|".indexOf(c) >= 0) {
                throw new IllegalArgumentException("workspace name \"" + n + "\" contains '" + (c < 0x20 ? "a control character" : c)
                        + "'; use letters, digits, spaces, - or _");
            }
        }
        if (n.startsWith(".")) throw new IllegalArgumentException("a workspace name cannot start with a dot");
        return n;
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("name", name);
        if (linkedSymbol != null) p.setProperty("linkedSymbol", linkedSymbol);
        p.setProperty("mapOpen", Boolean.toString(mapOpen));
        p.setProperty("panes", Integer.toString(panes.size()));
        for (int i = 0; i < panes.size(); i++) {
            Pane pane = panes.get(i);
            p.setProperty("pane." + i + ".mode", pane.mode());
            p.setProperty("pane." + i + ".selected", Boolean.toString(pane.selected()));
            p.setProperty("pane." + i + ".contrast", Integer.toString(pane.contrast()));
            pane.spec().store(p, "pane." + i + ".");
        }
        int m = 0;
        for (Map.Entry<String, String> e : modeXml.entrySet()) {
            p.setProperty("mode." + m + ".name", e.getKey());
            p.setProperty("mode." + m + ".xml", e.getValue());
            m++;
        }
        p.setProperty("modes", Integer.toString(m));
        return p;
    }

    /**
     * Reads what {@link #toProperties} wrote.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    /** A pane's contrast; absent in files written before it was saved, hence neutral. */
    private static int contrast(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) return NEUTRAL_CONTRAST;
        try {
            int c = Integer.parseInt(v.trim());
            if (c >= 0 && c <= 100) return c;
        } catch (NumberFormatException ignored) {
            // reported below with the key
        }
        throw new IllegalArgumentException(key + " is \"" + v + "\", expected a whole number from 0 to 100");
    }

    static Workspace fromProperties(Properties p) {
        String format = p.getProperty("format");
        if (!"1".equals(format)) throw new IllegalArgumentException("format is " + format + ", expected 1");
        int n = count(p, "panes");
        List<Pane> panes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String mode = p.getProperty("pane." + i + ".mode");
            if (mode == null || mode.isBlank()) throw new IllegalArgumentException("missing pane." + i + ".mode");
            panes.add(new Pane(mode.trim(), PaneSpec.fromProperties(p, "pane." + i + "."),
                    Boolean.parseBoolean(p.getProperty("pane." + i + ".selected", "false")), contrast(p, "pane." + i + ".contrast")));
        }
        Map<String, String> modes = new LinkedHashMap<>();
        int m = count(p, "modes");
        for (int i = 0; i < m; i++) {
            String name = p.getProperty("mode." + i + ".name");
            String xml = p.getProperty("mode." + i + ".xml");
            if (name == null || xml == null || !xml.contains("<mode")) throw new IllegalArgumentException("mode." + i + " has no name or no <mode> XML");
            modes.put(name, xml);
        }
        return new Workspace(p.getProperty("name"), p.getProperty("linkedSymbol"), panes, modes,
                Boolean.parseBoolean(p.getProperty("mapOpen", "true")));
    }

    private static int count(Properties p, String key) {
        String v = p.getProperty(key);
        try {
            int n = Integer.parseInt(v == null ? "" : v.trim());
            if (n < 0 || n > 200) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is \"" + v + "\", not a count from 0 to 200");
        }
    }

    /** Writes to {@code file} through a temporary file in the same folder and an atomic rename. */
    void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            toProperties().store(w, "LiqLens workspace");
            w.flush();
        });
    }

    /**
     * @throws IOException naming the file when it cannot be read or does not describe a workspace
     */
    static Workspace read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a workspace file (" + e.getMessage() + ")", e);
        }
        try {
            return fromProperties(p);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
