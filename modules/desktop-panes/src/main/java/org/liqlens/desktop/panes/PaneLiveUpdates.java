package org.liqlens.desktop.panes;

/** Keeps a live pane current. (Being replaced by the shared live feed.) */
final class PaneLiveUpdates {
    private final ChartPaneTopComponent pane;
    private final org.openide.util.RequestProcessor.Task poll;
    private volatile boolean stopped;

    private PaneLiveUpdates(ChartPaneTopComponent pane) {
        this.pane = pane;
        this.poll = ChartPaneTopComponent.ESTIMATES.create(this::tick);
    }

    static PaneLiveUpdates start(ChartPaneTopComponent pane, PaneSpec spec) {
        PaneLiveUpdates u = new PaneLiveUpdates(pane);
        u.poll.schedule(WorkbenchSettings.refreshSeconds() * 1000);
        return u;
    }

    private void tick() {
        if (stopped) return;
        javax.swing.SwingUtilities.invokeLater(pane::liveCandleClosed);
        poll.schedule(WorkbenchSettings.refreshSeconds() * 1000);
    }

    void stop() {
        stopped = true;
        poll.cancel();
    }

    String describe() {
        return "live";
    }

    boolean isStale() {
        return false;
    }
}
