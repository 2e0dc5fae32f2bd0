package org.liqlens.sources.file;

import java.nio.charset.StandardCharsets;

/**
 * Parses plain decimals ({@code -12.345}) straight from bytes. When the digits form an integer up to 2^53
 * and at most 22 of them follow the point, both the digits and the power of ten are exact doubles, so one
 * IEEE division gives the correctly rounded result: bit-for-bit what {@link Double#parseDouble} returns.
 * Longer numbers and exponents go to {@link Double#parseDouble}; words such as {@code NaN} or a Java
 * {@code d} suffix are rejected, as they are not numbers in a data file.
 */
final class FastDecimal {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private FastDecimal() { }

    /** @throws NumberFormatException when the bytes are not a number */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits == 18) {
                    return slow(b, from, to); // would overflow the exact range of a long
                }
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) digits++;
                if (point) fractionDigits++;
                any = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return slow(b, from, to);
            }
        }
        if (!any) {
            throw new NumberFormatException("not a number: '" + new String(b, from, to - from, StandardCharsets.UTF_8) + "'");
        }
        if (fractionDigits > 22 || mantissa > (1L << 53)) {
            return slow(b, from, to);
        }
        double v = fractionDigits == 0 ? (double) mantissa : mantissa / POW10[fractionDigits];
        return negative ? -v : v;
    }

    /**
     * The value of {@code mantissa / 10^fractionDigits} exactly as {@link #parse} forms it, for a caller that
     * scanned the digits itself under the same limits: at most 18 significant digits, at most 22 after the point,
     * a mantissa up to 2^53.
     */
    static double value(long mantissa, int fractionDigits) {
        return fractionDigits == 0 ? (double) mantissa : mantissa / POW10[fractionDigits];
    }

    private static double slow(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                throw new NumberFormatException("not a number: '" + s + "'");
            }
        }
        return Double.parseDouble(s);
    }
}
