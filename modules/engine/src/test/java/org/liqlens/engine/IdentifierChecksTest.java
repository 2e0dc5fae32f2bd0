package org.liqlens.engine;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written checks that replaced regular expressions accept and refuse exactly what those did. */
public class IdentifierChecksTest {

    /** {@code check} agrees with {@code regex} on edge cases and on random strings of letters, digits and punctuation. */
    public static void assertSameAsRegex(String regex, Predicate<String> check, int longest) {
        Pattern p = Pattern.compile(regex);
        Random r = new Random(5);
        String alphabet = "AZaz09._-/ \nÄ٣";
        for (int i = 0; i < 500_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(i % 10 == 0 ? longest + 5 : 6);
            for (int k = 0; k < n; k++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = b.toString();
            assertEquals(p.matcher(s).matches(), check.test(s), s);
        }
        String[] edges = {"", "A", "_", "-", "A_", "A-", "m1", "BTCUSDT", "A".repeat(longest), "A".repeat(longest + 1), "1000PEPEUSDT", "a"};
        for (String s : edges) assertEquals(p.matcher(s).matches(), check.test(s), s);
    }

    @Test
    void modelIds() {
        assertSameAsRegex("[A-Za-z0-9._-]+", LiquidationEngine::isModelId, 40);
    }
}
