package org.liqlens.desktop.panes;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.util.NbBundle.Messages;

/** The form behind {@link SourcesOptionsController}: one REST and one WebSocket URL per exchange. */
@Messages({
    "LBL_Exchange=Exchange",
    "LBL_RestUrl=REST base URL (blank: the exchange's own)",
    "LBL_WsUrl=WebSocket URL (blank: the exchange's own)",
    "# {0} - directory",
    "LBL_CacheDir=Downloaded candles are cached in {0}",
    "LBL_Hint=Point an exchange at a testnet, a proxy or a recorded-response server. Open panes reload with the new URLs."
})
final class SourcesOptionsPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("binance", "Binance USD-M futures"); // the Ⓢ of "USDⓈ-M" has no glyph in common UI fonts
        NAMES.put("bybit", "Bybit (linear)");
        NAMES.put("okx", "OKX (swap)");
    }

    private final Map<String, JTextField> restFields = new LinkedHashMap<>();
    private final Map<String, JTextField> wsFields = new LinkedHashMap<>();
    private final Runnable onChange;

    SourcesOptionsPanel(Runnable onChange) {
        this.onChange = onChange;
        setLayout(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 6, 4, 6);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = 0;
        c.gridx = 0;
        add(new JLabel(Bundle.LBL_Exchange()), c);
        c.gridx = 1;
        add(new JLabel(Bundle.LBL_RestUrl()), c);
        c.gridx = 2;
        add(new JLabel(Bundle.LBL_WsUrl()), c);
        DocumentListener changed = new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { onChange.run(); }
            @Override public void removeUpdate(DocumentEvent e) { onChange.run(); }
            @Override public void changedUpdate(DocumentEvent e) { onChange.run(); }
        };
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            c.gridy++;
            c.gridx = 0;
            c.fill = GridBagConstraints.NONE;
            c.weightx = 0;
            add(new JLabel(e.getValue()), c);
            JTextField rest = new JTextField(28);
            JTextField ws = new JTextField(28);
            rest.getDocument().addDocumentListener(changed);
            ws.getDocument().addDocumentListener(changed);
            restFields.put(e.getKey(), rest);
            wsFields.put(e.getKey(), ws);
            c.fill = GridBagConstraints.HORIZONTAL;
            c.weightx = 1;
            c.gridx = 1;
            add(rest, c);
            c.gridx = 2;
            add(ws, c);
        }
        c.gridy++;
        c.gridx = 0;
        c.gridwidth = 3;
        c.weightx = 1;
        add(new JLabel(Bundle.LBL_Hint()), c);
        c.gridy++;
        add(new JLabel(Bundle.LBL_CacheDir(SourceSettings.cacheDirectory())), c);
        c.gridy++;
        c.weighty = 1;
        add(new JPanel(), c);
    }

    /** The callback both tabs share, so an edit in either re-checks the whole dialog. */
    Runnable onChangeHook() {
        return onChange;
    }

    void load() {
        for (String id : NAMES.keySet()) {
            restFields.get(id).setText(SourceSettings.baseUrl(id));
            wsFields.get(id).setText(SourceSettings.wsUrl(id));
        }
    }

    void store() {
        for (String id : NAMES.keySet()) {
            SourceSettings.store(id, restFields.get(id).getText(), wsFields.get(id).getText());
        }
    }

    boolean changed() {
        for (String id : NAMES.keySet()) {
            if (!restFields.get(id).getText().trim().equals(SourceSettings.baseUrl(id))) return true;
            if (!wsFields.get(id).getText().trim().equals(SourceSettings.wsUrl(id))) return true;
        }
        return false;
    }

    /** Blank, or an absolute http(s) / ws(s) URL: anything else would fail only when a pane opens. */
    boolean valid() {
        return problem() == null;
    }

    /** The first field that is not blank nor a usable URL, in words; null when all are. */
    String problem() {
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            String rest = restFields.get(e.getKey()).getText().trim();
            String ws = wsFields.get(e.getKey()).getText().trim();
            if (!isUrl(rest, "http", "https")) return e.getValue() + " REST URL \"" + rest + "\" is not an http:// or https:// URL with a host";
            if (!isUrl(ws, "ws", "wss")) return e.getValue() + " WebSocket URL \"" + ws + "\" is not a ws:// or wss:// URL with a host";
        }
        return null;
    }

    private static boolean isUrl(String text, String... schemes) {
        String t = text.trim();
        if (t.isEmpty()) return true;
        try {
            URI u = new URI(t);
            if (u.getHost() == null) return false;
            for (String s : schemes) {
                if (s.equalsIgnoreCase(u.getScheme())) return true;
            }
            return false;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
