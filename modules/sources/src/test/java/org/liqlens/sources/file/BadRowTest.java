package org.liqlens.sources.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.MalformedDataException;
import org.liqlens.sources.TestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad rows stop an import with the file name, the 1-based line and what is wrong. */
class BadRowTest {
    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n";
    static final String ROW1 = "1704067200000,10.3,10.6,10.1,10.4,100,1704067259999,1040,5,50,520,0\n";
    static final String ROW2 = "1704067260000,10.4,10.7,10.3,10.6,100,1704067319999,1050,5,50,525,0\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private MalformedDataException klinesFail(String name, String content) throws IOException {
        Path p = write(name, content);
        return assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.klines(p, "BTCUSDT"));
    }

    @Test
    void takerBuyQuoteVolumeAboveTheQuoteVolumeIsRefusedNotClamped() throws IOException {
        MalformedDataException e = klinesFail("k.csv", HEADER + ROW1
                + "1704067260000,10.4,10.7,10.3,10.6,100,1704067319999,1050,5,50,1050.5,0\n");
        assertEquals("k.csv:3: taker_buy_quote_volume 1050.5 exceeds quote_volume 1050", e.getMessage());
    }

    @Test
    void takerBuyVolumeAboveTheVolumeIsRefused() throws IOException {
        MalformedDataException e = klinesFail("k.csv", HEADER + "1704067200000,10.3,10.6,10.1,10.4,100,1704067259999,1040,5,100.001,520,0\n");
        assertEquals("k.csv:2: taker_buy_volume 100.001 exceeds volume 100", e.getMessage());
    }

    @Test
    void aZipOfSeveralFilesIsRefusedNamingThem() throws IOException {
        Path zip = dir.resolve("BTCUSDT-1m-2024-01.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[]{"BTCUSDT-1m-2024-01.csv", "BTCUSDT-1m-2024-02.csv"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write((HEADER + ROW1).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        org.liqlens.sources.SourceException e = assertThrows(org.liqlens.sources.SourceException.class,
                () -> BinanceVisionImporter.klines(zip, "BTCUSDT"));
        assertTrue(e.getMessage().startsWith("BTCUSDT-1m-2024-01.zip: the ZIP archive holds 2 files "
                + "(BTCUSDT-1m-2024-01.csv, BTCUSDT-1m-2024-02.csv)"), e.getMessage());
    }

    @Test
    void anEmptyZipSaysSoInsteadOfQuotingItsFirstBytes() throws IOException {
        Path zip = dir.resolve("BTCUSDT-1m-2024-01.zip");
        new ZipOutputStream(Files.newOutputStream(zip)).close(); // 22 bytes: only the end record, "PK\5\6"
        org.liqlens.sources.SourceException e = assertThrows(org.liqlens.sources.SourceException.class,
                () -> BinanceVisionImporter.klines(zip, "BTCUSDT"));
        assertEquals("BTCUSDT-1m-2024-01.zip: the ZIP archive holds no file", e.getMessage());
    }

    @Test
    void aGzippedKlinesCsvIsReadThroughTheFileSource() throws IOException {
        Path gz = dir.resolve("BTCUSDT-1m-2024-01.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((HEADER + ROW1 + ROW2).getBytes(StandardCharsets.UTF_8));
        }
        CandleSeries c = new FileSource(gz).candles("BTCUSDT", 60_000L, 0, Long.MAX_VALUE / 2,
                org.liqlens.sources.CancelToken.NONE);
        assertEquals(2, c.size());
        assertEquals(10.6, c.close(1));
        assertEquals(525, c.takerBuyQuoteVolume(1));
    }

    @Test
    void highBelowLow() throws IOException {
        MalformedDataException e = klinesFail("binance_um_X.csv", HEADER + ROW1 + ROW2
                + "1704067320000,10.3,10.2,10.5,10.4,100,1704067379999,1040,5,50,520,0\n");
        assertEquals("binance_um_X.csv:4: high 10.2 is below low 10.5", e.getMessage());
        assertEquals(4, e.lineNumber());
        assertEquals("binance_um_X.csv", e.fileName());
    }

    @Test
    void notANumber() throws IOException {
        MalformedDataException e = klinesFail("k.csv", HEADER + ROW1 + "1704067260000,abc,10.7,10.3,10.6,100,1704067319999,1050,5,50,525,0\n");
        assertEquals("k.csv:3: open 'abc' is not a number", e.getMessage());
    }

    @Test
    void repeatedOpenTime() throws IOException {
        MalformedDataException e = klinesFail("k.csv", HEADER + ROW1 + ROW1);
        assertEquals("k.csv:3: open_time 1704067200000 repeats the previous row", e.getMessage());
    }

    @Test
    void missingFields() throws IOException {
        MalformedDataException e = klinesFail("k.csv", ROW1 + "1704067260000,10.4,10.7,10.3\n");
        assertEquals("k.csv:2: a kline row has 12 fields, this one has 4", e.getMessage());
    }

    @Test
    void closeTimeThatDoesNotMatchTheInterval() throws IOException {
        MalformedDataException e = klinesFail("k.csv", ROW1 + "1704067260000,10.4,10.7,10.3,10.6,100,1704067379999,1050,5,50,525,0\n");
        assertTrue(e.getMessage().startsWith("k.csv:2: close_time 1704067379999 is not open_time + 59999"), e.getMessage());
    }

    @Test
    void blankLineInsideTheData() throws IOException {
        MalformedDataException e = klinesFail("k.csv", HEADER + ROW1 + "\n" + ROW2);
        assertEquals("k.csv:3: blank line inside the data", e.getMessage());
        // ...but a trailing blank line is fine.
        assertEquals(2, BinanceVisionImporter.klines(write("ok.csv", HEADER + ROW1 + ROW2 + "\n\n"), "X").size());
    }

    @Test
    void negativeVolume() throws IOException {
        MalformedDataException e = klinesFail("k.csv", HEADER + "1704067200000,10.3,10.6,10.1,10.4,-1,1704067259999,1040,5,50,520,0\n");
        assertEquals("k.csv:2: volume -1 is not a non-negative number", e.getMessage());
    }

    @Test
    void headerlessMicrosecondsCrlfAndZipAreAllAccepted() throws IOException {
        CandleSeries ms = BinanceVisionImporter.klines(write("a.csv", HEADER + ROW1 + ROW2), "X");
        String micros = (ROW1 + ROW2).replace("1704067200000,", "1704067200000000,").replace("1704067259999,", "1704067259999000,")
                .replace("1704067260000,", "1704067260000000,").replace("1704067319999,", "1704067319999000,").replace("\n", "\r\n");
        CandleSeries us = BinanceVisionImporter.klines(write("b.csv", micros), "X");
        assertEquals(ms.openTime(1), us.openTime(1));
        assertEquals(ms.close(1), us.close(1));

        Path zip = dir.resolve("BTCUSDT-1m-2024-01.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("BTCUSDT-1m-2024-01.csv"));
            z.write((ROW1 + ROW2 + "1704067320000,10.3,10.2,10.5,10.4,100,1704067379999,1040,5,50,520,0\n").getBytes(StandardCharsets.US_ASCII));
        }
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.klines(zip));
        assertEquals("BTCUSDT-1m-2024-01.zip!BTCUSDT-1m-2024-01.csv:3: high 10.2 is below low 10.5", e.getMessage());
    }

    @Test
    void theRealArchiveRowFromTheDesignNotes() throws IOException {
        Path p = write("BTCUSDT-1m-2024-01.csv", TestSupport.payload("binance_klines_archive_row.csv") + "\n");
        CandleSeries c = BinanceVisionImporter.klines(p);
        assertEquals("BTCUSDT", c.symbol());
        assertEquals(1704067200000L, c.openTime(0));
        assertEquals(1704067259999L, c.closeTime(0));
        assertEquals(42314.00, c.open(0));
        assertEquals(42335.80, c.high(0));
        assertEquals(42289.60, c.low(0));
        assertEquals(42331.90, c.close(0));
        assertEquals(289.641, c.volume(0));
        assertEquals(12256155.25625, c.quoteVolume(0));
        assertEquals(7414459.86355, c.takerBuyQuoteVolume(0));
    }

    @Test
    void aggTradesGoingBackInTimeOrRepeatingIds() throws IOException {
        String header = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n";
        Path good = write("BTCUSDT-aggTrades-2024-01-01.csv", header + "1,42000.1,0.5,10,11,1704067200000,true\n"
                + "2,42000.2,0.25,12,12,1704067200000,false\n");
        TradeSeries t = BinanceVisionImporter.aggTrades(good, "BTCUSDT");
        assertEquals(2, t.size());
        assertTrue(t.buyerIsMaker(0));
        assertEquals(0.25, t.quantity(1));

        Path back = write("t.csv", "1,42000.1,0.5,10,11,1704067200000,true\n2,42000.2,0.25,12,12,1704067199999,false\n");
        assertEquals("t.csv:2: time 1704067199999 is before the previous row's 1704067200000",
                assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.aggTrades(back, "X")).getMessage());
        Path repeat = write("r.csv", "1,42000.1,0.5,10,11,1704067200000,true\n1,42000.1,0.5,10,11,1704067200000,true\n");
        assertEquals("r.csv:2: trade id 1 repeats the previous row",
                assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.aggTrades(repeat, "X")).getMessage());
        Path maker = write("m.csv", "1,42000.1,0.5,10,11,1704067200000,maybe\n");
        assertEquals("m.csv:1: is_buyer_maker 'maybe' is not true or false",
                assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.aggTrades(maker, "X")).getMessage());
    }

    @Test
    void tradesArchive() throws IOException {
        Path p = write("BTCUSDT-trades-2024-01-01.csv", "id,price,qty,quote_qty,time,is_buyer_maker\n"
                + "100,42000.5,0.010,420.005,1704067200001,False\n101,42000.4,0.020,840.008,1704067200002,True\n");
        TradeSeries t = BinanceVisionImporter.trades(p, "BTCUSDT");
        assertEquals(2, t.size());
        assertEquals(1704067200002L, t.time(1));
        assertTrue(t.buyerIsMaker(1));
    }

    @Test
    void metricsRepeatedRowsOfEarlyFilesAreFoldedConflictsAreErrors() throws IOException {
        String header = "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
        String row = "2024-06-01 00:05:00,BTCUSDT,76537.751,5180097949.0,2.15,1.58,2.17,1.66\n";
        String row2 = "2024-06-01 00:10:00,BTCUSDT,76540.000,5180200000.0,2.15,1.58,2.17,1.66\n";
        OpenInterestSeries oi = BinanceVisionImporter.metrics(write("BTCUSDT-metrics-2024-06-01.csv", header + row + row + row2 + row2), "BTCUSDT");
        assertEquals(2, oi.size());
        assertEquals(1717200300000L, oi.time(0));
        assertEquals(76537.751, oi.openInterest(0));
        assertEquals(5180097949.0, oi.openInterestValue(0));
        Path conflict = write("c.csv", header + row + row.replace("76537.751", "1"));
        assertEquals("c.csv:3: create_time 2024-06-01 00:05:00 repeats with different values",
                assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.metrics(conflict, "BTCUSDT")).getMessage());
    }

    @Test
    void captureLinesThatAreNotMessagesAndTruncatedCaptures() throws IOException {
        String trade = "1723161255088176367 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,\"T\":1723161256322,"
                + "\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":\"61800.30\",\"q\":\"0.006\",\"X\":\"MARKET\",\"m\":false}}\n";
        Path bad = dir.resolve("capture_btcusdt_1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad))) {
            out.write((trade + "not a message\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("capture_btcusdt_1.gz:2: expected '<local_receive_ns> <json object>'",
                assertThrows(MalformedDataException.class, () -> WsCaptureImporter.trades(bad, "BTCUSDT")).getMessage());

        Path broken = dir.resolve("capture_btcusdt_2.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(broken))) {
            out.write((trade + trade.replace("5266583935", "5266583936").replace("\"p\":\"61800.30\"", "\"p\":\"oops\"")).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("capture_btcusdt_2.gz:2: element p is not a number: 'oops'".replace("element p", "p"),
                assertThrows(MalformedDataException.class, () -> WsCaptureImporter.trades(broken, "BTCUSDT")).getMessage());

        // A message laid out differently (spaces after colons) takes the full JSON parser and reads the same.
        Path spaced = dir.resolve("capture_btcusdt_3.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(spaced))) {
            out.write((trade + trade.replace("5266583935", "5266583936").replace("\":", "\": ")).getBytes(StandardCharsets.UTF_8));
        }
        TradeSeries two = WsCaptureImporter.trades(spaced, "BTCUSDT");
        assertEquals(2, two.size());
        assertEquals(two.price(0), two.price(1));
        assertEquals(two.quantity(0), two.quantity(1));

        byte[] whole;
        Path full = dir.resolve("full.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            for (int i = 0; i < 200; i++) {
                out.write(trade.replace("5266583935", Long.toString(5266583935L + i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        whole = Files.readAllBytes(full);
        Path cut = dir.resolve("cut_btcusdt.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> WsCaptureImporter.trades(cut, "BTCUSDT"));
        assertTrue(e.getMessage().startsWith("cut_btcusdt.gz:") && e.getMessage().contains("ends abruptly"), e.getMessage());
    }
}
