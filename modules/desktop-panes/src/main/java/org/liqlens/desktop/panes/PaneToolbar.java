package org.liqlens.desktop.panes;

import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.SpinnerNumberModel;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelParameter;
import org.liqlens.sources.SourceSpec;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.util.NbBundle.Messages;

/**
 * The toolbar at the top of every chart pane: source, symbol, model, window, as-of, view and the model's
 * parameters. Every edit becomes a new {@link PaneSpec} handed to the pane, which recomputes in the background
 * and cancels the run it replaces; an edit that does not make a valid spec is reported through
 * {@code onProblem} and changes nothing.
 */
@Messages({
    "TIP_Source=Where the data comes from: sim (offline simulated market), binance, bybit, okx, all (the three summed), or a Binance archive file",
    "TIP_Symbol=Exchange symbol, e.g. BTCUSDT (Enter to apply)",
    "TIP_Model=Estimation model",
    "TIP_Window=Look-back window: positions opened in it are estimated",
    "TIP_AsOf=As-of (UTC): live (follows the market), end (of a file's data) or a time such as 2026-11-20 12:00 (Enter to apply)",
    "TIP_View=Heatmap (time × price), map (price profile at the as-of), or both side by side",
    "LBL_Params=Model…",
    "TIP_Params=The model's parameters for this pane (Options › LiqLens sets the defaults)",
    "# {0} - model",
    "TITLE_Params=Parameters of {0} for this pane",
    "LBL_ChooseFile=file…",
    "TIP_Contrast=Heatmap contrast: right brings faint bands up, left keeps only the strongest (colours only; intensity is relative)",
    "# {0} - model id",
    "MSG_NoSuchModel=model {0} is not installed"
})
final class PaneToolbar extends JToolBar {
    private static final long serialVersionUID = 1L;
    static final String CHOOSE_FILE = Bundle.LBL_ChooseFile();
    private static final String[] SOURCES = {"sim", "binance", "bybit", "okx", "all", CHOOSE_FILE};
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "LINKUSDT", "AVAXUSDT", "NEARUSDT"};

    final JComboBox<String> source = new JComboBox<>(SOURCES);
    final JComboBox<String> symbol = new JComboBox<>(SYMBOLS);
    final JComboBox<String> model = new JComboBox<>();
    final JComboBox<String> window = new JComboBox<>(PaneSpec.WINDOW_CHOICES);
    final JTextField asOf = new JTextField(9);
    final JComboBox<PaneView> view = new JComboBox<>(PaneView.values());
    final JButton params = new JButton(Bundle.LBL_Params());
    /** Contrast of the heatmap's colours, 0..100, 50 neutral: a view setting, applied without recomputing. */
    final javax.swing.JSlider contrast = new javax.swing.JSlider(0, 100, 50);

    private final Consumer<PaneSpec> onSpec;
    private final Consumer<String> onProblem;
    private PaneSpec spec;
    /** True while the fields are being set from a spec: those are not user edits. */
    private boolean showing;

    PaneToolbar(PaneSpec initial, Consumer<PaneSpec> onSpec, Consumer<String> onProblem) {
        this.onSpec = onSpec;
        this.onProblem = onProblem;
        setFloatable(false);
        setRollover(true);
        source.setEditable(true);
        symbol.setEditable(true);
        window.setEditable(true);
        source.setToolTipText(Bundle.TIP_Source());
        symbol.setToolTipText(Bundle.TIP_Symbol());
        model.setToolTipText(Bundle.TIP_Model());
        window.setToolTipText(Bundle.TIP_Window());
        asOf.setToolTipText(Bundle.TIP_AsOf());
        view.setToolTipText(Bundle.TIP_View());
        params.setToolTipText(Bundle.TIP_Params());
        // Wide enough for "BTCUSDT", "m1", "30d" beside FlatLaf's arrow buttons, narrow enough for a quarter screen.
        compact(source, 84);
        compact(symbol, 110);
        compact(model, 64);
        compact(window, 66);
        compact(view, 108);
        Dimension asOfSize = new Dimension(104, source.getPreferredSize().height);
        asOf.setPreferredSize(asOfSize);
        asOf.setMinimumSize(asOfSize);
        asOf.setMaximumSize(asOfSize);
        add(source);
        add(symbol);
        add(model);
        add(window);
        add(asOf);
        add(view);
        add(params);
        // The contrast slider lives in the pane's status line: the toolbar must fit a quarter of a screen.
        contrast.setToolTipText(Bundle.TIP_Contrast());
        contrast.setPreferredSize(new Dimension(90, 18));
        contrast.setOpaque(false);

        source.addActionListener(e -> { if (!showing) sourceChosen(); });
        symbol.addActionListener(e -> edit(() -> spec.withSymbol(text(symbol))));
        model.addActionListener(e -> edit(() -> spec.withModel(String.valueOf(model.getSelectedItem()))));
        window.addActionListener(e -> edit(() -> spec.withWindow(PaneSpec.parseWindow(text(window)))));
        asOf.addActionListener(e -> edit(() -> spec.withAsOf(PaneSpec.parseAsOf(asOf.getText()))));
        asOf.addFocusListener(new FocusAdapter() {
            @Override public void focusLost(FocusEvent e) {
                if (!asOf.getText().trim().equals(spec.asOfLabel())) edit(() -> spec.withAsOf(PaneSpec.parseAsOf(asOf.getText())));
            }
        });
        view.addActionListener(e -> edit(() -> spec.withView((PaneView) view.getSelectedItem())));
        params.addActionListener(e -> editParameters());
        show(initial);
    }

    private static void compact(JComboBox<?> c, int width) {
        c.setPrototypeDisplayValue(null);
        Dimension d = new Dimension(width, c.getPreferredSize().height);
        c.setPreferredSize(d);
        c.setMaximumSize(d);
    }

    private static String text(JComboBox<?> c) {
        Object o = c.isEditable() ? c.getEditor().getItem() : c.getSelectedItem();
        return o == null ? "" : o.toString().trim();
    }

    /** Sets the fields from {@code s} without treating that as an edit. */
    void show(PaneSpec s) {
        showing = true;
        try {
            spec = s;
            source.setSelectedItem(s.source());
            symbol.setSelectedItem(s.symbol());
            refreshModels();
            window.setSelectedItem(s.windowLabel());
            asOf.setText(s.asOfLabel());
            view.setSelectedItem(s.view());
            params.setText(s.params().isEmpty() ? Bundle.LBL_Params() : Bundle.LBL_Params() + " *");
        } finally {
            showing = false;
        }
    }

    /** Re-lists the models whenever a model module is installed, enabled, disabled or uninstalled. */
    private final Runnable modelsChanged = () -> {
        refreshModels();
        this.onModelsChanged.run();
    };

    /** What the pane does when the installed models change (recompute if its model was missing). */
    Runnable onModelsChanged = () -> { };

    @Override
    public void addNotify() {
        super.addNotify();
        InstalledModels.addListener(modelsChanged);
        refreshModels();
    }

    @Override
    public void removeNotify() {
        InstalledModels.removeListener(modelsChanged);
        super.removeNotify();
    }

    /** The installed models, which a plug-in module can change while the pane is open. */
    void refreshModels() {
        boolean was = showing;
        showing = true;
        try {
            DefaultComboBoxModel<String> m = new DefaultComboBoxModel<>();
            for (LiquidationModel lm : PaneEstimator.engine().models()) m.addElement(lm.id());
            if (m.getIndexOf(spec.modelId()) < 0) m.addElement(spec.modelId()); // still shown, and the pane says it is missing
            m.setSelectedItem(spec.modelId());
            model.setModel(m);
        } finally {
            showing = was;
        }
    }

    private void sourceChosen() {
        String chosen = text(source);
        if (chosen.equals(CHOOSE_FILE)) {
            File f = chooseDataFile(this);
            if (f == null) {
                show(spec);
                return;
            }
            chosen = "file:" + f.getAbsolutePath();
        }
        if (chosen.equals(spec.source())) return;
        String text = chosen;
        edit(() -> {
            SourceSpec.parse(text); // a malformed source is refused here, with the parser's message
            // A file's data ends where it ends: "live" means nothing there, so the as-of becomes its end.
            return spec.withSource(text);
        });
    }

    /** A file chooser for a Binance archive: a klines CSV, CSV.GZ or ZIP, or a folder of them. */
    static File chooseDataFile(java.awt.Component parent) {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        chooser.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter(
                "Binance archive files (*.csv, *.csv.gz, *.zip)", "csv", "gz", "zip"));
        return chooser.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION ? chooser.getSelectedFile() : null;
    }

    private interface SpecEdit {
        PaneSpec apply();
    }

    private void edit(SpecEdit edit) {
        if (showing) return;
        PaneSpec next;
        try {
            next = edit.apply();
        } catch (IllegalArgumentException e) {
            onProblem.accept(e.getMessage());
            show(spec); // put the fields back to what the pane shows
            return;
        }
        if (next.equals(spec)) return;
        show(next);
        onSpec.accept(next);
    }

    private void editParameters() {
        LiquidationModel m;
        try {
            m = PaneEstimator.engine().model(spec.modelId());
        } catch (IllegalArgumentException e) {
            onProblem.accept(Bundle.MSG_NoSuchModel(spec.modelId()));
            return;
        }
        List<ModelParameter> declared = m.parameters();
        Map<String, Double> effective = WorkbenchSettings.effectiveParams(declared, spec.params());
        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 6, 3, 6);
        c.anchor = GridBagConstraints.WEST;
        Map<String, JSpinner> fields = new LinkedHashMap<>();
        for (ModelParameter p : declared) {
            double value = effective.getOrDefault(p.key(), p.defaultValue());
            double step = p.max() - p.min() > 100 ? 1 : 0.01;
            JSpinner spinner = new JSpinner(new SpinnerNumberModel(value, p.min(), p.max(), step));
            spinner.setEditor(new JSpinner.NumberEditor(spinner, "0.#####"));
            spinner.setToolTipText(p.description());
            JLabel label = new JLabel(p.key());
            label.setToolTipText(p.description());
            c.gridy++;
            c.gridx = 0;
            form.add(label, c);
            c.gridx = 1;
            form.add(spinner, c);
            fields.put(p.key(), spinner);
        }
        DialogDescriptor d = new DialogDescriptor(form, Bundle.TITLE_Params(m.id()));
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) return;
        Map<String, Double> overrides = new LinkedHashMap<>();
        Map<String, Double> base = WorkbenchSettings.effectiveParams(declared, Map.of());
        for (ModelParameter p : declared) {
            double v = ((Number) fields.get(p.key()).getValue()).doubleValue();
            double b = base.getOrDefault(p.key(), p.defaultValue());
            // Only what differs from the defaults is the pane's own: a later change in Options still reaches the rest.
            if (Double.compare(v, b) != 0) overrides.put(p.key(), v);
        }
        edit(() -> spec.withParams(overrides));
    }
}
