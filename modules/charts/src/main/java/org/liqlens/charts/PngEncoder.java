package org.liqlens.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ForkJoinTask;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer for the charts' pictures (the command line's {@code --png}, the bundle's PNGs and the images
 * inside its SVGs): 8-bit RGB (RGBA when a pixel is not opaque), the "Sub" filter on
 * every row, deflate level 1. ImageIO's writer reads each row through the image's sample model and tries every
 * filter per row; on a 1600 × 900 chart it took most of a bundle's time, where this takes a few milliseconds
 * for files a little larger.
 *
 * <p>A large image is compressed in two halves, the second on another core where there is one (as pigz does:
 * the first half's deflate stream ends in a sync flush, the second's is appended, and the zlib checksum covers
 * both): on a cold command line the encoding is tens of milliseconds of a picture's time. Deterministic: the
 * same pixels give the same bytes, on any number of cores.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** From this many pixels on, the image is compressed in two halves. */
    static final int SPLIT_PIXELS = 1 << 18;

    private PngEncoder() { }

    public static byte[] encode(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = pixels(image);
        // An INT_RGB image is opaque whatever its top byte holds: no scan, no copy.
        boolean alpha = !isIntRgb(image) && anyTranslucent(argb);
        int channels = alpha ? 4 : 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 4);
        try {
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream d = new DataOutputStream(header);
            d.writeInt(w);
            d.writeInt(h);
            d.writeByte(8);                    // bit depth
            d.writeByte(alpha ? 6 : 2);        // colour type: RGBA or RGB
            d.writeByte(0);                    // deflate
            d.writeByte(0);                    // adaptive filtering
            d.writeByte(0);                    // no interlace
            chunk(out, "IHDR", header.toByteArray());

            Strip first, second = null;
            if ((long) w * h >= SPLIT_PIXELS && h >= 2) {
                int half = h / 2;
                ForkJoinTask<Strip> rest = null;
                if (Runtime.getRuntime().availableProcessors() > 1) {
                    rest = ForkJoinTask.adapt(() -> Strip.of(argb, w, half, h, channels, true)).fork();
                }
                first = Strip.of(argb, w, 0, half, channels, false);
                // join runs the task here if no pool thread has taken it yet
                second = rest != null ? rest.join() : Strip.of(argb, w, half, h, channels, true);
            } else {
                first = Strip.of(argb, w, 0, h, channels, true);
            }
            Adler32 adler = new Adler32();
            adler.update(first.filtered);
            if (second != null) adler.update(second.filtered);
            int compressed = first.deflated.length + (second == null ? 0 : second.deflated.length);
            ByteArrayOutputStream idat = new ByteArrayOutputStream(compressed + 6);
            idat.write(0x78);                  // zlib: deflate, 32 KB window
            idat.write(0x01);                  // fastest; (0x78 << 8 | 0x01) % 31 == 0
            idat.write(first.deflated);
            if (second != null) idat.write(second.deflated);
            new DataOutputStream(idat).writeInt((int) adler.getValue());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Rows {@code [y0, y1)}: filtered, and their raw deflate stream (final, or ending in a sync flush to be continued). */
    private record Strip(byte[] filtered, byte[] deflated) {
        static Strip of(int[] argb, int w, int y0, int y1, int channels, boolean last) {
            int rowBytes = 1 + w * channels;
            byte[] filtered = new byte[rowBytes * (y1 - y0)];
            for (int y = y0, o = 0; y < y1; y++, o += rowBytes) {
                filterRow(argb, y * w, w, channels == 4, filtered, o);
            }
            Deflater deflater = new Deflater(1, true);
            try {
                deflater.setInput(filtered);
                ByteArrayOutputStream out = new ByteArrayOutputStream(filtered.length / 8 + 64);
                byte[] buffer = new byte[1 << 16];
                if (last) {
                    deflater.finish();
                    while (!deflater.finished()) {
                        int n = deflater.deflate(buffer);
                        out.write(buffer, 0, n);
                    }
                } else {
                    int n;
                    do {
                        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                        out.write(buffer, 0, n);
                    } while (n == buffer.length || !deflater.needsInput());
                }
                return new Strip(filtered, out.toByteArray());
            } finally {
                deflater.end();
            }
        }
    }

    /**
     * One row with the Sub filter: each byte minus the same channel of the pixel to its left. A method of its own,
     * called once a row, so that the compiler takes it up after a few rows rather than the whole image running
     * in the interpreter.
     */
    private static void filterRow(int[] argb, int from, int w, boolean alpha, byte[] out, int o) {
        out[o++] = 1;
        int prevR = 0, prevG = 0, prevB = 0, prevA = 0;
        for (int i = from, end = from + w; i < end; i++) {
            int p = argb[i];
            int r = (p >>> 16) & 0xFF, g = (p >>> 8) & 0xFF, b = p & 0xFF;
            out[o++] = (byte) (r - prevR);
            out[o++] = (byte) (g - prevG);
            out[o++] = (byte) (b - prevB);
            prevR = r;
            prevG = g;
            prevB = b;
            if (alpha) {
                int a = p >>> 24;
                out[o++] = (byte) (a - prevA);
                prevA = a;
            }
        }
    }

    private static boolean anyTranslucent(int[] argb) {
        for (int p : argb) {
            if (p >>> 24 != 0xFF) return true;
        }
        return false;
    }

    private static boolean isIntRgb(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_RGB && isPlainIntImage(image);
    }

    private static boolean isPlainIntImage(BufferedImage image) {
        return (image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth() && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && image.getColorModel() instanceof DirectColorModel;
    }

    /**
     * The image's pixels as ARGB, row by row: its own array when it is a plain int image (for INT_RGB the top
     * byte is then not alpha: see {@link #isIntRgb}), else a copy.
     */
    private static int[] pixels(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        if (isPlainIntImage(image)) return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
