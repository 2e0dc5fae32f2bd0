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
     * or the row's end): {@link FastDecimal#parse}'s value, by its scan and limits (significant digits counted from
     * the first non-zero one).
     */
    double number(boolean commaAfter) {
        int i = at;
        long mantissa = 0;
        int significant = 0, fraction = 0;
        boolean point = false, any = false;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                if (significant == 18) {
                    irregular = true;
                    break;
                }
                mantissa = mantissa * 10 + d;
                if (mantissa != 0) significant++;
                if (point) fraction++;
                any = true;
            } else if (b[i] == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        at = i + 1;
        if (!any || fraction > 22 || mantissa > (1L << 53) || (i == end ? commaAfter : b[i] != ',')) {
            // (0.000…01 with more than 22 places has few significant digits but no exact power of ten)
            irregular = true;
            return 0;
        }
        return FastDecimal.value(mantissa, fraction);
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
