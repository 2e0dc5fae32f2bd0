package org.liqlens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.file.FileSource;
import org.liqlens.sources.file.KlineFileName;
import org.liqlens.sources.sim.SimulatedSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimator;

/**
 * The options that say where data comes from, shared by every command that estimates ({@code map},
 * {@code heatmap}, {@code zones}, {@code bundle}): {@code --source}, {@code --symbol}, {@code --base-url},
 * {@code --ws-url}, {@code --cache-dir}, {@code --timeout}. Parsed once, checked before any data is loaded.
 */
final class SourceOptions {
    static final Set<String> NAMES = Set.of("source", "symbol", "base-url", "ws-url", "cache-dir", "timeout");

    final SourceSpec spec;
    final String symbol;
    private final Map<String, String> exchangeBaseUrls, exchangeWsUrls;

    private SourceOptions(SourceSpec spec, String symbol, Map<String, String> baseUrls, Map<String, String> wsUrls) {
        this.spec = spec;
        this.symbol = symbol;
        this.exchangeBaseUrls = baseUrls;
        this.exchangeWsUrls = wsUrls;
    }

    static SourceOptions parse(CliArguments a) {
        SourceSpec spec;
        Map<String, String> exchangeBaseUrls = Map.of(), exchangeWsUrls = Map.of();
        try {
            spec = SourceSpec.parse(a.requiredString("source"));
            if (spec.isCombined()) {
                // One URL cannot serve three exchanges: for all they are given per exchange.
                if (a.has("base-url")) exchangeBaseUrls = EstimateCommand.exchangeUrls("base-url", a.string("base-url", null), spec);
                if (a.has("ws-url")) exchangeWsUrls = EstimateCommand.exchangeUrls("ws-url", a.string("ws-url", null), spec);
            } else {
                if (a.has("base-url")) spec = spec.withBaseUrl(a.string("base-url", null));
                if (a.has("ws-url")) spec = spec.withWsUrl(a.string("ws-url", null));
            }
            spec = spec.withCacheDir(a.has("cache-dir") ? Path.of(a.string("cache-dir", null)) : defaultCacheDir());
            if (a.has("timeout")) spec = spec.withTimeout(java.time.Duration.ofMillis(a.duration("timeout")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
        // Here rather than when the file is read, so that a missing file is the same error with or without --symbol.
        if (spec.id().equals("file") && !Files.exists(spec.path())) {
            throw new UsageException("--source: no such file or directory: " + spec.path());
        }
        String symbol = a.has("symbol") ? a.string("symbol", null).toUpperCase(Locale.ROOT) : defaultSymbol(spec);
        return new SourceOptions(spec, symbol, exchangeBaseUrls, exchangeWsUrls);
    }

    /** The estimator over {@code engine} that opens sources as the options say (per-exchange URLs for all). */
    WindowEstimator estimator(LiquidationEngine engine) {
        return new WindowEstimator(engine, new Opener());
    }

    /**
     * The same for several estimates of nested windows at one as-of time: each source is opened once and its
     * candles are loaded once ({@link SharedLoads}), so estimate the widest window first.
     */
    WindowEstimator estimatorSharingLoads(LiquidationEngine engine) {
        return new WindowEstimator(engine, new SharingOpener());
    }

    // The two resolvers are classes, not a method reference and lambdas: on a cold command line the first lambda
    // bootstrap costs milliseconds.

    /** Opens each source the estimator asks for as the options say. */
    private final class Opener implements Function<SourceSpec, MarketDataSource> {
        @Override
        public MarketDataSource apply(SourceSpec member) {
            return open(member);
        }
    }

    /** Opens each source once, in {@link SharedLoads}. */
    private final class SharingOpener implements Function<SourceSpec, MarketDataSource> {
        private final Map<String, MarketDataSource> opened = new java.util.HashMap<>();

        @Override
        public MarketDataSource apply(SourceSpec member) {
            String key = member.toString();
            MarketDataSource source = opened.get(key);
            if (source == null) {
                source = new SharedLoads(open(member));
                opened.put(key, source);
            }
            return source;
        }
    }

    private MarketDataSource open(SourceSpec member) {
        try {
            SourceSpec s = member;
            // A file or the simulator needs no network: opened directly, a run does not start what the registry
            // would (it makes every source, and each exchange's its HTTP client and TLS): half a second of a
            // cold start.
            if (s.id().equals("file")) return new FileSource().configure(s);
            if (s.id().equals("sim")) return new SimulatedSource().configure(s);
            if (exchangeBaseUrls.containsKey(s.id())) s = s.withBaseUrl(exchangeBaseUrls.get(s.id()));
            if (exchangeWsUrls.containsKey(s.id())) s = s.withWsUrl(exchangeWsUrls.get(s.id()));
            return s.open();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
    }

    boolean isSimulated() {
        return spec.id().equals("sim");
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("liqlens");
    }

    /** For a single archive file the symbol is in its name; otherwise BTCUSDT. */
    private static String defaultSymbol(SourceSpec spec) {
        if (spec.id().equals("file")) {
            Path p = spec.path();
            if (!Files.isDirectory(p) && p.getFileName() != null) {
                // data.binance.vision names: BTCUSDT-1m-2024-01.csv, also with a prefix such as binance_um_
                KlineFileName name = KlineFileName.parse(p.getFileName().toString());
                if (name != null) return name.symbol().toUpperCase(Locale.ROOT);
            }
            throw new UsageException("--symbol is needed: it cannot be read from the file name " + p);
        }
        return "BTCUSDT";
    }
}
