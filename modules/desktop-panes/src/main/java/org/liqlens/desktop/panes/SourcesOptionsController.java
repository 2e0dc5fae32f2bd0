package org.liqlens.desktop.panes;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;

/** Tools › Options › LiqLens: where market data comes from. */
@OptionsPanelController.TopLevelRegistration(
        categoryName = "#OptionsCategory_Name_LiqLens",
        iconBase = "org/liqlens/desktop/panes/options32.png",
        keywords = "#OptionsCategory_Keywords_LiqLens",
        keywordsCategory = "LiqLens",
        position = 50)
@Messages({
    "OptionsCategory_Name_LiqLens=LiqLens",
    "OptionsCategory_Keywords_LiqLens=exchange binance bybit okx url websocket cache"
})
public final class SourcesOptionsController extends OptionsPanelController {
    private final PropertyChangeSupport pcs = new PropertyChangeSupport(this);
    private SourcesOptionsPanel panel;
    private boolean changed;

    @Override
    public void update() {
        panel().load();
        changed = false;
    }

    @Override
    public void applyChanges() {
        SwingUtilities.invokeLater(() -> {
            panel().store();
            changed = false;
        });
    }

    @Override
    public void cancel() {
        // nothing stored until applyChanges
    }

    @Override
    public boolean isValid() {
        return panel().valid();
    }

    @Override
    public boolean isChanged() {
        return changed;
    }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        return panel();
    }

    @Override
    public HelpCtx getHelpCtx() {
        return null;
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        pcs.addPropertyChangeListener(l);
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        pcs.removePropertyChangeListener(l);
    }

    private SourcesOptionsPanel panel() {
        if (panel == null) {
            panel = new SourcesOptionsPanel(() -> {
                boolean now = panel.changed();
                if (now != changed) {
                    changed = now;
                    pcs.firePropertyChange(PROP_CHANGED, !now, now);
                }
                pcs.firePropertyChange(PROP_VALID, null, null);
            });
        }
        return panel;
    }
}
