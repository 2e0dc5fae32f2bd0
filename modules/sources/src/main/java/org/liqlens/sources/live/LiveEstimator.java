package org.liqlens.sources.live;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.load.WindowEstimate;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowLoader;
import org.liqlens.sources.load.WindowSpec;

/**
 * The estimate of a live window, kept current one closed candle at a time: the window is loaded once
 * ({@link WindowLoader}, as for any estimate), then each candle the {@link LiveFeedHub} delivers moves a
 * {@link LiveWindow} forward, and the engine runs again on the window in memory through
 * {@link WindowEstimator#estimateLoaded}, the path every estimate takes. A minute therefore costs the engine run
 * and no download; for m2 the open interest is asked again only when a new 5-minute sample may exist.
 *
 * <p>Only for what a {@link LiveWindow} can hold: one source (not {@code all}, whose exchanges are loaded
 * afresh), candle-based models (trade-based ones need the trades, loaded afresh too), and a live as-of
 * ({@code spec.asOfMs() == null}). See {@link #canFollow}.
 *
 * <p>Threads: {@link #offer} may be called from any thread (the EDT); {@link #estimate} blocks on the first
 * load, a hole's back-fill and the engine, so run it on a worker. Runs are serialised: two overlapping calls
 * (a replaced run still finishing) cannot move the window at once.
 */
public final class LiveEstimator {
    private static final long OPEN_INTEREST_INTERVAL_MS = 5 * 60_000L;

    private final WindowEstimator estimator;
    private final WindowSpec spec;
    private final boolean needsOpenInterest;
    private final ConcurrentLinkedQueue<Candle> pending = new ConcurrentLinkedQueue<>();
    private MarketDataSource source;
    private LiveWindow window;
    private OpenInterestSeries openInterest;

    public LiveEstimator(WindowEstimator estimator, WindowSpec spec) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.spec = Objects.requireNonNull(spec, "spec");
        if (!canFollow(estimator, spec)) throw new IllegalArgumentException("a live window cannot follow " + spec);
        this.needsOpenInterest = estimator.engine().model(spec.modelId()).requiredInputs().contains(ModelInput.OPEN_INTEREST);
    }

    /** Whether {@code spec} can be followed candle by candle; otherwise estimate it afresh each time. */
    public static boolean canFollow(WindowEstimator estimator, WindowSpec spec) {
        if (spec.source().isCombined() || spec.asOfMs() != null) return false;
        LiquidationModel model = estimator.engine().model(spec.modelId());
        // the live window carries candles and open interest only: a model that reads trades, funding or ratios is
        // loaded afresh (WindowLoader fetches every input it declares)
        return java.util.EnumSet.of(ModelInput.CANDLES, ModelInput.OPEN_INTEREST).containsAll(model.requiredInputs());
    }

    public WindowSpec spec() {
        return spec;
    }

    /** A closed candle from the feed, applied by the next {@link #estimate}. */
    public void offer(Candle closed) {
        if (closed.closed()) pending.add(closed);
    }

    /**
     * Loads the window on the first call; afterwards moves it over every candle offered since and estimates it.
     *
     * @throws SourceException when the window or a hole's candles cannot be had; the candles not yet applied stay
     *                         queued, so the next call retries them
     */
    public synchronized WindowEstimate estimate(CancelToken cancel) {
        if (window == null) {
            source = estimator.resolve(spec.source());
            LiquidationModel model = estimator.engine().model(spec.modelId());
            WindowLoader.Loaded loaded = WindowLoader.load(source, spec.symbol(), model.requiredInputs(), null,
                    spec.windowMs(), spec.candleIntervalMs(), cancel);
            window = LiveWindow.of(source, spec.symbol(), loaded, spec.windowMs());
            openInterest = loaded.inputs().oi();
        } else {
            long before = window.asOfMs();
            for (Candle c; (c = pending.peek()) != null; ) {
                window.advance(c, cancel);  // throws before removing: the candle is tried again next time
                pending.poll();
            }
            if (needsOpenInterest && window.openInterestDue(before)) openInterest = openInterest(cancel);
        }
        return estimator.estimateLoaded(spec, source,
                new WindowLoader.Loaded(window.inputs(openInterest), window.asOfMs()), cancel);
    }

    /** T of the window held, or 0 before the first load. */
    public synchronized long asOfMs() {
        return window == null ? 0 : window.asOfMs();
    }

    /** The open interest of the window: samples stamped in [T − W, T), none at or after T (no look-ahead). */
    private OpenInterestSeries openInterest(CancelToken cancel) {
        try {
            return source.openInterest(spec.symbol(), OPEN_INTEREST_INTERVAL_MS, window.windowStartMs(), window.asOfMs(), cancel);
        } catch (UnsupportedOperationException e) {
            throw new SourceException("the model needs open-interest history for " + spec.symbol() + ", which "
                    + source.displayName() + " cannot provide: " + e.getMessage(), e);
        }
    }
}
