package org.liqlens.sources.live;

import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.Candle;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.SourceException;

/**
 * Turns the candles a stream happens to deliver into a series without holes or repeats. It remembers the open
 * time of the next candle it owes the listener; a streamed candle beyond that (the first one after a
 * reconnect, or after a missed frame) first triggers a REST fetch of the gap, whose candles are all final
 * because the exchange has already started a later one. Candles at or before what was delivered are dropped.
 *
 * <p>If the back-fill fails, nothing past the hole is delivered; the fetch is retried on a later frame (at most
 * every {@link #RETRY_AFTER_FAILURE_NANOS}), so the listener never sees a series with a silent gap.
 * Not thread-safe: use it from the feed's event thread.
 */
public final class CandleGapFiller {
    static final long RETRY_AFTER_FAILURE_NANOS = 5_000_000_000L;

    /** Closed candles with open time in {@code [fromMs, toMs)}. */
    @FunctionalInterface
    public interface History {
        CandleSeries fetch(long fromMs, long toMs);
    }

    private final long intervalMs;
    private final History history;
    private final LiveListener listener;
    private long nextExpectedOpen;
    private long noRetryBeforeNanos = Long.MIN_VALUE;
    private boolean failedOnce;

    /**
     * @param resumeAfterOpenTime the open time of the last candle the listener already has, or
     *                            {@link Long#MIN_VALUE} to start with whatever the stream sends first
     */
    public CandleGapFiller(long intervalMs, long resumeAfterOpenTime, History history, LiveListener listener) {
        this.intervalMs = intervalMs;
        this.history = history;
        this.listener = listener;
        this.nextExpectedOpen = resumeAfterOpenTime == Long.MIN_VALUE ? Long.MIN_VALUE : resumeAfterOpenTime + intervalMs;
    }

    /** The open time of the next closed candle the listener will get, or {@link Long#MIN_VALUE} before the first. */
    public long nextExpectedOpen() {
        return nextExpectedOpen;
    }

    public void accept(Candle c) {
        if (nextExpectedOpen != Long.MIN_VALUE && c.openTime() > nextExpectedOpen) {
            if (!backfill(nextExpectedOpen, c.openTime())) {
                return;
            }
        }
        if (nextExpectedOpen != Long.MIN_VALUE && c.openTime() < nextExpectedOpen) {
            return; // already delivered (a repeat after reconnect, or covered by the back-fill)
        }
        if (c.closed()) {
            listener.onCandle(c);
            nextExpectedOpen = c.openTime() + intervalMs;
        } else {
            listener.onCandleUpdate(c);
        }
    }

    private boolean backfill(long from, long to) {
        if (failedOnce && System.nanoTime() - noRetryBeforeNanos < 0) {
            return false;
        }
        CandleSeries gap;
        try {
            gap = history.fetch(from, to);
        } catch (SourceException e) {
            failedOnce = true;
            noRetryBeforeNanos = System.nanoTime() + RETRY_AFTER_FAILURE_NANOS;
            listener.onError(new SourceException("could not back-fill candles " + from + " to " + to
                    + " after a stream gap; holding later candles until it succeeds: " + e.getMessage(), e));
            return false;
        }
        failedOnce = false;
        for (int i = 0; i < gap.size(); i++) {
            long t = gap.openTime(i);
            if (t < nextExpectedOpen || t >= to) {
                continue;
            }
            listener.onCandle(new Candle(gap.symbol(), intervalMs, t, gap.open(i), gap.high(i), gap.low(i), gap.close(i),
                    gap.volume(i), gap.quoteVolume(i), gap.takerBuyQuoteVolume(i), true));
        }
        // The exchange's own history is the truth: minutes it does not have (a trading halt) stay absent.
        nextExpectedOpen = to;
        return true;
    }
}
