package org.liqlens.desktop.workspaces;

import java.beans.PropertyChangeListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.modules.OnStop;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * Keeps the open panes safe from a run that does not end cleanly. The window system stores the panes only at a
 * clean exit; killed (SIGTERM from a session manager, a crash, a power cut), the next start would show an empty
 * workbench. So the open panes are written as a workspace file a moment after every change of the open windows
 * ({@code config/LiqLens/session.workspace}, atomically), a clean exit is recorded, and the next start restores
 * that file when the previous run did not end cleanly and the window system brought back no pane.
 */
public final class SessionAutosave {
    private static final Logger LOG = Logger.getLogger(SessionAutosave.class.getName());
    static final String CLEAN_EXIT = "cleanExit";
    private static final int DELAY_MS = 1_500;
    private static final RequestProcessor.Task SAVE = new RequestProcessor("LiqLens session autosave").create(() ->
            SwingUtilities.invokeLater(SessionAutosave::saveNow));
    private static PropertyChangeListener listener;

    private SessionAutosave() { }

    /** The session file: the open panes as a workspace, rewritten a moment after each window change. */
    public static Path file() {
        return Workspaces.folder().getParent().resolve("session" + Workspace.FILE_SUFFIX);
    }

    /** Reads and resets the clean-exit mark: true when the last run closed through the platform's exit (or there was none). */
    static boolean previousRunEndedCleanly() {
        boolean clean = Workspaces.preferences().getBoolean(CLEAN_EXIT, true);
        Workspaces.preferences().putBoolean(CLEAN_EXIT, false);
        Workspaces.flush();
        return clean;
    }

    /** Starts writing the session after changes of the open windows. EDT. */
    static synchronized void start() {
        if (listener != null) return;
        listener = e -> {
            String p = e.getPropertyName();
            if (TopComponent.Registry.PROP_TC_OPENED.equals(p) || TopComponent.Registry.PROP_TC_CLOSED.equals(p)
                    || TopComponent.Registry.PROP_ACTIVATED.equals(p)) {
                SAVE.schedule(DELAY_MS);
            }
        };
        TopComponent.getRegistry().addPropertyChangeListener(listener);
        SAVE.schedule(DELAY_MS);
    }

    /** Writes the open panes now. EDT. */
    static void saveNow() {
        try {
            Workspace ws = Workspaces.capture(Workspaces.currentName());
            ws.write(file());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "cannot write the session file " + file(), e);
        }
    }

    /** Reopens the panes of the last session, if its file holds any (what a start after an unclean exit does). EDT. */
    public static void restore() {
        Path f = file();
        if (!Files.isRegularFile(f)) return;
        try {
            Workspace ws = Workspace.read(f);
            if (ws.panes().isEmpty()) return;
            LOG.log(Level.INFO, "the last run did not end cleanly: reopening its {0} panes from {1}", new Object[] {ws.panes().size(), f});
            Workspaces.apply(ws);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot restore the last session from " + f, e);
        }
    }

    /** A clean exit: the window system stores the panes itself, and the next start shows what it restores. */
    @OnStop
    public static final class MarkCleanExit implements Runnable {
        @Override
        public void run() {
            Workspaces.preferences().putBoolean(CLEAN_EXIT, true);
            Workspaces.flush();
        }
    }
}
