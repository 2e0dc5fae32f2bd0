package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplateTest {

    static Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        for (String k : PromptTemplate.knownNames()) v.put(k, "<" + k + ">");
        return v;
    }

    @Test
    void theDefaultTemplateUsesEveryPlaceholderAndSaysTheMapsAreMeasuredEstimates() {
        PromptTemplate t = PromptTemplate.defaultTemplate();
        assertEquals(PromptTemplate.knownNames(), t.placeholders());
        String text = t.render(values());
        for (String k : PromptTemplate.knownNames()) assertTrue(text.contains("<" + k + ">"), k);
        assertFalse(text.matches("(?s).*\\{[A-Za-z]\\w*}.*"), "no placeholder left");
        String lower = text.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("not records of real positions"));
        assertTrue(lower.contains("measurements found that the strongest clusters are **not** swept more often than random levels"));
        assertFalse(lower.contains("predict"), "the product measures, it does not claim to predict");
        assertTrue(lower.contains("upside sweep") && lower.contains("downside sweep") && lower.contains("trap on both sides"));
        assertTrue(lower.contains("invalidate"));
    }

    @Test
    void anUnknownPlaceholderInAFileIsNamedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.md");
        Files.writeString(file, "# {symbol}\n\nJSON braces {\"a\": 1} and { spaced } are text.\nsee {zoneTable} here\n", StandardCharsets.UTF_8);
        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> PromptTemplate.load(file));
        assertTrue(e.getMessage().startsWith(file + ":4: unknown placeholder {zoneTable}"), e.getMessage());
        assertEquals("zoneTable", e.placeholder());
        assertEquals(4, e.line());
    }

    @Test
    void renderingInsertsValuesOnceAndLeavesOtherBracesAlone() {
        PromptTemplate t = PromptTemplate.parse("{symbol} at {price}; {\"x\": {price}} and {symbol}", "test");
        assertEquals(Set.of("symbol", "price"), t.placeholders());
        assertEquals("BTC at {asOf}$1; {\"x\": {asOf}$1} and BTC", t.render(Map.of("symbol", "BTC", "price", "{asOf}$1")));
        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> t.render(Map.of("symbol", "BTC")));
        assertTrue(e.getMessage().contains("no value for {price}"), e.getMessage());
    }

    @Test
    void aMissingOrNonUtf8FileIsAnIoErrorNamingIt(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> PromptTemplate.load(dir.resolve("nope.md")));
        assertTrue(missing.getMessage().contains("nope.md: no such file"), missing.getMessage());
        Path latin = dir.resolve("latin.md");
        Files.write(latin, new byte[] {'a', (byte) 0xE9, 'b'});
        IOException bad = assertThrows(IOException.class, () -> PromptTemplate.load(latin));
        assertTrue(bad.getMessage().contains("latin.md is not UTF-8"), bad.getMessage());
    }
}
