package org.liqlens.sources.file;

import java.nio.charset.StandardCharsets;

/**
 * Locates the fields of a flat JSON object ({@code {"k":"v","n":1,"b":true}}) in a byte buffer without
 * building anything, for the hot path of capture imports where one kind of small message repeats millions of
 * times. It declines ({@link #scan} returns false) on anything beyond that: nested values, escapes, odd
 * spacing; callers then fall back to a real JSON parser, so it is a shortcut, never a different reading.
 */
final class FlatJsonObject {
    private static final int MAX_FIELDS = 32;
    private final int[] keyStart = new int[MAX_FIELDS];
    private final int[] keyEnd = new int[MAX_FIELDS];
    private final int[] valueStart = new int[MAX_FIELDS];
    private final int[] valueEnd = new int[MAX_FIELDS];
    private final boolean[] quoted = new boolean[MAX_FIELDS];
    private byte[] b;
    private int count;

    /** Scans the object starting at {@code from} (which must be '{'); false when it is not simple enough. */
    boolean scan(byte[] buf, int from, int to) {
        b = buf;
        count = 0;
        int i = from;
        if (i >= to || buf[i] != '{') return false;
        i++;
        if (i < to && buf[i] == '}') return true;
        while (i < to) {
            if (buf[i] != '"' || count == MAX_FIELDS) return false;
            int ks = ++i;
            while (i < to && buf[i] != '"') {
                if (buf[i] == '\\') return false;
                i++;
            }
            if (i + 1 >= to || buf[i + 1] != ':') return false;
            keyStart[count] = ks;
            keyEnd[count] = i;
            i += 2;
            if (i >= to) return false;
            if (buf[i] == '"') {
                int vs = ++i;
                while (i < to && buf[i] != '"') {
                    if (buf[i] == '\\') return false;
                    i++;
                }
                if (i >= to) return false;
                valueStart[count] = vs;
                valueEnd[count] = i;
                quoted[count] = true;
                i++;
            } else {
                int vs = i;
                while (i < to && buf[i] != ',' && buf[i] != '}') {
                    byte c = buf[i];
                    if (c == '{' || c == '[' || c == '"' || c == ' ') return false;
                    i++;
                }
                if (i == vs) return false;
                valueStart[count] = vs;
                valueEnd[count] = i;
                quoted[count] = false;
            }
            count++;
            if (i >= to) return false;
            if (buf[i] == '}') return true;
            if (buf[i] != ',') return false;
            i++;
        }
        return false;
    }

    private int find(String key) {
        int n = key.length();
        outer:
        for (int f = 0; f < count; f++) {
            if (keyEnd[f] - keyStart[f] != n) continue;
            for (int k = 0; k < n; k++) {
                if (b[keyStart[f] + k] != key.charAt(k)) continue outer;
            }
            return f;
        }
        throw new RowProblem("the message has no field '" + key + "'");
    }

    String text(String key) {
        int f = find(key);
        return new String(b, valueStart[f], valueEnd[f] - valueStart[f], StandardCharsets.UTF_8);
    }

    /** A number, quoted or not. */
    double decimal(String key) {
        int f = find(key);
        try {
            return FastDecimal.parse(b, valueStart[f], valueEnd[f]);
        } catch (NumberFormatException e) {
            throw new RowProblem(key + " is not a number: '" + text(key) + "'");
        }
    }

    long integer(String key) {
        int f = find(key);
        int p = valueStart[f];
        int e = valueEnd[f];
        if (p == e || e - p > 18) throw new RowProblem(key + " is not an integer: '" + text(key) + "'");
        long v = 0;
        for (; p < e; p++) {
            int c = b[p] - '0';
            if (c < 0 || c > 9) throw new RowProblem(key + " is not an integer: '" + text(key) + "'");
            v = v * 10 + c;
        }
        return v;
    }

    boolean bool(String key) {
        int f = find(key);
        int len = valueEnd[f] - valueStart[f];
        if (!quoted[f] && len == 4 && b[valueStart[f]] == 't') return true;
        if (!quoted[f] && len == 5 && b[valueStart[f]] == 'f') return false;
        throw new RowProblem(key + " is not a boolean: '" + text(key) + "'");
    }

    /** Whether the value of {@code key} equals {@code ascii}, without allocating. */
    boolean textEquals(String key, String ascii) {
        int f = find(key);
        int len = valueEnd[f] - valueStart[f];
        if (len != ascii.length()) return false;
        for (int k = 0; k < len; k++) {
            if (b[valueStart[f] + k] != ascii.charAt(k)) return false;
        }
        return true;
    }
}
