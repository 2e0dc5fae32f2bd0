package org.liqlens.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * 1.2K, 3.4M, 5.6B: notional labels that fit beside a narrow colour strip. One decimal, for a figure read on its own
 * (a readout, a total); {@link #forTicks()} keeps four significant digits, for an axis's ticks.
 */
public final class CompactNumberFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    private final boolean ticks;

    public CompactNumberFormat() {
        this(false);
    }

    private CompactNumberFormat(boolean ticks) {
        this.ticks = ticks;
    }

    /**
     * For an axis's tick labels: four significant digits, trailing zeros dropped (1.75M, 1.8M, 950K, 12.25M). With
     * one decimal, a legend ticked every 50K from 0 to 1.8M read "1.8M, 1.8M, 1.7M, 1.7M, …": 1.75M and 1.8M
     * printed alike. A tick is n steps of 1, 2, 2.5 or 5 times a power of ten from 0, with n at most about 40, so
     * four digits write every tick exactly.
     */
    public static CompactNumberFormat forTicks() {
        return new CompactNumberFormat(true);
    }

    @Override
    public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
        if (ticks && Double.isFinite(v)) {
            // a tick meant to be 0 may come as a rounding residue of the steps before it
            return Math.abs(v) < 1e-9 ? out.append('0') : tick(v, out);
        }
        double a = Math.abs(v);
        if (a >= 1e9) return out.append(trim(v / 1e9)).append('B');
        if (a >= 1e6) return out.append(trim(v / 1e6)).append('M');
        if (a >= 1e3) return out.append(trim(v / 1e3)).append('K');
        return out.append(trim(v));
    }

    @Override
    public StringBuffer format(long v, StringBuffer out, FieldPosition pos) {
        return format((double) v, out, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("display only");
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** v rounded to four significant digits, then given its suffix (after rounding: 999,999.9 is 1M, not 1000K). */
    private static StringBuffer tick(double v, StringBuffer out) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_UP));
        double a = d.abs().doubleValue();
        int shift = a >= 1e9 ? 9 : a >= 1e6 ? 6 : a >= 1e3 ? 3 : 0;
        out.append(d.movePointLeft(shift).stripTrailingZeros().toPlainString());
        return shift == 9 ? out.append('B') : shift == 6 ? out.append('M') : shift == 3 ? out.append('K') : out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactNumberFormat other && other.ticks == ticks;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(ticks);
    }
}
