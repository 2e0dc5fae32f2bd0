package org.liqlens.sources.file;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/** What the one-pass row tests share: a handler read either way, random edits of a row, bit-exact doubles. */
final class OnePassRows {
    private OnePassRows() { }

    /**
     * A handler that counts the rows each way; with {@code fast} false every row goes through
     * {@link CsvImport.Handler#row}, as before the one pass.
     */
    static final class Counting implements CsvImport.Handler {
        private final CsvImport.Handler h;
        private final boolean fast;
        int fastRows;

        Counting(CsvImport.Handler h, boolean fast) {
            this.h = h;
            this.fast = fast;
        }

        @Override public void header(CsvRow header, long lineNumber) { h.header(header, lineNumber); }
        @Override public void row(CsvRow row, long lineNumber) { h.row(row, lineNumber); }
        @Override public boolean wantsMore() { return h.wantsMore(); }

        @Override
        public boolean fastRow(byte[] b, int start, int end) {
            if (fast && h.fastRow(b, start, end)) {
                fastRows++;
                return true;
            }
            return false;
        }
    }

    private static final String INSERTS = " \t\"-+.,0123456789eExN";

    /**
     * One or two random edits of the row: a character put in, taken out or changed, a long run of digits (past 18
     * digits, past 2^53, past 22 after the point), a field dropped, zeros, or one of {@code words}.
     */
    static String mutate(String row, Random r, String... words) {
        StringBuilder b = new StringBuilder(row);
        int edits = 1 + r.nextInt(2);
        for (int k = 0; k < edits; k++) {
            int at = r.nextInt(b.length() + 1);
            switch (r.nextInt(words.length == 0 ? 7 : 8)) {
                case 0 -> b.insert(at, INSERTS.charAt(r.nextInt(INSERTS.length())));
                case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
                case 2 -> { if (at < b.length()) b.setCharAt(at, INSERTS.charAt(r.nextInt(INSERTS.length()))); }
                case 3 -> b.insert(at, "9".repeat(1 + r.nextInt(24)));
                case 4 -> b.insert(at, "." + "1".repeat(1 + r.nextInt(25)));
                case 5 -> {
                    int c = b.indexOf(",", at);
                    if (c >= 0) b.delete(c, b.indexOf(",", c + 1) < 0 ? b.length() : b.indexOf(",", c + 1));
                }
                case 6 -> b.insert(at, "0".repeat(1 + r.nextInt(20)));
                default -> b.insert(at, words[r.nextInt(words.length)]);
            }
        }
        return b.toString();
    }

    static void assertBits(double expected, double actual, String what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            fail(what + ": expected " + expected + ", was " + actual);
        }
    }
}
