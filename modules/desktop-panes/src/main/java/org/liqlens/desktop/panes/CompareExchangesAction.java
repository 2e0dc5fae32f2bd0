package org.liqlens.desktop.panes;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Window › Compare Exchanges: for the focused pane's symbol, model, window and as-of, opens one pane per
 * exchange (Binance, Bybit, OKX) side by side, to show where their estimates differ; the `all` source is
 * their sum.
 */
@ActionID(category = "Window", id = "org.liqlens.desktop.panes.CompareExchangesAction")
@ActionRegistration(displayName = "#CTL_CompareExchanges")
@ActionReference(path = "Menu/Window", position = 15)
@Messages("CTL_CompareExchanges=Compare Exchanges")
public final class CompareExchangesAction implements ActionListener {
    static final String[] EXCHANGES = {"binance", "bybit", "okx"};

    @Override
    public void actionPerformed(ActionEvent e) {
        PaneSpec base = TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent pane
                ? pane.spec()
                : new PaneSpec(WorkbenchSettings.defaultSource(), WorkbenchSettings.defaultSymbol(), "m1", PaneSpec.DAY);
        WindowManager wm = WindowManager.getDefault();
        for (int i = 0; i < EXCHANGES.length; i++) {
            // Side by side: one editor-kind column per exchange, each a third of the editor area.
            String name = "liqlensCompare" + (i + 1);
            if (wm.findMode(name) == null) {
                wm.createModeFromXml("<mode version=\"2.4\"><name unique=\"" + name + "\"/><kind type=\"editor\"/>"
                        + "<state type=\"joined\"/><constraints><path orientation=\"horizontal\" number=\"" + (10 + i)
                        + "\" weight=\"0.33\"/></constraints><bounds x=\"0\" y=\"0\" width=\"0\" height=\"0\"/>"
                        + "<frame state=\"0\"/><empty-behavior permanent=\"false\"/></mode>");
            }
            Mode mode = wm.findMode(name);
            ChartPaneTopComponent.open(base.withSource(EXCHANGES[i]), mode == null ? null : mode.getName());
        }
    }
}
