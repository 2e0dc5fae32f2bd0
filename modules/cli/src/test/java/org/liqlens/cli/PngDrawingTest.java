package org.liqlens.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PngDrawingTest {
    private static boolean asks(String line) {
        return PngDrawing.asksForPicture(line.isEmpty() ? new String[0] : line.split(" "));
    }

    @Test
    void theWarmUpStartsEarlyOnlyForAMapOrHeatmapWithAPicture() {
        assertTrue(asks("heatmap --source sim --model m1 --window 30d --png h.png"));
        assertTrue(asks("map --png=m.png --source sim --model m1 --window 3d"));
        assertTrue(asks("--modules /tmp/mods heatmap --source sim --png h.png"));
        assertTrue(asks("--modules=/tmp/mods map --png m.png"));
        assertFalse(asks("heatmap --source sim --model m1 --window 30d"));
        assertFalse(asks("bundle --source sim --out b.zip --png x"), "bundle draws its own pictures");
        assertFalse(asks("--png h.png heatmap"), "the command comes first");
        assertFalse(asks("--modules"));
        assertFalse(asks(""));
        assertFalse(asks("heatmap --pngs h.png"));
    }

    @Test
    void aMapWarmsUpWithAMap() {
        assertTrue(PngDrawing.isMap("map --png m.png".split(" ")));
        assertTrue(PngDrawing.isMap("--modules /tmp/mods map --png m.png".split(" ")));
        assertFalse(PngDrawing.isMap("heatmap --png h.png".split(" ")));
        assertFalse(PngDrawing.isMap(new String[0]));
    }
}
