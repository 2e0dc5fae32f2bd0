package org.liqlens.sources.live;

/**
 * One subscriber's place on a shared feed of a {@link LiveFeedHub}. Closing it releases the subscriber's
 * reference; the feed's connection (or poller) closes with the last one.
 */
public interface LiveCandleSubscription extends AutoCloseable {

    /** The feed's state now, with the time of its last update; {@link FeedStatus.State#CLOSED} once closed. */
    FeedStatus status();

    /**
     * Leaves the feed; idempotent, non-blocking, callable from any thread including a callback. No callback
     * starts after this returns, except one the dispatch thread had already begun when it was called from
     * another thread.
     */
    @Override
    void close();
}
