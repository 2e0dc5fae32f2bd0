package org.liqlens.sources.file;

/**
 * The symbol and interval in the name of a data.binance.vision klines file: {@code BTCUSDT-1m-2024-01.csv}, also
 * with a prefix ending in {@code _} such as {@code binance_um_BTCUSDT-1m-2024-06.csv}. The names that the regular
 * expression {@code (?:.*_)?([A-Za-z0-9]+)-(\d+[smhdw])-.*} matches, with the same groups, checked by hand: the file
 * command line reads its symbol from the name, and starting {@code java.util.regex} was milliseconds of a cold run.
 *
 * @param symbol   as written in the name, e.g. {@code BTCUSDT}
 * @param interval as written in the name, e.g. {@code 1m} (for {@link org.liqlens.sources.Intervals#parse})
 */
public record KlineFileName(String symbol, String interval) {

    /**
     * The parts of {@code name}, or null when it is not a klines file name. As the regex would: the longest prefix
     * ending in {@code _} after which the rest fits, else none; no line terminator anywhere (its {@code .} takes none).
     */
    public static KlineFileName parse(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return null;
        }
        for (int underscore = name.lastIndexOf('_'); underscore >= 0; underscore = name.lastIndexOf('_', underscore - 1)) {
            KlineFileName k = parseFrom(name, underscore + 1);
            if (k != null) return k;
        }
        return parseFrom(name, 0);
    }

    /** {@code [A-Za-z0-9]+-\d+[smhdw]-} at {@code start}: the symbol, a hyphen, the interval, a hyphen. */
    private static KlineFileName parseFrom(String name, int start) {
        int n = name.length();
        int i = start;
        while (i < n && isAsciiLetterOrDigit(name.charAt(i))) i++;
        if (i == start || i >= n || name.charAt(i) != '-') return null;
        int symbolEnd = i++;
        int digits = i;
        while (i < n && name.charAt(i) >= '0' && name.charAt(i) <= '9') i++;
        if (i == digits || i >= n || "smhdw".indexOf(name.charAt(i)) < 0) return null;
        int intervalEnd = ++i;
        if (i >= n || name.charAt(i) != '-') return null;
        return new KlineFileName(name.substring(start, symbolEnd), name.substring(digits, intervalEnd));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
