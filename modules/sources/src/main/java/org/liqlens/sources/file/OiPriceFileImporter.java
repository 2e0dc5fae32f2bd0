package org.liqlens.sources.file;

import org.liqlens.sources.collect.RowChecks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;

/**
 * Reads the 5-minute price + open-interest file derived from Binance REST (columns found by header name:
 * {@code timestamp, price_open, price_high, price_low, price_close, oi_close}).
 *
 * <ul>
 *   <li>Candles: 5m OHLC. The file has no volume, so volume, quote volume and taker-buy volume are
 *       {@link Double#NaN} (the models then split flow 50/50).</li>
 *   <li>Open interest: {@code oi_close}, which is Binance {@code sumOpenInterestValue} in USD; the file has no
 *       base-unit open interest, so that column is {@link Double#NaN} rather than an estimate.</li>
 * </ul>
 * The {@code liquidation_*} columns (always 0) and {@code oi_weight_*} (a mislabelled copy of funding) are
 * ignored, as the data's provenance notes advise.
 */
public final class OiPriceFileImporter {
    static final long INTERVAL = 5 * Intervals.MINUTE;

    private OiPriceFileImporter() { }

    /** Reads the file; the symbol is the name's token ending in USDT/USDC/USD (e.g. {@code ..._BTCUSDT_5m_...}). */
    public static PriceAndOpenInterest read(Path file) {
        return read(file, symbolFromFileName(file.getFileName().toString()));
    }

    public static PriceAndOpenInterest read(Path file, String symbol) {
        try (ArchiveInput in = ArchiveInput.open(file)) {
            Handler h = new Handler(symbol, in.name());
            CsvImport.read(in, h);
            if (h.candles == null) {
                throw new SourceException(in.name() + ": the file has no header row with timestamp and price columns");
            }
            OpenInterestSeries oi = new OpenInterestSeries(symbol, INTERVAL, Arrays.copyOf(h.t, h.n),
                    filledNaN(h.n), Arrays.copyOf(h.oiValue, h.n));
            return new PriceAndOpenInterest(h.candles.build(), oi);
        }
    }

    private static final class Handler implements CsvImport.Handler {
        private final String symbol;
        private final String fileName;
        private int colTime;
        private int colOpen;
        private int colHigh;
        private int colLow;
        private int colClose;
        private int colOi;
        private int needed;
        CandleSeries.Builder candles;
        long[] t = new long[4096];
        double[] oiValue = new double[4096];
        int n;

        Handler(String symbol, String fileName) {
            this.symbol = symbol;
            this.fileName = fileName;
        }

        @Override
        public void header(CsvRow header, long line) {
            String[] names = CsvImport.names(header);
            colTime = CsvImport.column(names, "timestamp", fileName);
            colOpen = CsvImport.column(names, "price_open", fileName);
            colHigh = CsvImport.column(names, "price_high", fileName);
            colLow = CsvImport.column(names, "price_low", fileName);
            colClose = CsvImport.column(names, "price_close", fileName);
            colOi = CsvImport.column(names, "oi_close", fileName);
            needed = Math.max(Math.max(Math.max(colTime, colOpen), Math.max(colHigh, colLow)), Math.max(colClose, colOi)) + 1;
            candles = CandleSeries.builder(symbol, INTERVAL, 4096);
        }

        @Override
        public void row(CsvRow r, long line) {
            if (candles == null) {
                throw new RowProblem("the file must start with a header row naming timestamp, price_* and oi_close");
            }
            if (r.count() < needed) {
                throw new RowProblem("the row has " + r.count() + " fields, the header " + needed + " or more");
            }
            long time = Timestamps.toMillis(r.integer(colTime, "timestamp"));
            double o = r.decimal(colOpen, "price_open");
            double h = r.decimal(colHigh, "price_high");
            double l = r.decimal(colLow, "price_low");
            double c = r.decimal(colClose, "price_close");
            double oi = r.decimal(colOi, "oi_close");
            RowChecks.ohlc(o, h, l, c);
            RowChecks.nonNegative(oi, "oi_close");
            if (time % INTERVAL != 0) {
                throw new RowProblem("timestamp " + time + " is not on a 5-minute boundary");
            }
            if (n > 0 && time <= t[n - 1]) {
                throw new RowProblem("timestamp " + time + (time == t[n - 1] ? " repeats the previous row" : " is before the previous row's"));
            }
            candles.add(time, o, h, l, c, Double.NaN, Double.NaN, Double.NaN);
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                oiValue = Arrays.copyOf(oiValue, n * 2);
            }
            t[n] = time;
            oiValue[n] = oi;
            n++;
        }
    }

    private static double[] filledNaN(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    static String symbolFromFileName(String name) {
        for (String token : name.split("[_.\\-]")) {
            String u = token.toUpperCase(Locale.ROOT);
            if (u.length() > 4 && (u.endsWith("USDT") || u.endsWith("USDC") || u.endsWith("USD")) && u.equals(token)) {
                return u;
            }
        }
        throw new IllegalArgumentException("cannot tell the symbol from the file name '" + name + "'; pass it explicitly");
    }
}
