package org.liqlens.desktop.panes;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import java.util.SortedSet;
import javax.swing.JComboBox;
import javax.swing.JPanel;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.file.FileSource;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.WindowManager;

/**
 * File › Open Data File…: a Binance archive (klines CSV, CSV.GZ or ZIP, or a folder of them) opens in a new
 * pane showing the heatmap and the map side by side, as of the end of the file's data.
 */
@ActionID(category = "File", id = "org.liqlens.desktop.panes.OpenDataFileAction")
@ActionRegistration(displayName = "#CTL_OpenDataFile")
@ActionReference(path = "Menu/File", position = 10)
@Messages({
    "CTL_OpenDataFile=Open Data File…",
    "# {0} - file",
    "# {1} - reason",
    "MSG_NotMarketData={0} cannot be opened: {1}",
    "# {0} - file",
    "MSG_NoKlines={0} holds no candles: LiqLens reads Binance klines archives named like BTCUSDT-1m-2024-01.csv (or .csv.gz, .zip)",
    "LBL_PickSymbol=The file holds several symbols; open:",
    "TITLE_PickSymbol=Open Data File"
})
public final class OpenDataFileAction implements ActionListener {
    @Override
    public void actionPerformed(ActionEvent e) {
        File f = PaneToolbar.chooseDataFile(WindowManager.getDefault().getMainWindow());
        if (f != null) open(f);
    }

    /** Opens a pane on {@code f}, or says in a dialog why it cannot. */
    static void open(File f) {
        SortedSet<String> symbols;
        try {
            symbols = new FileSource(f.toPath()).candleSymbols();
        } catch (SourceException ex) {
            warn(Bundle.MSG_NotMarketData(f.getName(), ex.getMessage()));
            return;
        }
        if (symbols.isEmpty()) {
            warn(Bundle.MSG_NoKlines(f.getName()));
            return;
        }
        String symbol = symbols.first();
        if (symbols.size() > 1) {
            JComboBox<String> box = new JComboBox<>(symbols.toArray(String[]::new));
            JPanel p = new JPanel();
            p.add(new javax.swing.JLabel(Bundle.LBL_PickSymbol()));
            p.add(box);
            if (DialogDisplayer.getDefault().notify(new DialogDescriptor(p, Bundle.TITLE_PickSymbol())) != DialogDescriptor.OK_OPTION) return;
            symbol = (String) box.getSelectedItem();
        }
        PaneSpec spec = new PaneSpec("file:" + f.getAbsolutePath(), symbol, "m1", 3 * PaneSpec.DAY, null, PaneView.BOTH,
                java.util.Map.of());
        ChartPaneTopComponent.open(spec, null).requestActive();
    }

    private static void warn(String text) {
        DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(text, NotifyDescriptor.WARNING_MESSAGE));
    }
}
