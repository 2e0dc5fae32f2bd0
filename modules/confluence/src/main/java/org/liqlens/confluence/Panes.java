package org.liqlens.confluence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Pane names: unique within one analysis or bundle, and usable as file names ({@code images/<pane>.png}). */
public final class Panes {
    private Panes() { }

    /**
     * The panes in the same order, each name made safe for a file name (anything but letters, digits, '.', '_'
     * and '-' becomes '_'; an empty name becomes "pane") and unique: the first of several equal names keeps it,
     * the later ones get {@code -2}, {@code -3}, … in input order (skipping any suffix another pane already
     * uses). Deterministic: the same list always gives the same names.
     */
    public static List<PaneEstimate> uniqueNames(List<PaneEstimate> panes) {
        Set<String> taken = new HashSet<>();
        List<String> safe = new ArrayList<>();
        for (PaneEstimate p : panes) {
            String s = safeName(p.name());
            safe.add(s);
        }
        // Names that are already unique keep priority, so that "m1-12h-2" given by the caller is not renamed.
        Set<String> seen = new HashSet<>(), repeated = new HashSet<>();
        for (String s : safe) if (!seen.add(s.toLowerCase(Locale.ROOT))) repeated.add(s.toLowerCase(Locale.ROOT));
        for (String s : safe) if (!repeated.contains(s.toLowerCase(Locale.ROOT))) taken.add(s.toLowerCase(Locale.ROOT));
        List<PaneEstimate> out = new ArrayList<>(panes.size());
        Set<String> firstUsed = new HashSet<>();
        for (int i = 0; i < panes.size(); i++) {
            String base = safe.get(i);
            String key = base.toLowerCase(Locale.ROOT);
            String name = base;
            if (repeated.contains(key)) {
                if (firstUsed.add(key) && taken.add(key)) {
                    name = base;
                } else {
                    int n = 2;
                    while (!taken.add((base + "-" + n).toLowerCase(Locale.ROOT))) n++;
                    name = base + "-" + n;
                }
            }
            out.add(name.equals(panes.get(i).name()) ? panes.get(i) : panes.get(i).withName(name));
        }
        return out;
    }

    /** Letters, digits, '.', '_' and '-' only (file systems are case-insensitive on some machines: see above). */
    static String safeName(String name) {
        String s = name.trim().replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) return "pane";
        return s;
    }
}
