package org.liqlens.sources.live;

import java.util.Objects;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.load.WindowLoader;

/**
 * The candles of a live pane's window {@code [T - W, T)}, moved forward one closed candle at a time: after
 * {@link #advance} with a candle closing at {@code t}, {@code T' = t + 1} and {@link #candles()} holds the new
 * window, with no candle twice and no hole the exchange does not have.
 *
 * <p>Cost: amortised O(1) per candle. {@link CandleSeries#append} writes the candle into spare capacity of the
 * columns the previous series already uses, and candles that fell out of the window are dropped in one copy
 * only when they outnumber those inside. Hence {@link #candles()} may begin up to one window before
 * {@code T - W}: hand it to the engine with {@code asOf(asOfMs())} and {@code window(windowMs())}, which reads
 * exactly the window's candles (and {@code EstimateResult.windowCandles()} is exactly them, for drawing).
 * {@link #exactCandles()} copies the window alone for a caller that needs that.
 *
 * <p>Open interest (m2): the window's candles are all that is kept here. Binance's open-interest history has a
 * sample every 5 minutes, so on the advances where {@link #openInterestDue(long)} says so, ask
 * {@code source.openInterest(symbol, 5 min, asOfMs() - windowMs(), asOfMs(), cancel)} again (as
 * {@link WindowLoader} does) and build the inputs with {@link #inputs(OpenInterestSeries)}; in between keep the
 * series you have: the engine ignores samples outside the window, and the newest minutes count once the next
 * sample is there.
 *
 * <p>Not thread-safe: use one instance from one thread at a time (the pane's worker, since an advance over a
 * hole blocks on REST). The series it returns are immutable and may be read on any thread.
 */
public final class LiveWindow {
    private static final long OPEN_INTEREST_PERIOD_MS = 5 * 60_000L;

    private final MarketDataSource source;
    private final String symbol;
    private final long windowMs;
    private CandleSeries candles;
    private long asOfMs;

    /**
     * @param candles closed candles of the window {@code [asOfMs - windowMs, asOfMs)}, not empty (older candles
     *                before it are harmless)
     * @param source  where the candles of a hole are fetched from
     */
    public LiveWindow(MarketDataSource source, String symbol, CandleSeries candles, long asOfMs, long windowMs) {
        this.source = Objects.requireNonNull(source, "source");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (candles == null || candles.isEmpty()) throw new IllegalArgumentException("a live window needs its first candles");
        if (windowMs <= 0) throw new IllegalArgumentException("window must be positive: " + windowMs);
        if (candles.lastCloseTime() >= asOfMs) {
            throw new IllegalArgumentException("the candles run past the as-of time " + asOfMs + ": " + candles.lastCloseTime());
        }
        this.candles = candles;
        this.asOfMs = asOfMs;
        this.windowMs = windowMs;
    }

    /** The window {@link WindowLoader#load} loaded, from the same source. */
    public static LiveWindow of(MarketDataSource source, String symbol, WindowLoader.Loaded loaded, long windowMs) {
        return new LiveWindow(source, symbol, loaded.inputs().candles(), loaded.asOfMs(), windowMs);
    }

    /** T: the end of the window, exclusive. */
    public long asOfMs() {
        return asOfMs;
    }

    public long windowMs() {
        return windowMs;
    }

    public long windowStartMs() {
        return asOfMs - windowMs;
    }

    /** The open time of the newest candle held: what to tell {@link LiveFeedHub#subscribe} the pane holds. */
    public long lastOpenTime() {
        return candles.openTime(candles.size() - 1);
    }

    /** Every candle of the window, possibly after some older ones: give the engine {@link #asOfMs()} and {@link #windowMs()}. */
    public CandleSeries candles() {
        return candles;
    }

    /** The window's candles alone, copied: O(window). */
    public CandleSeries exactCandles() {
        int first = candles.firstIndexOpenAtOrAfter(windowStartMs());
        return first == 0 ? candles : candles.slice(first, candles.size());
    }

    /** The engine's inputs for the window: its candles and, for a model that needs it, open interest (or null). */
    public MarketInputs inputs(OpenInterestSeries openInterest) {
        return new MarketInputs(candles, openInterest, null);
    }

    /**
     * Whether a new open-interest sample may have appeared since the window ended at {@code previousAsOfMs}: true
     * when the window's end has crossed a 5-minute mark.
     */
    public boolean openInterestDue(long previousAsOfMs) {
        return Math.floorDiv(asOfMs, OPEN_INTEREST_PERIOD_MS) != Math.floorDiv(previousAsOfMs, OPEN_INTEREST_PERIOD_MS);
    }

    /**
     * Moves the window to end when {@code closed} closes. A candle the window already holds changes nothing. A
     * candle beyond the next one would leave a hole, so the missing candles are fetched from the source first
     * (blocking); minutes the exchange has no candle for stay absent.
     *
     * @return true when the window moved
     * @throws SourceException when the missing candles could not be fetched; the window is then unchanged, and the
     *                         candle may be advanced with again (or the window reloaded)
     * @throws IllegalArgumentException for a forming candle or one of another interval
     */
    public boolean advance(Candle closed, CancelToken cancel) {
        if (!closed.closed()) throw new IllegalArgumentException("a forming candle cannot move the window");
        long interval = candles.intervalMs();
        if (closed.intervalMs() != interval) {
            throw new IllegalArgumentException("a " + closed.intervalMs() + " ms candle cannot extend " + interval + " ms candles");
        }
        long last = lastOpenTime();
        if (closed.openTime() <= last) {
            return false;
        }
        CandleSeries next = candles;
        if (closed.openTime() > last + interval) {
            CandleSeries missing = source.candles(symbol, interval, last + interval, closed.openTime(), cancel);
            for (int i = 0; i < missing.size(); i++) {
                long t = missing.openTime(i);
                if (t > next.openTime(next.size() - 1) && t < closed.openTime()) {
                    next = next.append(t, missing.open(i), missing.high(i), missing.low(i), missing.close(i),
                            missing.volume(i), missing.quoteVolume(i), missing.takerBuyQuoteVolume(i));
                }
            }
        }
        next = next.append(closed.openTime(), closed.open(), closed.high(), closed.low(), closed.close(),
                closed.volume(), closed.quoteVolume(), closed.takerBuyQuoteVolume());
        // Never backwards: a window loaded up to a minute the exchange had not yet served keeps its end.
        asOfMs = Math.max(asOfMs, closed.closeTime() + 1);
        int first = next.firstIndexOpenAtOrAfter(asOfMs - windowMs);
        if (first > next.size() - first) {
            // More candles have left the window than are in it: one copy of the window, paid for by as many appends.
            next = next.slice(first, next.size());
        }
        candles = next;
        return true;
    }
}
