package org.liqlens.sources.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place that turns exchange JSON into numbers. Exchanges mix encodings (Binance sends prices as
 * strings and times as numbers, but {@code openInterestHist.timestamp} sometimes as a string; Bybit and OKX
 * send everything as strings), so every accessor accepts a number or a numeric string and fails loudly, with
 * the field's name, on anything else.
 */
public final class Json {

    /**
     * Comments are allowed because the exchanges' documented examples carry {@code // ...} annotations and
     * the tests replay those examples byte for byte; real payloads have none, so this costs nothing.
     * Trailing tokens are rejected so that two concatenated or garbled bodies are not half-read.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() { }

    /** Parses a whole document; an empty body is an error, not a missing node. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonProcessingException("empty body") { private static final long serialVersionUID = 1L; };
        }
        return node;
    }

    /** Parses one message (WebSocket frame, capture line), reporting failure as a {@link PayloadException}. */
    public static JsonNode parseMessage(String text) {
        try {
            return parse(text);
        } catch (JsonProcessingException e) {
            throw new PayloadException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode field(JsonNode object, String name) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            throw new PayloadException("missing field '" + name + "'");
        }
        return v;
    }

    public static JsonNode element(JsonNode array, int index) {
        if (!array.isArray()) {
            throw new PayloadException("expected an array but found " + array.getNodeType());
        }
        JsonNode v = array.get(index);
        if (v == null || v.isNull()) {
            throw new PayloadException("array of " + array.size() + " elements has no element " + index);
        }
        return v;
    }

    public static JsonNode array(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isArray()) {
            throw new PayloadException("field '" + name + "' is not an array");
        }
        return v;
    }

    public static double decimal(JsonNode object, String name) {
        return toDecimal(field(object, name), name);
    }

    public static double decimal(JsonNode array, int index) {
        return toDecimal(element(array, index), "element " + index);
    }

    /** Like {@link #decimal(JsonNode, String)} but absent, null or empty-string gives {@link Double#NaN}. */
    public static double decimalOrNaN(JsonNode object, String name) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            return Double.NaN;
        }
        return toDecimal(v, name);
    }

    public static long integer(JsonNode object, String name) {
        return toInteger(field(object, name), name);
    }

    public static long integer(JsonNode array, int index) {
        return toInteger(element(array, index), "element " + index);
    }

    public static String text(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isValueNode()) {
            throw new PayloadException("field '" + name + "' is not a value");
        }
        return v.asText();
    }

    public static String text(JsonNode array, int index) {
        JsonNode v = element(array, index);
        if (!v.isValueNode()) {
            throw new PayloadException("element " + index + " is not a value");
        }
        return v.asText();
    }

    public static boolean bool(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String t = v.textValue();
            if (t.equalsIgnoreCase("true")) return true;
            if (t.equalsIgnoreCase("false")) return false;
        }
        throw new PayloadException("field '" + name + "' is not a boolean: " + v);
    }

    public static double toDecimal(JsonNode v, String what) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            String t = v.textValue();
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new PayloadException(what + " is not a number: '" + t + "'");
            }
        }
        throw new PayloadException(what + " is not a number: " + v);
    }

    public static long toInteger(JsonNode v, String what) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            String t = v.textValue();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new PayloadException(what + " is not an integer: '" + t + "'");
            }
        }
        throw new PayloadException(what + " is not an integer: " + v);
    }
}
