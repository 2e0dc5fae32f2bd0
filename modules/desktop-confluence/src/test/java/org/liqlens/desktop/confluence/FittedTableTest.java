package org.liqlens.desktop.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.event.MouseEvent;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.junit.jupiter.api.Test;

/**
 * The zone and scorecard tables' columns take their content's width: a notional written to the dollar
 * ("62076162.38") or the panes that agree ("m1-12h, m1-24h, m3-3d") used to be cut to "62076162..." and
 * "m1-12h, ..." in the default workbench.
 */
class FittedTableTest {

    @Test
    void eachColumnIsAsWideAsItsWidestCellOrItsHeader() throws Exception {
        onEdt(() -> {
            DefaultTableModel model = new DefaultTableModel(new Object[][] {
                    {"long", "62076162.38", "m1-12h"},
                    {"short", "1.5", "m1-12h, m1-24h, m3-3d"}}, new Object[] {"side", "notional", "panes"});
            FittedTable table = new FittedTable(model);
            FontMetrics cells = table.getFontMetrics(table.getFont());
            FontMetrics header = table.getTableHeader().getFontMetrics(table.getTableHeader().getFont());
            assertTrue(width(table, 1) >= cells.stringWidth("62076162.38") + FittedTable.PADDING, "notional " + width(table, 1));
            assertTrue(width(table, 2) >= cells.stringWidth("m1-12h, m1-24h, m3-3d") + FittedTable.PADDING, "panes " + width(table, 2));
            // a short column is as wide as its header
            assertTrue(width(table, 0) >= header.stringWidth("side") + FittedTable.PADDING, "side " + width(table, 0));
            assertTrue(width(table, 0) < cells.stringWidth("m1-12h, m1-24h, m3-3d"), "no wider than it needs: " + width(table, 0));

            // new rows (a refresh) and new columns (another table) fit again
            model.addRow(new Object[] {"long", "123456789012.25", "m1-12h"});
            assertTrue(width(table, 1) >= cells.stringWidth("123456789012.25") + FittedTable.PADDING, "after a row " + width(table, 1));
            model.setDataVector(new Object[][] {{"a much longer side than before"}}, new Object[] {"side"});
            assertTrue(width(table, 0) >= cells.stringWidth("a much longer side than before") + FittedTable.PADDING);
        });
    }

    @Test
    void fillsAWideViewAndScrollsInANarrowOne() throws Exception {
        onEdt(() -> {
            FittedTable table = new FittedTable(new DefaultTableModel(new Object[][] {{"m1-12h, m1-24h, m3-3d", "62076162.38"}},
                    new Object[] {"panes", "notional"}));
            JScrollPane scroll = new JScrollPane(table);
            int needed = table.getPreferredSize().width;
            scroll.setSize(needed + 200, 200);
            scroll.doLayout();
            assertTrue(table.getScrollableTracksViewportWidth(), "wider than the columns: the table fills it");
            scroll.setSize(needed / 2, 200);
            scroll.doLayout();
            assertFalse(table.getScrollableTracksViewportWidth(), "narrower: the columns keep their widths and the view scrolls");
        });
    }

    @Test
    void aCellsTooltipIsItsWholeText() throws Exception {
        onEdt(() -> {
            FittedTable table = new FittedTable(new DefaultTableModel(new Object[][] {{"m1-12h, m1-24h, m3-3d", ""}},
                    new Object[] {"panes", "empty"}));
            table.setSize(table.getPreferredSize());
            table.doLayout();
            java.awt.Rectangle first = table.getCellRect(0, 0, false), second = table.getCellRect(0, 1, false);
            assertEquals("m1-12h, m1-24h, m3-3d", table.getToolTipText(move(table, first.x + 2, first.y + 2)));
            assertNull(table.getToolTipText(move(table, second.x + 2, second.y + 2)), "an empty cell has none");
        });
    }

    private static MouseEvent move(FittedTable table, int x, int y) {
        return new MouseEvent(table, MouseEvent.MOUSE_MOVED, 0, 0, x, y, 0, false);
    }

    private static int width(FittedTable table, int column) {
        return table.getColumnModel().getColumn(column).getPreferredWidth();
    }

    private static void onEdt(Runnable r) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(r);
    }
}
