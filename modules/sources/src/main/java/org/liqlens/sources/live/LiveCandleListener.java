package org.liqlens.sources.live;

import org.liqlens.sources.Candle;
import org.liqlens.sources.SourceException;

/**
 * What a subscriber of a {@link LiveFeedHub} receives, whether the feed streams over a WebSocket or polls
 * REST candles.
 *
 * <p>Threading: every callback runs on the hub's dispatch thread, one at a time and in order, so an
 * implementation needs no locking of its own state. They must return quickly and never block: one thread
 * serves every subscriber of the hub, so hand real work (an engine run) to your own executor. A callback may
 * close subscriptions and subscribe again. An exception thrown by a callback is logged and otherwise ignored.
 */
public interface LiveCandleListener {

    /**
     * The next closed 1m candle: each exactly once, in open-time order, the first one right after the open time
     * the subscriber said it holds. Missing minutes (after a reconnect, for a subscriber that joined late) are
     * fetched over REST before later candles are delivered. Only minutes the exchange itself has no candle for
     * (a trading halt) are absent.
     */
    void onCandle(Candle closed);

    /**
     * An update of the forming candle ({@code forming.closed()} is false), a few times a second on Binance.
     * Not sent while polling (REST gives closed candles only) nor while a late subscriber is catching up.
     */
    default void onCandleUpdate(Candle forming) { }

    /** The feed's state changed; sent once on subscribing with the current state. */
    default void onStatus(FeedStatus status) { }

    /**
     * A problem that did not end the feed: a failed back-fill or poll (retried), a frame that could not be read.
     */
    default void onError(SourceException error) { }
}
