package org.liqlens.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.liqlens.charts.WindowLabels;
import org.liqlens.confluence.BundleRequest;
import org.liqlens.confluence.BundleScorecard;
import org.liqlens.confluence.BundleSource;
import org.liqlens.confluence.BundleWriter;
import org.liqlens.confluence.ChartImages;
import org.liqlens.confluence.Confluence;
import org.liqlens.confluence.ConfluenceReport;
import org.liqlens.confluence.ConfluenceSettings;
import org.liqlens.confluence.JsonText;
import org.liqlens.confluence.PanePictures;
import org.liqlens.confluence.NearNotional;
import org.liqlens.confluence.PaneEstimate;
import org.liqlens.confluence.PaneZone;
import org.liqlens.confluence.PromptTemplate;
import org.liqlens.confluence.SweptZone;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.load.WindowEstimate;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;

/**
 * {@code zones} and {@code bundle}: several panes (model × window) of one source and symbol at one as-of time,
 * their zones and confluence ({@link Confluence}); {@code bundle} also writes the zip ({@link BundleWriter}).
 * Every argument is checked before any data is loaded: an unknown model in {@code --panes}, a bad template or
 * an {@code --out} that cannot be written is exit 2 with one line, and no file.
 */
final class ConfluenceCommand {
    enum Kind { ZONES, BUNDLE }

    private static final Set<String> ZONES_OPTIONS = with(SourceOptions.NAMES, "at", "panes", "tolerance", "format");
    private static final Set<String> BUNDLE_OPTIONS = with(SourceOptions.NAMES, "at", "panes", "tolerance", "size", "template", "out", "no-scorecard");

    /** One pane of {@code --panes}: a model and a window. */
    record PaneSpec(String text, String modelId, long windowMs) { }

    private ConfluenceCommand() { }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }

    static int run(Kind kind, String[] args, PrintStream out, PrintStream err) throws IOException {
        String command = kind == Kind.ZONES ? "zones" : "bundle";
        CliArguments a = CliArguments.parse(command, args, 1, kind == Kind.BUNDLE ? Set.of("no-scorecard") : Set.of());
        a.allowOnly(kind == Kind.ZONES ? ZONES_OPTIONS : BUNDLE_OPTIONS);

        SourceOptions source = SourceOptions.parse(a);
        Long at = a.instantOrNow("at");
        LiquidationEngine engine = LiquidationEngine.standard();
        List<PaneSpec> panes = parsePanes(a.requiredString("panes"), engine);
        ConfluenceSettings settings = ConfluenceSettings.DEFAULT;
        Double tolerance = a.optionalDouble("tolerance");
        if (tolerance != null) {
            try {
                settings = settings.withTolerance(tolerance);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--tolerance: " + e.getMessage());
            }
        }
        String format = a.string("format", "json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) throw new UsageException("--format must be json or csv, not " + format);
        int[] size = kind == Kind.BUNDLE ? parseSize(a.string("size", BundleRequest.DEFAULT_WIDTH + "x" + BundleRequest.DEFAULT_HEIGHT)) : null;
        PromptTemplate template = kind == Kind.BUNDLE && a.has("template") ? template(a.string("template", null)) : null;
        Path target = kind == Kind.BUNDLE ? a.writablePath("out", "bundle") : null;

        // The pictures are most of a bundle's time: each pane is drawn on the second core as soon as it is
        // estimated, while this thread estimates the next. Fonts and Java2D, which the first picture would wait
        // for, start there while this thread loads the data.
        ExecutorService drawing = kind == Kind.BUNDLE ? Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "liqlens-bundle-draw");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            if (drawing != null) drawing.submit(ChartImages::warmUp);
            return estimateAndWrite(kind, source, at, engine, panes, settings, format, size, template, target, !a.flag("no-scorecard"), drawing, out, err);
        } finally {
            if (drawing != null) drawing.shutdownNow();
        }
    }

    private static int estimateAndWrite(Kind kind, SourceOptions source, Long at, LiquidationEngine engine,
                                        List<PaneSpec> panes, ConfluenceSettings settings, String format, int[] size,
                                        PromptTemplate template, Path target, boolean scorecard, ExecutorService drawing, PrintStream out,
                                        PrintStream err) throws IOException {
        WindowEstimator estimator = source.estimatorSharingLoads(engine);
        List<WindowSpec> specs = new ArrayList<>();
        for (PaneSpec p : panes) {
            WindowSpec spec = WindowSpec.builder(source.spec, source.symbol, p.modelId(), p.windowMs()).asOf(at)
                    .buckets(EstimateRequest.DEFAULT_BUCKETS).columns(EstimateRequest.DEFAULT_COLUMNS).build();
            try {
                estimator.checkParameters(spec);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--panes " + p.text() + ": " + e.getMessage());
            }
            specs.add(spec);
        }

        // Widest window first: the narrower ones then slice its candles. "now" is fixed by that first estimate,
        // so that every pane is of the same minute.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < panes.size(); i++) order.add(i);
        order.sort(java.util.Comparator.comparingLong((Integer i) -> panes.get(i).windowMs()).reversed());
        PaneEstimate[] estimates = new PaneEstimate[panes.size()];
        List<Future<PanePictures>> pictures = new ArrayList<>();
        String sourceName = null;
        Long asOf = at;
        for (int i : order) {
            WindowSpec spec = asOf == null ? specs.get(i) : rebuildAt(specs.get(i), asOf);
            WindowEstimate e;
            try {
                e = estimator.estimate(spec, CancelToken.NONE);
            } catch (IllegalArgumentException | SourceException ex) {
                // A SourceException of all already names its exchanges; the pane is what this command adds.
                throw new DataException("pane " + panes.get(i).text() + ": " + ex.getMessage(), ex);
            }
            if (!e.result().coverage().isComplete()) {
                err.println("liqlens-cli: warning: pane " + panes.get(i).text() + ": " + e.result().coverage().describe());
            }
            asOf = e.result().asOf();
            sourceName = e.sourceName();
            PaneEstimate pane = PaneEstimate.of(e, source.isSimulated());
            estimates[i] = pane;
            if (drawing != null) pictures.add(drawing.submit(() -> PanePictures.draw(pane, size[0], size[1])));
        }

        if (kind == Kind.ZONES) {
            ConfluenceReport report = Confluence.analyse(List.of(estimates), settings);
            if (format.equals("csv")) {
                out.print(report.zonesTable().toCsv());
                out.println();
                out.print(report.confluenceTable().toCsv());
            } else {
                Json.print(zonesJson(report), out);
            }
            return LiqLensCli.OK;
        }

        BundleRequest.Builder request = BundleRequest.builder(List.of(estimates), BundleSource.of(source.spec, sourceName, at == null
                && !source.spec.id().equals("file") && !source.isSimulated())).size(size[0], size[1]).settings(settings);
        if (template != null) request.template(template);
        // The panes' record on the 30 days before the as-of time, while the second core draws the pictures.
        if (scorecard) {
            long t = estimates[0].result().asOf();
            request.scorecard(source.spec.isCombined()
                    ? BundleScorecard.notMeasured(source.symbol, t, List.of(estimates), "the scorecard runs on one exchange's data, not on " + source.spec)
                    : BundleScorecard.measure(engine, estimator.resolve(source.spec), source.symbol, t, List.of(estimates), CancelToken.NONE));
        }
        int drawn = 0;
        for (int i : order) request.pictures(estimates[i].result(), pictures.get(drawn++));
        BundleWriter.Written written;
        try {
            written = BundleWriter.write(target, request.build());
        } catch (IOException e) {
            throw new UsageException("--out: " + e.getMessage());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bundle", target.toAbsolutePath().toString());
        json.put("symbol", written.report().symbol());
        json.put("asOf", Instant.ofEpochMilli(written.report().asOf()).toString());
        json.put("price", written.report().price());
        json.put("entries", written.entries());
        out.println(JsonText.write(json));   // not Jackson: starting it would cost this command a tenth of its time
        return LiqLensCli.OK;
    }

    private static WindowSpec rebuildAt(WindowSpec s, long asOf) {
        return WindowSpec.builder(s.source(), s.symbol(), s.modelId(), s.windowMs()).params(s.params()).mmrOverride(s.mmrOverride())
                .asOf(asOf).buckets(s.buckets()).columns(s.columns()).candleInterval(s.candleIntervalMs()).range(s.range())
                .zoneThreshold(s.zoneThreshold()).build();
    }

    /** {@code m1:12h,m1:24h,m3:3d}: each a model of the engine and a window. */
    static List<PaneSpec> parsePanes(String text, LiquidationEngine engine) {
        List<PaneSpec> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String pane = item.trim();
            int colon = pane.indexOf(':');
            if (colon <= 0 || colon == pane.length() - 1) {
                throw new UsageException("--panes takes MODEL:WINDOW[,MODEL:WINDOW], e.g. m1:12h,m3:3d, not '" + pane + "'");
            }
            LiquidationModel model;
            try {
                model = engine.model(pane.substring(0, colon).trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--panes " + pane + ": " + e.getMessage());
            }
            long window;
            try {
                window = CliArguments.parseWindow(pane.substring(colon + 1).trim());
            } catch (UsageException e) {
                throw new UsageException("--panes " + pane + ": " + e.getMessage());
            }
            out.add(new PaneSpec(pane, model.id(), window));
        }
        return out;
    }

    /** {@code WIDTHxHEIGHT}, e.g. 1600x900. */
    static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim()), h = Integer.parseInt(parts[1].trim());
                if (w >= 200 && w <= 10_000 && h >= 150 && h <= 10_000) return new int[] {w, h};
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--size must be WIDTHxHEIGHT with 200-10000 x 150-10000 pixels, e.g. 1600x900, not '" + text + "'");
    }

    private static PromptTemplate template(String file) {
        try {
            return PromptTemplate.load(Path.of(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--template: " + e.getMessage());
        }
    }

    /** The tables as the bundle writes them (numbers as formatted there), and the summary. */
    static Map<String, Object> zonesJson(ConfluenceReport r) throws IOException {
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", r.symbol());
        json.put("asOf", Instant.ofEpochMilli(r.asOf()).toString());
        json.put("price", r.price());
        json.put("tolerancePct", r.settings().tolerancePct());
        List<Map<String, Object>> panes = new ArrayList<>();
        for (PaneEstimate p : r.panes()) {
            Map<String, Object> pj = new LinkedHashMap<>();
            pj.put("name", p.name());
            pj.put("model", p.modelId());
            pj.put("window", WindowLabels.format(p.windowMs()));
            pj.put("coverage", p.result().coverage().fraction());
            panes.add(pj);
        }
        json.put("panes", panes);
        JsonNode zones = exact.readTree(r.zonesTable().toJson()), confluence = exact.readTree(r.confluenceTable().toJson());
        json.put("zones", zones);
        json.put("confluence", confluence);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("nearestStrongLong", r.summary().nearestStrongLong().map(z -> zoneJson(r, z)).orElse(null));
        summary.put("nearestStrongShort", r.summary().nearestStrongShort().map(z -> zoneJson(r, z)).orElse(null));
        List<Map<String, Object>> near = new ArrayList<>();
        for (NearNotional n : r.summary().near()) {
            Map<String, Object> nj = new LinkedHashMap<>();
            nj.put("pane", n.pane());
            nj.put("pct", n.pct());
            nj.put("long", Math.round(n.longs()));
            nj.put("short", Math.round(n.shorts()));
            nj.put("heavier", n.heavier() == null ? "equal" : n.heavier().name().toLowerCase(Locale.ROOT));
            near.add(nj);
        }
        summary.put("near", near);
        summary.put("nearestSwept", r.summary().nearestSwept().map(s -> sweptJson(r, s)).orElse(null));
        json.put("summary", summary);
        return json;
    }

    private static Map<String, Object> zoneJson(ConfluenceReport r, PaneZone z) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("pane", z.pane());
        j.put("low", new java.math.BigDecimal(r.price(z.low())));
        j.put("high", new java.math.BigDecimal(r.price(z.high())));
        j.put("notional", Math.round(z.notional()));
        j.put("intensity", new java.math.BigDecimal(org.liqlens.confluence.Numbers.ratio(z.intensity())));
        j.put("distance_pct", new java.math.BigDecimal(org.liqlens.confluence.Numbers.ratio(z.distancePct())));
        return j;
    }

    private static Map<String, Object> sweptJson(ConfluenceReport r, SweptZone s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("pane", s.pane());
        j.put("position", s.position() == org.liqlens.engine.market.Side.LONG ? "below" : "above");
        j.put("swept", s.swept().name().toLowerCase(Locale.ROOT));
        j.put("low", new java.math.BigDecimal(r.price(s.low())));
        j.put("high", new java.math.BigDecimal(r.price(s.high())));
        j.put("notional", Math.round(s.notional()));
        j.put("distance_pct", new java.math.BigDecimal(org.liqlens.confluence.Numbers.ratio(s.distancePct())));
        j.put("clearedAt", Instant.ofEpochMilli(s.clearedAtMs()).toString());
        return j;
    }
}
