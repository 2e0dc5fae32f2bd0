package org.liqlens.desktop.panes;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Objects;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.liqlens.sources.SourceSpec;
import org.openide.util.NbBundle.Messages;

/**
 * The Workbench tab of Tools › Options › LiqLens: defaults for new panes and the Confluence workspace, the
 * leverage ladder and MMR every pane starts from, the live refresh interval and the heatmap colour scale.
 * {@link #problem()} says in words what is wrong with a field, and the dialog shows it.
 */
@Messages({
    "LBL_DefaultSource=Default source:",
    "LBL_DefaultSymbol=Default symbol:",
    "LBL_Ladder=Leverage ladder (leverage:weight, …):",
    "TIP_Ladder=Share of new notional opened at each leverage; normalised to 1. Default 5:0.10, 10:0.25, 25:0.30, 50:0.20, 100:0.15",
    "LBL_Mmr=Maintenance margin rate (blank: the symbol's first bracket):",
    "LBL_Refresh=Live refresh when polling (seconds, 15–60):",
    "LBL_Scale=Heatmap colour scale:",
    "LBL_Percentile=Percentile clip at:",
    "# {0} - problem",
    "MSG_OptionProblem=⚠ {0}",
    "MSG_MmrRange=MMR must be a number from 0 to 0.5, e.g. 0.004",
    "MSG_SymbolForm=default symbol must be an exchange ticker such as BTCUSDT"
})
final class WorkbenchOptionsPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private final JComboBox<String> source = new JComboBox<>(new String[] {"sim", "binance", "bybit", "okx", "all"});
    private final JTextField symbol = new JTextField(12);
    private final JTextField ladder = new JTextField(34);
    private final JTextField mmr = new JTextField(8);
    private final JSpinner refresh = new JSpinner(new SpinnerNumberModel(30, WorkbenchSettings.MIN_REFRESH_SECONDS,
            WorkbenchSettings.MAX_REFRESH_SECONDS, 5));
    private final JComboBox<HeatmapScale> scale = new JComboBox<>(HeatmapScale.values());
    private final JSpinner percentile = new JSpinner(new SpinnerNumberModel(99.0, 50.0, 99.99, 0.5));
    private final Runnable onChange;

    WorkbenchOptionsPanel(Runnable onChange) {
        this.onChange = onChange;
        setLayout(new GridBagLayout());
        source.setEditable(true);
        ladder.setToolTipText(Bundle.TIP_Ladder());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 6, 4, 6);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = 0;
        row(c, Bundle.LBL_DefaultSource(), source);
        row(c, Bundle.LBL_DefaultSymbol(), symbol);
        row(c, Bundle.LBL_Ladder(), ladder);
        row(c, Bundle.LBL_Mmr(), mmr);
        row(c, Bundle.LBL_Refresh(), refresh);
        row(c, Bundle.LBL_Scale(), scale);
        row(c, Bundle.LBL_Percentile(), percentile);
        c.gridy++;
        c.gridx = 0;
        c.weighty = 1;
        add(new JPanel(), c);
        DocumentListener changed = new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { onChange.run(); }
            @Override public void removeUpdate(DocumentEvent e) { onChange.run(); }
            @Override public void changedUpdate(DocumentEvent e) { onChange.run(); }
        };
        for (JTextField f : new JTextField[] {symbol, ladder, mmr}) f.getDocument().addDocumentListener(changed);
        source.addActionListener(e -> onChange.run());
        ((JTextField) source.getEditor().getEditorComponent()).getDocument().addDocumentListener(changed);
        refresh.addChangeListener(e -> onChange.run());
        scale.addActionListener(e -> onChange.run());
        percentile.addChangeListener(e -> onChange.run());
    }

    private void row(GridBagConstraints c, String label, java.awt.Component field) {
        c.gridx = 0;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        add(field, c);
        c.gridy++;
    }

    private String sourceText() {
        Object o = source.getEditor().getItem();
        return o == null ? "" : o.toString().trim();
    }

    void load() {
        source.setSelectedItem(WorkbenchSettings.defaultSource());
        symbol.setText(WorkbenchSettings.defaultSymbol());
        ladder.setText(WorkbenchSettings.formatLadder(WorkbenchSettings.ladderWeights()));
        Double m = WorkbenchSettings.mmr();
        mmr.setText(m == null ? "" : m.toString());
        refresh.setValue(WorkbenchSettings.refreshSeconds());
        scale.setSelectedItem(WorkbenchSettings.heatmapScale());
        percentile.setValue(WorkbenchSettings.percentile());
    }

    void store() {
        var p = WorkbenchSettings.preferences();
        p.put(WorkbenchSettings.DEFAULT_SOURCE, sourceText());
        p.put(WorkbenchSettings.DEFAULT_SYMBOL, symbol.getText().trim().toUpperCase(java.util.Locale.ROOT));
        String ladderText = WorkbenchSettings.formatLadder(WorkbenchSettings.parseLadder(ladder.getText()));
        // The default ladder is stored as "not set", so a later change of the engine's default reaches the user.
        p.put(WorkbenchSettings.LADDER, ladderText.equals(WorkbenchSettings.formatLadder(WorkbenchSettings.defaultLadder())) ? "" : ladderText);
        p.put(WorkbenchSettings.MMR, mmr.getText().trim());
        p.putInt(WorkbenchSettings.REFRESH_SECONDS, (Integer) refresh.getValue());
        p.put(WorkbenchSettings.COLOUR_SCALE, ((HeatmapScale) scale.getSelectedItem()).name());
        p.putDouble(WorkbenchSettings.PERCENTILE, ((Number) percentile.getValue()).doubleValue());
    }

    boolean changed() {
        Double m = WorkbenchSettings.mmr();
        return !sourceText().equals(WorkbenchSettings.defaultSource())
                || !symbol.getText().trim().equalsIgnoreCase(WorkbenchSettings.defaultSymbol())
                || !ladder.getText().trim().equals(WorkbenchSettings.formatLadder(WorkbenchSettings.ladderWeights()))
                || !mmr.getText().trim().equals(m == null ? "" : m.toString())
                || !Objects.equals(refresh.getValue(), WorkbenchSettings.refreshSeconds())
                || scale.getSelectedItem() != WorkbenchSettings.heatmapScale()
                || ((Number) percentile.getValue()).doubleValue() != WorkbenchSettings.percentile();
    }

    /** What is wrong, in words, or null when every field is usable. */
    String problem() {
        try {
            SourceSpec.parse(sourceText());
        } catch (IllegalArgumentException e) {
            return "default source: " + e.getMessage();
        }
        if (!symbol.getText().trim().toUpperCase(java.util.Locale.ROOT).matches("[A-Z0-9]{2,30}")) return Bundle.MSG_SymbolForm();
        try {
            WorkbenchSettings.parseLadder(ladder.getText());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String m = mmr.getText().trim();
        if (!m.isEmpty()) {
            try {
                double v = Double.parseDouble(m);
                if (!(v >= 0 && v <= 0.5)) return Bundle.MSG_MmrRange();
            } catch (NumberFormatException e) {
                return Bundle.MSG_MmrRange();
            }
        }
        return null;
    }
}
