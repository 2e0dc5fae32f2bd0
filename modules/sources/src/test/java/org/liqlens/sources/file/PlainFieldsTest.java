package org.liqlens.sources.file;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PlainFields#number} takes exactly the decimals {@link FastDecimal} parses exactly (at most 18 significant
 * digits, at most 22 after the point, a mantissa up to 2^53), each to the same double as {@link Double#parseDouble},
 * and declines every other one: checked on random digit strings with leading zeros, points and lengths up to 30,
 * against the limits worked out here with {@link BigInteger}.
 */
class PlainFieldsTest {

    private static String randomNumber(Random r) {
        StringBuilder s = new StringBuilder();
        s.append("0".repeat(r.nextInt(4) == 0 ? r.nextInt(25) : 0));
        int intDigits = r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextBoolean() ? 8 : 22);
        for (int k = 0; k < intDigits; k++) s.append((char) ('0' + r.nextInt(10)));
        if (r.nextInt(3) > 0) {
            s.append('.');
            s.append("0".repeat(r.nextInt(4) == 0 ? r.nextInt(25) : 0));
            int frac = r.nextInt(r.nextBoolean() ? 9 : 26);
            for (int k = 0; k < frac; k++) s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    /** FastDecimal's exact case, worked out on the text. */
    private static boolean exact(String s) {
        String digits = s.replace(".", "");
        if (digits.isEmpty()) return false;
        int point = s.indexOf('.');
        int fraction = point < 0 ? 0 : s.length() - point - 1;
        String significant = digits.replaceFirst("^0+", "");
        return significant.length() <= 18 && fraction <= 22
                && new BigInteger(digits).compareTo(BigInteger.ONE.shiftLeft(53)) <= 0;
    }

    @Test
    void numbersInFastDecimalsExactRangeAreTakenToTheSameDoubleAndNoOthers() {
        Random r = new Random(53);
        PlainFields f = new PlainFields();
        int taken = 0, declined = 0;
        for (int n = 0; n < 1_000_000; n++) {
            String s = randomNumber(r);
            boolean last = r.nextBoolean();
            byte[] row = (s + (last ? "" : ",7")).getBytes(StandardCharsets.US_ASCII);
            f.row(row, 0, row.length);
            double v = f.number(!last);
            if (exact(s)) {
                assertTrue(!f.irregular(), "declined: '" + s + "'");
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(v), s);
                assertEquals(Double.doubleToRawLongBits(FastDecimal.parse(row, 0, s.length())), Double.doubleToRawLongBits(v), s);
                taken++;
            } else {
                assertTrue(f.irregular(), "taken: '" + s + "'");
                declined++;
            }
        }
        assertTrue(taken > 300_000 && declined > 100_000, taken + " taken, " + declined + " declined");
    }

    @Test
    void aNumberIsFollowedByACommaOrTheRowsEnd() {
        PlainFields f = new PlainFields();
        for (String text : new String[] {"1.5x", "1.5 ", "1..5", "1.5.", "-1.5", "+1.5", "1e5", ".", "", " 1.5"}) {
            byte[] row = (text + ",").getBytes(StandardCharsets.US_ASCII);
            f.row(row, 0, row.length);
            f.number(true);
            assertTrue(f.irregular(), "taken: '" + text + "'");
        }
        byte[] row = "2.5".getBytes(StandardCharsets.US_ASCII);
        f.row(row, 0, row.length);
        assertEquals(2.5, f.number(false));
        assertTrue(!f.irregular());
        f.row(row, 0, row.length);
        f.number(true);
        assertTrue(f.irregular(), "a comma was needed after it");
    }
}
