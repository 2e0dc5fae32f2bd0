package org.liqlens.confluence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.liqlens.engine.EstimateResult;

/**
 * What {@link BundleWriter#write} puts into a bundle. Immutable; build with {@link #builder}.
 *
 * <pre>{@code
 * BundleRequest request = BundleRequest.builder(panes, BundleSource.of(spec, sourceName, false))
 *         .size(1600, 900)                       // the default
 *         .template(PromptTemplate.load(file))   // default: PromptTemplate.defaultTemplate()
 *         .settings(ConfluenceSettings.DEFAULT.withTolerance(0.5))
 *         .scorecard(BundleScorecard.measure(engine, source, symbol, asOf, panes, cancel))
 *         .build();
 * }</pre>
 */
public final class BundleRequest {
    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 900;

    private final List<PaneEstimate> panes;
    private final BundleSource source;
    private final int width, height;
    private final PromptTemplate template;
    private final ConfluenceSettings settings;
    private final String appVersion;
    private final Clock clock;
    private final Map<String, String> promptValues;
    private final Function<ConfluenceReport, List<BundleEntry>> extraEntries;
    private final Map<EstimateResult, Future<PanePictures>> pictures;
    private final BundleScorecard scorecard;

    private BundleRequest(Builder b) {
        panes = List.copyOf(b.panes);
        source = b.source;
        width = b.width;
        height = b.height;
        template = b.template != null ? b.template : PromptTemplate.defaultTemplate();
        settings = b.settings;
        appVersion = b.appVersion != null ? b.appVersion : defaultAppVersion();
        clock = b.clock;
        promptValues = Map.copyOf(b.promptValues);
        extraEntries = b.extraEntries;
        pictures = new IdentityHashMap<>(b.pictures);
        scorecard = b.scorecard;
    }

    /** @param panes the estimates to draw and compare, of one symbol at one as-of time, in display order */
    public static Builder builder(List<PaneEstimate> panes, BundleSource source) {
        return new Builder(panes, source);
    }

    public List<PaneEstimate> panes() { return panes; }
    public BundleSource source() { return source; }
    public int width() { return width; }
    public int height() { return height; }
    public PromptTemplate template() { return template; }
    public ConfluenceSettings settings() { return settings; }
    public String appVersion() { return appVersion; }
    /** The clock of the manifest's creation time, the bundle's only non-deterministic field. */
    public Clock clock() { return clock; }
    /** Values of placeholders beyond the built-in ones. */
    public Map<String, String> promptValues() { return promptValues; }
    public Function<ConfluenceReport, List<BundleEntry>> extraEntries() { return extraEntries; }
    /** The panes' record ({@code tables/scorecard.*} and the prompt's {@code {scorecard}}), or null when not measured. */
    public BundleScorecard scorecard() { return scorecard; }

    /** Pictures drawn ahead for a pane's estimate ({@link Builder#pictures}), or null: the writer draws them. */
    public Future<PanePictures> picturesOf(EstimateResult result) { return pictures.get(result); }

    /** This module's version, from its build ({@code version.properties}). */
    public static String defaultAppVersion() {
        try (InputStream in = BundleRequest.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static final class Builder {
        private final List<PaneEstimate> panes;
        private final BundleSource source;
        private int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
        private PromptTemplate template;
        private ConfluenceSettings settings = ConfluenceSettings.DEFAULT;
        private String appVersion;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> promptValues = new LinkedHashMap<>();
        private Function<ConfluenceReport, List<BundleEntry>> extraEntries = report -> List.of();
        private final Map<EstimateResult, Future<PanePictures>> pictures = new IdentityHashMap<>();
        private BundleScorecard scorecard;

        private Builder(List<PaneEstimate> panes, BundleSource source) {
            if (panes.isEmpty()) throw new IllegalArgumentException("a bundle needs at least one pane");
            this.panes = new ArrayList<>(panes);
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The pictures' size in pixels (SVG: user units); default 1600 × 900. */
        public Builder size(int width, int height) {
            if (width < 200 || width > 10_000 || height < 150 || height > 10_000) {
                throw new IllegalArgumentException("the picture size must be 200-10000 × 150-10000 pixels, not " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder template(PromptTemplate t) { this.template = Objects.requireNonNull(t); return this; }
        public Builder settings(ConfluenceSettings s) { this.settings = Objects.requireNonNull(s); return this; }
        public Builder appVersion(String v) { this.appVersion = Objects.requireNonNull(v); return this; }
        public Builder clock(Clock c) { this.clock = Objects.requireNonNull(c); return this; }

        /** A value for a placeholder the built-in ones do not cover; a built-in one cannot be overridden. */
        public Builder promptValue(String placeholder, String value) {
            promptValues.put(Objects.requireNonNull(placeholder), Objects.requireNonNull(value));
            return this;
        }

        /** Files to add after the tables (a review, a scorecard), computed from the bundle's report. */
        public Builder extraEntries(Function<ConfluenceReport, List<BundleEntry>> entries) {
            this.extraEntries = Objects.requireNonNull(entries);
            return this;
        }

        /**
         * The pictures of the pane whose estimate is {@code result}, being drawn elsewhere
         * ({@link PanePictures#draw}), e.g. while the next pane is still being estimated; they must be of this
         * request's size. Panes without drawn-ahead pictures are drawn by the writer.
         */
        public Builder pictures(EstimateResult result, Future<PanePictures> drawing) {
            pictures.put(Objects.requireNonNull(result), Objects.requireNonNull(drawing));
            return this;
        }

        /**
         * The panes' scorecard ({@link BundleScorecard#measure}): the bundle then holds {@code tables/scorecard.csv},
         * {@code .md} and {@code scorecard-direction.csv}, and the prompt's {@code {scorecard}} quotes each verdict.
         * Without one, {@code {scorecard}} says that the record was not measured.
         */
        public Builder scorecard(BundleScorecard s) { this.scorecard = Objects.requireNonNull(s); return this; }

        public BundleRequest build() { return new BundleRequest(this); }
    }
}
