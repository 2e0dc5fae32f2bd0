package org.liqlens.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.file.BinanceVisionImporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The data.binance.vision importers on uncompressed CSV (the file is read from the page cache after the
 * first iteration, so this is parsing and checking, not disk speed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportBench {

    /** The real month of AVAXUSDT 1m klines in the shared data folder, when it is there. */
    static final String KLINES = "binance_um_AVAXUSDT-1m-2026-06.csv";

    /**
     * A month of 1m klines (43,200 rows): {@code <shared data>/binance_um_AVAXUSDT-1m-2026-06.csv}, the shared
     * folder being {@code -Dliqlens.shared.data} or {@code ../shared/data} from the working directory; when
     * it is absent, a temporary file in the same layout from 30 days of simulated candles.
     */
    @State(Scope.Benchmark)
    public static class Klines {
        Path file;
        String symbol = "AVAXUSDT";
        boolean temporary;

        @Setup
        public void setUp() throws IOException {
            String prop = System.getProperty("liqlens.shared.data");
            Path dir = prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("../shared/data");
            Path real = dir.resolve(KLINES).toAbsolutePath().normalize();
            if (Files.isRegularFile(real)) {
                file = real;
            } else {
                file = Files.createTempFile("liqlens-bench-klines-", ".csv");
                temporary = true;
                symbol = Markets.SYMBOL;
                writeKlines(file, Markets.simulated(30).candles1m());
            }
            System.out.println("\nklines file: " + file + (temporary ? " (generated)" : ""));
        }

        @TearDown
        public void tearDown() throws IOException {
            if (temporary) Files.deleteIfExists(file);
        }
    }

    /** One million aggTrades rows in the archive layout, with header, in a temporary file. */
    @State(Scope.Benchmark)
    public static class AggTrades {
        static final int ROWS = 1_000_000;
        Path file;

        @Setup
        public void setUp() throws IOException {
            file = Files.createTempFile("liqlens-bench-aggTrades-", ".csv");
            writeAggTrades(file, Markets.realisticTrades(ROWS, 5));
        }

        @TearDown
        public void tearDown() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** 43,200 rows of 1m klines. Target: at most 150 ms. */
    @Benchmark
    public CandleSeries klinesMonth(Klines s) {
        return BinanceVisionImporter.klines(s.file, s.symbol);
    }

    /** 1,000,000 aggTrades rows. Target: at most 1 s. */
    @Benchmark
    public TradeSeries aggTradesMillion(AggTrades s) {
        return BinanceVisionImporter.aggTrades(s.file, Markets.SYMBOL);
    }

    // -------------------------------------------------------------------------------------------------

    static void writeKlines(Path f, CandleSeries c) {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            w.write("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 0; i < c.size(); i++) {
                double base = c.volume(i), quote = c.quoteVolume(i), takerQuote = c.takerBuyQuoteVolume(i);
                sb.setLength(0);
                sb.append(c.openTime(i)).append(',').append(dec(c.open(i))).append(',').append(dec(c.high(i))).append(',')
                        .append(dec(c.low(i))).append(',').append(dec(c.close(i))).append(',').append(dec(base)).append(',')
                        .append(c.closeTime(i)).append(',').append(dec(quote)).append(',').append(1000 + i % 977).append(',')
                        .append(dec(Math.round(base * (takerQuote / quote) * 1000) / 1000.0)).append(',').append(dec(takerQuote))
                        .append(",0\n");
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeAggTrades(Path f, TradeSeries t) {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            w.write("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n");
            StringBuilder sb = new StringBuilder(100);
            long id = 2_400_000_000L, tradeId = 5_900_000_000L;
            for (int i = 0; i < t.size(); i++) {
                long fills = 1 + (i * 7L) % 5;
                sb.setLength(0);
                // at BTCUSDT's tick and lot sizes (0.1 and 0.001), as the archives write prices and quantities; the
                // simulator's full doubles had 17 digits, past the exact fast parse, which no archive row has
                sb.append(id + i).append(',').append(dec(Math.round(t.price(i) * 10) / 10.0)).append(',')
                        .append(dec(Math.round(t.quantity(i) * 1000) / 1000.0)).append(',')
                        .append(tradeId).append(',').append(tradeId + fills - 1).append(',').append(t.time(i)).append(',')
                        .append(t.buyerIsMaker(i)).append('\n');
                tradeId += fills;
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shortest decimal of a double, without exponent. */
    private static String dec(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }
}
