package org.liqlens.sources.file;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FastDecimalTest {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return FastDecimal.parse(b, 0, b.length);
    }

    @Test
    void agreesBitForBitWithParseDouble() {
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            int intDigits = r.nextInt(12);
            int fracDigits = r.nextInt(14);
            StringBuilder s = new StringBuilder();
            if (r.nextInt(10) == 0) s.append('-');
            s.append(intDigits == 0 ? "0" : Long.toString(1 + (long) (r.nextDouble() * Math.pow(10, intDigits))));
            if (fracDigits > 0) {
                s.append('.');
                for (int k = 0; k < fracDigits; k++) s.append((char) ('0' + r.nextInt(10)));
            }
            String text = s.toString();
            assertEquals(Double.doubleToLongBits(Double.parseDouble(text)), Double.doubleToLongBits(parse(text)), text);
        }
        for (String s : new String[]{"0", "0.0", "42314.00", "0.00005663", "-30146.379000000114032", "1e5", "7711098708.096",
                "123456789012345678901234", "9007199254740993", "0.1", "17928899.62484339"}) {
            assertEquals(Double.parseDouble(s), parse(s), s);
        }
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : new String[]{"", "-", ".", "abc", "1.2.3", "NaN", "Infinity", "10.5d", "1,5"}) {
            assertThrows(NumberFormatException.class, () -> parse(s), s);
        }
    }
}
