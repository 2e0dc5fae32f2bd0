package org.liqlens.desktop.panes;

import java.awt.BorderLayout;
import java.awt.Font;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import org.jfree.chart.ChartPanel;
import org.liqlens.engine.EstimateResult;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;

/**
 * The liquidation map of whichever chart pane has the focus, in the tall mode at the right: click a heatmap
 * and its map at the as-of appears here, with no second estimate (it is the pane's own result).
 */
@ConvertAsProperties(dtd = "-//org.liqlens.desktop.panes//FocusedMap//EN", autostore = false)
@TopComponent.Description(preferredID = FocusedMapTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "liqlensProfiles", openAtStartup = false, position = 10)
@ActionID(category = "Window", id = "org.liqlens.desktop.panes.FocusedMapTopComponent")
@ActionReference(path = "Menu/Window", position = 20)
@TopComponent.OpenActionRegistration(displayName = "#CTL_FocusedMapAction", preferredID = FocusedMapTopComponent.ID)
@Messages({
    "CTL_FocusedMapAction=Map of the Focused Pane",
    "CTL_FocusedMap=Map",
    "# {0} - pane title",
    "CTL_FocusedMapOf=Map · {0}",
    "HINT_FocusedMap=The liquidation map at the as-of of the chart pane that has the focus",
    "MSG_FocusAPane=Click a chart pane: its liquidation map at the as-of shows here.",
    "MSG_PaneHasNoEstimate=The focused pane has no estimate yet."
})
public final class FocusedMapTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    public static final String ID = "LiqLensFocusedMap";

    private final JLabel message = new JLabel(Bundle.MSG_FocusAPane(), SwingConstants.CENTER);
    private transient ChartPaneTopComponent followed;
    private transient ChartPanel panel;
    private final transient PropertyChangeListener paneListener = this::paneChanged;
    private final transient PropertyChangeListener registryListener = e -> {
        if (TopComponent.Registry.PROP_ACTIVATED.equals(e.getPropertyName())
                && TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent pane) {
            follow(pane);
        }
    };

    public FocusedMapTopComponent() {
        setName(Bundle.CTL_FocusedMap());
        setToolTipText(Bundle.HINT_FocusedMap());
        setLayout(new BorderLayout());
        setBackground(ChartPaneTopComponent.BACKGROUND);
        message.setForeground(ChartPaneTopComponent.MUTED);
        message.setFont(message.getFont().deriveFont(Font.PLAIN, 12.5f));
        add(message, BorderLayout.CENTER);
    }

    @Override
    protected void componentOpened() {
        TopComponent.getRegistry().addPropertyChangeListener(registryListener);
        if (TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent pane) {
            follow(pane);
        } else {
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                if (tc instanceof ChartPaneTopComponent pane && pane.isShowing()) {
                    follow(pane);
                    break;
                }
            }
        }
    }

    @Override
    protected void componentClosed() {
        TopComponent.getRegistry().removePropertyChangeListener(registryListener);
        follow(null);
    }

    /** The pane whose map is shown, or null. */
    public ChartPaneTopComponent followed() {
        return followed;
    }

    void follow(ChartPaneTopComponent pane) {
        if (pane == followed) return;
        if (followed != null) followed.removePropertyChangeListener(paneListener);
        followed = pane;
        if (pane != null) pane.addPropertyChangeListener(paneListener);
        refresh();
    }

    private void paneChanged(PropertyChangeEvent e) {
        if (ChartPaneTopComponent.PROP_ESTIMATE.equals(e.getPropertyName())) {
            // The pane fires this while it installs its charts: build this map after the pane has painted them.
            ChartPaneTopComponent from = (ChartPaneTopComponent) e.getSource();
            javax.swing.SwingUtilities.invokeLater(() -> {
                if (followed == from) refresh();
            });
        } else if ("spec".equals(e.getPropertyName())) {
            refresh();
        }
    }

    private void refresh() {
        EstimateResult r = followed == null ? null : followed.result();
        if (r == null) {
            if (panel != null) remove(panel);
            panel = null;
            message.setText(followed == null ? Bundle.MSG_FocusAPane() : Bundle.MSG_PaneHasNoEstimate());
            add(message, BorderLayout.CENTER);
            setDisplayName(followed == null ? Bundle.CTL_FocusedMap() : Bundle.CTL_FocusedMapOf(followed.spec().title()));
        } else {
            PaneSpec s = followed.spec();
            remove(message);
            var chart = PaneCharts.mapChart(followed.estimate(), s);
            if (panel == null) {
                panel = new ChartPanel(chart, false, true, true, true, true);
                panel.setMaximumDrawWidth(4096);
                panel.setMaximumDrawHeight(4096);
                panel.setMinimumDrawWidth(150);
                panel.setMinimumDrawHeight(150);
                add(panel, BorderLayout.CENTER);
            } else {
                panel.setChart(chart);
            }
            setDisplayName(Bundle.CTL_FocusedMapOf(s.title()));
            putClientProperty(ChartPaneTopComponent.PROPERTY_READY, Boolean.TRUE);
        }
        revalidate();
        repaint();
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1");
    }

    void readProperties(java.util.Properties p) {
        // nothing to restore: it follows the focus
    }
}
