package org.liqlens.desktop.confluence;

import java.util.ArrayList;
import java.util.List;
import org.liqlens.confluence.PaneEstimate;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.sources.load.WindowEstimate;
import org.openide.windows.TopComponent;

/**
 * The chart panes that one confluence analysis or bundle compares: the open panes, in the window system's order,
 * that show the same symbol at the same as-of instant as a reference pane (the focused one, else the first with
 * an estimate). Confluence across symbols or instants means nothing, so the others are counted, not mixed in.
 * EDT.
 */
final class WorkspacePanes {

    /** What to compare and what was left out. */
    record Selection(List<ChartPaneTopComponent> panes, List<PaneEstimate> estimates, int leftOut) {
        boolean isEmpty() { return panes.isEmpty(); }
    }

    private WorkspacePanes() { }

    static List<ChartPaneTopComponent> openPanes() {
        List<ChartPaneTopComponent> out = new ArrayList<>();
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof ChartPaneTopComponent p) out.add(p);
        }
        // The registry's set has no order a person would recognise; sort by title for stable tables.
        out.sort((a, b) -> a.spec().title().compareTo(b.spec().title()));
        return out;
    }

    /** The panes of the focused pane's symbol and instant; {@code onlyThese}, when not null, narrows the choice. */
    static Selection select(List<ChartPaneTopComponent> onlyThese) {
        List<ChartPaneTopComponent> open = onlyThese != null ? onlyThese : openPanes();
        ChartPaneTopComponent reference = null;
        if (TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent active && active.estimate() != null
                && open.contains(active)) {
            reference = active;
        }
        for (ChartPaneTopComponent p : open) {
            if (reference == null && p.estimate() != null) reference = p;
        }
        List<ChartPaneTopComponent> panes = new ArrayList<>();
        List<PaneEstimate> estimates = new ArrayList<>();
        int leftOut = 0;
        if (reference == null) return new Selection(panes, estimates, open.size());
        WindowEstimate ref = reference.estimate();
        for (ChartPaneTopComponent p : open) {
            WindowEstimate e = p.estimate();
            if (e != null && e.result().symbol().equalsIgnoreCase(ref.result().symbol()) && e.result().asOf() == ref.result().asOf()) {
                panes.add(p);
                estimates.add(PaneEstimate.of(e, p.spec().isSimulated()));
            } else {
                leftOut++;
            }
        }
        return new Selection(panes, estimates, leftOut);
    }
}
