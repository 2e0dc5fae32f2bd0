package org.liqlens.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** 1.2K, 3.4M, 5.6B: notional labels that fit beside a narrow colour strip. */
public final class CompactNumberFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
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
}
