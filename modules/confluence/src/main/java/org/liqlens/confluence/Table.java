package org.liqlens.confluence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of already formatted cells ({@link Numbers}), written as CSV, JSON or Markdown. The same table always
 * gives the same bytes: rows and columns keep their order, lines end in {@code \n}, the file ends in one.
 *
 * <ul>
 * <li>CSV: a header row, RFC 4180 quoting where a cell holds a comma, quote or line break; a list cell joins its
 *     items with {@code ;}.</li>
 * <li>JSON: an array of objects, one per row, keys in column order; numbers as written in the cells, lists as
 *     arrays of strings.</li>
 * <li>Markdown: a pipe table, numbers right-aligned; a list cell joins its items with {@code ;}.</li>
 * </ul>
 */
public final class Table {

    /** What a column holds. */
    public enum Type { TEXT, NUMBER, TEXT_LIST }

    public record Column(String name, Type type) {
        public Column {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
        }
    }

    private final String name;
    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(String name, List<Column> columns) {
        this.name = Objects.requireNonNull(name);
        this.columns = List.copyOf(columns);
    }

    /** The table's name, e.g. {@code zones}: the bundle's {@code tables/<name>.<ext>}. */
    public String name() { return name; }
    public List<Column> columns() { return columns; }
    public int rowCount() { return rows.size(); }

    /** The cell of {@code row} in column {@code column}: a String, or a List of String for a list column. */
    public Object cell(int row, String column) {
        for (int c = 0; c < columns.size(); c++) if (columns.get(c).name().equals(column)) return rows.get(row).get(c);
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /**
     * Appends a row: one String per TEXT or NUMBER column (a NUMBER cell must be a JSON number as written), one
     * List of String per TEXT_LIST column.
     */
    public Table addRow(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("table " + name + " has " + columns.size() + " columns, the row " + cells.length);
        }
        List<Object> row = new ArrayList<>(cells.length);
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (columns.get(c).type() == Type.TEXT_LIST) {
                List<?> items = (List<?>) v;
                row.add(items.stream().map(String::valueOf).toList());
            } else {
                row.add(String.valueOf(v));
            }
        }
        rows.add(row);
        return this;
    }

    public String format(TableFormat format) {
        return switch (format) {
            case CSV -> toCsv();
            case JSON -> toJson();
            case MARKDOWN -> toMarkdown();
        };
    }

    public String toCsv() {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) s.append(c == 0 ? "" : ",").append(csvField(columns.get(c).name()));
        s.append('\n');
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) s.append(c == 0 ? "" : ",").append(csvField(text(row.get(c))));
            s.append('\n');
        }
        return s.toString();
    }

    public String toJson() {
        if (rows.isEmpty()) return "[]\n";
        StringBuilder s = new StringBuilder("[\n");
        for (int r = 0; r < rows.size(); r++) {
            s.append("  {");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Column col = columns.get(c);
                s.append(c == 0 ? "" : ", ").append(jsonString(col.name())).append(": ");
                Object v = row.get(c);
                switch (col.type()) {
                    case NUMBER -> s.append((String) v);
                    case TEXT -> s.append(jsonString((String) v));
                    case TEXT_LIST -> {
                        s.append('[');
                        List<?> items = (List<?>) v;
                        for (int i = 0; i < items.size(); i++) s.append(i == 0 ? "" : ", ").append(jsonString((String) items.get(i)));
                        s.append(']');
                    }
                }
            }
            s.append(r == rows.size() - 1 ? "}\n" : "},\n");
        }
        return s.append("]\n").toString();
    }

    public String toMarkdown() {
        StringBuilder s = new StringBuilder("|");
        for (Column c : columns) s.append(' ').append(markdownCell(c.name())).append(" |");
        s.append("\n|");
        for (Column c : columns) s.append(c.type() == Type.NUMBER ? " ---: |" : " --- |");
        s.append('\n');
        for (List<Object> row : rows) {
            s.append('|');
            for (Object v : row) s.append(' ').append(markdownCell(text(v))).append(" |");
            s.append('\n');
        }
        return s.toString();
    }

    private static String text(Object cell) {
        return cell instanceof List<?> items ? String.join(";", items.stream().map(String::valueOf).toList()) : (String) cell;
    }

    private static String csvField(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static String markdownCell(String v) {
        return v.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    static String jsonString(String v) {
        StringBuilder s = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
                    else s.append(ch);
                }
            }
        }
        return s.append('"').toString();
    }
}
