package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int w = expected.getWidth(), h = expected.getHeight();
        assertArrayEquals(expected.getRGB(0, 0, w, h, null, 0, w), actual.getRGB(0, 0, w, h, null, 0, w));
    }

    @Test
    void imageIoReadsBackEveryPixelOfOpaqueTranslucentAndOtherImageTypes() throws IOException {
        Random random = new Random(11);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage image = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) image.setRGB(x, y, type == BufferedImage.TYPE_INT_ARGB ? random.nextInt() : random.nextInt() | 0xFF000000);
            }
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));
            assertSamePixels(image, read);
            assertEquals(type == BufferedImage.TYPE_INT_ARGB, read.getColorModel().hasAlpha(), "RGBA only when a pixel is translucent");
        }
    }

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
