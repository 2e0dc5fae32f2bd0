package org.liqlens.sources;

import org.liqlens.engine.market.RealisedLiquidation;

/**
 * Receives live market events. All callbacks of one subscription run on one thread, in order, so an
 * implementation needs no locking of its own state; it must not block for long (hand work off instead).
 */
public interface LiveListener {

    /**
     * A closed candle. Per subscription, closed candles arrive in open-time order, each exactly once, and
     * without holes: after a reconnect the missing candles are fetched over REST and delivered first.
     */
    default void onCandle(Candle candle) { }

    /** An update of the still-forming candle ({@code candle.closed()} is false). */
    default void onCandleUpdate(Candle candle) { }

    default void onTrade(Trade trade) { }

    default void onLiquidation(RealisedLiquidation liquidation) { }

    /**
     * The connection state changed. The detail is for a person: the URL (credentials masked) when connecting or
     * connected, the reason and the wait before the next attempt when reconnecting.
     */
    default void onStatus(LiveStatus status, String detail) { }

    /**
     * A connection attempt failed or the open connection dropped; the next attempt starts in {@code retryInMs}.
     * Comes just before {@code onStatus(RECONNECTING, ...)}, which says the same in one sentence; this gives the
     * parts apart for a listener that words its own messages.
     *
     * @param reason why, e.g. {@code HTTP 404 Not Found} or {@code server closed the connection: 1001}
     */
    default void onConnectionLost(String reason, long retryInMs) { }

    /**
     * A frame was dropped because it could not be read: not JSON, not the shape the exchange documents, an
     * event type the feed does not know, or a binary frame. The subscription goes on. Unless overridden it is
     * reported to {@link #onError}.
     *
     * @param frame   the frame for a person, e.g. {@code text frame "[1,2,3]"} or {@code binary frame of 4 bytes}
     * @param problem what is wrong with it, e.g. {@code expected an object}
     */
    default void onUnreadableFrame(String frame, String problem) {
        onError(new SourceException("dropped a frame that could not be read (" + problem + "): " + frame));
    }

    /** A problem that did not end the subscription (a failed back-fill is retried, an unreadable frame is dropped). */
    default void onError(SourceException error) { }
}
