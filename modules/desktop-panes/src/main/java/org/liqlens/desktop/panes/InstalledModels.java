package org.liqlens.desktop.panes;

import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;
import org.liqlens.engine.model.LiquidationModel;
import org.openide.util.Lookup;
import org.openide.util.LookupEvent;
import org.openide.util.LookupListener;

/**
 * Tells the model choosers when the set of installed models changes: a model module installed from Tools › Plugins,
 * or disabled, or uninstalled, without a restart. The platform swaps its META-INF/services view of the modules and
 * fires the {@link Lookup.Result}; the result is held here in a strong static field, because a result that is
 * garbage-collected stops firing. Listeners run on the event thread (Lookup fires on its own threads).
 */
final class InstalledModels {

    private static final Lookup.Result<LiquidationModel> RESULT = Lookup.getDefault().lookupResult(LiquidationModel.class);
    private static final CopyOnWriteArrayList<Runnable> LISTENERS = new CopyOnWriteArrayList<>();
    private static final LookupListener FORWARD = ev -> SwingUtilities.invokeLater(() -> LISTENERS.forEach(Runnable::run));

    static {
        RESULT.addLookupListener(FORWARD);
        RESULT.allInstances();   // a result fires only after it has been asked once
    }

    private InstalledModels() { }

    /** Runs {@code onChange} on the event thread after each change, until {@link #removeListener}. */
    static void addListener(Runnable onChange) { LISTENERS.add(onChange); }

    static void removeListener(Runnable onChange) { LISTENERS.remove(onChange); }

    /** For tests: the ids of the models Lookup offers now. */
    static java.util.List<String> ids() {
        return RESULT.allInstances().stream().map(LiquidationModel::id).toList();
    }
}
