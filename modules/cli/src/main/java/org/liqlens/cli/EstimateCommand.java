package org.liqlens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.liqlens.charts.ChartFiles;
import org.liqlens.charts.HeatmapChartFactory;
import org.liqlens.charts.MapChartFactory;
import org.liqlens.charts.WindowLabels;
import org.liqlens.engine.Coverage;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.UtcTime;
import org.liqlens.engine.Zone;
import org.liqlens.engine.Zones;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimate;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;

/**
 * {@code map} and {@code heatmap}: load a window from a source, run a model, print the result. The JSON
 * carries full-precision doubles, the same numbers the desktop pane shows for the same spec: both go through
 * {@link WindowEstimator}. For {@code --source all} the result is the sum over Binance, Bybit and OKX, and the
 * JSON adds each exchange's part under {@code exchanges}.
 */
final class EstimateCommand {
    enum Kind { MAP, HEATMAP }

    private static final Set<String> MAP_OPTIONS = Set.of("source", "symbol", "model", "window", "at", "mmr", "buckets",
            "range", "format", "png", "width", "height", "param", "base-url", "ws-url", "cache-dir", "zone-threshold", "interval",
            "timeout");
    private static final Set<String> HEATMAP_OPTIONS;
    static {
        java.util.HashSet<String> s = new java.util.HashSet<>(MAP_OPTIONS);
        s.add("columns");
        HEATMAP_OPTIONS = Set.copyOf(s);
    }
    private EstimateCommand() { }

    /**
     * @param err where warnings go: a window the data does not wholly cover is said there, besides the
     *            {@code coverage} object in the JSON
     */
    static int run(Kind kind, String[] args, PrintStream out, PrintStream err) throws IOException {
        String command = kind == Kind.MAP ? "map" : "heatmap";
        CliArguments a = CliArguments.parse(command, args, 1, Set.of());
        a.allowOnly(kind == Kind.MAP ? MAP_OPTIONS : HEATMAP_OPTIONS);

        Probe.mark("args");
        SourceOptions source = SourceOptions.parse(a);
        SourceSpec spec = source.spec;
        String symbol = source.symbol;
        long window = CliArguments.parseWindow(a.requiredString("window"));
        Long at = a.instant("at");
        String format = a.string("format", "json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) throw new UsageException("--format must be json or csv, not " + format);
        int buckets = a.intValue("buckets", EstimateRequest.DEFAULT_BUCKETS, 2, 20_000);
        int columns = kind == Kind.HEATMAP ? a.intValue("columns", EstimateRequest.DEFAULT_COLUMNS, 1, 20_000) : 0;
        int width = a.intValue("width", kind == Kind.HEATMAP ? 1600 : 1000, 200, 10_000);
        int height = a.intValue("height", kind == Kind.HEATMAP ? 900 : 1000, 150, 10_000);
        Double mmr = a.optionalDouble("mmr");
        if (mmr != null && !(mmr >= 0 && mmr < 1)) throw new UsageException("--mmr must be a fraction in [0, 1), e.g. 0.004, not " + mmr);
        Map<String, Double> params = parseParams(a.string("param", null));
        Double zoneThreshold = a.optionalDouble("zone-threshold");
        if (zoneThreshold != null) {
            try {
                Zones.checkThreshold(zoneThreshold);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--zone-threshold: " + e.getMessage());
            }
        }
        Path png = a.has("png") ? a.writablePath("png", "PNG") : null;
        PriceRange range = a.has("range") ? parseRange(a.string("range", null)) : null;
        // The picture is drawn on the second core (PngDrawing): first a small one, begun at the top of main, while
        // this thread loads the data and estimates, then the real one, while this thread writes the JSON or CSV.
        ExecutorService drawing = png == null ? null : PngDrawing.take(kind == Kind.MAP);
        try {
            return estimateAndPrint(kind, a, source, window, at, format, buckets, columns, width, height, mmr, params,
                    zoneThreshold, png, range, drawing, out, err);
        } finally {
            if (drawing != null) drawing.shutdownNow();
        }
    }

    private static int estimateAndPrint(Kind kind, CliArguments a, SourceOptions source, long window, Long at, String format,
                                        int buckets, int columns, int width, int height, Double mmr, Map<String, Double> params,
                                        Double zoneThreshold, Path png, PriceRange range, ExecutorService drawing,
                                        PrintStream out, PrintStream err) {
        String command = kind == Kind.MAP ? "map" : "heatmap";
        SourceSpec spec = source.spec;
        String symbol = source.symbol;

        Probe.mark("options");
        LiquidationEngine engine = LiquidationEngine.standard();
        LiquidationModel model;
        try {
            model = engine.model(a.requiredString("model"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
        long interval = candleInterval(a);
        WindowSpec.Builder windowSpec = WindowSpec.builder(spec, symbol, model.id(), window)
                .params(params).mmrOverride(mmr).asOf(at).buckets(buckets).columns(columns).candleInterval(interval).range(range);
        if (zoneThreshold != null) windowSpec.zoneThreshold(zoneThreshold);
        WindowSpec toEstimate = windowSpec.build();

        // The desktop's estimator applies its own settings to each source; here the options do. Sharing loads: without
        // --at the window ends where the data does, which takes reading the data once to find; the window is then a
        // slice of that read instead of a second one (the same candles: a source returns every candle of a range).
        Probe.mark("engine");
        WindowEstimator estimator = source.estimatorSharingLoads(engine);
        // Before the window is loaded: a bad parameter should not cost a download first. The engine checks
        // the same again when it estimates.
        try {
            estimator.checkParameters(toEstimate);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        WindowEstimate estimate;
        try {
            estimate = estimator.estimate(toEstimate, CancelToken.NONE);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
        Probe.mark("estimate");
        EstimateResult result = estimate.result();

        if (estimate.isCombined()) {
            for (WindowEstimate.Part part : estimate.parts()) {
                if (!part.coverage().isComplete()) {
                    err.println("liqlens-cli: warning: " + part.displayName() + ": " + part.coverage().describe() + "; the "
                            + WindowLabels.format(window) + " " + command + " of " + spec + " shows only that");
                }
            }
        } else if (!result.coverage().isComplete()) {
            err.println("liqlens-cli: warning: " + result.coverage().describe() + "; the "
                    + WindowLabels.format(window) + " " + command + " shows only that");
        }
        if (png == null) {
            PrintedLines lines = new PrintedLines(out);
            print(kind, format, estimate, lines, true);
            lines.flush();
        } else {
            boolean simulated = spec.id().equals("sim");
            // Drawn by whichever thread is free first: the drawing thread once its warm-up is done, or this one once
            // the text is formatted (a FutureTask runs once; the other thread's run() returns at once and it waits).
            // On a cold run the warm-up often ends tens of milliseconds after the text, with this core idle.
            FutureTask<Void> picture = new FutureTask<>(() -> {
                JFreeChart chart = kind == Kind.HEATMAP
                        ? HeatmapChartFactory.create(result, estimate.sourceName(), simulated)
                        : MapChartFactory.create(result, estimate.sourceName(), simulated);
                Probe.mark("png: chart made");
                ChartFiles.writePng(chart, png, width, height);
                Probe.mark("png: drawn, encoded, written");
                return null;
            });
            drawing.execute(picture);
            // Printed only once the picture is written: a --png that fails leaves nothing on stdout.
            StringBuilder text = new StringBuilder(1 << 16);
            String newLine = System.lineSeparator();
            print(kind, format, estimate, line -> text.append(line).append(newLine), false);
            Probe.mark("formatted");
            picture.run();
            awaitPicture(picture);
            Probe.mark("png");
            printUtf8(out, text);
        }
        Probe.mark("printed");
        return LiqLensCli.OK;
    }

    /**
     * {@code binance=URL,okx=URL}: a URL per exchange of {@code all}, for recorded-response servers and testnets. In
     * a holder: compiling it with the class would start the regex engine on every map, milliseconds of a cold run.
     */
    private static final class ExchangeUrl {
        static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z]+)\\s*=\\s*(\\S+?)\\s*");
    }

    /**
     * The per-exchange URLs of {@code --base-url} or {@code --ws-url} for {@code all}: {@code EXCHANGE=URL}
     * pairs separated by commas, each exchange one of the source's and named once. A comma only separates
     * pairs where the next exchange's name and {@code =} follow, so a URL may hold commas of its own.
     */
    static Map<String, String> exchangeUrls(String option, String text, SourceSpec spec) {
        List<String> exchanges = spec.members().stream().map(SourceSpec::id).toList();
        Map<String, String> urls = new LinkedHashMap<>();
        for (String pair : text.split(",(?=\\s*[A-Za-z]+\\s*=)")) {
            Matcher m = ExchangeUrl.PAIR.matcher(pair);
            if (!m.matches()) {
                throw new UsageException("--" + option + " for --source " + spec + " takes EXCHANGE=URL[,EXCHANGE=URL] with EXCHANGE one of "
                        + String.join(", ", exchanges) + ", not '" + pair.trim() + "'");
            }
            String exchange = m.group(1).toLowerCase(Locale.ROOT);
            if (!exchanges.contains(exchange)) {
                throw new UsageException("--" + option + ": " + exchange + " is not one of the exchanges of " + spec + " ("
                        + String.join(", ", exchanges) + ")");
            }
            if (urls.put(exchange, m.group(2)) != null) throw new UsageException("--" + option + ": " + exchange + " is given twice");
        }
        return urls;
    }

    /** {@code --interval}, 1m by default. */
    static long candleInterval(CliArguments a) {
        try {
            return Intervals.parse(a.string("interval", "1m"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--interval must be a candle interval such as 1m, 5m or 1h, not '" + a.string("interval", "") + "'");
        }
    }

    static Map<String, Double> parseParams(String text) {
        Map<String, Double> params = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return params;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new UsageException("--param takes KEY=VALUE[,KEY=VALUE], not '" + pair + "'");
            try {
                params.put(pair.substring(0, eq).trim(), Double.parseDouble(pair.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--param " + pair.substring(0, eq).trim() + " must be a number, not '" + pair.substring(eq + 1) + "'");
            }
        }
        return params;
    }

    static PriceRange parseRange(String text) {
        int colon = text.indexOf(':');
        try {
            if (colon > 0) {
                double lo = Double.parseDouble(text.substring(0, colon).trim());
                double hi = Double.parseDouble(text.substring(colon + 1).trim());
                return new PriceRange(lo, hi);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--range must be LOW:HIGH with LOW < HIGH, both positive, not '" + text + "'");
        }
        throw new UsageException("--range must be LOW:HIGH, e.g. 90000:110000, not '" + text + "'");
    }

    private static Map<String, Object> header(WindowEstimate estimate) {
        EstimateResult r = estimate.result();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", r.symbol());
        json.put("model", r.modelId());
        json.put("window", WindowLabels.format(r.windowMs()));
        json.put("windowMs", r.windowMs());
        json.put("asOf", UtcTime.iso(r.asOf()));
        json.put("asOfMs", r.asOf());
        json.put("price", r.price());
        json.put("source", estimate.sourceName());
        // NaN only for a sum whose exchanges used different MMRs; each says its own under "exchanges"
        json.put("mmr", Double.isNaN(r.mmr()) ? null : r.mmr());
        json.put("parameters", r.parameters());
        json.put("levels", r.levelCount());
        json.put("coverage", coverageJson(r.coverage()));
        if (estimate.isCombined()) json.put("exchanges", exchangesJson(estimate));
        return json;
    }

    /**
     * For {@code all}: each exchange's part of the sum, in the order of its parts (the first gives the price):
     * its totals and share of the sum's, the rule and MMR that priced it, its own price and coverage.
     */
    static List<Map<String, Object>> exchangesJson(WindowEstimate estimate) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WindowEstimate.Part p : estimate.parts()) {
            Map<String, Object> ej = new LinkedHashMap<>();
            ej.put("exchange", p.exchangeId());
            ej.put("source", p.displayName());
            ej.put("liquidationRule", p.liquidationRule().exchangeId());
            ej.put("mmr", p.result().mmr());
            ej.put("price", p.result().price());
            ej.put("levels", p.result().levelCount());
            ej.put("totals", sides(p.totalLong(), p.totalShort()));
            ej.put("share", p.share());
            ej.put("shares", sides(p.longShare(), p.shortShare()));
            ej.put("coverage", coverageJson(p.coverage()));
            out.add(ej);
        }
        return out;
    }

    /** {"long": .., "short": ..} in that order. */
    private static Map<String, Object> sides(double longValue, double shortValue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("long", longValue);
        json.put("short", shortValue);
        return json;
    }

    /** {"low": .., "high": ..} in that order. */
    private static Map<String, Object> range(double low, double high) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("low", low);
        json.put("high", high);
        return json;
    }

    /** The window's coverage: first and last candle used, missing minutes, the share, and the first gaps. */
    static Map<String, Object> coverageJson(Coverage c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fraction", c.fraction());
        json.put("complete", c.isComplete());
        json.put("first", c.firstMs() == Long.MIN_VALUE ? null : UtcTime.iso(c.firstMs()));
        json.put("last", c.lastMs() == Long.MIN_VALUE ? null : UtcTime.iso(c.lastMs()));
        json.put("expected", c.expected());
        json.put("present", c.present());
        json.put("missingMinutes", c.missingMinutes());
        json.put("gapCount", c.gapCount());
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (Coverage.Gap g : c.gaps()) {
            Map<String, Object> gj = new LinkedHashMap<>();
            gj.put("from", UtcTime.iso(g.fromMs()));
            gj.put("to", UtcTime.iso(g.toMs()));
            gj.put("minutes", g.minutes());
            gaps.add(gj);
        }
        json.put("gaps", gaps);
        return json;
    }

    static Map<String, Object> mapJson(WindowEstimate estimate) {
        EstimateResult r = estimate.result();
        LiquidationMap m = r.map();
        Map<String, Object> json = header(estimate);
        json.put("range", range(m.priceLow(), m.priceHigh()));
        json.put("leverages", r.leverages());
        List<Map<String, Object>> buckets = new ArrayList<>(m.buckets());
        for (int b = 0; b < m.buckets(); b++) {
            Map<String, Object> bj = new LinkedHashMap<>();
            bj.put("low", m.bucketLow(b));
            bj.put("high", m.bucketHigh(b));
            bj.put("long", m.longNotional(b));
            bj.put("short", m.shortNotional(b));
            buckets.add(bj);
        }
        json.put("buckets", buckets);
        json.put("totals", sides(m.totalLong(), m.totalShort()));
        json.put("zones", zonesJson(r.zones()));
        return json;
    }

    static List<Map<String, Object>> zonesJson(List<Zone> zones) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Zone z : zones) {
            Map<String, Object> zj = new LinkedHashMap<>();
            zj.put("side", z.side().name().toLowerCase(Locale.ROOT));
            zj.put("low", z.low());
            zj.put("high", z.high());
            zj.put("peak", z.peakPrice());
            zj.put("intensity", z.intensity());
            zj.put("distancePct", z.distancePct());
            zj.put("cumulativeBefore", z.cumulativeBefore());
            out.add(zj);
        }
        return out;
    }

    /**
     * The heatmap as JSON. Its cells are the grid's {@code float}s (HeatmapGrid), written as floats: the shortest
     * decimal that reads back as the same float ({@code 457545.44}), not the widened double's spurious digits
     * ({@code 457545.4375}); {@code max} is the largest of them, written the same way. Totals and zones are the
     * map's doubles, written in full as before.
     */
    static Map<String, Object> heatmapJson(WindowEstimate estimate) {
        EstimateResult r = estimate.result();
        HeatmapGrid g = r.heatmap();
        Map<String, Object> json = header(estimate);
        json.put("range", range(g.priceLow(), g.priceHigh()));
        long[] starts = new long[g.columns()];
        for (int c = 0; c < starts.length; c++) starts[c] = g.columnStart(c);
        json.put("columnStartsMs", starts);
        json.put("columnEndMs", g.end());
        double[] lows = new double[g.buckets()];
        for (int b = 0; b < lows.length; b++) lows[b] = g.bucketLow(b);
        json.put("bucketLows", lows);
        json.put("bucketHigh", g.priceHigh());
        float[][] values = new float[g.columns()][];
        for (int c = 0; c < values.length; c++) values[c] = g.row(c);    // written, not kept: no copy
        json.put("values", values);
        json.put("max", (float) g.max());
        json.put("totals", sides(r.map().totalLong(), r.map().totalShort()));
        json.put("zones", zonesJson(r.zones()));
        return json;
    }

    /** Where the output goes, a line at a time (each followed by the platform's line separator, as println does). */
    private interface Lines {
        void line(Object line);
    }

    /**
     * Lines printed 64 KB at a time, the rest on {@link #flush}: stdout writes through at once, and a heatmap's CSV,
     * 192,000 lines for 30 days, printed a line at a time took as many system calls. A class, not a lambda: the
     * first lambda bootstrap costs a cold start milliseconds.
     */
    private static final class PrintedLines implements Lines {
        private static final int CHUNK = 1 << 16;
        private static final String EOL = System.lineSeparator();
        private final PrintStream out;
        private final StringBuilder chunk = new StringBuilder(CHUNK + 256);

        PrintedLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void line(Object line) {
            if (line instanceof CharSequence text) {
                if (text.length() >= CHUNK) {
                    // the JSON, one long line: printed as it is, not copied into the chunk first
                    flush();
                    printUtf8(out, text);
                    printUtf8(out, EOL);
                    return;
                }
                chunk.append(text);
            } else {
                chunk.append(line);
            }
            chunk.append(EOL);
            if (chunk.length() >= CHUNK) flush();
        }

        void flush() {
            if (chunk.length() == 0) return;
            printUtf8(out, chunk);
            chunk.setLength(0);
        }
    }

    /**
     * Text to {@code out}, a UTF-8 stream (the command line's output is UTF-8: {@link LiqLensCli#run}), as its bytes:
     * {@code PrintStream.print} widens each character, buffers it and encodes it again, three passes of code that
     * a cold run interprets (2 ms of a {@code map}'s 49 KB), where {@code String.getBytes} copies an ASCII string's
     * bytes.
     */
    static void printUtf8(PrintStream out, CharSequence text) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    /** @param secondCoreFree no picture is being drawn: a heatmap's cells may be written on two threads */
    private static void print(Kind kind, String format, WindowEstimate estimate, Lines out, boolean secondCoreFree) {
        EstimateResult result = estimate.result();
        if (format.equals("csv")) {
            if (kind == Kind.MAP) printMapCsv(result.map(), out); else printHeatmapCsv(result.heatmap(), out);
        } else {
            out.line(Json.write(kind == Kind.MAP ? mapJson(estimate) : heatmapJson(estimate), secondCoreFree));
        }
    }

    /** Waits for the picture; a file that cannot be written is a bad {@code --png}, the user's path to fix. */
    private static void awaitPicture(Future<?> picture) {
        try {
            picture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while drawing the picture");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw new UsageException("--png: " + io.getMessage());
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        }
    }

    private static void printMapCsv(LiquidationMap m, Lines out) {
        out.line("low,high,long,short,cumulative_long,cumulative_short");
        for (int b = 0; b < m.buckets(); b++) {
            out.line(m.bucketLow(b) + "," + m.bucketHigh(b) + "," + m.longNotional(b) + "," + m.shortNotional(b)
                    + "," + m.cumulativeLong(b) + "," + m.cumulativeShort(b));
        }
    }

    /** The heatmap as CSV, a cell a line; the notional is the grid's float, written as one (see heatmapJson). */
    private static void printHeatmapCsv(HeatmapGrid g, Lines out) {
        StringBuilder line = new StringBuilder(96);
        // each bucket's ",low,high," is the same in every column: formatted once, not once a line
        String[] bounds = new String[g.buckets()];
        for (int b = 0; b < bounds.length; b++) bounds[b] = "," + g.bucketLow(b) + "," + g.bucketHigh(b) + ",";
        // and a cell's text is its left neighbour's when the value is (Json.RepeatedFloats)
        Json.RepeatedFloats notional = new Json.RepeatedFloats();
        out.line("column_start,bucket_low,bucket_high,notional");
        for (int c = 0; c < g.columns(); c++) {
            String start = UtcTime.iso(g.columnStart(c));
            float[] cells = g.row(c);
            for (int b = 0; b < bounds.length; b++) {
                float cell = cells[b];
                line.setLength(0);
                line.append(start).append(bounds[b]);
                // as StringBuilder.append(float) writes it: NaN and infinities unquoted in CSV
                if (Float.isNaN(cell) || Float.isInfinite(cell)) line.append(cell); else line.append(notional.text(b, cell));
                out.line(line);
            }
        }
    }
}
