package org.liqlens.sources.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.MalformedDataException;
import org.liqlens.sources.TestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kline rows read in one pass ({@code KlineHandler.fastRow}) are the rows the split-then-parse path reads:
 * on the real archive files every value equals {@link Double#parseDouble} of its text, and on rows mutated at
 * random (spaces, quotes, signs, exponents, long numbers, missing or empty fields) the two paths give the same
 * candles bit for bit, or the same message naming the same line.
 */
class KlineFastRowTest {
    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

    @TempDir
    Path dir;

    /** A file's candles or its error message, read one way. */
    private record Outcome(CandleSeries candles, String error, int fastRows) { }

    private static Outcome read(Path file, boolean fast, long fromMs, long toMs) {
        BinanceVisionImporter.KlineHandler h = new BinanceVisionImporter.KlineHandler("BTCUSDT", 16, fromMs, toMs);
        OnePassRows.Counting c = new OnePassRows.Counting(h, fast);
        try (ArchiveInput in = ArchiveInput.open(file)) {
            CsvImport.read(in, c);
            return new Outcome(h.buildOrNull(), null, c.fastRows);
        } catch (MalformedDataException e) {
            return new Outcome(null, e.getMessage(), c.fastRows);
        }
    }

    private static void assertSame(CandleSeries a, CandleSeries b, String what) {
        if (a == null || b == null) {
            assertEquals(a == null, b == null, what + ": candles on one path only");
            return;
        }
        assertEquals(a.size(), b.size(), what + ": candles");
        assertEquals(a.intervalMs(), b.intervalMs(), what + ": interval");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.openTime(i), b.openTime(i), what + ": open time " + i);
            OnePassRows.assertBits(a.open(i), b.open(i), what + ": open " + i);
            OnePassRows.assertBits(a.high(i), b.high(i), what + ": high " + i);
            OnePassRows.assertBits(a.low(i), b.low(i), what + ": low " + i);
            OnePassRows.assertBits(a.close(i), b.close(i), what + ": close " + i);
            OnePassRows.assertBits(a.volume(i), b.volume(i), what + ": volume " + i);
            OnePassRows.assertBits(a.quoteVolume(i), b.quoteVolume(i), what + ": quote volume " + i);
            OnePassRows.assertBits(a.takerBuyQuoteVolume(i), b.takerBuyQuoteVolume(i), what + ": taker buy quote volume " + i);
        }
    }

    @Test
    void realArchiveRowsAreTheirTextsValuesAndAllTakeTheOnePass() throws IOException {
        Path data = TestSupport.sharedData();
        List<String> names = List.of("binance_um_NEARUSDT-1m-2026-06.csv", "binance_um_AVAXUSDT-1m-2026-06.csv",
                "binance_um_LINKUSDT-1m-2026-02.csv", "binance_spot_BTCUSDT-1m-2024-01.csv", "binance_spot_ETHUSDT-1m-2023-08.csv");
        int files = 0;
        for (String name : names) {
            Path f = data.resolve(name);
            if (!Files.isRegularFile(f)) continue;
            files++;
            Outcome fast = read(f, true, Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(null, fast.error(), name);
            CandleSeries s = fast.candles();
            // the oracle: each line's own text through the JDK's parser (spot files stamp in µs since 2025 only)
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            int first = lines.get(0).startsWith("open_time") ? 1 : 0;
            assertEquals(lines.size() - first, s.size(), name + ": rows");
            assertEquals(s.size(), fast.fastRows(), name + ": rows read in one pass");
            for (int i = 0; i < s.size(); i++) {
                String[] v = lines.get(first + i).split(",");
                long open = Long.parseLong(v[0]);
                assertEquals(open > 100_000_000_000_000L ? open / 1000 : open, s.openTime(i), name + " row " + i);
                OnePassRows.assertBits(Double.parseDouble(v[1]), s.open(i), name + " open " + i);
                OnePassRows.assertBits(Double.parseDouble(v[2]), s.high(i), name + " high " + i);
                OnePassRows.assertBits(Double.parseDouble(v[3]), s.low(i), name + " low " + i);
                OnePassRows.assertBits(Double.parseDouble(v[4]), s.close(i), name + " close " + i);
                OnePassRows.assertBits(Double.parseDouble(v[5]), s.volume(i), name + " volume " + i);
                OnePassRows.assertBits(Double.parseDouble(v[7]), s.quoteVolume(i), name + " quote volume " + i);
                OnePassRows.assertBits(Double.parseDouble(v[10]), s.takerBuyQuoteVolume(i), name + " taker buy quote volume " + i);
            }
            Outcome slow = read(f, false, Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(0, slow.fastRows());
            assertSame(slow.candles(), s, name);
        }
        assertTrue(files >= 3, "real klines files found: " + files);
    }

    /** Three valid rows a minute apart, in the plain form of the futures and of the spot archives. */
    private static final String[][] TEMPLATES = {
            {"1780272000000,2.3200,2.3230,2.3200,2.3220,36613,1780272059999,84979.3530,373,27825,64583.7990,0",
             "1780272060000,2.3220,2.3230,2.3190,2.3200,50013,1780272119999,116082.1420,494,17010,39481.6560,0",
             "1780272120000,2.3200,2.3210,2.3180,2.3190,20013,1780272179999,46398.1420,194,7010,16251.6560,0"},
            {"1704067200000,42283.58000000,42298.62000000,42261.02000000,42298.61000000,35.92724000,1704067259999,1519031.69451920,1327,23.18766000,980394.71034560,0",
             "1704067260000,42298.62000000,42320.00000000,42290.21000000,42305.55000000,21.74401000,1704067319999,919957.23512671,1010,12.11812000,512671.08342233,0",
             "1704067320000,42305.55000000,42307.01000000,42266.00000000,42270.18000000,11.00120000,1704067379999,465098.88310000,788,5.00010000,211387.52391021,0"},
            {"1735689600000000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000,1735689659999999,768978.32109251,1359,4.76766000,446084.55965120,0",
             "1735689660000000,93610.93000000,93657.21000000,93608.24000000,93657.21000000,5.43201000,1735689719999999,508506.33420010,902,2.00100000,187311.62050110,0",
             "1735689720000000,93657.21000000,93680.00000000,93640.10000000,93650.00000000,3.10000000,1735689779999999,290352.12000000,611,1.50000000,140484.00000000,0"},
    };

    /**
     * 0.000…01 with more than 22 places (a taker-buy volume): few significant digits, but no exact power of ten;
     * declined, and read as before (the one pass once failed on it with an index out of bounds).
     */
    @Test
    void aNumberWithMoreThan22PlacesIsDeclinedAndReadAsBefore() throws IOException {
        String tiny = "0." + "0".repeat(23) + "1";
        Path f = dir.resolve("k.csv");
        Files.writeString(f, HEADER + "\n" + TEMPLATES[0][0] + "\n"
                + TEMPLATES[0][1].replace(",17010,", "," + tiny + ",") + "\n", StandardCharsets.UTF_8);
        Outcome fast = read(f, true, Long.MIN_VALUE, Long.MAX_VALUE), slow = read(f, false, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(null, fast.error());
        assertEquals(1, fast.fastRows(), "the first row in one pass, the second declined");
        assertEquals(2, fast.candles().size());
        assertSame(slow.candles(), fast.candles(), "the row with the tiny volume");
    }

    @Test
    void mutatedRowsGiveTheSameCandlesOrTheSameMessageEitherWay() {
        Random r = new Random(20261201);
        int same = 0, failed = 0, declined = 0, fastTaken = 0;
        for (int n = 0; n < 12_000; n++) {
            String[] t = TEMPLATES[n % TEMPLATES.length];
            int which = r.nextInt(3);
            StringBuilder file = new StringBuilder();
            if (r.nextBoolean()) file.append(HEADER).append('\n');
            for (int i = 0; i < 3; i++) file.append(i == which ? OnePassRows.mutate(t[i], r) : t[i]).append(r.nextInt(4) == 0 ? "\r\n" : "\n");
            Path f = dir.resolve("k.csv");
            try {
                Files.writeString(f, file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // now and then a window, so that a row past its end is taken without its other fields
            long to = r.nextInt(5) == 0 ? 1_704_067_260_000L : Long.MAX_VALUE;
            Outcome fast = read(f, true, Long.MIN_VALUE, to), slow = read(f, false, Long.MIN_VALUE, to);
            String what = "case " + n + ":\n" + file;
            assertEquals(slow.error(), fast.error(), what);
            assertSame(slow.candles(), fast.candles(), what);
            if (fast.error() != null) failed++; else same++;
            if (fast.fastRows() < 3) declined++;
            fastTaken += fast.fastRows();
        }
        // not vacuous: many edits break a row, many others leave a readable one, and both paths were taken
        assertTrue(failed > 2_000, "rows refused: " + failed);
        assertTrue(same > 2_000, "files read: " + same);
        assertTrue(declined > 4_000, "files with a row declined by the one pass: " + declined);
        assertTrue(fastTaken > 15_000, "rows taken by the one pass: " + fastTaken);
    }
}
