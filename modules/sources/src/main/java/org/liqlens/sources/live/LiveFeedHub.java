package org.liqlens.sources.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.http.HttpClients;

/**
 * Live 1m candles for many subscribers over as few connections as possible: one feed per (configured source,
 * symbol), whatever the number of panes that show it. A feed streams the source's WebSocket kline stream when
 * it has one and polls its REST candles otherwise (or when the stream cannot be used); either way a subscriber
 * gets the same {@link LiveCandleListener} calls: every closed candle once, in order, without holes, continuing
 * from the candle it says it already holds.
 *
 * <p>Feeds are reference-counted: the first subscriber of a (source, symbol) opens the connection, the last one
 * to close its subscription closes it. Sources are told apart by identity, so subscribers that should share a
 * connection must pass the same configured {@link MarketDataSource} instance (the desktop keeps one per source
 * text); symbols are compared without case.
 *
 * <p>Threads: {@link #subscribe} and {@link LiveCandleSubscription#close()} never block and may be called from
 * any thread, the EDT included. Every callback runs on the hub's one dispatch thread; REST requests (polls,
 * catch-up of late subscribers) run on two worker threads of their own, and a WebSocket has its own event
 * thread (see {@link LiveConnection}). Create one hub for the application and {@link #close()} it on exit.
 */
public final class LiveFeedHub implements AutoCloseable {

    /** How a feed gets its candles. */
    public enum Mode {
        /** The WebSocket kline stream when the source offers one, else REST polling. */
        AUTO,
        /** REST polling always (e.g. behind a proxy that blocks WebSockets). */
        POLLING
    }

    /**
     * @param mode                        streaming or polling
     * @param pollEveryMs                 the poll period, clamped to [{@value #MIN_POLL_MS}, {@value #MAX_POLL_MS}]
     * @param streamUpdateIntervalMs      how often a working stream sends something at the least: a closed
     *                                    candle every minute; two of these without anything is {@code STALE}
     * @param streamFailuresBeforePolling connection attempts that may fail before a stream that never connected
     *                                    is given up for polling
     * @param recentCandles               closed candles each feed keeps, so that a subscriber joining a few
     *                                    minutes late catches up without a REST request
     */
    public record Settings(Mode mode, long pollEveryMs, long streamUpdateIntervalMs, int streamFailuresBeforePolling,
                           int recentCandles) {
        public static final long MIN_POLL_MS = 15_000;
        public static final long MAX_POLL_MS = 60_000;

        public Settings {
            Objects.requireNonNull(mode, "mode");
            pollEveryMs = Math.max(MIN_POLL_MS, Math.min(MAX_POLL_MS, pollEveryMs));
            if (streamUpdateIntervalMs <= 0) throw new IllegalArgumentException("update interval must be positive");
            if (streamFailuresBeforePolling < 1) throw new IllegalArgumentException("failures before polling must be >= 1");
            if (recentCandles < 1) throw new IllegalArgumentException("recent candles must be >= 1");
        }

        /** Stream when possible, poll every 30 s otherwise, stale after 2 min of silence, keep 4 h of candles. */
        public static Settings defaults() {
            return new Settings(Mode.AUTO, 30_000, 60_000, 3, 240);
        }

        public Settings withMode(Mode m) {
            return new Settings(m, pollEveryMs, streamUpdateIntervalMs, streamFailuresBeforePolling, recentCandles);
        }

        /** The poll period, clamped to 15..60 s: faster buys nothing on 1m candles, slower lags visibly. */
        public Settings withPollEvery(Duration every) {
            return new Settings(mode, every.toMillis(), streamUpdateIntervalMs, streamFailuresBeforePolling, recentCandles);
        }

        public Settings withStreamUpdateInterval(Duration interval) {
            return new Settings(mode, pollEveryMs, interval.toMillis(), streamFailuresBeforePolling, recentCandles);
        }

        public Settings withStreamFailuresBeforePolling(int failures) {
            return new Settings(mode, pollEveryMs, streamUpdateIntervalMs, failures, recentCandles);
        }

        public Settings withRecentCandles(int candles) {
            return new Settings(mode, pollEveryMs, streamUpdateIntervalMs, streamFailuresBeforePolling, candles);
        }
    }

    private record FeedKey(MarketDataSource source, String symbol) { }

    final Settings settings;
    final LiveClock clock;
    private final ScheduledThreadPoolExecutor dispatch;
    private final ThreadPoolExecutor rest;

    // Guarded by this.
    private final Map<FeedKey, SharedFeed> feeds = new HashMap<>();
    private boolean closed;

    /** A hub with {@link Settings#defaults()} on the system clock. */
    public LiveFeedHub() {
        this(Settings.defaults());
    }

    public LiveFeedHub(Settings settings) {
        this(settings, null);
    }

    /** @param clock the clock and timers to use; null for the system clock */
    public LiveFeedHub(Settings settings, LiveClock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatch = new ScheduledThreadPoolExecutor(1, HttpClients.daemonThreads("liqlens-live-hub"));
        this.dispatch.setRemoveOnCancelPolicy(true);
        this.dispatch.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.rest = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                HttpClients.daemonThreads("liqlens-live-rest"));
        this.rest.allowCoreThreadTimeOut(true);
        this.clock = clock != null ? clock : LiveClock.system(dispatch);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Joins the feed of {@code symbol} on {@code source}, opening it if this is its first subscriber.
     *
     * @param lastOpenTimeHeld the open time of the newest closed 1m candle the subscriber already holds (the last
     *                         candle of the window it loaded); the first {@link LiveCandleListener#onCandle} is the
     *                         candle right after it, fetched over REST if the feed is past it. {@link Long#MIN_VALUE}:
     *                         start with the next candle that closes.
     * @throws IllegalStateException when the hub is closed
     */
    public LiveCandleSubscription subscribe(MarketDataSource source, String symbol, long lastOpenTimeHeld,
                                            LiveCandleListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        if (sym.isEmpty()) throw new IllegalArgumentException("no symbol");
        FeedKey key = new FeedKey(source, sym);
        synchronized (this) {
            SharedFeed feed;
            boolean opened = false;
            if (closed) throw new IllegalStateException("the live feed hub is closed");
            feed = feeds.get(key);
            if (feed == null) {
                feed = new SharedFeed(this, source, sym);
                feeds.put(key, feed);
                opened = true;
            }
            feed.references++;
            SharedFeed.Subscriber sub = feed.newSubscriber(listener, lastOpenTimeHeld);
            SharedFeed f = feed;
            boolean start = opened;
            // Posted under the lock, so that the feed's first subscriber is added (and the feed started) before any
            // other subscriber of it, whichever thread wins the race.
            post(() -> {
                f.add(sub);
                if (start) f.start(lastOpenTimeHeld);
            });
            return sub;
        }
    }

    /** The feeds open now: one per (source, symbol) with at least one subscriber. */
    public synchronized int openFeeds() {
        return feeds.size();
    }

    /** Closes every feed (subscribers get {@code CLOSED}) and stops the hub's threads; idempotent. */
    @Override
    public void close() {
        List<SharedFeed> all;
        synchronized (this) {
            if (closed) return;
            closed = true;
            all = new ArrayList<>(feeds.values());
            feeds.clear();
        }
        for (SharedFeed f : all) post(f::closeByHub);
        dispatch.shutdown(); // runs what is queued, the closes above included, then ends
        rest.shutdownNow();
    }

    /** Called by a subscription that closes: drops its reference, and the feed with the last one. */
    void release(SharedFeed feed, SharedFeed.Subscriber sub) {
        synchronized (this) {
            boolean last = --feed.references == 0;
            if (last) feeds.remove(new FeedKey(feed.source, feed.symbol), feed);
            post(() -> feed.remove(sub, last));
        }
    }

    /** Runs {@code task} on the dispatch thread; dropped once the hub is closed. */
    void post(Runnable task) {
        try {
            dispatch.execute(task);
        } catch (RejectedExecutionException closedHub) {
            // Late events of a connection that is closing have nowhere to go.
        }
    }

    /** Runs a blocking {@code task} (a REST request) on a worker; dropped once the hub is closed. */
    void runBlocking(Runnable task) {
        try {
            rest.execute(task);
        } catch (RejectedExecutionException closedHub) {
            // As for post.
        }
    }

    /** A timer that posts {@code task} to the dispatch thread after {@code delayMs}; returns its cancel. */
    Runnable schedule(Runnable task, long delayMs) {
        return clock.schedule(() -> post(task), delayMs);
    }
}
