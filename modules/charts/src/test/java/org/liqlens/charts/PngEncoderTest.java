package org.liqlens.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
    void aLargeImageCompressedInTwoHalvesReadsBackExactlyAndTheSameEveryTime() throws IOException {
        // taller than SPLIT_PIXELS: two deflate streams joined; odd height, so the halves differ in rows
        int w = 700, h = 401;
        org.junit.jupiter.api.Assertions.assertTrue((long) w * h >= PngEncoder.SPLIT_PIXELS);
        Random random = new Random(5);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = new BufferedImage(w, h, type);
            for (int y = 0; y < h; y++) {
                // runs that compress, and noise that does not
                int run = random.nextInt() | 0xFF000000;
                for (int x = 0; x < w; x++) {
                    int p = x % 50 < 25 ? run : random.nextInt() | 0xFF000000;
                    if (type == BufferedImage.TYPE_INT_ARGB && x == y) p &= 0x7FFFFFFF;
                    image.setRGB(x, y, p);
                }
            }
            byte[] png = PngEncoder.encode(image);
            assertSamePixels(image, ImageIO.read(new ByteArrayInputStream(png)));
            assertArrayEquals(png, PngEncoder.encode(image), "deterministic");
            // java.util.zip reads the whole IDAT stream back, checksum included, to the filtered rows' length
            int channels = type == BufferedImage.TYPE_INT_ARGB ? 4 : 3;
            assertEquals((long) h * (1 + w * channels), inflatedLength(png));
        }
    }

    /** The length of the zlib stream in the (single) IDAT chunk, inflated; fails on a bad Adler-32. */
    private static long inflatedLength(byte[] png) throws IOException {
        int at = 8;
        while (at < png.length) {
            int length = java.nio.ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                inflater.setInput(png, at + 8, length);
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                try {
                    while (!inflater.finished()) {
                        int n = inflater.inflate(buffer);
                        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new IOException("truncated stream");
                        total += n;
                    }
                } catch (java.util.zip.DataFormatException e) {
                    throw new IOException(e);
                } finally {
                    inflater.end();
                }
                return total;
            }
            at += 12 + length;
        }
        throw new IOException("no IDAT");
    }
}
