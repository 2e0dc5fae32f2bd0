package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void jsonTextWritesPlainValuesInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", "x\"y");
        m.put("a", 1.5);
        m.put("n", null);
        m.put("list", List.of(1, "two"));
        m.put("d", new double[] {2, 0.25});
        m.put("empty", Map.of());
        assertEquals("{\n  \"b\" : \"x\\\"y\",\n  \"a\" : 1.5,\n  \"n\" : null,\n  \"list\" : [ 1, \"two\" ],\n  \"d\" : [ 2.0, 0.25 ],\n"
                + "  \"empty\" : { }\n}", JsonText.write(m));
    }
}
