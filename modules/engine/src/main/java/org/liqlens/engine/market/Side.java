package org.liqlens.engine.market;

/** Position side. {@link #sign()} is the {@code Side} factor of the exchange formulas: +1 long, -1 short. */
public enum Side {
    LONG(1), SHORT(-1);

    private final int sign;

    Side(int sign) { this.sign = sign; }

    public int sign() { return sign; }

    public static Side parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "long": case "buy": return LONG;
            case "short": case "sell": return SHORT;
            default: throw new IllegalArgumentException("side must be long or short, not '" + s + "'");
        }
    }
}
