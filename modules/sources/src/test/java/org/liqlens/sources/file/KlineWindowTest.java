package org.liqlens.sources.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MalformedDataException;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.load.WindowLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window of a klines file is read without the rest of it, and where the data ends is read from the last row: the
 * candles are the rows of the window, whatever the file's header, line endings, timestamps or trailing blank lines;
 * a bad row of the window is still reported with its real line; outside the window it is not read.
 */
class KlineWindowTest {
    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";
    static final long T0 = 1_704_067_200_000L;   // 2024-01-01T00:00Z
    static final long MINUTE = 60_000L;

    @TempDir
    Path dir;

    /** Row i: open time T0 + i minutes, close 100 + i / 100 (so each candle is known by its index). */
    static String row(int i, boolean micros) {
        long open = T0 + i * MINUTE;
        long close = open + MINUTE - 1;
        String c = String.valueOf(100 + i / 100.0);
        return (micros ? open * 1000 : open) + ",100," + (101 + i / 100.0) + ",99," + c + ",10," + (micros ? close * 1000 + 999 : close)
                + ",1000,5,4,400,0";
    }

    private Path write(String name, int rows, boolean header, String eol, boolean micros, String end) throws IOException {
        StringBuilder b = new StringBuilder();
        if (header) b.append(HEADER).append(eol);
        for (int i = 0; i < rows; i++) {
            b.append(row(i, micros));
            if (i < rows - 1) b.append(eol);
        }
        b.append(end);
        Path p = dir.resolve(name);
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static CandleSeries candles(Path file, long from, long to) {
        return new FileSource(file).candles("BTCUSDT", MINUTE, from, to, CancelToken.NONE);
    }

    /** The window [first, first + count) of rows, by index: open times and closes as {@link #row} made them. */
    private static void assertRows(CandleSeries s, int first, int count) {
        assertEquals(count, s.size(), "candles in the window");
        for (int k = 0; k < count; k++) {
            int i = first + k;
            assertEquals(T0 + i * MINUTE, s.openTime(k), "open time of row " + i);
            assertEquals(100 + i / 100.0, s.close(k), "close of row " + i);
        }
    }

    @Test
    void windowsAnywhereInTheFileAreItsRows() throws IOException {
        Path f = write("BTCUSDT-1m-2024-01.csv", 5000, true, "\n", false, "\n");
        assertRows(candles(f, T0 + 1234 * MINUTE, T0 + 4567 * MINUTE), 1234, 4567 - 1234);
        assertRows(candles(f, T0 - 10 * MINUTE, T0 + 3 * MINUTE), 0, 3);             // from before the first row
        assertRows(candles(f, T0 + 4990 * MINUTE, T0 + 9000 * MINUTE), 4990, 10);   // past the last row
        assertRows(candles(f, T0 + 2500 * MINUTE + 1, T0 + 2502 * MINUTE + 1), 2501, 2);   // not on minute boundaries
        assertRows(candles(f, T0 + 6000 * MINUTE, T0 + 7000 * MINUTE), 0, 0);        // after the data
        assertRows(candles(f, T0 - 100 * MINUTE, T0), 0, 0);                         // before it
    }

    @Test
    void headerlessCrlfByteOrderMarkMicrosecondsAndNoFinalNewlineReadTheSame() throws IOException {
        Path f = write("BTCUSDT-1m-2024-01.csv", 3000, false, "\r\n", true, "");
        byte[] bytes = Files.readAllBytes(f);
        byte[] withBom = new byte[bytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withBom, 3, bytes.length);
        Files.write(f, withBom);
        assertRows(candles(f, T0 + 100 * MINUTE, T0 + 2999 * MINUTE), 100, 2899);
        assertRows(candles(f, T0, T0 + 2 * MINUTE), 0, 2);
        assertEquals(OptionalLong.of(T0 + 3000 * MINUTE), new FileSource(f).candlesEnd("BTCUSDT", MINUTE, CancelToken.NONE));
    }

    @Test
    void theDataEndsAtTheLastRowsCloseEvenBeforeTrailingBlankLines() throws IOException {
        Path f = write("BTCUSDT-1m-2024-01.csv", 777, true, "\n", false, "\n\n  \n");
        assertEquals(OptionalLong.of(T0 + 777 * MINUTE), new FileSource(f).candlesEnd("BTCUSDT", MINUTE, CancelToken.NONE));
        // the default as-of time a map of the file uses
        assertEquals(T0 + 777 * MINUTE, WindowLoader.defaultAsOf(new FileSource(f), "BTCUSDT", MINUTE, CancelToken.NONE));
        assertRows(candles(f, T0 + 700 * MINUTE, T0 + 800 * MINUTE), 700, 77);
    }

    @Test
    void aBadRowInTheWindowIsReportedWithItsRealLine() throws IOException {
        Path f = write("BTCUSDT-1m-2024-01.csv", 4000, true, "\n", false, "\n");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        lines.set(3001, lines.get(3001).replace(",99,", ",9x9,"));   // row 3000, line 3002 (the header is line 1)
        Files.write(f, lines);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> candles(f, T0 + 2900 * MINUTE, T0 + 3100 * MINUTE));
        assertTrue(e.getMessage().startsWith("BTCUSDT-1m-2024-01.csv:3002: "), e.getMessage());
        // a window that does not reach that row is not stopped by it, nor changed
        assertRows(candles(f, T0 + 3500 * MINUTE, T0 + 3600 * MINUTE), 3500, 100);
        assertRows(candles(f, T0 + 100 * MINUTE, T0 + 3000 * MINUTE), 100, 2900);
    }

    @Test
    void aBadLastRowIsReportedWhenTheDataEndIsAsked() throws IOException {
        Path f = write("BTCUSDT-1m-2024-01.csv", 500, true, "\n", false, "\n");
        Files.writeString(f, Files.readString(f).replaceFirst(",10," + (T0 + 499 * MINUTE + MINUTE - 1) + ",", ",-10," + (T0 + 499 * MINUTE + MINUTE - 1) + ","));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> WindowLoader.defaultAsOf(new FileSource(f), "BTCUSDT", MINUTE, CancelToken.NONE));
        assertTrue(e.getMessage().startsWith("BTCUSDT-1m-2024-01.csv:501: "), e.getMessage());
    }

    @Test
    void aFileOfNothingButAHeaderIsStillRefusedAsEmpty() throws IOException {
        Path f = dir.resolve("BTCUSDT-1m-2024-01.csv");
        Files.writeString(f, HEADER + "\n");
        assertEquals(null, KlineWindow.read(f, "BTCUSDT", MINUTE, T0, T0 + MINUTE), "left to the full import");
        org.liqlens.sources.SourceException e = assertThrows(org.liqlens.sources.SourceException.class, () -> candles(f, T0, T0 + MINUTE));
        assertTrue(e.getMessage().contains("no klines found"), e.getMessage());
    }

    @Test
    void aZipIsReadWholeWithTheSameCandles() throws IOException {
        Path csv = write("BTCUSDT-1m-2024-01.csv", 2000, true, "\n", false, "\n");
        Path sub = Files.createDirectory(dir.resolve("zipped"));
        Path zip = sub.resolve("BTCUSDT-1m-2024-01.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("BTCUSDT-1m-2024-01.csv"));
            out.write(Files.readAllBytes(csv));
        }
        assertRows(candles(zip, T0 + 1500 * MINUTE, T0 + 1600 * MINUTE), 1500, 100);
        assertEquals(OptionalLong.empty(), new FileSource(zip).candlesEnd("BTCUSDT", MINUTE, CancelToken.NONE));
        assertEquals(T0 + 2000 * MINUTE, WindowLoader.defaultAsOf(new FileSource(zip), "BTCUSDT", MINUTE, CancelToken.NONE));
    }

    @Test
    void aFolderOfMonthsEndsAtItsLastMonth() throws IOException {
        Path months = Files.createDirectory(dir.resolve("months"));
        StringBuilder a = new StringBuilder(HEADER).append('\n');
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 1500; i++) (i < 1000 ? a : b).append(row(i, false)).append('\n');
        Files.writeString(months.resolve("BTCUSDT-1m-2024-01.csv"), a);
        Files.writeString(months.resolve("BTCUSDT-1m-2024-02.csv"), b);
        FileSource source = (FileSource) new FileSource().configure(SourceSpec.parse("file:" + months));
        assertEquals(OptionalLong.of(T0 + 1500 * MINUTE), source.candlesEnd("BTCUSDT", MINUTE, CancelToken.NONE));
        assertRows(source.candles("BTCUSDT", MINUTE, T0 + 900 * MINUTE, T0 + 1100 * MINUTE, CancelToken.NONE), 900, 200);
        // windows inside one month: the other one gives no row (read, or past its data)
        assertRows(source.candles("BTCUSDT", MINUTE, T0 + 1200 * MINUTE, T0 + 1300 * MINUTE, CancelToken.NONE), 1200, 100);
        assertRows(source.candles("BTCUSDT", MINUTE, T0 + 100 * MINUTE, T0 + 200 * MINUTE, CancelToken.NONE), 100, 100);
        assertRows(source.candles("BTCUSDT", MINUTE, T0 + 1600 * MINUTE, T0 + 1700 * MINUTE, CancelToken.NONE), 0, 0);
        // the window past the first month reads none of its rows, not the whole file
        assertEquals(0, KlineWindow.read(months.resolve("BTCUSDT-1m-2024-01.csv"), "BTCUSDT", MINUTE, T0 + 1200 * MINUTE,
                T0 + 1300 * MINUTE).size());
        assertEquals(300, source.candles("BTCUSDT", 5 * MINUTE, T0, T0 + 1500 * MINUTE, CancelToken.NONE).size(), "5m candles");
    }

    @Test
    void realMonthWindowsAreTheFullImportsSlices() {
        Path f = TestSupport.sharedFile("binance_um_LINKUSDT-1m-2026-02.csv");
        CandleSeries all = BinanceVisionImporter.klines(f, "LINKUSDT");
        FileSource source = new FileSource(f);
        assertEquals(OptionalLong.of(all.lastCloseTime() + 1), source.candlesEnd("LINKUSDT", MINUTE, CancelToken.NONE));
        long end = all.lastCloseTime() + 1;
        for (long window : new long[] {12 * 60 * MINUTE, 3 * 1440 * MINUTE, 30L * 1440 * MINUTE}) {
            CandleSeries expected = all.slice(all.firstIndexOpenAtOrAfter(end - window), all.size());
            TestSupport.assertSameCandles(expected, source.candles("LINKUSDT", MINUTE, end - window, end, CancelToken.NONE));
        }
    }
}
