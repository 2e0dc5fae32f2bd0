package org.liqlens.desktop.confluence;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import org.liqlens.confluence.Confluence;
import org.liqlens.confluence.ConfluenceReport;
import org.liqlens.confluence.ConfluenceSettings;
import org.liqlens.confluence.ConfluenceZone;
import org.liqlens.confluence.PaneZone;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * The Zones window, docked at the bottom: every pane's zones and the confluence zones on which panes agree, for
 * the panes of the focused pane's symbol and instant ({@link WorkspacePanes}). Both tables sort by any column;
 * selecting a row shades its band in every pane of the symbol. It follows the panes: a recompute, a pane opened
 * or closed, or another pane focused refreshes it (analysed off the EDT, coalesced).
 */
@ConvertAsProperties(dtd = "-//org.liqlens.desktop.confluence//Zones//EN", autostore = false)
@TopComponent.Description(preferredID = ZonesTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "output", openAtStartup = true, position = 10)
@ActionID(category = "Window", id = "org.liqlens.desktop.confluence.ZonesTopComponent")
@ActionReference(path = "Menu/Window", position = 30)
@TopComponent.OpenActionRegistration(displayName = "#CTL_ZonesAction", preferredID = ZonesTopComponent.ID)
@Messages({
    "CTL_ZonesAction=Zones",
    "CTL_Zones=Zones",
    "HINT_Zones=Each pane's liquidation zones and where panes agree (confluence)",
    "LBL_Confluence=Confluence: where panes agree",
    "LBL_PaneZones=Each pane's zones",
    "LBL_Tolerance=tolerance % of price",
    "BTN_Export=Export Bundle…",
    "MSG_NoPanes=Open a chart pane: its zones, and the confluence of every pane of its symbol, show here.",
    "# {0} - number of panes",
    "# {1} - symbol",
    "# {2} - as-of time",
    "# {3} - price",
    "# {4} - panes left out",
    "MSG_Header=<html><b>{1}</b> at {2} UTC, price {3}: {0} panes compared{4}. <span style='color:#9A9A9A'>Estimates from public data and leverage assumptions, not records of positions; measured on our real data, the strongest zones were not swept more often than random levels at the same distance.</span></html>",
    "# {0} - number",
    "MSG_LeftOut=, {0} of another symbol or time left out",
    "# {0} - error",
    "MSG_Failed=The zones cannot be computed: {0}"
})
public final class ZonesTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    public static final String ID = "LiqLensZones";
    private static final RequestProcessor ANALYSIS = new RequestProcessor("LiqLens zones", 1, true);

    private final JLabel header = new org.liqlens.desktop.panes.CappedLabel(Bundle.MSG_NoPanes(), SwingConstants.LEADING, 320);
    private final ReportTableModel confluenceModel = new ReportTableModel(emptyReportTable(true));
    private final ReportTableModel zonesModel = new ReportTableModel(emptyReportTable(false));
    private final JTable confluenceTable = new FittedTable(confluenceModel);
    private final JTable zonesTable = new FittedTable(zonesModel);
    private final JSpinner tolerance = new JSpinner(new SpinnerNumberModel(ConfluenceSettings.DEFAULT_TOLERANCE_PCT, 0.0, 10.0, 0.1));
    private final transient RequestProcessor.Task refresh = ANALYSIS.create(this::analyse);
    private final transient Set<ChartPaneTopComponent> watched = new HashSet<>();
    private final transient PropertyChangeListener paneListener = e -> {
        if (ChartPaneTopComponent.PROP_ESTIMATE.equals(e.getPropertyName())) scheduleRefresh();
    };
    private final transient PropertyChangeListener registryListener = e -> {
        String p = e.getPropertyName();
        if (TopComponent.Registry.PROP_TC_OPENED.equals(p) || TopComponent.Registry.PROP_TC_CLOSED.equals(p)
                || TopComponent.Registry.PROP_ACTIVATED.equals(p) && TopComponent.getRegistry().getActivated() instanceof ChartPaneTopComponent) {
            scheduleRefresh();
        }
    };
    /** The report shown, or null; its rows are the tables' rows in model order. */
    private transient volatile ConfluenceReport report;
    /** True while a refresh replaces the rows: the selection events it causes are not the user's. */
    private transient boolean updatingTables;

    public ZonesTopComponent() {
        setName(Bundle.CTL_Zones());
        setToolTipText(Bundle.HINT_Zones());
        setLayout(new BorderLayout());
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        header.setVerticalAlignment(SwingConstants.TOP);
        top.add(header, BorderLayout.CENTER);
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        controls.add(new JLabel(Bundle.LBL_Tolerance()));
        tolerance.setPreferredSize(new java.awt.Dimension(64, tolerance.getPreferredSize().height));
        tolerance.addChangeListener(e -> scheduleRefresh());
        controls.add(tolerance);
        JButton export = new JButton(Bundle.BTN_Export());
        export.addActionListener(e -> ExportTopComponent.showExport());
        controls.add(export);
        top.add(controls, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, titled(Bundle.LBL_Confluence(), confluenceTable),
                titled(Bundle.LBL_PaneZones(), zonesTable));
        split.setResizeWeight(0.45);
        split.setBorder(null);
        add(split, BorderLayout.CENTER);
        for (JTable t : new JTable[] {confluenceTable, zonesTable}) {
            t.setAutoCreateRowSorter(false);
            t.setRowSorter(new TableRowSorter<>(t.getModel()));
            t.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            t.setFillsViewportHeight(true);
            DefaultTableCellRenderer right = new DefaultTableCellRenderer();
            right.setHorizontalAlignment(SwingConstants.RIGHT);
            t.setDefaultRenderer(ReportTableModel.NumberCell.class, right);
        }
        confluenceTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) bandSelected(confluenceTable);
        });
        zonesTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) bandSelected(zonesTable);
        });
    }

    private static JPanel titled(String title, JTable table) {
        JPanel p = new JPanel(new BorderLayout());
        JLabel l = new JLabel(title);
        l.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        p.add(l, BorderLayout.NORTH);
        p.add(new JScrollPane(table), BorderLayout.CENTER);
        return p;
    }

    private static org.liqlens.confluence.Table emptyReportTable(boolean confluence) {
        // Column names before the first report: the same lists the bundle's tables use.
        List<String> names = confluence ? ConfluenceReport.CONFLUENCE_COLUMNS : ConfluenceReport.ZONE_COLUMNS;
        List<org.liqlens.confluence.Table.Column> cols = new ArrayList<>();
        for (String n : names) cols.add(new org.liqlens.confluence.Table.Column(n, org.liqlens.confluence.Table.Type.TEXT));
        return new org.liqlens.confluence.Table(confluence ? "confluence" : "zones", cols);
    }

    /** Finds the window, opening it if needed. EDT. */
    public static ZonesTopComponent findInstance() {
        TopComponent tc = org.openide.windows.WindowManager.getDefault().findTopComponent(ID);
        return tc instanceof ZonesTopComponent z ? z : new ZonesTopComponent();
    }

    /** The report the tables show, or null. */
    public ConfluenceReport report() {
        return report;
    }

    /** The confluence table as shown (model order, before sorting). */
    public org.liqlens.confluence.Table confluenceTable() {
        return confluenceModel.table();
    }

    /** Selects confluence row {@code modelRow}, as a click would. EDT. */
    public void selectConfluenceRow(int modelRow) {
        int view = confluenceTable.convertRowIndexToView(modelRow);
        confluenceTable.getSelectionModel().setSelectionInterval(view, view);
    }

    @Override
    protected void componentOpened() {
        TopComponent.getRegistry().addPropertyChangeListener(registryListener);
        scheduleRefresh();
    }

    @Override
    protected void componentClosed() {
        TopComponent.getRegistry().removePropertyChangeListener(registryListener);
        for (ChartPaneTopComponent p : watched) p.removePropertyChangeListener(paneListener);
        watched.clear();
        refresh.cancel();
    }

    private void scheduleRefresh() {
        refresh.schedule(150); // several panes finishing together make one analysis
    }

    /** Off the EDT: pick the panes on the EDT, analyse here, show on the EDT. */
    private void analyse() {
        try {
            Object[] picked = new Object[2];
            SwingUtilities.invokeAndWait(() -> {
                List<ChartPaneTopComponent> open = WorkspacePanes.openPanes();
                for (ChartPaneTopComponent p : open) {
                    if (watched.add(p)) p.addPropertyChangeListener(paneListener);
                }
                watched.removeIf(p -> {
                    if (open.contains(p)) return false;
                    p.removePropertyChangeListener(paneListener);
                    return true;
                });
                picked[0] = WorkspacePanes.select(null);
                picked[1] = ((Number) tolerance.getValue()).doubleValue();
            });
            WorkspacePanes.Selection sel = (WorkspacePanes.Selection) picked[0];
            if (sel.isEmpty()) {
                SwingUtilities.invokeLater(() -> show(null, sel, null));
                return;
            }
            ConfluenceSettings settings = ConfluenceSettings.DEFAULT.withTolerance((Double) picked[1]);
            ConfluenceReport r = Confluence.analyse(sel.estimates(), settings);
            SwingUtilities.invokeLater(() -> show(r, sel, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            SwingUtilities.invokeLater(() -> show(null, null, String.valueOf(cause.getMessage())));
        }
    }

    private void show(ConfluenceReport r, WorkspacePanes.Selection sel, String error) {
        // A refresh (a live minute, another pane done) replaces the rows; the band the user picked stays picked
        // while it is still there, rather than vanishing from every pane at each recompute.
        double[] picked = pickedBand();
        boolean pickedConfluence = confluenceTable.getSelectedRow() >= 0;
        report = r;
        updatingTables = true;
        try {
            if (r == null) {
                header.setText(error != null ? Bundle.MSG_Failed(error) : Bundle.MSG_NoPanes());
                confluenceModel.setTable(emptyReportTable(true));
                zonesModel.setTable(emptyReportTable(false));
            } else {
                String leftOut = sel.leftOut() > 0 ? Bundle.MSG_LeftOut(sel.leftOut()) : "";
                header.setText(Bundle.MSG_Header(r.panes().size(), r.symbol(),
                        org.liqlens.desktop.panes.PaneSpec.formatAsOf(r.asOf()),
                        r.price(r.price()), leftOut));
                confluenceModel.setTable(r.confluenceTable());
                zonesModel.setTable(r.zonesTable());
            }
        } finally {
            updatingTables = false;
        }
        if (picked != null) {
            int row = r == null ? -1 : rowOf(r, pickedConfluence, picked);
            if (row >= 0) {
                JTable t = pickedConfluence ? confluenceTable : zonesTable;
                int view = t.convertRowIndexToView(row);
                t.getSelectionModel().setSelectionInterval(view, view);
            } else {
                for (ChartPaneTopComponent p : WorkspacePanes.openPanes()) p.clearHighlight();
            }
        }
        if (r != null) firePropertyChange("report", null, r);
    }

    /** {side, low, high} of the selected row of the report shown, or null. */
    private double[] pickedBand() {
        ConfluenceReport r = report;
        if (r == null) return null;
        if (confluenceTable.getSelectedRow() >= 0) {
            ConfluenceZone z = r.confluence().get(confluenceTable.convertRowIndexToModel(confluenceTable.getSelectedRow()));
            return new double[] {z.side().ordinal(), z.low(), z.high()};
        }
        if (zonesTable.getSelectedRow() >= 0) {
            PaneZone z = r.zones().get(zonesTable.convertRowIndexToModel(zonesTable.getSelectedRow()));
            return new double[] {z.side().ordinal(), z.low(), z.high()};
        }
        return null;
    }

    private static int rowOf(ConfluenceReport r, boolean confluence, double[] band) {
        int n = confluence ? r.confluence().size() : r.zones().size();
        for (int i = 0; i < n; i++) {
            double side, low, high;
            if (confluence) {
                ConfluenceZone z = r.confluence().get(i);
                side = z.side().ordinal();
                low = z.low();
                high = z.high();
            } else {
                PaneZone z = r.zones().get(i);
                side = z.side().ordinal();
                low = z.low();
                high = z.high();
            }
            if (side == band[0] && low == band[1] && high == band[2]) return i;
        }
        return -1;
    }

    /** A row was selected: shade its band in every compared pane; no row, no shading. */
    private void bandSelected(JTable table) {
        if (updatingTables) return;
        ConfluenceReport r = report;
        int viewRow = table.getSelectedRow();
        if (r == null || viewRow < 0) {
            if (table.getSelectedRow() < 0 && (table == confluenceTable ? zonesTable : confluenceTable).getSelectedRow() < 0) {
                for (ChartPaneTopComponent p : WorkspacePanes.openPanes()) p.clearHighlight();
            }
            return;
        }
        int row = table.convertRowIndexToModel(viewRow);
        double low, high;
        if (table == confluenceTable) {
            ConfluenceZone z = r.confluence().get(row);
            low = z.low();
            high = z.high();
            zonesTable.clearSelection();
        } else {
            PaneZone z = r.zones().get(row);
            low = z.low();
            high = z.high();
            confluenceTable.clearSelection();
        }
        String symbol = r.symbol().toUpperCase(Locale.ROOT);
        for (ChartPaneTopComponent p : WorkspacePanes.openPanes()) {
            if (p.spec().symbol().equalsIgnoreCase(symbol)) p.highlightBand(low, high);
        }
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1");
        p.setProperty("tolerance", String.valueOf(tolerance.getValue()));
    }

    void readProperties(java.util.Properties p) {
        try {
            tolerance.setValue(Double.parseDouble(p.getProperty("tolerance", String.valueOf(ConfluenceSettings.DEFAULT_TOLERANCE_PCT))));
        } catch (IllegalArgumentException e) {
            tolerance.setValue(ConfluenceSettings.DEFAULT_TOLERANCE_PCT);
        }
    }
}
