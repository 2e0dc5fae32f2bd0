package org.liqlens.sources.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.collect.CandleResampler;
import org.liqlens.sources.file.ArchiveCatalog.Entry;
import org.liqlens.sources.file.ArchiveCatalog.Kind;

/**
 * Market data from files ({@code file:PATH}, a file or a folder searched recursively): candles from kline
 * archives or the price + open-interest file, open interest from {@code metrics} archives or that file,
 * trades from aggTrades/trades archives or WebSocket captures. Candles of a coarser interval than the files
 * hold are built by resampling. The files are read on every call; nothing is cached.
 */
public final class FileSource implements MarketDataSource {
    private final Path path;

    /** The registered instance; it needs a path from {@link #configure(SourceSpec)} before use. */
    public FileSource() {
        this(null);
    }

    public FileSource(Path path) {
        this.path = path;
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public String displayName() {
        return path == null ? "Market data files" : "Market data files in " + path;
    }

    @Override
    public MarketDataSource configure(SourceSpec spec) {
        return new FileSource(spec.path());
    }

    @Override
    public Set<DataKind> historicalData() {
        return EnumSet.of(DataKind.CANDLES, DataKind.OPEN_INTEREST, DataKind.TRADES);
    }

    @Override
    public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        List<Entry> files = filesFor(sym, EnumSet.of(Kind.KLINES, Kind.OI_PRICE));
        // Use the coarsest file interval that still divides the requested one: least resampling work.
        // Loops, not streams with lambdas, on this path: the first lambda bootstrap costs a cold command line ms.
        long fileInterval = 0;
        boolean usable = false;
        for (Entry e : files) {
            long i = e.intervalMs();
            if (i <= intervalMs && intervalMs % i == 0 && (!usable || i > fileInterval)) {
                fileInterval = i;
                usable = true;
            }
        }
        if (!usable) {
            throw new SourceException("the files for " + sym + " in " + path + " hold "
                    + files.stream().map(e -> Intervals.format(e.intervalMs())).distinct().toList()
                    + " candles, from which " + Intervals.format(intervalMs) + " candles cannot be made");
        }
        List<CandleSeries> parts = new ArrayList<>();
        for (Entry e : files) {
            if (e.intervalMs() != fileInterval) continue;
            cancel.throwIfCancelled();
            // A plain klines CSV gives the range's rows alone; anything else (and a plain file with a bad row in the
            // range, whose message then names its line) is read whole and sliced below.
            CandleSeries part = e.kind() == Kind.KLINES ? KlineWindow.read(e.path(), sym, fileInterval, fromMs, toMs) : null;
            if (part == null) {
                part = e.kind() == Kind.KLINES ? BinanceVisionImporter.klines(e.path(), sym)
                        : OiPriceFileImporter.read(e.path(), sym).candles();
            }
            if (!part.isEmpty()) parts.add(part);
        }
        if (parts.isEmpty()) return CandleSeries.builder(sym, intervalMs, 0).build();
        CandleSeries merged = mergeCandles(sym, fileInterval, parts);
        CandleSeries ranged = merged.slice(merged.firstIndexOpenAtOrAfter(fromMs), merged.firstIndexOpenAtOrAfter(toMs));
        CandleSeries out = CandleResampler.resample(ranged, intervalMs);
        return out.slice(out.firstIndexOpenAtOrAfter(fromMs), out.firstIndexOpenAtOrAfter(toMs));
    }

    /**
     * From each klines file's last row, when every candle file for the symbol is a plain klines CSV of
     * {@code intervalMs}; otherwise empty, and the caller reads the candles.
     */
    @Override
    public java.util.OptionalLong candlesEnd(String symbol, long intervalMs, CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        long end = Long.MIN_VALUE;
        for (Entry e : filesFor(sym, EnumSet.of(Kind.KLINES, Kind.OI_PRICE))) {
            if (e.kind() != Kind.KLINES || e.intervalMs() != intervalMs) return java.util.OptionalLong.empty();
            cancel.throwIfCancelled();
            long fileEnd = KlineWindow.end(e.path(), sym, intervalMs);
            if (fileEnd == KlineWindow.UNKNOWN) return java.util.OptionalLong.empty();
            end = Math.max(end, fileEnd);
        }
        return java.util.OptionalLong.of(end);
    }

    @Override
    public OpenInterestSeries openInterest(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        List<Entry> files = filesFor(sym, EnumSet.of(Kind.METRICS, Kind.OI_PRICE));
        if (intervalMs % (5 * Intervals.MINUTE) != 0) {
            throw new IllegalArgumentException("the files hold 5m open interest; " + Intervals.format(intervalMs)
                    + " is not a multiple of 5m");
        }
        List<OpenInterestSeries> parts = new ArrayList<>();
        for (Entry e : files) {
            cancel.throwIfCancelled();
            parts.add(e.kind() == Kind.METRICS ? BinanceVisionImporter.metrics(e.path(), sym)
                    : OiPriceFileImporter.read(e.path(), sym).openInterest());
        }
        parts.sort(Comparator.comparingLong(s -> s.size() == 0 ? Long.MAX_VALUE : s.time(0)));
        long[] t = new long[parts.stream().mapToInt(OpenInterestSeries::size).sum()];
        double[] oi = new double[t.length];
        double[] val = new double[t.length];
        int n = 0;
        for (OpenInterestSeries s : parts) {
            for (int i = 0; i < s.size(); i++) {
                long time = s.time(i);
                // A coarser interval keeps the sample at each interval boundary.
                if (time < fromMs || time >= toMs || time % intervalMs != 0) continue;
                if (n > 0 && time <= t[n - 1]) {
                    if (time == t[n - 1] && s.openInterestValue(i) == val[n - 1]) continue;
                    throw new SourceException("open-interest files for " + sym + " in " + path
                            + " overlap with different values at " + time);
                }
                t[n] = time;
                oi[n] = s.openInterest(i);
                val[n] = s.openInterestValue(i);
                n++;
            }
        }
        return new OpenInterestSeries(sym, intervalMs, java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(oi, n),
                java.util.Arrays.copyOf(val, n));
    }

    /** Funding rates of the {@code fundingRate} archives under the path, settled in {@code [fromMs, toMs)}. */
    @Override
    public org.liqlens.engine.market.FundingRateSeries fundingRates(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        org.liqlens.sources.collect.TimedValues all = new org.liqlens.sources.collect.TimedValues();
        for (Entry e : filesFor(sym, EnumSet.of(Kind.FUNDING_RATE))) {
            cancel.throwIfCancelled();
            var f = BinanceVisionImporter.fundingRate(e.path(), sym);
            for (int i = 0; i < f.size(); i++) if (f.time(i) >= fromMs && f.time(i) < toMs) all.add(f.time(i), f.rate(i));
        }
        try {
            var sorted = all.sorted("funding rates for " + sym + " in " + path);
            return new org.liqlens.engine.market.FundingRateSeries(sym, sorted.times(), sorted.values());
        } catch (IllegalStateException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    /** The top-trader long/short position ratio of the {@code metrics} archives under the path, in {@code [fromMs, toMs)}. */
    @Override
    public org.liqlens.engine.market.LongShortRatioSeries topTraderRatio(String symbol, long intervalMs, long fromMs, long toMs,
                                                                        CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        org.liqlens.sources.collect.TimedValues all = new org.liqlens.sources.collect.TimedValues();
        for (Entry e : filesFor(sym, EnumSet.of(Kind.METRICS))) {
            cancel.throwIfCancelled();
            var r = BinanceVisionImporter.topTraderRatio(e.path(), sym);
            for (int i = 0; i < r.size(); i++) {
                long t = r.time(i);
                if (t >= fromMs && t < toMs && t % intervalMs == 0) all.add(t, r.ratio(i));
            }
        }
        try {
            var sorted = all.sorted("top-trader ratios for " + sym + " in " + path);
            return new org.liqlens.engine.market.LongShortRatioSeries(sym, intervalMs, sorted.times(), sorted.values());
        } catch (IllegalStateException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    /**
     * Trades from one kind of file, in this preference: aggTrades archives, trades archives, WebSocket
     * captures (mixing kinds would count the same trades twice).
     */
    @Override
    public TradeSeries trades(String symbol, long fromMs, long toMs, CancelToken cancel) {
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        List<Entry> all = filesFor(sym, EnumSet.of(Kind.AGG_TRADES, Kind.TRADES, Kind.WS_CAPTURE));
        Kind kind = all.stream().map(Entry::kind).min(Comparator.naturalOrder()).orElseThrow();
        List<TradeSeries> parts = new ArrayList<>();
        for (Entry e : all) {
            if (e.kind() != kind) continue;
            cancel.throwIfCancelled();
            parts.add(switch (kind) {
                case AGG_TRADES -> BinanceVisionImporter.aggTrades(e.path(), sym);
                case TRADES -> BinanceVisionImporter.trades(e.path(), sym);
                default -> WsCaptureImporter.trades(e.path(), sym);
            });
        }
        parts.sort(Comparator.comparingLong(s -> s.size() == 0 ? Long.MAX_VALUE : s.time(0)));
        TradeSeries.Builder b = TradeSeries.builder(sym, parts.stream().mapToInt(TradeSeries::size).sum());
        for (TradeSeries s : parts) {
            for (int i = s.firstIndexAtOrAfter(fromMs); i < s.size() && s.time(i) < toMs; i++) {
                try {
                    b.add(s.time(i), s.price(i), s.quantity(i), s.buyerIsMaker(i));
                } catch (IllegalArgumentException overlap) {
                    throw new SourceException("trade files for " + sym + " in " + path + " overlap in time: " + overlap.getMessage());
                }
            }
        }
        return b.build();
    }

    /**
     * The symbols whose candles (klines or OI-price files) this file or folder holds, sorted: what the desktop
     * offers when a file is opened.
     *
     * @throws SourceException naming the path when it is missing or not a recognised market data file
     */
    public java.util.SortedSet<String> candleSymbols() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Entry e : ArchiveCatalog.scan(path)) {
            if (e.kind() == Kind.KLINES || e.kind() == Kind.OI_PRICE) out.add(e.symbol().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private List<Entry> filesFor(String sym, Set<Kind> kinds) {
        if (path == null) {
            throw new IllegalStateException("the file source has no path; use SourceSpec.parse(\"file:PATH\")");
        }
        List<Entry> files = new ArrayList<>();
        for (Entry e : ArchiveCatalog.scan(path)) {
            if (kinds.contains(e.kind()) && e.isFor(sym)) files.add(e);
        }
        if (files.isEmpty()) {
            throw new SourceException("no " + kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList()
                    + " files for " + sym + " in " + path);
        }
        return files;
    }

    private CandleSeries mergeCandles(String sym, long interval, List<CandleSeries> parts) {
        // One file: its series is already what the merge would build (its builder checked the same rows); a cold
        // command line run would spend a fifth of its time copying it.
        if (parts.size() == 1 && parts.get(0).intervalMs() == interval && parts.get(0).symbol().equals(sym)) return parts.get(0);
        parts.sort(Comparator.comparingLong(CandleSeries::firstOpenTime));
        CandleSeries.Builder b = CandleSeries.builder(sym, interval, parts.stream().mapToInt(CandleSeries::size).sum());
        for (CandleSeries s : parts) {
            for (int i = 0; i < s.size(); i++) {
                long t = s.openTime(i);
                if (t <= b.lastOpenTime()) {
                    throw new SourceException("candle files for " + sym + " in " + path + " overlap at open time " + t);
                }
                b.add(t, s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), s.quoteVolume(i), s.takerBuyQuoteVolume(i));
            }
        }
        return b.build();
    }
}
