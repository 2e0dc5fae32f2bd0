package org.liqlens.desktop.confluence;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.liqlens.confluence.Table;

/**
 * A confluence {@link Table} in a JTable: the very strings the bundle writes, so the window and the export
 * never disagree on a digit, with number columns sorting as numbers. EDT.
 */
final class ReportTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;

    /** A number as the table writes it, ordered by its value. */
    record NumberCell(double value, String text) implements Comparable<NumberCell> {
        @Override public int compareTo(NumberCell o) { return Double.compare(value, o.value); }
        @Override public String toString() { return text; }
    }

    private Table table;
    private final List<Object[]> rows = new ArrayList<>();

    ReportTableModel(Table empty) {
        setTable(empty);
    }

    void setTable(Table t) {
        boolean sameColumns = table != null && table.columns().equals(t.columns());
        table = t;
        rows.clear();
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] row = new Object[t.columns().size()];
            for (int c = 0; c < row.length; c++) {
                Table.Column col = t.columns().get(c);
                Object v = t.cell(r, col.name());
                row[c] = switch (col.type()) {
                    case NUMBER -> new NumberCell(Double.parseDouble((String) v), (String) v);
                    case TEXT_LIST -> String.join(", ", ((List<?>) v).stream().map(String::valueOf).toList());
                    case TEXT -> v;
                };
            }
            rows.add(row);
        }
        if (sameColumns) fireTableDataChanged();
        else fireTableStructureChanged();
    }

    Table table() {
        return table;
    }

    @Override public int getRowCount() { return rows.size(); }
    @Override public int getColumnCount() { return table.columns().size(); }
    @Override public String getColumnName(int c) { return table.columns().get(c).name(); }

    @Override
    public Class<?> getColumnClass(int c) {
        return table.columns().get(c).type() == Table.Type.NUMBER ? NumberCell.class : String.class;
    }

    @Override
    public Object getValueAt(int r, int c) {
        return rows.get(r)[c];
    }
}
