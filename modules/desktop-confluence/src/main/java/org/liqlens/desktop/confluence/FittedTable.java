package org.liqlens.desktop.confluence;

import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.event.MouseEvent;
import javax.swing.JTable;
import javax.swing.JViewport;
import javax.swing.event.TableModelEvent;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.table.TableColumnModel;
import javax.swing.table.TableModel;

/**
 * A table whose columns are as wide as their header and their widest cell. The zone and scorecard tables hold the
 * very strings the bundle writes (prices, notionals to the dollar, the panes that agree), and columns squeezed to
 * the window's width cut them to "62076162..." or "m1-12h, ...": digits and names an analyst reads. Each column
 * now takes its content's width whenever the rows change; the table fills the view when that is wider than the
 * columns need, and scrolls sideways when it is narrower. A cell's tooltip is its whole text. EDT.
 */
final class FittedTable extends JTable {
    private static final long serialVersionUID = 1L;
    /** Room beside a cell's text: the renderer's border and the grid line. */
    static final int PADDING = 12;

    /** False while JTable's constructor runs, which calls tableChanged before the renderers exist (no initialiser:
     *  one would run after that constructor and reset it). */
    private boolean constructed;

    FittedTable(TableModel model) {
        super(model);
        constructed = true;
        fitColumns();
    }

    @Override
    public void tableChanged(TableModelEvent e) {
        super.tableChanged(e);
        if (constructed) fitColumns();
    }

    /** Sets each column's preferred width to its header's and its widest cell's, with {@link #PADDING}. */
    void fitColumns() {
        TableColumnModel columns = getColumnModel();
        for (int v = 0; v < columns.getColumnCount(); v++) {
            TableColumn column = columns.getColumn(v);
            int width = headerWidth(column, v);
            for (int r = 0; r < getRowCount(); r++) {
                Component cell = prepareRenderer(getCellRenderer(r, v), r, v);
                width = Math.max(width, cell.getPreferredSize().width);
            }
            column.setPreferredWidth(width + PADDING);
        }
    }

    private int headerWidth(TableColumn column, int v) {
        TableCellRenderer renderer = column.getHeaderRenderer();
        if (renderer == null && getTableHeader() != null) renderer = getTableHeader().getDefaultRenderer();
        if (renderer == null) return 0;
        return renderer.getTableCellRendererComponent(this, column.getHeaderValue(), false, false, -1, v)
                .getPreferredSize().width;
    }

    /** Fill the view while the columns fit in it; beyond that, keep their widths and scroll sideways. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        Container parent = getParent();
        return parent instanceof JViewport && getPreferredSize().width <= parent.getWidth();
    }

    @Override
    public String getToolTipText(MouseEvent event) {
        Point p = event.getPoint();
        int row = rowAtPoint(p), column = columnAtPoint(p);
        if (row < 0 || column < 0) return null;
        Object value = getValueAt(row, column);
        String text = value == null ? "" : value.toString();
        return text.isEmpty() ? null : text;
    }
}
