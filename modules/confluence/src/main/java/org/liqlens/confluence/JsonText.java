package org.liqlens.confluence;

import java.util.List;
import java.util.Map;

/**
 * Pretty JSON of plain values (Map with String keys in iteration order, List, double[], String, Number,
 * Boolean, null), laid out like Jackson's default pretty printer. The bundle's manifest and the CLI's bundle
 * summary use it instead of Jackson: starting Jackson costs a cold JVM a few hundred milliseconds, a third of
 * a bundle's time budget. Doubles are written as {@link Double#toString}, as Jackson writes them.
 */
public final class JsonText {
    private JsonText() { }

    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v, int depth) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String text) {
            s.append(Table.jsonString(text));
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON has no " + d);
            s.append(d);
        } else if (v instanceof Float f) {
            write(s, f.doubleValue(), depth);
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof double[] array) {
            s.append('[');
            for (int i = 0; i < array.length; i++) {
                s.append(i == 0 ? " " : ", ");
                write(s, array[i], depth);
            }
            s.append(array.length == 0 ? "]" : " ]");
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                s.append(i == 0 ? " " : ", ");
                write(s, list.get(i), depth);
            }
            s.append(list.isEmpty() ? "]" : " ]");
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                s.append("{ }");
                return;
            }
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                s.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1)).append(Table.jsonString(String.valueOf(e.getKey()))).append(" : ");
                write(s, e.getValue(), depth + 1);
                first = false;
            }
            s.append('\n').append("  ".repeat(depth)).append('}');
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }
}
