package org.liqlens.sources.file;

/** Row checks shared by the importers, with messages that quote the offending values. */
final class Checks {
    private Checks() { }

    /** A number as a person would write it: 0.0005 rather than 5.0E-4, 42314 rather than 42314.0. */
    static String show(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static void ohlc(double o, double h, double l, double c) {
        if (!(o > 0) || Double.isInfinite(o)) throw new RowProblem("open " + show(o) + " is not a positive price");
        if (!(h > 0) || Double.isInfinite(h)) throw new RowProblem("high " + show(h) + " is not a positive price");
        if (!(l > 0) || Double.isInfinite(l)) throw new RowProblem("low " + show(l) + " is not a positive price");
        if (!(c > 0) || Double.isInfinite(c)) throw new RowProblem("close " + show(c) + " is not a positive price");
        if (h < l) throw new RowProblem("high " + show(h) + " is below low " + show(l));
        if (h < o) throw new RowProblem("high " + show(h) + " is below open " + show(o));
        if (h < c) throw new RowProblem("high " + show(h) + " is below close " + show(c));
        if (l > o) throw new RowProblem("low " + show(l) + " is above open " + show(o));
        if (l > c) throw new RowProblem("low " + show(l) + " is above close " + show(c));
    }

    static void nonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new RowProblem(name + " " + show(v) + " is not a non-negative number");
    }
}
