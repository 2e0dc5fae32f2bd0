package org.liqlens.desktop.panes;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Window › New Heatmap Pane: another pane on the default spec, to dock beside the first. */
@ActionID(category = "Window", id = "org.liqlens.desktop.panes.NewHeatmapPaneAction")
@ActionRegistration(displayName = "#CTL_NewHeatmapPaneAction")
@ActionReference(path = "Menu/Window", position = 10)
@Messages("CTL_NewHeatmapPaneAction=New Heatmap Pane")
public final class NewHeatmapPaneAction implements ActionListener {
    @Override
    public void actionPerformed(ActionEvent e) {
        HeatmapTopComponent.open(PaneSpec.DEFAULT);
    }
}
