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
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A small PNG writer for the charts' pictures (the command line's {@code --png}, the bundle's PNGs and the images
 * inside its SVGs): 8-bit RGB (RGBA when a pixel is not opaque), the "Sub" filter on
 * every row, deflate level 1. ImageIO's writer reads each row through the image's sample model and tries every
 * filter per row; on a 1600 × 900 chart it took most of a bundle's time, where this takes a few milliseconds
 * for files a little larger. Deterministic: the same pixels give the same bytes.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() { }

    public static byte[] encode(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = pixels(image);
        boolean alpha = false;
        for (int p : argb) {
            if (p >>> 24 != 0xFF) {
                alpha = true;
                break;
            }
        }
        int channels = alpha ? 4 : 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h);
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

            ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h);
            Deflater deflater = new Deflater(1);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + w * channels];
                row[0] = 1;                    // Sub: each byte minus the same channel of the pixel to its left
                for (int y = 0; y < h; y++) {
                    int prevR = 0, prevG = 0, prevB = 0, prevA = 0;
                    int o = 1;
                    for (int x = 0, i = y * w; x < w; x++, i++) {
                        int p = argb[i];
                        int r = (p >>> 16) & 0xFF, g = (p >>> 8) & 0xFF, b = p & 0xFF;
                        row[o++] = (byte) (r - prevR);
                        row[o++] = (byte) (g - prevG);
                        row[o++] = (byte) (b - prevB);
                        prevR = r;
                        prevG = g;
                        prevB = b;
                        if (alpha) {
                            int a = p >>> 24;
                            row[o++] = (byte) (a - prevA);
                            prevA = a;
                        }
                    }
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The image's pixels as ARGB, row by row: its own array when it is a plain int image, else a copy. */
    private static int[] pixels(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        if ((image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == w && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && image.getColorModel() instanceof DirectColorModel) {
            int[] data = buffer.getData();
            if (image.getType() == BufferedImage.TYPE_INT_ARGB) return data;
            int[] opaque = new int[w * h];
            for (int i = 0; i < opaque.length; i++) opaque[i] = 0xFF000000 | data[i];
            return opaque;
        }
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
