package org.liqlens.confluence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.liqlens.engine.io.AtomicFiles;

/**
 * Writes the confluence bundle: one zip for an assistant (or a colleague) holding the pictures of every pane,
 * the zone and confluence tables and a prompt that asks the questions. The CLI's {@code bundle} and the
 * desktop's Export panel both call {@link #write}.
 *
 * <h2>Layout, in this order</h2>
 * <ol>
 * <li>{@code manifest.json}: app version, source (spec, name, kind, exchange), symbol, as-of, price, picture
 *     size, confluence settings, each pane's name, model, window and parameters, the entry list, and the
 *     creation time, the only field that differs between two runs on the same input;</li>
 * <li>{@code prompt.md}: the template rendered;</li>
 * <li>{@code images/<pane>.png} and {@code images/<pane>.svg} for each pane in order;</li>
 * <li>{@code tables/zones.csv|json|md}, {@code tables/confluence.csv|json|md}; with a scorecard,
 *     {@code tables/scorecard.csv}, {@code tables/scorecard.md}, {@code tables/scorecard-direction.csv};</li>
 * <li>the request's extra entries, then {@code review.md} if {@link #addReview} added one.</li>
 * </ol>
 * Every entry but the manifest carries the fixed timestamp {@link #FIXED_TIME}, so the same input gives
 * byte-identical tables, prompt and entries. The zip is written atomically ({@link AtomicFiles}): everything
 * is computed in memory first, and on any failure no file (and no partial zip) is left at the target.
 */
public final class BundleWriter {
    public static final String MANIFEST = "manifest.json";
    public static final String PROMPT = "prompt.md";
    public static final String REVIEW = "review.md";
    public static final String SCORECARD_CSV = "tables/scorecard.csv";
    public static final String SCORECARD_MD = "tables/scorecard.md";
    public static final String SCORECARD_DIRECTION_CSV = "tables/scorecard-direction.csv";
    /** The prompt's {@code {scorecard}} when the request has none. */
    static final String NO_SCORECARD = "Not measured for this bundle: LiqLens did not score these models on this symbol's history, so "
            + "nothing here shows that any of these maps has located levels that price went on to reach.";
    /** The format of the manifest, raised when the layout changes incompatibly. */
    public static final String FORMAT = "liqlens-bundle/1";
    /** The timestamp of every deterministic entry (the zip's DOS time, no time zone). */
    public static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** What was written. */
    public record Written(Path path, ConfluenceReport report, List<String> entries) {
        public Written {
            entries = List.copyOf(entries);
        }
    }

    private BundleWriter() { }

    /**
     * Checks that {@code target} can plainly be written (not a directory, its folder writable), before the work.
     *
     * @throws IOException {@code cannot write bundle PATH: why}
     */
    public static void checkTarget(Path target) throws IOException {
        AtomicFiles.checkWritable(target, "bundle");
    }

    /**
     * Renders, analyses and writes the bundle.
     *
     * @throws IOException               when the target cannot be written ({@code cannot write bundle PATH: why});
     *                                   nothing is left at the target
     * @throws IllegalArgumentException  when the panes differ in symbol or as-of time, a pane has no heatmap, or
     *                                   an extra entry collides with the layout
     * @throws PromptTemplateException   when the template uses a placeholder without a value
     */
    public static Written write(Path target, BundleRequest request) throws IOException {
        checkTarget(target);
        Contents contents = contents(request);
        AtomicFiles.write(target, "bundle", out -> writeZip(out, contents.entries().values()));
        return new Written(target, contents.report(), new ArrayList<>(contents.entries().keySet()));
    }

    /** One zip entry: its bytes and time. */
    record Entry(String path, byte[] content, LocalDateTime time) { }

    /** A bundle in memory: the report it was made from and its entries in layout order. */
    record Contents(ConfluenceReport report, Map<String, Entry> entries) { }

    /** Every entry of the bundle, in layout order, computed in memory. */
    static Contents contents(BundleRequest request) {
        for (PaneEstimate p : request.panes()) {
            if (p.result().heatmap() == null) {
                throw new IllegalArgumentException("pane " + p.name() + " has no heatmap (an estimate with 0 columns): a bundle draws heatmaps");
            }
        }
        ConfluenceReport report = Confluence.analyse(request.panes(), request.settings());
        List<PaneEstimate> panes = report.panes();   // with unique names
        Instant created = request.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        Map<String, byte[]> images = renderImages(request, panes);
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (Table t : report.tables()) {
            for (TableFormat f : TableFormat.values()) {
                tables.put("tables/" + t.name() + "." + f.extension(), t.format(f).getBytes(StandardCharsets.UTF_8));
            }
        }
        BundleScorecard scorecard = request.scorecard();
        if (scorecard != null) {
            checkScorecardPanes(scorecard, panes);
            tables.put(SCORECARD_CSV, scorecard.csv().getBytes(StandardCharsets.UTF_8));
            tables.put(SCORECARD_MD, scorecard.markdown().getBytes(StandardCharsets.UTF_8));
            tables.put(SCORECARD_DIRECTION_CSV, scorecard.directionCsv().getBytes(StandardCharsets.UTF_8));
        }
        String prompt = request.template().render(promptValues(request, report));
        List<BundleEntry> extras = request.extraEntries().apply(report);

        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add(MANIFEST);
        names.add(PROMPT);
        names.addAll(images.keySet());
        names.addAll(tables.keySet());
        Set<String> fixed = new HashSet<>(names);
        fixed.add(REVIEW);
        for (BundleEntry e : extras) {
            if (!fixed.add(e.path())) throw new IllegalArgumentException("the extra bundle entry " + e.path() + " is already in the bundle");
            names.add(e.path());
        }
        out.put(MANIFEST, new Entry(MANIFEST, manifest(request, report, created, names), LocalDateTime.ofInstant(created, ZoneOffset.UTC)));
        out.put(PROMPT, new Entry(PROMPT, prompt.getBytes(StandardCharsets.UTF_8), FIXED_TIME));
        images.forEach((k, v) -> out.put(k, new Entry(k, v, FIXED_TIME)));
        tables.forEach((k, v) -> out.put(k, new Entry(k, v, FIXED_TIME)));
        for (BundleEntry e : extras) out.put(e.path(), new Entry(e.path(), e.content(), FIXED_TIME));
        return new Contents(report, out);
    }

    static void writeZip(OutputStream target, Iterable<Entry> entries) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        // Level 1: text compresses nearly as well, and a bundle's pictures are mostly compressed already.
        zip.setLevel(Deflater.BEST_SPEED);
        for (Entry e : entries) {
            ZipEntry z = new ZipEntry(e.path());
            z.setTimeLocal(e.time());
            if (e.path().endsWith(".png")) {
                // A PNG is deflated inside: stored, it costs no second pass.
                CRC32 crc = new CRC32();
                crc.update(e.content());
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.content().length);
                z.setCompressedSize(e.content().length);
                z.setCrc(crc.getValue());
            }
            zip.putNextEntry(z);
            zip.write(e.content());
            zip.closeEntry();
        }
        zip.finish();   // not close: AtomicFiles closes the stream it gave
    }

    /**
     * The pictures of every pane, PNG then SVG, in pane order: those the request drew ahead, the others drawn
     * here on up to two threads (the machine's cores, at most the panes): drawing is most of a bundle's time,
     * and each chart is its own.
     */
    private static Map<String, byte[]> renderImages(BundleRequest request, List<PaneEstimate> panes) {
        int width = request.width(), height = request.height();
        int threads = Math.max(1, Math.min(panes.size(), Math.min(2, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "liqlens-bundle-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PanePictures>> futures = new ArrayList<>();
            for (PaneEstimate p : panes) {
                Future<PanePictures> ahead = request.picturesOf(p.result());
                futures.add(ahead != null ? ahead : pool.submit(() -> PanePictures.draw(p, width, height)));
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (int i = 0; i < panes.size(); i++) {
                PanePictures pictures = futures.get(i).get();
                if (pictures.width() != width || pictures.height() != height) {
                    throw new IllegalArgumentException("the pictures of pane " + panes.get(i).name() + " were drawn at " + pictures.width()
                            + "x" + pictures.height() + ", not the bundle's " + width + "x" + height);
                }
                out.put("images/" + panes.get(i).name() + ".png", pictures.png());
                out.put("images/" + panes.get(i).name() + ".svg", pictures.svg());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException("cannot draw a pane: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while drawing the bundle's pictures");
        } finally {
            pool.shutdownNow();
        }
    }

    /** A scorecard of other panes would quote verdicts of maps the bundle does not hold. */
    private static void checkScorecardPanes(BundleScorecard scorecard, List<PaneEstimate> panes) {
        List<String> names = panes.stream().map(PaneEstimate::name).toList();
        List<String> scored = scorecard.panes().stream().map(BundleScorecard.PaneScore::pane).toList();
        if (!names.equals(scored)) throw new IllegalArgumentException("the scorecard is of panes " + scored + ", the bundle's are " + names);
    }

    /** The built-in placeholders' values, then the request's own. */
    static Map<String, String> promptValues(BundleRequest request, ConfluenceReport report) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(PromptTemplate.Placeholder.SYMBOL.key(), report.symbol());
        v.put(PromptTemplate.Placeholder.AS_OF.key(), Instant.ofEpochMilli(report.asOf()).toString());
        v.put(PromptTemplate.Placeholder.PRICE.key(), report.price(report.price()) + " USDT");
        StringBuilder panes = new StringBuilder(), images = new StringBuilder();
        for (PaneEstimate p : report.panes()) {
            panes.append("- `").append(p.name()).append("`: model ").append(p.modelId()).append(", window ").append(p.windowLabel())
                    .append(", source ").append(p.sourceLabel()).append(", data cover ").append(p.result().coverage().percent())
                    .append(" of the window\n");
            images.append("- `images/").append(p.name()).append(".png` (also `.svg`): ").append(p.modelId()).append(", ")
                    .append(p.windowLabel()).append(" window\n");
        }
        v.put(PromptTemplate.Placeholder.PANES.key(), panes.toString().stripTrailing());
        v.put(PromptTemplate.Placeholder.IMAGES.key(), images.toString().stripTrailing());
        v.put(PromptTemplate.Placeholder.ZONES_TABLE.key(), report.zonesTable().toMarkdown().stripTrailing());
        v.put(PromptTemplate.Placeholder.CONFLUENCE_TABLE.key(), report.confluenceTable().toMarkdown().stripTrailing());
        v.put(PromptTemplate.Placeholder.SUMMARY.key(), report.summaryMarkdown().stripTrailing());
        v.put(PromptTemplate.Placeholder.SCORECARD.key(), request.scorecard() == null ? NO_SCORECARD : request.scorecard().promptText());
        for (Map.Entry<String, String> e : request.promptValues().entrySet()) {
            if (v.containsKey(e.getKey())) throw new IllegalArgumentException("the prompt value {" + e.getKey() + "} is built in");
            v.put(e.getKey(), e.getValue());
        }
        return v;
    }

    private static byte[] manifest(BundleRequest request, ConfluenceReport report, Instant created, List<String> entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("appVersion", request.appVersion());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("spec", request.source().spec());
        source.put("name", request.source().name());
        source.put("kind", request.source().kind().label());
        source.put("exchange", request.source().exchange());
        m.put("source", source);
        m.put("symbol", report.symbol());
        m.put("asOf", Instant.ofEpochMilli(report.asOf()).toString());
        m.put("price", report.price());
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("width", request.width());
        size.put("height", request.height());
        m.put("imageSize", size);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tolerancePct", request.settings().tolerancePct());
        settings.put("strongIntensity", request.settings().strongIntensity());
        settings.put("nearPcts", request.settings().nearPcts());
        settings.put("zoneThreshold", request.settings().zoneThreshold());
        settings.put("minIntensity", request.settings().minIntensity());
        m.put("confluence", settings);
        List<Map<String, Object>> panes = new ArrayList<>();
        for (PaneEstimate p : report.panes()) {
            Map<String, Object> pj = new LinkedHashMap<>();
            pj.put("name", p.name());
            pj.put("model", p.modelId());
            pj.put("window", p.windowLabel());
            pj.put("windowMs", p.windowMs());
            pj.put("source", p.sourceLabel());
            pj.put("parameters", new LinkedHashMap<String, Object>(p.parameters()));
            pj.put("coverage", p.result().coverage().fraction());
            pj.put("buckets", p.result().map().buckets());
            pj.put("columns", p.result().heatmap().columns());
            panes.add(pj);
        }
        m.put("panes", panes);
        m.put("template", request.template().origin());
        m.put("entries", entries);
        m.put("createdAt", created.toString());
        return (JsonText.write(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
