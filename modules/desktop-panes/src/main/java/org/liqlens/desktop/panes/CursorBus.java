package org.liqlens.desktop.panes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;

/**
 * Links the cursors of every pane of one symbol: a pane under the mouse publishes the price (and, on a
 * heatmap, the time) it points at; every other pane of that symbol draws the price line, and heatmaps the
 * time line too. This is how levels are compared across models and timeframes. EDT only; the sender is
 * carried so a pane never reacts to its own event.
 */
public final class CursorBus {

    /** Where the mouse points. {@code timeMs} is null over a map, which has no time axis. */
    public record Cursor(Object sender, String symbol, double price, Long timeMs) { }

    public interface Listener {
        /** The cursor moved in another pane; {@code cursor == null} when it left that pane. */
        void cursorChanged(Object sender, String symbol, Cursor cursor);
    }

    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

    private CursorBus() { }

    public static void subscribe(Listener l) { LISTENERS.add(l); }

    public static void unsubscribe(Listener l) { LISTENERS.remove(l); }

    public static void publish(Cursor cursor) {
        assert SwingUtilities.isEventDispatchThread();
        for (Listener l : LISTENERS) l.cursorChanged(cursor.sender(), cursor.symbol(), cursor);
    }

    public static void clear(Object sender, String symbol) {
        assert SwingUtilities.isEventDispatchThread();
        for (Listener l : LISTENERS) l.cursorChanged(sender, symbol, null);
    }
}
