package org.liqlens.sources.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStatus;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.live.FeedStatus.State;

/**
 * The live 1m candles of one (source, symbol) of a {@link LiveFeedHub}, shared by all its subscribers.
 *
 * <p>Everything here but {@link #references} (the hub's lock) and the volatile status is confined to the hub's
 * dispatch thread: the upstream's callbacks, poll results and timers are all posted there, which is what keeps
 * delivery in order without locks. Two layers keep the candles whole:
 * <ul>
 * <li>the feed passes on each closed candle once, dropping any at or before the last it passed (a repeat after a
 *     reconnect, or a poll overlapping the stream), and keeps the recent ones;</li>
 * <li>each subscriber has its own next expected open time; a candle beyond it (a late subscriber, or a hole in
 *     what the feed got) is held back while the missing ones are fetched, from the recent candles when they reach
 *     back far enough and over REST otherwise.</li>
 * </ul>
 * Reconnect gaps of a stream are back-filled by the stream itself ({@link CandleGapFiller}), which the feed opens
 * at the candle its first subscriber holds.
 */
final class SharedFeed {
    private static final Logger LOG = Logger.getLogger(SharedFeed.class.getName());
    private static final long MINUTE = Intervals.MINUTE;
    /** The first wait before asking again for candles a late subscriber misses; doubles up to a minute. */
    private static final long CATCH_UP_RETRY_MS = 5_000;

    final MarketDataSource source;
    final String symbol;
    private final LiveFeedHub hub;
    /** Subscribers holding this feed open; guarded by the hub. */
    int references;

    // Dispatch-thread state.
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final RecentCandles recent;
    private final CancelToken cancel = CancelToken.create();
    /** The open time of the next closed candle the feed expects; MIN_VALUE before it knows. */
    private long nextOpen = Long.MIN_VALUE;
    private Upstream upstream;
    private boolean closed;
    private State baseState = State.CONNECTING;
    private String baseReason = "";
    private long retryInMs;
    private boolean stale;
    /** When the feed last started to claim it works (LIVE or POLLING): staleness counts from here at the earliest. */
    private long workingSinceMs;
    private boolean staleCheckPending;
    private Runnable cancelStaleCheck = () -> { };

    // Read by subscriptions on any thread.
    private volatile FeedStatus published;
    private volatile long lastUpdateMs = Long.MIN_VALUE;

    SharedFeed(LiveFeedHub hub, MarketDataSource source, String symbol) {
        this.hub = hub;
        this.source = source;
        this.symbol = symbol;
        this.recent = new RecentCandles(hub.settings.recentCandles());
        this.published = composeStatus();
    }

    Subscriber newSubscriber(LiveCandleListener listener, long lastOpenTimeHeld) {
        return new Subscriber(listener, lastOpenTimeHeld);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Life cycle (dispatch thread)

    /** Opens the upstream, continuing after {@code resumeAfterOpenTime} (the first subscriber's last candle). */
    void start(long resumeAfterOpenTime) {
        if (closed) return;
        nextOpen = resumeAfterOpenTime == Long.MIN_VALUE ? Long.MIN_VALUE : resumeAfterOpenTime + MINUTE;
        if (hub.settings.mode() == LiveFeedHub.Mode.POLLING) {
            startPolling("chosen in the settings");
        } else if (!source.liveStreams().contains(LiveStream.KLINE_1M)) {
            startPolling(source.displayName() + " has no live candle stream");
        } else {
            startStream();
        }
    }

    void add(Subscriber s) {
        if (closed || s.closed) return;
        subscribers.add(s);
        s.status(status());
        if (s.next != Long.MIN_VALUE && nextOpen != Long.MIN_VALUE && s.next < nextOpen) {
            s.catchUp(nextOpen); // joined late: the feed has passed candles this subscriber lacks
        }
    }

    void remove(Subscriber s, boolean last) {
        subscribers.remove(s);
        if (last) shutDown();
    }

    /** The hub is closing: tell whoever is still subscribed. */
    void closeByHub() {
        List<Subscriber> left = new ArrayList<>(subscribers);
        shutDown();
        FeedStatus closedStatus = published;
        for (Subscriber s : left) {
            s.status(closedStatus);
            s.closed = true;
        }
    }

    private void shutDown() {
        if (closed) return;
        closed = true;
        if (upstream != null) upstream.stop();
        upstream = null;
        cancelStaleCheck.run();
        cancel.cancel();
        subscribers.clear();
        baseState = State.CLOSED;
        baseReason = "";
        stale = false;
        published = composeStatus();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Candles (dispatch thread)

    private void closedCandle(Candle c) {
        noteUpdate();
        if (nextOpen != Long.MIN_VALUE && c.openTime() < nextOpen) {
            return; // passed on already
        }
        nextOpen = c.openTime() + MINUTE;
        recent.add(c);
        for (int i = 0; i < subscribers.size(); i++) subscribers.get(i).offer(c);
    }

    private void formingCandle(Candle c) {
        noteUpdate();
        if (nextOpen != Long.MIN_VALUE && c.openTime() < nextOpen) {
            return; // an update of a candle already closed
        }
        for (int i = 0; i < subscribers.size(); i++) subscribers.get(i).offerForming(c);
    }

    private void broadcastError(SourceException e) {
        for (int i = 0; i < subscribers.size(); i++) subscribers.get(i).error(e);
    }

    private static Candle candle(CandleSeries s, int i) {
        return new Candle(s.symbol(), s.intervalMs(), s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i),
                s.volume(i), s.quoteVolume(i), s.takerBuyQuoteVolume(i), true);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Status (dispatch thread)

    FeedStatus status() {
        FeedStatus p = published;
        long last = lastUpdateMs;
        return p.lastUpdateMs() == last ? p
                : new FeedStatus(p.state(), p.reason(), p.retryInMs(), p.pollEveryMs(), p.staleAfterMs(), last);
    }

    private boolean polling() {
        return upstream instanceof Poller;
    }

    private long staleAfterMs() {
        return 2 * (polling() ? hub.settings.pollEveryMs() : hub.settings.streamUpdateIntervalMs());
    }

    private FeedStatus composeStatus() {
        long poll = polling() ? hub.settings.pollEveryMs() : 0;
        if (stale) {
            return new FeedStatus(State.STALE, baseReason, 0, poll, staleAfterMs(), lastUpdateMs);
        }
        return new FeedStatus(baseState, baseReason, baseState == State.RECONNECTING ? retryInMs : 0,
                baseState == State.POLLING ? poll : 0, staleAfterMs(), lastUpdateMs);
    }

    private void setState(State state, String reason, long retryIn) {
        baseState = state;
        baseReason = reason;
        retryInMs = retryIn;
        stale = false;
        if (state == State.LIVE || state == State.POLLING) {
            workingSinceMs = hub.clock.millis();
            scheduleStaleCheck();
        }
        publish();
    }

    /** A new reason for the same state: a poll failed, or one succeeded again. Staleness goes on counting. */
    private void setReason(String reason) {
        if (baseReason.equals(reason)) return;
        baseReason = reason;
        publish();
    }

    /** Tells the subscribers when the state changed; the time of the last update alone is not a change. */
    private void publish() {
        FeedStatus s = composeStatus();
        FeedStatus before = published;
        published = s;
        if (s.state() == before.state() && s.reason().equals(before.reason()) && s.retryInMs() == before.retryInMs()
                && s.pollEveryMs() == before.pollEveryMs()) {
            return;
        }
        for (int i = 0; i < subscribers.size(); i++) subscribers.get(i).status(s);
    }

    private void noteUpdate() {
        lastUpdateMs = hub.clock.millis();
        if (stale) {
            stale = false;
            publish();
        }
        scheduleStaleCheck();
    }

    private boolean working() {
        return !closed && (baseState == State.LIVE || baseState == State.POLLING);
    }

    /** One timer at a time, due when the feed would turn stale if nothing came before; cheap at 4 updates/s. */
    private void scheduleStaleCheck() {
        if (staleCheckPending || stale || !working()) return;
        long due = Math.max(lastUpdateMs, workingSinceMs) + staleAfterMs();
        staleCheckPending = true;
        cancelStaleCheck = hub.schedule(this::staleCheck, due - hub.clock.millis());
    }

    private void staleCheck() {
        staleCheckPending = false;
        if (stale || !working()) return;
        long since = Math.max(lastUpdateMs, workingSinceMs);
        if (hub.clock.millis() - since >= staleAfterMs()) {
            stale = true;
            publish();
        } else {
            scheduleStaleCheck();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Upstreams

    /** Where the candles come from; events of an upstream that is no longer {@link #upstream} are ignored. */
    private abstract static class Upstream {
        abstract void stop();
    }

    private void startStream() {
        Stream s = new Stream();
        upstream = s;
        setState(State.CONNECTING, "", 0);
        long resume = nextOpen == Long.MIN_VALUE ? Long.MIN_VALUE : nextOpen - MINUTE;
        // Opening may block (a source may look the instrument up first): not on the dispatch thread.
        ask(() -> source.subscribe(symbol, EnumSet.of(LiveStream.KLINE_1M), s, resume), s::opened, e -> {
            if (upstream == s) startPolling("the live stream could not be opened: " + message(e));
        });
    }

    /**
     * Runs blocking {@code work} on a REST worker and hands its result, or its failure, to the dispatch thread.
     * An {@link Error} is handed on as a failure too (else the feed would wait for an answer forever), then
     * rethrown; a cancellation (the feed closed) is not handed on.
     */
    private <T> void ask(Supplier<T> work, Consumer<T> onResult, Consumer<RuntimeException> onFailure) {
        hub.runBlocking(() -> {
            T result;
            try {
                result = work.get();
            } catch (CancellationException closedFeed) {
                return;
            } catch (RuntimeException e) {
                hub.post(() -> onFailure.accept(e));
                return;
            } catch (Error e) {
                hub.post(() -> onFailure.accept(new SourceException("internal error: " + e, e)));
                throw e;
            }
            hub.post(() -> onResult.accept(result));
        });
    }

    /**
     * A WebSocket kline stream of the source. Its callbacks come on the connection's event thread and are
     * posted to the dispatch thread.
     */
    private final class Stream extends Upstream implements LiveListener {
        private LiveSubscription subscription;
        private boolean stopped;
        private boolean everConnected;
        private int failures;
        private String lastFailure = "";
        private long lastRetryInMs;

        void opened(LiveSubscription sub) {
            if (stopped || upstream != this) {
                sub.close();
            } else {
                subscription = sub;
            }
        }

        @Override
        void stop() {
            stopped = true;
            if (subscription != null) subscription.close();
        }

        private void onDispatch(Runnable r) {
            hub.post(() -> {
                if (upstream == this && !stopped) r.run();
            });
        }

        @Override
        public void onCandle(Candle candle) {
            onDispatch(() -> closedCandle(candle));
        }

        @Override
        public void onCandleUpdate(Candle candle) {
            onDispatch(() -> formingCandle(candle));
        }

        @Override
        public void onConnectionLost(String reason, long retryInMs) {
            onDispatch(() -> {
                lastFailure = reason;
                lastRetryInMs = retryInMs;
                if (!everConnected && ++failures >= hub.settings.streamFailuresBeforePolling()) {
                    // A stream that never connected is most likely blocked (a proxy, a firewall): REST may pass.
                    stop();
                    startPolling("the live stream could not be used: " + reason);
                }
            });
        }

        @Override
        public void onStatus(LiveStatus status, String detail) {
            onDispatch(() -> {
                switch (status) {
                    case CONNECTING -> setState(State.CONNECTING,
                            lastFailure.isEmpty() ? "" : "the last attempt failed: " + lastFailure, 0);
                    case CONNECTED -> {
                        everConnected = true;
                        failures = 0;
                        setState(State.LIVE, "", 0);
                    }
                    case RECONNECTING -> setState(State.RECONNECTING, lastFailure, lastRetryInMs);
                    case CLOSED -> { /* only ever after our own close */ }
                }
            });
        }

        @Override
        public void onUnreadableFrame(String frame, String problem) {
            onDispatch(() -> broadcastError(new SourceException("dropped a frame that could not be read ("
                    + problem + "): " + frame)));
        }

        @Override
        public void onError(SourceException error) {
            onDispatch(() -> broadcastError(error));
        }
    }

    private void startPolling(String why) {
        if (upstream != null) upstream.stop();
        Poller p = new Poller(why);
        upstream = p;
        setState(State.POLLING, why, 0);
        p.poll();
    }

    /** REST candles every poll period; each poll asks from the next candle the feed expects up to now. */
    private final class Poller extends Upstream {
        private final String why;
        private boolean stopped;
        private boolean inFlight;
        private Runnable cancelTimer = () -> { };

        Poller(String why) {
            this.why = why;
        }

        @Override
        void stop() {
            stopped = true;
            cancelTimer.run();
        }

        void poll() {
            if (stopped || upstream != this) return;
            cancelTimer = hub.schedule(this::poll, hub.settings.pollEveryMs());
            if (inFlight) return; // the previous poll is still out (slow, or retrying): skip this turn
            inFlight = true;
            long now = hub.clock.millis();
            long currentMinute = Intervals.floor(now, MINUTE);
            long from = nextOpen != Long.MIN_VALUE ? nextOpen : currentMinute - MINUTE;
            // Up to the forming minute's end: the forming candle is never returned, but the request is always
            // made, and its answer is what tells that the source is still there.
            long to = Math.max(currentMinute, from) + MINUTE;
            ask(() -> source.candles(symbol, MINUTE, from, to, cancel), got -> polled(got, now), this::failed);
        }

        private void polled(CandleSeries got, long askedAt) {
            inFlight = false;
            if (stopped || upstream != this) return;
            for (int i = 0; i < got.size(); i++) {
                // Sources give closed candles only; a file or a simulator has no clock, so check it here too.
                if (got.openTime(i) + got.intervalMs() <= askedAt) closedCandle(candle(got, i));
            }
            setReason(why); // drops the failure of an earlier poll
            noteUpdate();
        }

        private void failed(RuntimeException e) {
            inFlight = false;
            if (stopped || upstream != this) return;
            String what = message(e);
            broadcastError(e instanceof SourceException se ? se : new SourceException("polling " + symbol + " failed: " + what, e));
            setReason(why + "; the last poll failed: " + what);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Subscribers

    /** One subscriber: its own next expected candle, and the candles held back while it catches up. */
    final class Subscriber implements LiveCandleSubscription {
        private final LiveCandleListener listener;
        /** The open time of the next closed candle owed; MIN_VALUE: whatever comes next. Dispatch thread. */
        private long next;
        private boolean catchingUp;
        private final ArrayDeque<Candle> held = new ArrayDeque<>();
        private int catchUpFailures;
        private Runnable cancelRetry = () -> { };
        volatile boolean closed;

        Subscriber(LiveCandleListener listener, long lastOpenTimeHeld) {
            this.listener = listener;
            this.next = lastOpenTimeHeld == Long.MIN_VALUE ? Long.MIN_VALUE : lastOpenTimeHeld + MINUTE;
        }

        @Override
        public FeedStatus status() {
            FeedStatus s = SharedFeed.this.status();
            return closed ? new FeedStatus(State.CLOSED, "", 0, 0, s.staleAfterMs(), s.lastUpdateMs()) : s;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            hub.post(() -> cancelRetry.run());
            hub.release(SharedFeed.this, this);
        }

        void offer(Candle c) {
            if (closed) return;
            if (catchingUp) {
                held.add(c);
                return;
            }
            take(c);
        }

        void offerForming(Candle c) {
            if (closed || catchingUp || (next != Long.MIN_VALUE && c.openTime() < next)) return;
            call(() -> listener.onCandleUpdate(c));
        }

        /** Delivers {@code c} if it is the next one owed, after whatever is missing before it. */
        private void take(Candle c) {
            if (next == Long.MIN_VALUE || c.openTime() == next) {
                deliver(c);
            } else if (c.openTime() > next) {
                held.addFirst(c); // first: it precedes whatever else is held
                catchUp(c.openTime());
            } // else: delivered already
        }

        /** Gets this subscriber the candles in {@code [next, to)}, from the recent ones or over REST. */
        void catchUp(long to) {
            if (recent.reachesBack(next)) {
                recent.forEach(next, to, this::deliver);
                next = Math.max(next, to); // minutes the feed never got are absent on the exchange too
                drainHeld();
            } else {
                catchingUp = true;
                fetch(next, to);
            }
        }

        private void fetch(long from, long to) {
            ask(() -> source.candles(symbol, MINUTE, from, to, cancel), got -> fetched(got, to),
                    e -> fetchFailed(from, to, e));
        }

        private void fetched(CandleSeries got, long to) {
            if (closed) return;
            catchUpFailures = 0;
            for (int i = 0; i < got.size(); i++) {
                if (got.openTime(i) >= next && got.openTime(i) < to) deliver(candle(got, i));
            }
            // The exchange's history is the truth: a minute it has no candle for (a halt) stays absent.
            next = Math.max(next, to);
            catchingUp = false;
            drainHeld();
        }

        private void fetchFailed(long from, long to, RuntimeException e) {
            if (closed) return;
            long wait = Math.min(60_000, CATCH_UP_RETRY_MS << Math.min(catchUpFailures++, 4));
            error(new SourceException("could not fetch the " + symbol + " candles from " + from + " to " + to
                    + " that this subscriber misses; later candles are held until it succeeds, next try in "
                    + FeedStatus.duration(wait) + ": " + message(e), e));
            cancelRetry = hub.schedule(() -> {
                if (!closed && !SharedFeed.this.closed) fetch(from, to);
            }, wait);
        }

        private void drainHeld() {
            while (!catchingUp && !held.isEmpty()) take(held.poll());
        }

        private void deliver(Candle c) {
            next = c.openTime() + MINUTE;
            call(() -> listener.onCandle(c));
        }

        void status(FeedStatus s) {
            call(() -> listener.onStatus(s));
        }

        void error(SourceException e) {
            call(() -> listener.onError(e));
        }

        private void call(Runnable callback) {
            if (closed) return;
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a live candle listener of " + symbol + " threw", e);
            }
        }
    }

    /** The last closed candles the feed passed on, oldest first, in a ring. */
    private static final class RecentCandles {
        private final Candle[] ring;
        private int start;
        private int count;

        RecentCandles(int capacity) {
            ring = new Candle[capacity];
        }

        void add(Candle c) {
            if (count < ring.length) {
                ring[(start + count++) % ring.length] = c;
            } else {
                ring[start] = c;
                start = (start + 1) % ring.length;
            }
        }

        /** Whether every candle the feed passed on from {@code openTime} on is here. */
        boolean reachesBack(long openTime) {
            return count > 0 && ring[start].openTime() <= openTime;
        }

        void forEach(long from, long to, java.util.function.Consumer<Candle> action) {
            for (int i = 0; i < count; i++) {
                Candle c = ring[(start + i) % ring.length];
                if (c.openTime() >= from && c.openTime() < to) action.accept(c);
            }
        }
    }
}
