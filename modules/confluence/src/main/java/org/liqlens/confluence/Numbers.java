package org.liqlens.confluence;

import java.util.Locale;

/**
 * The fixed number formats of the tables and the prompt, so that the same input gives the same bytes on every
 * machine: {@link Locale#ROOT}, half-up rounding of the exact binary value, no grouping, never "-0".
 */
public final class Numbers {
    private Numbers() { }

    /**
     * Decimals for prices near {@code referencePrice}: at least 2, and enough for about six significant digits
     * (BTC at 97,000: 2; LINK at 13: 4; a coin at 0.5: 6), at most 12.
     */
    public static int priceDecimals(double referencePrice) {
        if (!(referencePrice > 0) || !Double.isFinite(referencePrice)) return 2;
        int magnitude = (int) Math.floor(Math.log10(referencePrice));
        return Math.max(2, Math.min(12, 5 - magnitude));
    }

    /** {@code value} with {@code decimals} decimals, e.g. {@code fixed(1.23456, 3)} is "1.235". */
    public static String fixed(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // -0.0001 rounds to "-0.000": the sign of nothing would make two equal tables differ.
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) s = s.substring(1);
        return s;
    }

    /** A notional in whole quote units (USDT): 1234567.8 is "1234568". */
    public static String notional(double value) {
        return Long.toString(Math.round(value));
    }

    /** A percentage or a relative intensity: 3 decimals. */
    public static String ratio(double value) {
        return fixed(value, 3);
    }
}
