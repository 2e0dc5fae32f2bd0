package org.liqlens.charts;

/**
 * A grid's cells as 16-bit codes that order like their notionals, laid out bucket by bucket
 * ({@code [bucket * columns + column]}, the transpose of the grid's own layout, so that a screen row reads one
 * contiguous run). Built once per chart; a style then turns them into palette indices with one table read per
 * cell ({@link #paletteIndices}), instead of evaluating its curve per cell on every restyle.
 *
 * <p>A code is the top bits of the notional's bit pattern ({@link PaletteLookup#key}: exponent and ten
 * mantissa bits, log-spaced bins 0.1 % wide), offset so that the grid's smallest non-empty cell has code 1;
 * code 0 is an empty cell. Should the cells span more bins than 16 bits hold, the faintest share code 1. A
 * style maps each code to a palette index exactly, except in the few bins where one of its 255 steps falls:
 * cells there are looked up one by one.
 */
final class CellCodes {
    private static final int TILE = 64;
    private static final int MAX_CODE = 0xFFFF;

    private final short[] codes;
    private final int columns, buckets;
    /** The key of code 2 and up: code j >= 2 stands for key {@code firstKey + j - 1}; code 1 for every key up to firstKey. */
    private final long firstKey;
    private final int codeCount;

    private CellCodes(short[] codes, int columns, int buckets, long firstKey, int codeCount) {
        this.codes = codes;
        this.columns = columns;
        this.buckets = buckets;
        this.firstKey = firstKey;
        this.codeCount = codeCount;
    }

    /** @param rows a grid's cells, a row of {@code buckets} cells per column ({@code rows[column][bucket]}) */
    static CellCodes of(float[][] rows, int buckets) {
        final int columns = rows.length;
        long minKey = Long.MAX_VALUE, maxKey = Long.MIN_VALUE;
        for (float[] row : rows) {
            for (float v : row) {
                if (!(v > 0)) continue;
                long k = PaletteLookup.key(v);
                if (k < minKey) minKey = k;
                if (k > maxKey) maxKey = k;
            }
        }
        short[] codes = new short[columns * buckets];
        if (maxKey < minKey) return new CellCodes(codes, columns, buckets, 0, 1);
        // keep the brightest bins distinct; fold the faintest into code 1 if there are too many
        long firstKey = Math.max(minKey, maxKey - (MAX_CODE - 2));
        int codeCount = (int) (maxKey - firstKey) + 2;
        for (int c0 = 0; c0 < columns; c0 += TILE) {
            int c1 = Math.min(columns, c0 + TILE);
            for (int b0 = 0; b0 < buckets; b0 += TILE) {
                int b1 = Math.min(buckets, b0 + TILE);
                for (int c = c0; c < c1; c++) {
                    float[] row = rows[c];
                    for (int b = b0, dst = b0 * columns + c; b < b1; b++, dst += columns) {
                        float v = row[b];
                        codes[dst] = (short) (v > 0 ? Math.max(1, PaletteLookup.key(v) - firstKey + 1) : 0);
                    }
                }
            }
        }
        return new CellCodes(codes, columns, buckets, firstKey, codeCount);
    }

    /** The palette index of every cell under {@code palette}, bucket-major, exactly {@code palette.index(value)}. */
    byte[] paletteIndices(float[][] rows, PaletteLookup palette) {
        int[] byCode = palette.indexByCode(firstKey, codeCount);
        byte[] out = new byte[codes.length];
        for (int b = 0, i = 0; b < buckets; b++) {
            for (int c = 0; c < columns; c++, i++) {
                int index = byCode[codes[i] & 0xFFFF];
                // a bin holding one of the palette's steps: this cell's own notional decides
                out[i] = (byte) (index >= 0 ? index : palette.index(rows[c][b]));
            }
        }
        return out;
    }
}
