package org.liqlens.sources.file;

/**
 * A cursor over the fields of one plain CSV row of an exchange archive ({@code 1780272000000,2.3200,...}), for a
 * handler's one-pass {@link CsvImport.Handler#fastRow}: each field is read where it lies, in the one pass over the
 * row's bytes that splitting and then parsing take three for (a cold run's read is interpreted code, where each
 * pass counts). It takes only what {@link CsvRow} reads to the same values: digits, plain decimals within
 * {@link FastDecimal}'s exact limits, {@code true} and {@code false}; anything else (spaces, quotes, signs, exponents,
 * long numbers, a missing field) marks the row {@link #irregular()}, and the handler declines it.
 */
final class PlainFields {
    private byte[] b;
    private int at, end;
    private boolean irregular;

    /** Starts on the row {@code b[start, end)}. */
    void row(byte[] bytes, int start, int rowEnd) {
        b = bytes;
        at = start;
        end = rowEnd;
        irregular = false;
    }

    /** True once a field was not in the plain form; the values read are then meaningless. */
    boolean irregular() {
        return irregular;
    }

    /** The next field, 1 to 18 digits followed by a comma: {@link CsvRow#integer}'s value. */
    long digits() {
        int i = at;
        long v = 0;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            i++;
        }
        if (i == at || i - at > 18 || i == end || b[i] != ',') irregular = true;
        at = i + 1;
        return v;
    }

    /**
     * The next field, digits with at most one point, followed by a comma (or, unless {@code commaAfter}, by a comma
     * or the row's end): {@link FastDecimal#parse}'s value under its limits (at most 18 significant digits, counted
     * from the first non-zero one; at most 22 after the point; a mantissa up to 2^53). The digits before and after
     * the point are each read in a tight loop, and the limits checked once after them.
     */
    double number(boolean commaAfter) {
        final byte[] b = this.b;
        final int end = this.end, first = at;
        int i = first, d;
        long mantissa = 0;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int digits = i - first, fraction = 0;
        if (i < end && b[i] == '.') {
            int point = ++i;
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            fraction = i - point;
            digits += fraction;
        }
        at = i + 1;
        if (digits == 0 || fraction > 22 || (i == end ? commaAfter : b[i] != ',')
                || digits > 18 && digits - leadingZeros(first, i) > 18 || mantissa > (1L << 53)) {
            // (0.000…01 with more than 22 places has few significant digits but no exact power of ten; past 18
            // significant digits the mantissa may have overflowed, which the test before it rules out)
            irregular = true;
            return 0;
        }
        return FastDecimal.value(mantissa, fraction);
    }

    /** The zeros before the first non-zero digit of {@code b[from, to)}, the point not counted. */
    private int leadingZeros(int from, int to) {
        int zeros = 0;
        for (int k = from; k < to; k++) {
            if (b[k] == '.') continue;
            if (b[k] != '0') break;
            zeros++;
        }
        return zeros;
    }

    /** Passes over the next field, not read, up to and past its comma. */
    void skip() {
        int i = at;
        while (i < end && b[i] != ',') i++;
        if (i == end) irregular = true;
        at = i + 1;
    }

    /**
     * The next field, {@code true} or {@code false} in any case as the archives write them ({@code True} in spot
     * files), followed by a comma (or, unless {@code commaAfter}, by a comma or the row's end): {@link CsvRow#bool}'s
     * value, by its test ({@code | 0x20} lowers an ASCII letter, and makes no other byte one).
     */
    boolean bool(boolean commaAfter) {
        int i = at;
        boolean value;
        if (end - i >= 4 && (b[i] | 0x20) == 't' && (b[i + 1] | 0x20) == 'r' && (b[i + 2] | 0x20) == 'u' && (b[i + 3] | 0x20) == 'e') {
            value = true;
            i += 4;
        } else if (end - i >= 5 && (b[i] | 0x20) == 'f' && (b[i + 1] | 0x20) == 'a' && (b[i + 2] | 0x20) == 'l'
                && (b[i + 3] | 0x20) == 's' && (b[i + 4] | 0x20) == 'e') {
            value = false;
            i += 5;
        } else {
            irregular = true;
            return false;
        }
        if (i == end ? commaAfter : b[i] != ',') irregular = true;
        at = i + 1;
        return value;
    }
}
