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
    "OptionsCategory_Keywords_LiqLens=exchange binance bybit okx url websocket cache ladder leverage mmr refresh colour scale",
    "TAB_Workbench=Workbench",
    "TAB_DataSources=Data sources"
})
public final class SourcesOptionsController extends OptionsPanelController {
    private final PropertyChangeSupport pcs = new PropertyChangeSupport(this);
    private SourcesOptionsPanel panel;
    private WorkbenchOptionsPanel workbench;
    private javax.swing.JPanel component;
    private final javax.swing.JLabel problem = new javax.swing.JLabel(" ");
    private boolean changed;

    @Override
    public void update() {
        panel().load();
        workbench.load();
        changed = false;
    }

    @Override
    public void applyChanges() {
        SwingUtilities.invokeLater(() -> {
            panel().store();
            workbench.store();
            changed = false;
        });
    }

    @Override
    public void cancel() {
        // nothing stored until applyChanges
    }

    @Override
    public boolean isValid() {
        return problem() == null;
    }

    @Override
    public boolean isChanged() {
        return changed;
    }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        panel();
        return component;
    }

    /** What is wrong with a field, in words, shown under the tabs; null when everything can be applied. */
    private String problem() {
        String p = workbench.problem();
        return p != null ? p : panel.problem();
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
                boolean now = panel.changed() || workbench.changed();
                String p = problem();
                problem.setText(p == null ? " " : Bundle.MSG_OptionProblem(p));
                if (now != changed) {
                    changed = now;
                    pcs.firePropertyChange(PROP_CHANGED, !now, now);
                }
                pcs.firePropertyChange(PROP_VALID, null, null);
            });
            workbench = new WorkbenchOptionsPanel(() -> panel.onChangeHook().run());
            javax.swing.JTabbedPane tabs = new javax.swing.JTabbedPane();
            tabs.addTab(Bundle.TAB_Workbench(), workbench);
            tabs.addTab(Bundle.TAB_DataSources(), panel);
            problem.setForeground(new java.awt.Color(0xE0662E));
            component = new javax.swing.JPanel(new java.awt.BorderLayout());
            component.add(tabs, java.awt.BorderLayout.CENTER);
            component.add(problem, java.awt.BorderLayout.SOUTH);
        }
        return panel;
    }
}
