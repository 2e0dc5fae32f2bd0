package org.liqlens.desktop.confluence;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.liqlens.confluence.BundleRequest;
import org.liqlens.confluence.BundleWriter;
import org.liqlens.confluence.ConfluenceSettings;
import org.liqlens.confluence.PromptTemplate;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.netbeans.api.progress.ProgressHandle;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The Export window: the AI-prompt bundle of the workspace's panes. The user picks the panes (all of the focused
 * symbol and instant by default), the picture size and the prompt template, and where the zip goes; Export writes
 * it off the EDT with a progress bar, copies the prompt to the clipboard and shows where the zip went. The bundle
 * is the one {@code liqlens-cli bundle} writes for the same panes ({@link DesktopBundle}).
 */
@ConvertAsProperties(dtd = "-//org.liqlens.desktop.confluence//Export//EN", autostore = false)
@TopComponent.Description(preferredID = ExportTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "output", openAtStartup = false, position = 20)
@ActionID(category = "Window", id = "org.liqlens.desktop.confluence.ExportTopComponent")
@ActionReferences({
    @ActionReference(path = "Menu/File", position = 1300, separatorBefore = 1290),
    @ActionReference(path = "Menu/Window", position = 31)
})
@TopComponent.OpenActionRegistration(displayName = "#CTL_ExportAction", preferredID = ExportTopComponent.ID)
@Messages({
    "CTL_ExportAction=Export Confluence Bundle…",
    "CTL_Export=Export",
    "HINT_Export=The AI-prompt bundle: pictures, zone tables and a prompt, in one zip",
    "LBL_Panes=Panes",
    "LBL_Size=Picture size",
    "LBL_Template=Prompt template",
    "LBL_Out=Zip file",
    "LBL_DefaultTemplate=LiqLens default",
    "LBL_CustomTemplate=edited",
    "BTN_Refresh=Use the Workspace's Panes",
    "BTN_EditTemplate=Edit…",
    "BTN_ResetTemplate=Reset to Default",
    "BTN_Browse=Browse…",
    "BTN_DoExport=Export",
    "BTN_CopyPrompt=Copy Prompt",
    "COL_Include=export",
    "COL_Pane=pane",
    "# {0} - zip path",
    "# {1} - number of files",
    "MSG_Written=Written {0} ({1} files). The prompt is on the clipboard.",
    "MSG_Exporting=Exporting the confluence bundle…",
    "# {0} - error",
    "MSG_ExportFailed=Not exported: {0}",
    "MSG_ExportCancelled=Export cancelled; no file was written",
    "MSG_NoPaneChosen=Not exported: choose at least one pane.",
    "TITLE_EditTemplate=Prompt Template",
    "# {0} - placeholders",
    "MSG_TemplateHelp=Placeholders: {0}. An unknown placeholder is refused.",
    "MSG_PromptPreview=The prompt of the last export shows here."
})
public final class ExportTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    public static final String ID = "LiqLensExport";
    private static final RequestProcessor EXPORTS = new RequestProcessor("LiqLens export", 1, true);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DefaultTableModel paneModel = new DefaultTableModel(new Object[] {Bundle.COL_Include(), Bundle.COL_Pane()}, 0) {
        private static final long serialVersionUID = 1L;
        @Override public Class<?> getColumnClass(int c) { return c == 0 ? Boolean.class : String.class; }
        @Override public boolean isCellEditable(int r, int c) { return c == 0; }
    };
    private final JSpinner width = new JSpinner(new SpinnerNumberModel(BundleRequest.DEFAULT_WIDTH, 320, 7680, 10));
    private final JSpinner height = new JSpinner(new SpinnerNumberModel(BundleRequest.DEFAULT_HEIGHT, 240, 4320, 10));
    private final JLabel templateName = new JLabel();
    private final JTextField out = new JTextField(36);
    private final JLabel status = new JLabel(" ");
    private final JTextArea prompt = new JTextArea(Bundle.MSG_PromptPreview());
    private final JButton exportButton = new JButton(Bundle.BTN_DoExport());
    private transient List<ChartPaneTopComponent> listed = new ArrayList<>();
    private transient volatile BundleWriter.Written lastWritten;
    final transient ReviewPanel review = new ReviewPanel(this);

    public ExportTopComponent() {
        setName(Bundle.CTL_Export());
        setToolTipText(Bundle.HINT_Export());
        setLayout(new BorderLayout());
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 2, 2, 6);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = 0;

        JTable panes = new JTable(paneModel);
        panes.getColumnModel().getColumn(0).setMaxWidth(60);
        JScrollPane paneScroll = new JScrollPane(panes);
        paneScroll.setPreferredSize(new Dimension(320, 90));
        addRow(form, c, Bundle.LBL_Panes(), paneScroll);
        JButton refresh = new JButton(Bundle.BTN_Refresh());
        refresh.addActionListener(e -> listPanes());
        addRow(form, c, "", refresh);

        JPanel size = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
        size.add(width);
        size.add(new JLabel("×"));
        size.add(height);
        addRow(form, c, Bundle.LBL_Size(), size);

        JPanel template = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
        template.add(templateName);
        JButton edit = new JButton(Bundle.BTN_EditTemplate());
        edit.addActionListener(e -> editTemplate());
        JButton reset = new JButton(Bundle.BTN_ResetTemplate());
        reset.addActionListener(e -> {
            PromptTemplates.reset();
            showTemplateName();
        });
        template.add(edit);
        template.add(reset);
        addRow(form, c, Bundle.LBL_Template(), template);

        JPanel file = new JPanel(new BorderLayout(4, 0));
        file.add(out, BorderLayout.CENTER);
        JButton browse = new JButton(Bundle.BTN_Browse());
        browse.addActionListener(e -> browse());
        file.add(browse, BorderLayout.EAST);
        addRow(form, c, Bundle.LBL_Out(), file);

        JPanel actions = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
        exportButton.addActionListener(e -> exportChosen());
        JButton copy = new JButton(Bundle.BTN_CopyPrompt());
        copy.addActionListener(e -> copyPrompt());
        actions.add(exportButton);
        actions.add(copy);
        addRow(form, c, "", actions);
        c.gridx = 0;
        c.gridwidth = 2;
        form.add(status, c);
        c.gridy++;
        c.weighty = 1;
        form.add(new JPanel(), c);

        prompt.setEditable(false);
        prompt.setLineWrap(true);
        prompt.setWrapStyleWord(true);
        prompt.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(prompt), review);
        right.setResizeWeight(0.5);
        right.setBorder(null);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(form), right);
        split.setResizeWeight(0.0);
        split.setBorder(null);
        add(split, BorderLayout.CENTER);
        showTemplateName();
    }

    private static void addRow(JPanel form, GridBagConstraints c, String label, java.awt.Component field) {
        c.gridx = 0;
        c.gridwidth = 1;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(field, c);
        c.gridy++;
    }

    /** Opens and focuses the Export window with the workspace's panes listed. EDT. */
    public static ExportTopComponent showExport() {
        TopComponent tc = WindowManager.getDefault().findTopComponent(ID);
        ExportTopComponent export = tc instanceof ExportTopComponent e ? e : new ExportTopComponent();
        export.open();
        export.requestActive();
        export.listPanes();
        return export;
    }

    @Override
    protected void componentOpened() {
        listPanes();
    }

    /** Lists the focused symbol's panes at its instant, all ticked, and proposes a file name for them. */
    void listPanes() {
        WorkspacePanes.Selection sel = WorkspacePanes.select(null);
        listed = new ArrayList<>(sel.panes());
        paneModel.setRowCount(0);
        for (ChartPaneTopComponent p : listed) paneModel.addRow(new Object[] {Boolean.TRUE, p.spec().title()});
        if (!sel.isEmpty() && (out.getText().isBlank() || out.getText().contains(DEFAULT_DIR_MARK))) {
            var r = sel.estimates().get(0).result();
            out.setText(defaultDirectory().resolve(r.symbol() + "-" + FILE_TIME.format(Instant.ofEpochMilli(r.asOf())) + ".zip").toString());
        }
    }

    private static final String DEFAULT_DIR_MARK = "liqlens-bundles";

    private static Path defaultDirectory() {
        return Paths.get(System.getProperty("user.home"), DEFAULT_DIR_MARK);
    }

    private void showTemplateName() {
        templateName.setText(PromptTemplates.isCustom() ? Bundle.LBL_CustomTemplate() : Bundle.LBL_DefaultTemplate());
    }

    private void editTemplate() {
        JTextArea text = new JTextArea(PromptTemplates.current().text(), 24, 90);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JScrollPane(text), BorderLayout.CENTER);
        panel.add(new JLabel(Bundle.MSG_TemplateHelp("{" + String.join("}, {", PromptTemplate.knownNames()) + "}")), BorderLayout.SOUTH);
        while (true) {
            NotifyDescriptor d = new NotifyDescriptor(panel, Bundle.TITLE_EditTemplate(), NotifyDescriptor.OK_CANCEL_OPTION,
                    NotifyDescriptor.PLAIN_MESSAGE, null, NotifyDescriptor.OK_OPTION);
            if (DialogDisplayer.getDefault().notify(d) != NotifyDescriptor.OK_OPTION) return;
            try {
                PromptTemplates.save(text.getText());
                showTemplateName();
                return;
            } catch (IllegalArgumentException e) {
                DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            }
        }
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(out.getText().isBlank() ? defaultDirectory().toFile() : Paths.get(out.getText()).toFile());
        chooser.setSelectedFile(Paths.get(out.getText().isBlank() ? "bundle.zip" : out.getText()).toFile());
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            String path = chooser.getSelectedFile().getPath();
            out.setText(path.toLowerCase(Locale.ROOT).endsWith(".zip") ? path : path + ".zip");
        }
    }

    private List<ChartPaneTopComponent> chosen() {
        List<ChartPaneTopComponent> panes = new ArrayList<>();
        for (int r = 0; r < paneModel.getRowCount() && r < listed.size(); r++) {
            if (Boolean.TRUE.equals(paneModel.getValueAt(r, 0))) panes.add(listed.get(r));
        }
        return panes;
    }

    private void exportChosen() {
        List<ChartPaneTopComponent> panes = chosen();
        if (panes.isEmpty()) {
            status.setText(Bundle.MSG_NoPaneChosen());
            return;
        }
        if (out.getText().isBlank()) {
            browse();
            if (out.getText().isBlank()) return;
        }
        export(panes, Paths.get(out.getText().trim()));
    }

    /**
     * Exports {@code panes} to {@code target} in the background; the returned task finishes when the zip is written
     * or the failure is shown. EDT.
     */
    public RequestProcessor.Task export(List<ChartPaneTopComponent> panes, Path target) {
        List<DesktopBundle.Pane> inputs = new ArrayList<>();
        for (ChartPaneTopComponent p : panes) {
            if (p.estimate() != null) inputs.add(new DesktopBundle.Pane(p.spec(), p.estimate()));
        }
        int w = (Integer) width.getValue(), h = (Integer) height.getValue();
        PromptTemplate template = PromptTemplates.current();
        double tolerance = toleranceOfZonesWindow();
        exportButton.setEnabled(false);
        status.setText(Bundle.MSG_Exporting());
        return EXPORTS.post(() -> {
            org.liqlens.sources.CancelToken cancel = org.liqlens.sources.CancelToken.create();
            // The scorecard may read a month of an exchange's candles first: the user can stop that.
            ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Exporting(), () -> {
                cancel.cancel();
                return true;
            });
            progress.start();
            progress.switchToIndeterminate();
            try {
                BundleWriter.Written written = DesktopBundle.write(inputs, target, w, h, template, tolerance, cancel);
                String text = org.liqlens.confluence.BundleReader.read(written.path()).prompt();
                lastWritten = written;
                SwingUtilities.invokeLater(() -> {
                    prompt.setText(text);
                    prompt.setCaretPosition(0);
                    copyPrompt();
                    status.setText(Bundle.MSG_Written(written.path(), written.entries().size()));
                    review.bundleWritten(written.path(), text);
                });
            } catch (java.util.concurrent.CancellationException e) {
                SwingUtilities.invokeLater(() -> status.setText(Bundle.MSG_ExportCancelled()));
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> status.setText(Bundle.MSG_ExportFailed(e.getMessage())));
            } finally {
                progress.finish();
                SwingUtilities.invokeLater(() -> exportButton.setEnabled(true));
            }
        });
    }

    /** The Zones window's tolerance, so that the bundle's confluence table is the one on screen. */
    private static double toleranceOfZonesWindow() {
        TopComponent tc = WindowManager.getDefault().findTopComponent(ZonesTopComponent.ID);
        if (tc instanceof ZonesTopComponent z && z.report() != null) return z.report().settings().tolerancePct();
        return ConfluenceSettings.DEFAULT_TOLERANCE_PCT;
    }

    private void copyPrompt() {
        String text = prompt.getText();
        if (lastWritten == null || text.isEmpty()) return;
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        } catch (IllegalStateException | java.awt.HeadlessException e) {
            // another application holds the clipboard; the prompt stays in the window and the zip
        }
    }

    /** The last bundle written, or null. */
    public BundleWriter.Written lastWritten() {
        return lastWritten;
    }

    /** The status line, for tests. */
    public String statusText() {
        return status.getText();
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1");
        p.setProperty("width", String.valueOf(width.getValue()));
        p.setProperty("height", String.valueOf(height.getValue()));
    }

    void readProperties(java.util.Properties p) {
        try {
            width.setValue(Integer.parseInt(p.getProperty("width", String.valueOf(BundleRequest.DEFAULT_WIDTH))));
            height.setValue(Integer.parseInt(p.getProperty("height", String.valueOf(BundleRequest.DEFAULT_HEIGHT))));
        } catch (IllegalArgumentException e) {
            // a hand-edited file: keep the defaults
        }
    }
}
