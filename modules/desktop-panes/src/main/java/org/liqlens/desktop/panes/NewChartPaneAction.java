package org.liqlens.desktop.panes;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.liqlens.sources.SourceSpec;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/**
 * Window › New Chart Pane… (also on the toolbar, Ctrl+N): choose exchange, symbol, model, window and heatmap or
 * map, and dock a new pane beside the others. The form remembers the last choice for the session.
 */
@ActionID(category = "Window", id = "org.liqlens.desktop.panes.NewChartPaneAction")
@ActionRegistration(displayName = "#CTL_NewChartPaneAction", iconBase = "org/liqlens/desktop/panes/newpane16.png")
@ActionReferences({
    @ActionReference(path = "Menu/Window", position = 10),
    @ActionReference(path = "Toolbars/File", position = 10),
    @ActionReference(path = "Shortcuts", name = "D-N")
})
@Messages({
    "CTL_NewChartPaneAction=New Chart Pane…",
    "TITLE_NewPane=New Chart Pane",
    "# {0} - problem",
    "MSG_BadPane=Cannot open this pane: {0}"
})
public final class NewChartPaneAction implements ActionListener {
    private static PaneSpec last = PaneSpec.DEFAULT;

    @Override
    public void actionPerformed(ActionEvent e) {
        NewPanePanel form = new NewPanePanel(last, PaneEstimator.engine().models());
        DialogDescriptor d = new DialogDescriptor(form, Bundle.TITLE_NewPane());
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) return;
        try {
            PaneSpec spec = form.spec();
            SourceSpec.parse(spec.source()); // reject a malformed source here, not in the pane
            last = spec;
            ChartPaneTopComponent.open(spec.withView(form.view()), null).requestActive();
        } catch (IllegalArgumentException ex) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_BadPane(ex.getMessage()),
                    NotifyDescriptor.WARNING_MESSAGE));
        }
    }
}
