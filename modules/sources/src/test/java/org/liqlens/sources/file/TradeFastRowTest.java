package org.liqlens.sources.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.MalformedDataException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trade rows read in one pass ({@code TradeHandler.fastRow}) are the rows the split-then-parse path reads: for
 * aggTrades (futures and spot, whose rows end with {@code is_best_match}) and trades, plain rows are read to the
 * values {@link Double#parseDouble} gives their text, all in one pass; rows mutated at random give the same trades
 * bit for bit on both paths, or the same message naming the same line.
 */
class TradeFastRowTest {

    @TempDir
    Path dir;

    private record Format(String header, String first, int fields, int time, int maker, String[] rows) { }

    private static final Format AGG = new Format(
            "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker", "agg_trade_id", 7, 5, 6,
            new String[] {"2373461912,57143.9,0.002,5081207413,5081207413,1723075200014,false",
                          "2373461913,57143.8,0.150,5081207414,5081207416,1723075200020,true",
                          "2373461914,57144.0,1.234,5081207417,5081207417,1723075200020,false"});
    private static final Format SPOT_AGG = new Format(null, "agg_trade_id", 7, 5, 6,
            new String[] {"3098461234,57143.90000000,0.00200000,3712000001,3712000001,1723075200014583,False,True",
                          "3098461235,57143.80000000,0.15000000,3712000002,3712000004,1723075200020000,true,true",
                          "3098461236,57144.00000000,1.23400000,3712000005,3712000005,1723075200020000,false,true"});
    private static final Format TRADES = new Format("id,price,qty,quote_qty,time,is_buyer_maker", "id", 6, 4, 5,
            new String[] {"5081207413,57143.9,0.002,114.2878,1723075200014,false",
                          "5081207414,57143.8,0.150,8571.57,1723075200020,true",
                          "5081207415,57144.0,1.234,70515.696,1723075200020,false"});

    private record Outcome(TradeSeries trades, String error, int fastRows) { }

    private static Outcome read(Path file, Format f, boolean fast) {
        BinanceVisionImporter.TradeHandler h = new BinanceVisionImporter.TradeHandler("BTCUSDT", 4, f.first(), f.fields(), f.time(), f.maker());
        OnePassRows.Counting c = new OnePassRows.Counting(h, fast);
        try (ArchiveInput in = ArchiveInput.open(file)) {
            CsvImport.read(in, c);
            return new Outcome(h.out.build(), null, c.fastRows);
        } catch (MalformedDataException e) {
            return new Outcome(null, e.getMessage(), c.fastRows);
        }
    }

    private static void assertSame(TradeSeries a, TradeSeries b, String what) {
        if (a == null || b == null) {
            assertEquals(a == null, b == null, what + ": trades on one path only");
            return;
        }
        assertEquals(a.size(), b.size(), what + ": trades");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.time(i), b.time(i), what + ": time " + i);
            OnePassRows.assertBits(a.price(i), b.price(i), what + ": price " + i);
            OnePassRows.assertBits(a.quantity(i), b.quantity(i), what + ": quantity " + i);
            assertEquals(a.buyerIsMaker(i), b.buyerIsMaker(i), what + ": maker " + i);
        }
    }

    private Path write(Format f, String[] rows, boolean header) {
        StringBuilder text = new StringBuilder();
        if (header && f.header() != null) text.append(f.header()).append('\n');
        for (String r : rows) text.append(r).append('\n');
        Path p = dir.resolve("t.csv");
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void plainRowsAreTheirTextsValuesInOnePass() {
        for (Format f : new Format[] {AGG, SPOT_AGG, TRADES}) {
            Random r = new Random(5);
            String[] rows = new String[2_000];
            long id = 1_000_000, time = 1_723_075_200_000L;
            for (int i = 0; i < rows.length; i++) {
                id += 1 + r.nextInt(3);
                time += r.nextInt(50);
                String price = (50_000 + r.nextInt(20_000)) + "." + r.nextInt(100);
                String qty = r.nextInt(5) + "." + String.format("%03d", r.nextInt(1000));
                String maker = f == SPOT_AGG ? (r.nextBoolean() ? "True" : "False") : r.nextBoolean() ? "true" : "false";
                rows[i] = f == TRADES ? id + "," + price + "," + qty + ",1.5," + time + "," + maker
                        : id + "," + price + "," + qty + ",7,9," + (f == SPOT_AGG ? time * 1000 : time) + "," + maker + (f == SPOT_AGG ? ",True" : "");
            }
            Outcome fast = read(write(f, rows, true), f, true);
            assertEquals(null, fast.error());
            assertEquals(rows.length, fast.fastRows(), "rows read in one pass");
            TradeSeries t = fast.trades();
            for (int i = 0; i < rows.length; i++) {
                String[] v = rows[i].split(",");
                long time0 = Long.parseLong(v[f.time()]);
                assertEquals(f == SPOT_AGG ? time0 / 1000 : time0, t.time(i), "time " + i);
                OnePassRows.assertBits(Double.parseDouble(v[1]), t.price(i), "price " + i);
                OnePassRows.assertBits(Double.parseDouble(v[2]), t.quantity(i), "quantity " + i);
                assertEquals(Boolean.parseBoolean(v[f.maker()]), t.buyerIsMaker(i), "maker " + i);
            }
        }
    }

    @Test
    void mutatedRowsGiveTheSameTradesOrTheSameMessageEitherWay() {
        Random r = new Random(20261201);
        int failed = 0, read = 0, declined = 0, fastTaken = 0;
        Format[] formats = {AGG, SPOT_AGG, TRADES};
        for (int n = 0; n < 12_000; n++) {
            Format f = formats[n % formats.length];
            String[] rows = f.rows().clone();
            int which = r.nextInt(3);
            rows[which] = OnePassRows.mutate(rows[which], r, "TRUE", "True", "1", "0", "false", "true");
            Path p = write(f, rows, r.nextBoolean());
            Outcome fast = read(p, f, true), slow = read(p, f, false);
            String what = "case " + n + ": " + String.join(" | ", rows);
            assertEquals(slow.error(), fast.error(), what);
            assertSame(slow.trades(), fast.trades(), what);
            if (fast.error() != null) failed++; else read++;
            if (fast.fastRows() < 3) declined++;
            fastTaken += fast.fastRows();
        }
        assertTrue(failed > 2_000, "files refused: " + failed);
        assertTrue(read > 2_000, "files read: " + read);
        assertTrue(declined > 4_000, "files with a row declined by the one pass: " + declined);
        assertTrue(fastTaken > 15_000, "rows taken by the one pass: " + fastTaken);
    }
}
