package org.liqlens.sources.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.EstimateSum;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.PriceRange;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.SourceSpec;

/**
 * The one way to turn a {@link WindowSpec} into a {@link WindowEstimate}: load the window, run the engine. The
 * CLI ({@code liqlens-cli map|heatmap}) and the desktop panes both call it, so for the same spec they show the
 * same numbers by construction. Plain Java, thread-safe; {@link #estimate} blocks, so call it off the UI thread.
 *
 * <h2>A single source</h2>
 * The resolver opens the spec's source; {@link WindowLoader} loads {@code [T - W, T)}; the engine estimates it,
 * pricing positions by the source's {@link MarketDataSource#liquidationRule() exchange's rule}.
 *
 * <h2>{@code all}</h2>
 * Each exchange of {@link SourceSpec#members()} (Binance, Bybit, OKX) is opened by the resolver and estimated
 * from its own data (its candles and volumes, its open interest), by its own rule, for the same T (given, or
 * the current minute) and window. All parts share one grid: the spec's range, or else the hull of the parts'
 * default ranges (each {@link LiquidationEngine#defaultRange around its window's prices}), and the same
 * columns. The result is their {@link EstimateSum cell-by-cell sum}; its coverage is the worst part's. The
 * exchanges are loaded in parallel. If any exchange fails (cannot serve the symbol, an error, no data in the
 * window) the estimate fails with a {@link CombinedSourceException} that names each failed exchange and its
 * reason: a sum with a part silently missing would understate every bucket. The message says how to sum the
 * others instead ({@code all:binance,okx}).
 *
 * <pre>{@code
 * WindowEstimator estimator = new WindowEstimator(LiquidationEngine.standard(),
 *         member -> myUrlsAndCache(member).open());      // applied to each exchange of "all"
 * WindowEstimate e = estimator.estimate(WindowSpec.builder(SourceSpec.parse("all"), "BTCUSDT", "m1", 86_400_000L)
 *         .columns(480).build(), cancelToken);
 * e.result();                    // the sum, to draw
 * e.parts().get(1).share();      // Bybit's share of it
 * e.heatmapShares(column, bucket);  // per exchange, for a tooltip
 * }</pre>
 */
public final class WindowEstimator {

    private final LiquidationEngine engine;
    private final Function<SourceSpec, MarketDataSource> resolver;

    /**
     * @param engine   the models to run
     * @param resolver opens a single source's spec as the caller configures it (its URLs, cache, clients); called
     *                 for the spec itself, or for each exchange of {@code all}, always on the calling thread.
     *                 {@link SourceSpec#open()} is the plain choice.
     */
    public WindowEstimator(LiquidationEngine engine, Function<SourceSpec, MarketDataSource> resolver) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The registered models and {@link SourceSpec#open()}. */
    public static WindowEstimator standard() {
        return new WindowEstimator(LiquidationEngine.standard(), SourceSpec::open);
    }

    public LiquidationEngine engine() {
        return engine;
    }

    /**
     * Fails as {@link #estimate} would for the spec's model and parameters, before any data is loaded: an unknown
     * model, a bad parameter, or a leverage some exchange of the source would liquidate at entry.
     *
     * @throws IllegalArgumentException naming the problem (and for {@code all}, the exchange whose rule refused)
     */
    public void checkParameters(WindowSpec spec) {
        LiquidationModel model = engine.model(spec.modelId());
        for (MarketDataSource source : resolveAll(spec.source())) {
            engine.checkParameters(model.id(), spec.symbol(), spec.params(), spec.mmrOverride(), source.liquidationRule());
        }
    }

    /**
     * Loads the window and estimates it.
     *
     * @throws SourceException          when the data cannot be had (for {@code all}: {@link CombinedSourceException})
     * @throws IllegalArgumentException for an unknown model, bad parameters, or a window without data
     * @throws CancellationException    when {@code cancel} was cancelled
     */
    public WindowEstimate estimate(WindowSpec spec, CancelToken cancel) {
        LiquidationModel model = engine.model(spec.modelId());
        if (!spec.source().isCombined()) {
            MarketDataSource source = resolver.apply(spec.source());
            WindowLoader.Loaded loaded = WindowLoader.load(source, spec.symbol(), model.requiredInputs(), spec.asOfMs(),
                    spec.windowMs(), spec.candleIntervalMs(), cancel);
            return estimateLoaded(spec, source, loaded, cancel);
        }
        return estimateCombined(spec, model, cancel);
    }

    /**
     * Estimates a single source's window that the caller already holds (a live window moved forward a candle at
     * a time), exactly as {@link #estimate} does after loading it: the same request, so the same numbers.
     *
     * @param source the source {@code loaded} came from: its liquidation rule prices the positions
     */
    public WindowEstimate estimateLoaded(WindowSpec spec, MarketDataSource source, WindowLoader.Loaded loaded,
                                         CancelToken cancel) {
        if (spec.source().isCombined()) throw new IllegalArgumentException("a combined source is estimated per exchange: " + spec.source());
        EstimateRequest request = request(loaded, spec, source, cancel).range(spec.range()).build();
        return new WindowEstimate(spec.source(), source.displayName(), engine.estimate(request), List.of());
    }

    /** Opens a single source's spec as this estimator's resolver does. */
    public MarketDataSource resolve(SourceSpec single) {
        return resolveAll(single).get(0);
    }

    private WindowEstimate estimateCombined(WindowSpec spec, LiquidationModel model, CancelToken cancel) {
        List<SourceSpec> members = spec.source().members();
        List<MarketDataSource> sources = resolveAll(spec.source());
        // One T for every exchange: the given one, or this minute (each exchange's own "now" could straddle a minute).
        long asOf = spec.asOfMs() != null ? spec.asOfMs()
                : WindowLoader.defaultAsOf(sources.get(0), spec.symbol(), spec.candleIntervalMs(), cancel);

        List<WindowLoader.Loaded> loaded = forEachMember(spec, sources, true, i -> WindowLoader.load(sources.get(i),
                spec.symbol(), model.requiredInputs(), asOf, spec.windowMs(), spec.candleIntervalMs(), cancel));
        List<EstimateRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) requests.add(request(loaded.get(i), spec, sources.get(i), cancel).build());

        PriceRange range = spec.range();
        if (range == null) {
            List<PriceRange> ranges = forEachMember(spec, sources, false, i -> engine.defaultRange(requests.get(i)));
            double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
            for (PriceRange r : ranges) {
                low = Math.min(low, r.low());
                high = Math.max(high, r.high());
            }
            range = new PriceRange(low, high);
        }
        PriceRange common = range;
        List<EstimateResult> results = forEachMember(spec, sources, false,
                i -> engine.estimate(requests.get(i).toBuilder().range(common).build()));

        EstimateResult sum = EstimateSum.of(results, spec.zoneThreshold());
        double total = sum.map().totalLong() + sum.map().totalShort();
        List<WindowEstimate.Part> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EstimateResult r = results.get(i);
            double partTotal = r.map().totalLong() + r.map().totalShort();
            parts.add(new WindowEstimate.Part(members.get(i).id(), sources.get(i).displayName(), r,
                    ratio(partTotal, total), ratio(r.map().totalLong(), sum.map().totalLong()),
                    ratio(r.map().totalShort(), sum.map().totalShort())));
            names.add(sources.get(i).displayName());
        }
        return new WindowEstimate(spec.source(), String.join(" + ", names), sum, parts);
    }

    private static double ratio(double part, double total) {
        return total > 0 ? part / total : 0;
    }

    /** The request of one loaded window, without a range; exactly what the CLI always built. */
    private static EstimateRequest.Builder request(WindowLoader.Loaded loaded, WindowSpec spec, MarketDataSource source,
                                                   CancelToken cancel) {
        EstimateRequest.Builder b = EstimateRequest.builder(loaded.inputs(), spec.modelId())
                .asOf(loaded.asOfMs())
                .window(spec.windowMs())
                .buckets(spec.buckets())
                .columns(spec.columns())
                .params(spec.params())
                .liquidationRule(source.liquidationRule())
                .zoneThreshold(spec.zoneThreshold())
                .cancelled(new CancelFlag(cancel));
        if (spec.mmrOverride() != null) b.mmrOverride(spec.mmrOverride());
        return b;
    }

    /** The token's flag as the engine asks for it; a class, not {@code cancel::isCancelled}: the first lambda bootstrap costs a cold start ms. */
    private static final class CancelFlag implements java.util.function.BooleanSupplier {
        private final CancelToken cancel;

        CancelFlag(CancelToken cancel) {
            this.cancel = cancel;
        }

        @Override
        public boolean getAsBoolean() {
            return cancel.isCancelled();
        }
    }

    private List<MarketDataSource> resolveAll(SourceSpec spec) {
        List<MarketDataSource> out = new ArrayList<>();
        for (SourceSpec s : spec.isCombined() ? spec.members() : List.of(spec)) {
            MarketDataSource source = resolver.apply(s);
            if (source == null) throw new NullPointerException("the resolver opened no source for " + s);
            out.add(source);
        }
        return out;
    }

    /**
     * Runs {@code work} for every member (in parallel: one thread each) and returns the outcomes in member order,
     * or throws one {@link CombinedSourceException} naming every member that failed. A cancellation wins over
     * failures.
     */
    private static <T> List<T> forEachMember(WindowSpec spec, List<MarketDataSource> sources, boolean inParallel,
                                             IntFunction<T> work) {
        int n = sources.size();
        List<T> results = new ArrayList<>(n);
        List<RuntimeException> errors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(null);
            errors.add(null);
        }
        if (inParallel && n > 1) {
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "liqlens-window-load");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<T>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int member = i;
                    futures.add(pool.submit(() -> work.apply(member)));
                }
                for (int i = 0; i < n; i++) {
                    try {
                        results.set(i, futures.get(i).get());
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof Error err) throw err;
                        errors.set(i, cause instanceof RuntimeException re ? re : new IllegalStateException(cause.toString(), cause));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while loading the exchanges of " + spec.source());
            } finally {
                pool.shutdownNow();
            }
        } else {
            for (int i = 0; i < n; i++) {
                try {
                    results.set(i, work.apply(i));
                } catch (RuntimeException e) {
                    errors.set(i, e);
                }
            }
        }
        List<CombinedSourceException.Failure> failures = new ArrayList<>();
        Throwable first = null;
        for (int i = 0; i < n; i++) {
            RuntimeException e = errors.get(i);
            if (e == null) continue;
            if (e instanceof CancellationException c) throw c;
            if (first == null) first = e;
            failures.add(new CombinedSourceException.Failure(spec.source().members().get(i).id(), sources.get(i).displayName(), reason(e)));
        }
        if (!failures.isEmpty()) throw new CombinedSourceException(message(spec, failures), failures, first);
        return results;
    }

    /** The exception's message on one line; the class too when it is a bug rather than a data problem. */
    private static String reason(RuntimeException e) {
        String m = e.getMessage();
        boolean expected = e instanceof SourceException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof UnsupportedOperationException
                || e instanceof java.io.UncheckedIOException;
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        else if (!expected) m = e.getClass().getSimpleName() + ": " + m;
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * "all (binance, bybit, okx) failed for BTCUSDT: Bybit USDT perpetuals: REASON; leave it out with the source
     * all:binance,okx".
     */
    static String message(WindowSpec spec, List<CombinedSourceException.Failure> failures) {
        List<String> ids = spec.source().members().stream().map(SourceSpec::id).toList();
        StringBuilder b = new StringBuilder("all (").append(String.join(", ", ids)).append(") failed for ").append(spec.symbol());
        b.append(failures.size() == 1 ? ": " : ": " + failures.size() + " of " + ids.size() + " exchanges failed: ");
        for (int i = 0; i < failures.size(); i++) {
            if (i > 0) b.append("; ");
            b.append(failures.get(i).displayName()).append(": ").append(failures.get(i).reason());
        }
        List<String> others = new ArrayList<>(ids);
        for (CombinedSourceException.Failure f : failures) others.remove(f.exchangeId());
        if (others.size() >= 2) {
            b.append("; leave ").append(failures.size() == 1 ? "it" : "them").append(" out with the source all:").append(String.join(",", others));
        } else if (others.size() == 1) {
            b.append("; use the source ").append(others.get(0)).append(" alone");
        }
        return b.toString();
    }
}
