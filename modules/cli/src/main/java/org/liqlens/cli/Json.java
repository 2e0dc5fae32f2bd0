package org.liqlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Pretty JSON on stdout, doubles written in full (no rounding in transit). The commands hand over trees of maps,
 * lists, arrays, strings, numbers and booleans: those are written here ({@link Pretty}) as the same text
 * {@code ObjectMapper} with {@code INDENT_OUTPUT} writes for them, without starting Jackson's data binding (its introspection was the largest part of a cold {@code map}: hundreds of
 * classes and half a second). Any other value (a record, an {@code Optional}) goes to the object mapper as before.
 */
final class Json {
    private Json() { }

    static void print(Object value, PrintStream out) {
        out.println(write(value));
    }

    /** The object mapper of the values the streaming writer does not take (and for reading JSON back, in tests). */
    static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return Mapped.MAPPER;
    }

    /** The pretty JSON text of {@code value}, without a final line break. */
    static String write(Object value) {
        return write(value, false);
    }

    /**
     * The pretty JSON text of {@code value}, without a final line break; with {@code secondCoreFree}, a large table
     * of floats (a heatmap's cells) is written half on another thread, to the same text.
     */
    static String write(Object value, boolean secondCoreFree) {
        if (!streamable(value, 0)) return Mapped.write(value);
        Pretty p = new Pretty(secondCoreFree && Runtime.getRuntime().availableProcessors() > 1);
        p.value(value, 0);
        return p.out.toString();
    }

    /** True when every value of the tree is one {@link #writeValue} writes as the object mapper would. */
    private static boolean streamable(Object v, int depth) {
        if (depth > 200) return false;
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double || v instanceof Float
                || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigDecimal || v instanceof BigInteger
                || v instanceof double[] || v instanceof float[] || v instanceof long[] || v instanceof int[]) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !streamable(e.getValue(), depth + 1)) return false;
            }
            return true;
        }
        if (v instanceof java.util.List<?> l) {
            for (Object o : l) if (!streamable(o, depth + 1)) return false;
            return true;
        }
        if (v instanceof Object[] a) {
            for (Object o : a) if (!streamable(o, depth + 1)) return false;
            return true;
        }
        return false;
    }

    /**
     * The text Jackson's default pretty printer gives (objects one entry a line, indented two spaces a level, {@code
     * " : "} after a name; arrays on one line, {@code "[ 1.0, 2.0 ]"}, not indenting what they hold; {@code "{ }"} and
     * {@code "[ ]"} when empty; NaN and infinities quoted; control characters escaped), written straight into one
     * buffer: a cold run spent more time in the generator's layers than in formatting the numbers.
     * {@code ColdStartTest} holds it to the object mapper's text.
     */
    private static final class Pretty {
        private static final String EOL = System.lineSeparator();
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();
        /** Cells from which a table of floats is worth a second thread: a thread's start is a fraction of a ms. */
        static final int TWO_THREADS_FROM = 40_000;
        final StringBuilder out = new StringBuilder(1 << 16);
        private final boolean twoThreads;

        Pretty(boolean twoThreads) {
            this.twoThreads = twoThreads;
        }

        /** @param level the objects around this value (arrays do not count: their values are not indented) */
        void value(Object v, int level) {
            if (v == null) out.append("null");
            else if (v instanceof String s) string(s);
            else if (v instanceof Double d) number(out, d);
            else if (v instanceof Float f) number(out, f);
            else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                    || v instanceof BigDecimal || v instanceof BigInteger || v instanceof Boolean) out.append(v);
            // arrays: "[ a, b ]", "[ ]" when empty (what separate() and the closing " ]" give)
            else if (v instanceof double[] a) {
                out.append('[');
                for (int i = 0; i < a.length; i++) number(separate(i), a[i]);
                out.append(" ]");
            } else if (v instanceof float[] a) {
                out.append('[');
                for (int i = 0; i < a.length; i++) number(separate(i), a[i]);
                out.append(" ]");
            } else if (v instanceof long[] a) {
                out.append('[');
                for (int i = 0; i < a.length; i++) separate(i).append(a[i]);
                out.append(" ]");
            } else if (v instanceof int[] a) {
                out.append('[');
                for (int i = 0; i < a.length; i++) separate(i).append(a[i]);
                out.append(" ]");
            } else if (v instanceof Map<?, ?> m) {
                out.append('{');
                int n = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (n++ > 0) out.append(',');
                    indent(level + 1);
                    string((String) e.getKey());
                    out.append(" : ");
                    value(e.getValue(), level + 1);
                }
                if (n > 0) indent(level);
                else out.append(' ');
                out.append('}');
            } else if (v instanceof java.util.List<?> l) {
                out.append('[');
                int i = 0;
                for (Object o : l) {
                    separate(i++);
                    value(o, level);
                }
                out.append(" ]");
            } else if (v instanceof float[][] rows) {
                floatRows(rows);
            } else if (v instanceof Object[] a) {
                out.append('[');
                for (int i = 0; i < a.length; i++) {
                    separate(i);
                    value(a[i], level);
                }
                out.append(" ]");
            } else {
                throw new IllegalStateException("not a streamed JSON value: " + v.getClass().getName());
            }
        }

        /**
         * An array of float arrays, {@code "[ [ 1.0, 2.0 ], [ 3.0 ] ]"}: a heatmap's 192,000 cells (30 days, 480
         * columns of 400 buckets) are most of its JSON, and as many {@code Float.toString}s take tens of ms. With
         * a second core free the rows after the middle are written there, into their own buffer, while this thread
         * writes those before it; the text is the same as one thread's.
         */
        private void floatRows(float[][] rows) {
            long cells = 0;
            for (float[] r : rows) cells += r.length;
            int middle = twoThreads && cells >= TWO_THREADS_FROM ? rows.length / 2 : rows.length;
            java.util.concurrent.FutureTask<StringBuilder> after = null;
            if (middle < rows.length) {
                after = new java.util.concurrent.FutureTask<>(new FloatRows(rows, middle, rows.length));
                Thread t = new Thread(after, "liqlens-json");
                t.setDaemon(true);
                t.start();
            }
            out.append('[');
            new FloatRows(rows, 0, middle).appendTo(out);
            if (after != null) {
                try {
                    out.append(after.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted while writing JSON");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new IllegalStateException(e.getCause());
                }
            }
            out.append(" ]");
        }

        /** Rows [from, to) of a float table as the array's text puts them, each after its separator. */
        private static final class FloatRows implements java.util.concurrent.Callable<StringBuilder> {
            private final float[][] rows;
            private final int from, to;

            FloatRows(float[][] rows, int from, int to) {
                this.rows = rows;
                this.from = from;
                this.to = to;
            }

            @Override
            public StringBuilder call() {
                int chars = 0;
                for (int i = from; i < to; i++) chars += 12 * rows[i].length + 4;
                return appendTo(new StringBuilder(chars));
            }

            StringBuilder appendTo(StringBuilder sb) {
                RepeatedFloats texts = new RepeatedFloats();
                for (int i = from; i < to; i++) {
                    sb.append(i == 0 ? " [" : ", [");
                    float[] a = rows[i];
                    for (int k = 0; k < a.length; k++) sb.append(k == 0 ? " " : ", ").append(texts.text(k, a[k]));
                    sb.append(" ]");
                }
                return sb;
            }
        }

        /** Before an array's value {@code i}. */
        private StringBuilder separate(int i) {
            return out.append(i == 0 ? " " : ", ");
        }

        private void indent(int level) {
            out.append(EOL);
            for (int i = 0; i < level; i++) out.append("  ");
        }

        /** As Jackson writes numbers: NaN and infinities quoted. */
        private static void number(StringBuilder out, double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) out.append('"').append(d).append('"');
            else out.append(d);
        }

        private static void number(StringBuilder out, float f) {
            if (Float.isNaN(f) || Float.isInfinite(f)) out.append('"').append(f).append('"');
            else out.append(f);
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\r' -> out.append("\\r");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20) out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                        else out.append(c);
                    }
                }
            }
            out.append('"');
        }
    }

    /**
     * The JSON text of floats that mostly repeat the value at the same place in the previous row: a heatmap column is
     * the previous one with a few cells changed (79 % of a 30-day heatmap's cells equal their left neighbour), so
     * each place keeps its last value's text, and a float is formatted only when it differs (bit for bit) from the
     * one before it there. The text is {@code Float.toString}'s, NaN and infinities quoted, as Jackson writes them.
     */
    static final class RepeatedFloats {
        private int[] bits = new int[0];
        private String[] texts = new String[0];

        String text(int place, float f) {
            if (place >= texts.length) {
                int n = Math.max(place + 1, 2 * texts.length);
                bits = java.util.Arrays.copyOf(bits, n);
                texts = java.util.Arrays.copyOf(texts, n);
            }
            int b = Float.floatToRawIntBits(f);
            String t = texts[place];
            if (t == null || bits[place] != b) {
                t = Float.isNaN(f) || Float.isInfinite(f) ? "\"" + f + "\"" : Float.toString(f);
                texts[place] = t;
                bits[place] = b;
            }
            return t;
        }
    }

    /** Jackson's object mapper, loaded only for a value the streaming writer does not take. */
    private static final class Mapped {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        static String write(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
            }
        }
    }
}
