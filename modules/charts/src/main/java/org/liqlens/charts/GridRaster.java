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
     * Fills {@code out} (row-major, {@code width} x {@code height}, row 0 at the top) with the colours of the
     * cells each pixel shows.
     *
     * @param values     the grid, index {@code column * buckets + bucket}
     * @param colLo      first grid column of each pixel column ({@link #pixelCells}); -1 paints {@code empty}
     * @param bucketLo   first bucket of each pixel row; -1 paints {@code empty}
     * @param pooled     scratch space of at least {@code buckets} doubles
     */
    static void render(double[] values, int buckets, int[] colLo, int[] colHi, int width, int[] bucketLo, int[] bucketHi,
                       int height, PaletteLookup palette, int empty, int[] out, double[] pooled) {
        int bMin = Integer.MAX_VALUE, bMax = -1;
        for (int y = 0; y < height; y++) {
            if (bucketLo[y] < 0) continue;
            bMin = Math.min(bMin, bucketLo[y]);
            bMax = Math.max(bMax, bucketHi[y]);
        }
        for (int x = 0; x < width; x++) {
            int c0 = colLo[x], c1 = colHi[x];
            if (x > 0 && c0 == colLo[x - 1] && c1 == colHi[x - 1]) {
                // zoomed in: neighbouring pixel columns often show the same grid columns
                for (int y = 0, p = x; y < height; y++, p += width) out[p] = out[p - 1];
                continue;
            }
            if (c0 < 0 || bMax < 0) {
                for (int y = 0, p = x; y < height; y++, p += width) out[p] = empty;
                continue;
            }
            double[] src;
            int offset;
            if (c0 == c1) {
                src = values;
                offset = c0 * buckets;
            } else {
                // max over the pixel's grid columns, bucket by bucket: each column read once, in memory order
                int base = c0 * buckets;
                System.arraycopy(values, base + bMin, pooled, bMin, bMax - bMin + 1);
                for (int c = c0 + 1; c <= c1; c++) {
                    base += buckets;
                    for (int b = bMin; b <= bMax; b++) {
                        double v = values[base + b];
                        if (v > pooled[b]) pooled[b] = v;
                    }
                }
                src = pooled;
                offset = 0;
            }
            int prevLo = -2, prevHi = -2, colour = empty;
            for (int y = 0, p = x; y < height; y++, p += width) {
                int b0 = bucketLo[y], b1 = bucketHi[y];
                if (b0 != prevLo || b1 != prevHi) {
                    prevLo = b0;
                    prevHi = b1;
                    if (b0 < 0) {
                        colour = empty;
                    } else {
                        double v = src[offset + b0];
                        for (int b = b0 + 1; b <= b1; b++) {
                            double w = src[offset + b];
                            if (w > v) v = w;
                        }
                        colour = palette.argb(v);
                    }
                }
                out[p] = colour;
            }
        }
    }
}
