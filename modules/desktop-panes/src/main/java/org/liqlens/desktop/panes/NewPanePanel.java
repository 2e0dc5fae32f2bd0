package org.liqlens.desktop.panes;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.File;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.liqlens.engine.model.LiquidationModel;
import org.openide.util.NbBundle.Messages;

/** The form of Window › New Chart Pane: exchange (source) x symbol x model x window, heatmap or map. */
@Messages({
    "LBL_Source=Source:",
    "LBL_Symbol=Symbol:",
    "LBL_Model=Model:",
    "LBL_Window=Window:",
    "LBL_View=View:",
    "LBL_ViewHeatmap=Heatmap (time × price)",
    "LBL_ViewMap=Map (price profile now)",
    "LBL_Browse=Files…",
    "HINT_Source=sim or sim:SEED (offline simulated market), binance, bybit, okx, or file:PATH (Binance archive files)"
})
final class NewPanePanel extends JPanel {
    private static final long serialVersionUID = 1L;
    static final String[] WINDOWS = PaneSpec.WINDOW_CHOICES;
    static final String[] SOURCES = {"sim", "binance", "bybit", "okx", "all"};

    private final JComboBox<String> source = new JComboBox<>(SOURCES);
    private final JTextField symbol = new JTextField("BTCUSDT", 12);
    private final JComboBox<ModelChoice> model = new JComboBox<>();
    private final JComboBox<String> window = new JComboBox<>(WINDOWS);
    private final JComboBox<String> view = new JComboBox<>(new String[] {Bundle.LBL_ViewHeatmap(), Bundle.LBL_ViewMap()});

    /** A model in the combo box: shows "m1 — Leverage ladder", keeps the id. */
    record ModelChoice(String id, String name) {
        @Override public String toString() { return id + " — " + name; }
    }

    NewPanePanel(PaneSpec initial, Iterable<LiquidationModel> models) {
        setLayout(new GridBagLayout());
        source.setEditable(true);
        source.setSelectedItem(initial.source());
        source.setToolTipText(Bundle.HINT_Source());
        symbol.setText(initial.symbol());
        fillModels(models, initial.modelId());
        window.setSelectedItem(initial.windowLabel());
        JButton browse = new JButton(Bundle.LBL_Browse());
        browse.addActionListener(e -> chooseFiles());

        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 8, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        row(c, 0, Bundle.LBL_Source(), source);
        c.gridx = 2;
        c.weightx = 0;
        add(browse, c);
        row(c, 1, Bundle.LBL_Symbol(), symbol);
        row(c, 2, Bundle.LBL_Model(), model);
        row(c, 3, Bundle.LBL_Window(), window);
        row(c, 4, Bundle.LBL_View(), view);
    }

    /** Re-lists the models when a model module comes or goes while the dialog is open, keeping the choice. */
    private final Runnable modelsChanged = () -> {
        Object chosen = model.getSelectedItem();
        fillModels(PaneEstimator.engine().models(), chosen instanceof ModelChoice c ? c.id() : null);
    };

    private void fillModels(Iterable<LiquidationModel> models, String selectedId) {
        model.removeAllItems();
        for (LiquidationModel m : models) {
            ModelChoice choice = new ModelChoice(m.id(), m.displayName());
            model.addItem(choice);
            if (m.id().equals(selectedId)) model.setSelectedItem(choice);
        }
    }

    @Override
    public void addNotify() {
        super.addNotify();
        InstalledModels.addListener(modelsChanged);
        modelsChanged.run();   // a module may have come or gone between building the dialog and showing it
    }

    @Override
    public void removeNotify() {
        InstalledModels.removeListener(modelsChanged);
        super.removeNotify();
    }

    PaneView view() {
        return view.getSelectedIndex() == 1 ? PaneView.MAP : PaneView.HEATMAP;
    }

    private void row(GridBagConstraints c, int y, String label, java.awt.Component field) {
        c.gridy = y;
        c.gridx = 0;
        c.weightx = 0;
        add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        add(field, c);
    }

    private void chooseFiles() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            source.setSelectedItem("file:" + f.getAbsolutePath());
        }
    }

    /** The spec the form describes; IllegalArgumentException with a message for the user when it is incomplete. */
    PaneSpec spec() {
        String src = String.valueOf(source.getSelectedItem()).trim();
        String sym = symbol.getText().trim().toUpperCase(Locale.ROOT);
        if (src.isEmpty()) throw new IllegalArgumentException("choose a source");
        if (sym.isEmpty()) throw new IllegalArgumentException("enter a symbol, e.g. BTCUSDT");
        ModelChoice m = (ModelChoice) model.getSelectedItem();
        if (m == null) throw new IllegalArgumentException("no model is installed");
        return new PaneSpec(src, sym, m.id(), PaneSpec.parseWindow(String.valueOf(window.getSelectedItem())));
    }

}
