package org.liqlens.desktop.confluence;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/** Tools › Options › Review: the OpenAI-compatible endpoint a bundle may be sent to, and its key (keyring only). */
@OptionsPanelController.TopLevelRegistration(
        categoryName = "#OptionsCategory_Name_Review",
        iconBase = "org/liqlens/desktop/panes/options32.png",
        keywords = "#OptionsCategory_Keywords_Review",
        keywordsCategory = "Review",
        position = 60)
@Messages({
    "OptionsCategory_Name_Review=Review",
    "OptionsCategory_Keywords_Review=ai review openai endpoint model api key bundle",
    "LBL_ReviewBase=Base URL (OpenAI-compatible, e.g. https://api.openai.com/v1)",
    "LBL_ReviewModel=Model name",
    "LBL_ReviewKey=API key (kept in the system keyring; blank keeps the stored one)",
    "LBL_ForgetKey=Forget the stored key",
    "MSG_ReviewOptional=Optional. Without it, bundles are exported and the prompt copied as usual; nothing is sent anywhere.",
    "# {0} - text",
    "MSG_BadBaseUrl=The base URL \"{0}\" is not an http or https URL"
})
public final class ReviewOptionsController extends OptionsPanelController {
    private final PropertyChangeSupport pcs = new PropertyChangeSupport(this);
    private final JTextField base = new JTextField(40);
    private final JTextField model = new JTextField(20);
    private final JPasswordField key = new JPasswordField(30);
    private final JCheckBox forget = new JCheckBox(Bundle.LBL_ForgetKey());
    private final JLabel problem = new JLabel(" ");
    private JPanel component;
    private boolean changed;

    @Override
    public void update() {
        base.setText(ReviewSettings.baseUrl());
        model.setText(ReviewSettings.model());
        key.setText("");
        forget.setSelected(false);
        changed = false;
    }

    @Override
    public void applyChanges() {
        String b = base.getText(), m = model.getText();
        char[] k = forget.isSelected() ? new char[0] : key.getPassword().length > 0 ? key.getPassword() : null;
        // The keyring may block on a system prompt: not on the EDT.
        RequestProcessor.getDefault().post(() -> ReviewSettings.store(b, m, k));
        changed = false;
    }

    @Override public void cancel() { }

    @Override
    public boolean isValid() {
        return problemText() == null;
    }

    private String problemText() {
        String b = base.getText().trim();
        if (b.isEmpty()) return null;
        try {
            java.net.URI u = new java.net.URI(b);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return null;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        return Bundle.MSG_BadBaseUrl(b);
    }

    @Override public boolean isChanged() { return changed; }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        if (component == null) {
            JPanel form = new JPanel(new GridBagLayout());
            form.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
            GridBagConstraints c = new GridBagConstraints();
            c.insets = new Insets(3, 3, 3, 8);
            c.anchor = GridBagConstraints.WEST;
            c.gridx = 0;
            c.gridy = 0;
            c.gridwidth = 2;
            form.add(new JLabel(Bundle.MSG_ReviewOptional()), c);
            c.gridwidth = 1;
            Object[][] rows = {{Bundle.LBL_ReviewBase(), base}, {Bundle.LBL_ReviewModel(), model}, {Bundle.LBL_ReviewKey(), key}};
            for (Object[] r : rows) {
                c.gridy++;
                c.gridx = 0;
                form.add(new JLabel((String) r[0]), c);
                c.gridx = 1;
                form.add((JComponent) r[1], c);
            }
            c.gridy++;
            c.gridx = 1;
            form.add(forget, c);
            DocumentListener l = new DocumentListener() {
                @Override public void insertUpdate(DocumentEvent e) { edited(); }
                @Override public void removeUpdate(DocumentEvent e) { edited(); }
                @Override public void changedUpdate(DocumentEvent e) { edited(); }
            };
            base.getDocument().addDocumentListener(l);
            model.getDocument().addDocumentListener(l);
            key.getDocument().addDocumentListener(l);
            forget.addActionListener(e -> edited());
            problem.setForeground(new java.awt.Color(0xE0662E));
            component = new JPanel(new BorderLayout());
            component.add(form, BorderLayout.NORTH);
            component.add(problem, BorderLayout.SOUTH);
        }
        return component;
    }

    private void edited() {
        String p = problemText();
        problem.setText(p == null ? " " : p);
        if (!changed) {
            changed = true;
            pcs.firePropertyChange(PROP_CHANGED, false, true);
        }
        pcs.firePropertyChange(PROP_VALID, null, null);
    }

    @Override public HelpCtx getHelpCtx() { return null; }
    @Override public void addPropertyChangeListener(PropertyChangeListener l) { pcs.addPropertyChangeListener(l); }
    @Override public void removePropertyChangeListener(PropertyChangeListener l) { pcs.removePropertyChangeListener(l); }
}
