package org.liqlens.sources.file;

import org.liqlens.sources.collect.RowChecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;

/**
 * Reads data.binance.vision archives: {@code klines}, {@code aggTrades}, {@code trades} and {@code metrics},
 * as CSV or ZIP (first entry), with or without a header row, timestamps in ms or µs.
 *
 * <p>Every row is checked, and the first bad one stops the import with
 * {@code <file>:<line>: <problem>} (see {@link org.liqlens.sources.MalformedDataException}): prices must be
 * positive, high and low must bracket open and close, volumes must be non-negative, times must increase and a
 * kline's close time must be its open time plus the interval minus one.
 */
public final class BinanceVisionImporter {

    static final String[] KLINE_COLUMNS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
            "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"};

    private BinanceVisionImporter() { }

    /** Klines; the symbol is taken from the file name ({@code BTCUSDT-1m-2024-01.zip}). */
    public static CandleSeries klines(Path file) {
        return klines(file, symbolFromFileName(file.getFileName().toString()));
    }

    /**
     * Klines, one candle per row: {@code open_time, open, high, low, close, volume, close_time, quote_volume,
     * count, taker_buy_volume, taker_buy_quote_volume, ignore}. The interval is the first row's
     * {@code close_time - open_time + 1}.
     */
    public static CandleSeries klines(Path file, String symbol) {
        int expected = estimateRows(file, 100);
        try (ArchiveInput in = ArchiveInput.open(file)) {
            KlineHandler h = new KlineHandler(symbol, expected);
            CsvImport.read(in, h);
            return h.build();
        }
    }

    static final class KlineHandler implements CsvImport.Handler {
        private final String symbol;
        private final int expected;
        private final long fromMs;
        private final long toMs;
        private CandleSeries.Builder out;
        private long interval;
        private long previousOpen = Long.MIN_VALUE;
        private boolean past;

        KlineHandler(String symbol, int expected) {
            this(symbol, expected, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        /** Keeps the rows whose open time lies in {@code [fromMs, toMs)} (each row read is checked all the same). */
        KlineHandler(String symbol, int expected, long fromMs, long toMs) {
            this.symbol = symbol;
            this.expected = expected;
            this.fromMs = fromMs;
            this.toMs = toMs;
        }

        @Override
        public boolean wantsMore() {
            return !past;
        }

        @Override
        public void header(CsvRow header, long line) {
            if (!header.textEquals(0, "open_time")) {
                throw new RowProblem("expected a klines header starting with open_time, found '" + header.text(0) + "'");
            }
        }

        @Override
        public void row(CsvRow r, long line) {
            long open = Timestamps.toMillis(r.integer(0, "open_time"));
            if (open >= toMs && open > previousOpen) {
                // the first row at or after the end: none of its other fields is read, nor any later row
                past = true;
                return;
            }
            if (r.count() < 11) {
                throw new RowProblem("a kline row has 12 fields, this one has " + r.count());
            }
            double o = r.decimal(1, "open");
            double h = r.decimal(2, "high");
            double l = r.decimal(3, "low");
            double c = r.decimal(4, "close");
            double volume = r.decimal(5, "volume");
            long close = Timestamps.toMillis(r.integer(6, "close_time"));
            double quoteVolume = r.decimal(7, "quote_volume");
            double takerBuy = r.decimal(9, "taker_buy_volume");
            double takerBuyQuote = r.decimal(10, "taker_buy_quote_volume");
            accept(open, o, h, l, c, volume, close, quoteVolume, takerBuy, takerBuyQuote);
        }

        /**
         * The plain row of an exchange archive ({@code 1780272000000,2.3200,...}) in one pass ({@link PlainFields}):
         * fields 0 and 6 digits; 1 to 5, 7, 9 and 10 plain decimals; field 8 and those after 10 not read, as in
         * {@link #row}. Any other row is declined, and {@link #row} reads it (or names its problem).
         */
        @Override
        public boolean fastRow(byte[] b, int start, int end) {
            PlainFields f = fields;
            f.row(b, start, end);
            long open = Timestamps.toMillis(f.digits());
            if (f.irregular()) return false;
            if (open >= toMs && open > previousOpen) {
                past = true;
                return true;
            }
            double o = f.number(true);
            double h = f.number(true);
            double l = f.number(true);
            double c = f.number(true);
            double volume = f.number(true);
            long close = Timestamps.toMillis(f.digits());
            double quoteVolume = f.number(true);
            f.skip();                                       // count: not read
            double takerBuy = f.number(true);
            double takerBuyQuote = f.number(false);
            if (f.irregular()) return false;
            accept(open, o, h, l, c, volume, close, quoteVolume, takerBuy, takerBuyQuote);
            return true;
        }

        private final PlainFields fields = new PlainFields();

        /** A row's values, read either way: checked, then kept when inside the range. */
        private void accept(long open, double o, double h, double l, double c, double volume, long close,
                            double quoteVolume, double takerBuy, double takerBuyQuote) {
            RowChecks.candle(o, h, l, c, volume, quoteVolume, takerBuy, takerBuyQuote);
            if (out == null) {
                interval = close - open + 1;
                if (interval <= 0) {
                    throw new RowProblem("close_time " + close + " is not after open_time " + open);
                }
                out = CandleSeries.builder(symbol, interval, expected);
            } else if (close - open + 1 != interval && interval < 28 * Intervals.DAY) {
                throw new RowProblem("close_time " + close + " is not open_time + " + (interval - 1)
                        + " as in the first row (a " + Intervals.format(interval) + " file)");
            }
            if (open <= previousOpen) {
                throw new RowProblem("open_time " + open + (open == previousOpen ? " repeats the previous row"
                        : " is before the previous row's " + previousOpen));
            }
            previousOpen = open;
            if (open >= fromMs) out.add(open, o, h, l, c, volume, quoteVolume, takerBuyQuote);
        }

        CandleSeries build() {
            if (out == null) {
                throw new SourceException("no klines found (empty file?)");
            }
            return out.build();
        }

        /** The rows kept, or null when no row was read (not even one outside the range). */
        CandleSeries buildOrNull() {
            return out == null ? null : out.build();
        }
    }

    /**
     * Aggregated trades: {@code agg_trade_id, price, quantity, first_trade_id, last_trade_id, transact_time,
     * is_buyer_maker}.
     */
    public static TradeSeries aggTrades(Path file, String symbol) {
        int expected = estimateRows(file, 50);
        try (ArchiveInput in = ArchiveInput.open(file)) {
            TradeHandler h = new TradeHandler(symbol, expected, "agg_trade_id", 7, 5, 6);
            CsvImport.read(in, h);
            return h.out.build();
        }
    }

    /** Individual trades: {@code id, price, qty, quote_qty, time, is_buyer_maker}. */
    public static TradeSeries trades(Path file, String symbol) {
        int expected = estimateRows(file, 50);
        try (ArchiveInput in = ArchiveInput.open(file)) {
            TradeHandler h = new TradeHandler(symbol, expected, "id", 6, 4, 5);
            CsvImport.read(in, h);
            return h.out.build();
        }
    }

    static final class TradeHandler implements CsvImport.Handler {
        final TradeSeries.Builder out;
        private final String firstColumn;
        private final int fields;
        private final int timeField;
        private final int makerField;
        private long previousId = Long.MIN_VALUE;
        private long previousTime = Long.MIN_VALUE;

        TradeHandler(String symbol, int expected, String firstColumn, int fields, int timeField, int makerField) {
            this.out = TradeSeries.builder(symbol, expected);
            this.firstColumn = firstColumn;
            this.fields = fields;
            this.timeField = timeField;
            this.makerField = makerField;
        }

        @Override
        public void header(CsvRow header, long line) {
            if (!header.textEquals(0, firstColumn)) {
                throw new RowProblem("expected a header starting with " + firstColumn + ", found '" + header.text(0) + "'");
            }
        }

        @Override
        public void row(CsvRow r, long line) {
            if (r.count() < fields) {
                throw new RowProblem("a row has " + fields + " fields, this one has " + r.count());
            }
            long id = r.integer(0, firstColumn);
            double price = r.decimal(1, "price");
            double qty = r.decimal(2, "quantity");
            long time = Timestamps.toMillis(r.integer(timeField, "time"));
            boolean buyerIsMaker = r.bool(makerField, "is_buyer_maker");
            accept(id, price, qty, time, buyerIsMaker);
        }

        /**
         * The plain row in one pass ({@link PlainFields}): the id, price and quantity first, then the time and
         * the maker flag where they lie ({@code time} and {@code is_buyer_maker} are the last two columns of both
         * archives, a spot aggTrades file's {@code is_best_match} after them); the fields between not read, as in
         * {@link #row}. Any other row is declined, and {@link #row} reads it (or names its problem).
         */
        @Override
        public boolean fastRow(byte[] b, int start, int end) {
            PlainFields f = plain;
            f.row(b, start, end);
            long id = f.digits();
            double price = f.number(true);
            double qty = f.number(true);
            for (int i = 3; i < timeField; i++) f.skip();
            long time = Timestamps.toMillis(f.digits());
            for (int i = timeField + 1; i < makerField; i++) f.skip();
            boolean buyerIsMaker = f.bool(false);
            if (f.irregular()) return false;
            accept(id, price, qty, time, buyerIsMaker);
            return true;
        }

        private final PlainFields plain = new PlainFields();

        /** A row's values, read either way: checked, then kept. */
        private void accept(long id, double price, double qty, long time, boolean buyerIsMaker) {
            if (!(price > 0) || Double.isInfinite(price)) {
                throw new RowProblem("price " + price + " is not positive");
            }
            RowChecks.nonNegative(qty, "quantity");
            if (id <= previousId) {
                throw new RowProblem("trade id " + id + (id == previousId ? " repeats the previous row" : " is below the previous row's " + previousId));
            }
            if (time < previousTime) {
                throw new RowProblem("time " + time + " is before the previous row's " + previousTime);
            }
            previousId = id;
            previousTime = time;
            out.add(time, price, qty, buyerIsMaker);
        }
    }

    /**
     * Futures {@code metrics} (5-minute open interest): {@code create_time, symbol, sum_open_interest,
     * sum_open_interest_value, ...}. Early files repeat every row; an exact repeat is dropped, a repeated
     * time with different values is an error.
     */
    public static OpenInterestSeries metrics(Path file, String symbol) {
        int expected = estimateRows(file, 60);
        try (ArchiveInput in = ArchiveInput.open(file)) {
            MetricsHandler h = new MetricsHandler(symbol, expected);
            CsvImport.read(in, h);
            return new OpenInterestSeries(h.symbol == null ? symbol : h.symbol, 5 * Intervals.MINUTE,
                    Arrays.copyOf(h.t, h.n), Arrays.copyOf(h.oi, h.n), Arrays.copyOf(h.value, h.n));
        }
    }

    private static final class MetricsHandler implements CsvImport.Handler {
        String symbol;
        long[] t;
        double[] oi;
        double[] value;
        int n;

        MetricsHandler(String symbol, int expected) {
            this.symbol = symbol;
            int c = Math.max(16, expected);
            t = new long[c];
            oi = new double[c];
            value = new double[c];
        }

        @Override
        public void header(CsvRow header, long line) {
            if (!header.textEquals(0, "create_time")) {
                throw new RowProblem("expected a metrics header starting with create_time, found '" + header.text(0) + "'");
            }
        }

        @Override
        public void row(CsvRow r, long line) {
            if (r.count() < 4) {
                throw new RowProblem("a metrics row has at least 4 fields, this one has " + r.count());
            }
            long time = r.dateTime(0, "create_time");
            String rowSymbol = r.text(1);
            if (symbol == null) {
                symbol = rowSymbol;
            } else if (!rowSymbol.equals(symbol)) {
                throw new RowProblem("symbol " + rowSymbol + " differs from " + symbol);
            }
            double openInterest = r.decimal(2, "sum_open_interest");
            double val = r.decimal(3, "sum_open_interest_value");
            RowChecks.nonNegative(openInterest, "sum_open_interest");
            RowChecks.nonNegative(val, "sum_open_interest_value");
            if (n > 0 && time == t[n - 1]) {
                if (openInterest == oi[n - 1] && val == value[n - 1]) {
                    return; // the documented repetition of early metrics files
                }
                throw new RowProblem("create_time " + r.text(0) + " repeats with different values");
            }
            if (n > 0 && time < t[n - 1]) {
                throw new RowProblem("create_time " + r.text(0) + " is before the previous row's");
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                oi = Arrays.copyOf(oi, n * 2);
                value = Arrays.copyOf(value, n * 2);
            }
            t[n] = time;
            oi[n] = openInterest;
            value[n] = val;
            n++;
        }
    }

    /**
     * Futures {@code fundingRate} archives ({@code futures/um/monthly/fundingRate/SYM/SYM-fundingRate-2024-01.zip}):
     * {@code calc_time, funding_interval_hours, last_funding_rate}, one row per settlement, with or without the
     * header. Times must increase; a rate must be a number with |rate| < 1 (a fraction, 0.0001 = 0.01 %).
     */
    public static FundingRateSeries fundingRate(Path file, String symbol) {
        var sorted = timedValues(file, "calc_time", "fundingRate", "funding rates", (r, out) -> {
            if (r.count() < 3) {
                throw new RowProblem("a fundingRate row has 3 fields (calc_time, funding_interval_hours, last_funding_rate), this one has " + r.count());
            }
            long time = Timestamps.toMillis(r.integer(0, "calc_time"));
            double hours = r.decimal(1, "funding_interval_hours");
            if (!(hours > 0)) throw new RowProblem("funding_interval_hours " + r.text(1) + " is not a positive number");
            double rate = r.decimal(2, "last_funding_rate");
            if (!(Math.abs(rate) < 1)) throw new RowProblem("last_funding_rate " + r.text(2) + " is not a rate (|rate| < 1)");
            out.add(time, rate);
        });
        return new FundingRateSeries(symbol, sorted.times(), sorted.values());
    }

    /**
     * The top traders' long/short position ratio of a futures {@code metrics} archive (column
     * {@code sum_toptrader_long_short_ratio}, the sixth), 5-minute samples. A row whose ratio is empty is skipped
     * (early files lack it); exact repeats are dropped, as for {@link #metrics}.
     */
    public static LongShortRatioSeries topTraderRatio(Path file, String symbol) {
        var sorted = timedValues(file, "create_time", "metrics", "top-trader ratios", (r, out) -> {
            if (r.count() < 6) {
                throw new RowProblem("a metrics row with the top-trader ratio has at least 6 fields, this one has " + r.count());
            }
            if (!r.textEquals(1, symbol)) throw new RowProblem("symbol " + r.text(1) + " is not " + symbol);
            long time = r.dateTime(0, "create_time");
            if (r.text(5).isEmpty()) return;
            double ratio = r.decimal(5, "sum_toptrader_long_short_ratio");
            if (!(ratio > 0) || ratio == Double.POSITIVE_INFINITY) {
                throw new RowProblem("sum_toptrader_long_short_ratio " + r.text(5) + " is not a positive number");
            }
            out.add(time, ratio);
        });
        return new LongShortRatioSeries(symbol, 5 * Intervals.MINUTE, sorted.times(), sorted.values());
    }

    /** Reads one row into a {@link TimedRows}: one time and one value, or none. */
    private interface TimedRowReader {
        void read(CsvRow row, TimedRows out);
    }

    /**
     * One value per time, in increasing time: a row with the previous row's time and value is dropped (the documented
     * repetition of early files), one with an earlier time, or the same time and another value, stops the import.
     */
    private static final class TimedRows {
        final org.liqlens.sources.collect.TimedValues values = new org.liqlens.sources.collect.TimedValues();
        final String firstColumn;
        CsvRow row;
        long previous = Long.MIN_VALUE;
        double previousValue = Double.NaN;

        TimedRows(String firstColumn) { this.firstColumn = firstColumn; }

        void add(long time, double value) {
            if (time == previous && value == previousValue) return;
            if (time <= previous) throw new RowProblem(firstColumn + " " + row.text(0) + " is not after the previous row's");
            previous = time;
            previousValue = value;
            values.add(time, value);
        }
    }

    /** A CSV or ZIP archive of timed values whose header, when present, starts with {@code firstColumn}. */
    private static org.liqlens.sources.collect.TimedValues.Sorted timedValues(Path file, String firstColumn, String kind, String what,
                                                                              TimedRowReader reader) {
        try (ArchiveInput in = ArchiveInput.open(file)) {
            TimedRows rows = new TimedRows(firstColumn);
            CsvImport.read(in, new CsvImport.Handler() {
                @Override
                public void header(CsvRow header, long line) {
                    if (!header.textEquals(0, firstColumn)) {
                        throw new RowProblem("expected a " + kind + " header starting with " + firstColumn + ", found '" + header.text(0) + "'");
                    }
                }

                @Override
                public void row(CsvRow r, long line) {
                    rows.row = r;
                    reader.read(r, rows);
                }
            });
            return rows.values.sorted(what + " in " + file);
        }
    }

    /**
     * The symbol in a data.binance.vision name: {@code BTCUSDT-1m-2024-01.zip}, {@code BTCUSDT-aggTrades-2024-01-01.csv},
     * also with a prefix such as {@code binance_um_AVAXUSDT-1m-2026-06.csv}.
     */
    public static String symbolFromFileName(String fileName) {
        int dash = fileName.indexOf('-');
        String head = dash < 0 ? fileName : fileName.substring(0, dash);
        int underscore = head.lastIndexOf('_');
        String sym = underscore < 0 ? head : head.substring(underscore + 1);
        if (sym.isEmpty()) {
            throw new IllegalArgumentException("cannot tell the symbol from the file name '" + fileName + "'");
        }
        return sym;
    }

    static int estimateRows(Path file, int bytesPerRow) {
        try {
            long size = Files.size(file);
            boolean compressed = file.getFileName().toString().endsWith(".zip") || file.getFileName().toString().endsWith(".gz");
            return (int) Math.min(50_000_000L, Math.max(1024, size * (compressed ? 6 : 1) / bytesPerRow));
        } catch (java.io.IOException e) {
            return 1024;
        }
    }
}
