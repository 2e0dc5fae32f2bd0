package org.liqlens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Pretty JSON on stdout, doubles written in full (no rounding in transit). The commands hand over trees of maps,
 * lists, arrays, strings, numbers and booleans: those are written with Jackson's streaming generator and its
 * default pretty printer, the same text {@code ObjectMapper} with {@code INDENT_OUTPUT} writes for them, without
 * starting Jackson's data binding (its introspection was the largest part of a cold {@code map}: hundreds of
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
        if (!streamable(value, 0)) return Mapped.write(value);
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator g = Streaming.FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            writeValue(g, value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
        return text.toString();
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

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Float f) g.writeNumber(f);
        else if (v instanceof Short s) g.writeNumber(s);
        else if (v instanceof Byte b) g.writeNumber(b);
        else if (v instanceof BigDecimal d) g.writeNumber(d);
        else if (v instanceof BigInteger i) g.writeNumber(i);
        else if (v instanceof double[] a) g.writeArray(a, 0, a.length);
        else if (v instanceof float[] a) {
            // the heatmap's cells: as Jackson's own float[] serializer writes them
            g.writeStartArray(a, a.length);
            for (float f : a) g.writeNumber(f);
            g.writeEndArray();
        } else if (v instanceof long[] a) g.writeArray(a, 0, a.length);
        else if (v instanceof int[] a) g.writeArray(a, 0, a.length);
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof java.util.List<?> l) {
            g.writeStartArray();
            for (Object o : l) writeValue(g, o);
            g.writeEndArray();
        } else if (v instanceof Object[] a) {
            g.writeStartArray();
            for (Object o : a) writeValue(g, o);
            g.writeEndArray();
        } else {
            throw new IllegalStateException("not a streamed JSON value: " + v.getClass().getName());
        }
    }

    private static final class Streaming {
        static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
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
