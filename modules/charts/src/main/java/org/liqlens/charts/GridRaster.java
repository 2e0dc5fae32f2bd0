package org.liqlens.charts;

/**
 * Renders the visible part of a heatmap grid at screen resolution: one output pixel per screen pixel, so a
 * repaint costs the pixels on screen plus the cells in view, whatever the zoom.
 *
 * <p>Along each axis a pixel shows the cells whose centres fall in it, and the brightest of them (max
 * pooling): when there are more cells than pixels a one-bucket band still lights its pixel row instead of
 * vanishing between two samples. When there are fewer cells than pixels (zoomed in) a pixel shows the cell
 * under its centre, exactly as nearest-neighbour scaling of a one-pixel-per-cell image would, so an
 * unzoomed chart of a small grid looks as it always did.
 */
final class GridRaster {
    private GridRaster() { }

    /**
     * The cells each pixel shows along one axis. The axis holds {@code cells} cells laid out from pixel
     * coordinate {@code start} (cell 0's edge) to {@code end} (the last cell's far edge), either way round;
     * pixel {@code first + i} covers {@code [first + i, first + i + 1)}.
     *
     * @param lo receives the first cell of each pixel, or -1 when the pixel shows none
     * @param hi receives the last cell of each pixel
     */
    static void pixelCells(int first, int count, double start, double end, int cells, int[] lo, int[] hi) {
        double cellsPerPixel = cells / (end - start);
        if (Math.abs(cellsPerPixel) <= 1) {
            for (int i = 0; i < count; i++) {
                // the cell under the pixel's centre, as a nearest-neighbour image scale picks it
                int c = (int) Math.floor((first + i + 0.5 - start) * cells / (end - start));
                boolean inside = c >= 0 && c < cells;
                lo[i] = inside ? c : -1;
                hi[i] = inside ? c : -1;
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            double a = (first + i - start) * cellsPerPixel;
            double b = (first + i + 1 - start) * cellsPerPixel;
            if (a > b) { double t = a; a = b; b = t; }
            // cells whose centre c + 0.5 lies in [a, b): each cell belongs to exactly one pixel
            int from = Math.max(0, (int) Math.ceil(a - 0.5));
            int to = Math.min(cells - 1, (int) Math.ceil(b - 0.5) - 1);
            lo[i] = from <= to ? from : -1;
            hi[i] = from <= to ? to : -1;
        }
    }

    /**
     * Fills a {@code width} x {@code height} rectangle of {@code out} (row-major, row 0 at the top, starting at
     * {@code offset}, rows {@code stride} apart) with the colour of the
     * brightest cell each pixel shows. Rows are written left to right, so the writes stream through memory;
     * a pixel row showing the same buckets as the one above it is a copy.
     *
     * @param indices    palette indices, {@code [bucket * columns + column]} ({@link CellCodes#paletteIndices});
     *                   the palette is monotone in the notional, so the brightest of several cells is the one
     *                   with the largest index, and pooling works on these bytes
     * @param colLo      first grid column of each pixel column ({@link #pixelCells}); -1 paints {@code empty}
     * @param bucketLo   first bucket of each pixel row; -1 paints {@code empty}
     * @param colours    the 256 palette colours
     * @param pooled     scratch space of at least {@code columns} bytes
     */
    static void render(byte[] indices, int columns, int[] colLo, int[] colHi, int width, int[] bucketLo, int[] bucketHi,
                       int height, int[] colours, int empty, int[] out, int offset, int stride, byte[] pooled) {
        int cMin = Integer.MAX_VALUE, cMax = -1;
        for (int x = 0; x < width; x++) {
            if (colLo[x] < 0) continue;
            cMin = Math.min(cMin, colLo[x]);
            cMax = Math.max(cMax, colHi[x]);
        }
        for (int y = 0, row = offset; y < height; y++, row += stride) {
            int b0 = bucketLo[y], b1 = bucketHi[y];
            if (y > 0 && b0 == bucketLo[y - 1] && b1 == bucketHi[y - 1]) {
                // zoomed in on price: neighbouring pixel rows often show the same buckets
                System.arraycopy(out, row - stride, out, row, width);
                continue;
            }
            if (b0 < 0 || cMax < 0) {
                java.util.Arrays.fill(out, row, row + width, empty);
                continue;
            }
            byte[] src;
            int from;
            if (b0 == b1) {
                src = indices;
                from = b0 * columns;
            } else {
                // the brightest of the pixel row's buckets, column by column: each bucket row read once, in order
                System.arraycopy(indices, b0 * columns + cMin, pooled, cMin, cMax - cMin + 1);
                for (int b = b0 + 1; b <= b1; b++) {
                    int base = b * columns;
                    for (int c = cMin; c <= cMax; c++) {
                        int v = indices[base + c] & 0xFF;
                        if (v > (pooled[c] & 0xFF)) pooled[c] = (byte) v;
                    }
                }
                src = pooled;
                from = 0;
            }
            int prevLo = -2, prevHi = -2, colour = empty;
            for (int x = 0; x < width; x++) {
                int c0 = colLo[x], c1 = colHi[x];
                if (c0 != prevLo || c1 != prevHi) {
                    prevLo = c0;
                    prevHi = c1;
                    if (c0 < 0) {
                        colour = empty;
                    } else {
                        int m = src[from + c0] & 0xFF;
                        for (int c = c0 + 1; c <= c1; c++) m = Math.max(m, src[from + c] & 0xFF);
                        colour = colours[m];
                    }
                }
                out[row + x] = colour;
            }
        }
    }
}
