package org.liqlens.sources.live;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.DataKind;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.binance.BinanceSource;
import org.liqlens.sources.live.FeedStatus.State;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.live.LiveFakeBinance.M;
import static org.liqlens.sources.live.LiveFakeBinance.T0;
import static org.liqlens.sources.live.Recorder.await;

/**
 * REST polling, on a clock the test moves: the exchange (the MockWebServer's klines), its client and the hub all
 * read the same {@link ManualClock}, so a poll period passes in no time.
 */
class LiveFeedHubPollingTest {
    private static final long POLL_MS = 15_000;

    private final LiveFakeBinance fake = new LiveFakeBinance();
    private final ManualClock clock = new ManualClock(T0 + 10 * M + 5_000);
    private MockWebServer server;
    private BinanceSource source;
    private LiveFeedHub hub;

    @BeforeEach
    void start() throws Exception {
        server = LiveFakeBinance.start(fake);
        fake.now = clock::millis;
        source = new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), 0)
                .withClock(clock.asJavaClock()), null);
    }

    @AfterEach
    void stop() throws Exception {
        if (hub != null) hub.close();
        server.shutdown();
    }

    private LiveFeedHub hub(LiveFeedHub.Settings settings) {
        hub = new LiveFeedHub(settings, clock);
        return hub;
    }

    private static LiveFeedHub.Settings polling() {
        return LiveFeedHub.Settings.defaults().withMode(LiveFeedHub.Mode.POLLING).withPollEvery(Duration.ofMillis(POLL_MS));
    }

    /**
     * Moves one poll period on and waits until that poll's answer is being handled (its time is the last update;
     * the candles it brought may still be on their way to the listener).
     */
    private void nextPoll(LiveCandleSubscription sub) throws InterruptedException {
        int asked = fake.klineRequests.size();
        clock.advance(POLL_MS);
        long now = clock.millis();
        await(() -> fake.klineRequests.size() > asked && sub.status().lastUpdateMs() == now,
                "the poll at " + now + " (requests before it: " + asked + ", now " + fake.klineRequests.size()
                        + "; status " + sub.status() + ", last update " + sub.status().lastUpdateMs() + ")");
    }

    @Test
    void pollingDeliversEachNewCandleOnce() throws Exception {
        hub(polling());
        Recorder r = new Recorder(clock::millis);
        try (LiveCandleSubscription sub = hub.subscribe(source, "BTCUSDT", T0 + 5 * M, r)) {
            // The first poll goes out at once and brings what closed since minute 5.
            await(() -> r.closed.size() == 4, "minutes 6 to 9");
            assertEquals(1, fake.klineRequests.size());
            HttpUrl first = fake.klineRequests.get(0).getRequestUrl();
            assertEquals(Long.toString(T0 + 6 * M), first.queryParameter("startTime"));
            assertEquals(State.CONNECTING, r.statuses.get(0).state(), "the state on subscribing, before the first answer");
            FeedStatus polling = r.statuses.get(1);
            assertEquals(State.POLLING, polling.state());
            assertEquals("polling every 15 s (chosen in the settings)", polling.text());

            for (int i = 0; i < 12; i++) nextPoll(sub); // three minutes: 10:05 to 13:05
            await(() -> r.closed.size() >= 7, "minute 12"); // the last poll's candle may still be on its way
            assertArrayEquals(new long[] {6, 7, 8, 9, 10, 11, 12}, r.minutes(), "each closed minute once, in order");
            assertEquals(13, fake.klineRequests.size(), "one request a poll");
            HttpUrl last = fake.klineRequests.get(12).getRequestUrl();
            // The poll at 13:05 is the one that brought minute 12: it asked from there, not from minute 5.
            assertEquals(Long.toString(T0 + 12 * M), last.queryParameter("startTime"), "asks from the next candle only");
            assertEquals(LiveFakeBinance.close(12), r.closed.get(6).close());
            assertTrue(r.forming.isEmpty(), "REST has no forming candle");
            assertFalse(r.sawState(State.STALE));
            assertTrue(r.errors.isEmpty(), r.errors.toString());
        }
    }

    @Test
    void pollingTurnsStaleAfterTwoPeriodsWithoutAnAnswerAndRecovers() throws Exception {
        hub(polling());
        Recorder r = new Recorder(clock::millis);
        try (LiveCandleSubscription sub = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, r)) {
            long started = clock.millis();
            await(() -> fake.klineRequests.size() == 1 && sub.status().lastUpdateMs() == started, "the first poll");

            fake.failingRequests.set(1_000); // the exchange stops answering
            int asked = fake.klineRequests.size();
            clock.advance(POLL_MS);
            await(() -> !r.errors.isEmpty(), "the failed poll reported");
            // The error and the status that follows it are two callbacks: wait for the status too.
            await(() -> r.lastStatus().reason().contains("the last poll failed"), "the status of the failed poll");
            assertTrue(fake.klineRequests.size() > asked);
            assertFalse(r.sawState(State.STALE), "one period without an answer is not stale yet");
            FeedStatus failed = r.lastStatus();
            assertEquals(State.POLLING, failed.state());
            assertTrue(failed.reason().contains("the last poll failed"), failed.reason());

            clock.advance(POLL_MS);
            await(() -> r.sawState(State.STALE), "STALE after two periods");
            FeedStatus stale = r.statuses.stream().filter(s -> s.state() == State.STALE).findFirst().orElseThrow();
            assertEquals(started + 2 * POLL_MS, r.statusTimes.get(r.statuses.indexOf(stale)));
            assertEquals(started, stale.lastUpdateMs());
            assertTrue(stale.text().startsWith("stale: no update for over 30 s (polling every 15 s"), stale.text());
            await(() -> r.errors.size() >= 2, "the second failed poll"); // else the next turn finds it still out

            fake.failingRequests.set(0);
            clock.advance(POLL_MS);
            await(() -> r.lastStatus().state() == State.POLLING, "back to polling once a poll is answered");
            assertEquals("polling every 15 s (chosen in the settings)", r.lastStatus().text());
        }
    }

    @Test
    void aStreamThatNeverConnectsGivesWayToPolling() throws Exception {
        fake.refuseUpgrades = true; // e.g. a proxy that does not pass WebSockets
        hub(LiveFeedHub.Settings.defaults().withPollEvery(Duration.ofMillis(POLL_MS)).withStreamFailuresBeforePolling(2));
        Recorder r = new Recorder(clock::millis);
        try (LiveCandleSubscription sub = hub.subscribe(source, "BTCUSDT", T0 + 5 * M, r)) {
            await(() -> r.closed.size() == 4, "minutes 6 to 9, polled");
            assertArrayEquals(new long[] {6, 7, 8, 9}, r.minutes());
            assertEquals(2, fake.upgradePaths.size(), "two failed attempts");
            assertTrue(r.sawState(State.RECONNECTING));
            FeedStatus polling = r.statuses.stream().filter(s -> s.state() == State.POLLING).findFirst().orElseThrow();
            assertEquals("polling every 15 s (the live stream could not be used: HTTP 404 Not Found)", polling.text());

            nextPoll(sub);
            Thread.sleep(200); // the stream's reconnect backoff here is 10..100 ms: it would have tried again by now
            assertEquals(2, fake.upgradePaths.size(), "the stream was given up");
        }
    }

    @Test
    void aSourceWithoutAKlineStreamIsPolled() throws Exception {
        MarketDataSource noStream = new MarketDataSource() { // as OKX: trades and liquidations only
            @Override public String id() { return "nostream"; }
            @Override public String displayName() { return "An exchange"; }
            @Override public Set<DataKind> historicalData() { return source.historicalData(); }
            @Override public Set<LiveStream> liveStreams() { return EnumSet.of(LiveStream.TRADES); }
            @Override
            public CandleSeries candles(String symbol, long intervalMs, long fromMs, long toMs, CancelToken cancel) {
                return source.candles(symbol, intervalMs, fromMs, toMs, cancel);
            }
        };
        hub(LiveFeedHub.Settings.defaults().withPollEvery(Duration.ofMillis(POLL_MS)));
        Recorder r = new Recorder(clock::millis);
        try (LiveCandleSubscription sub = hub.subscribe(noStream, "BTCUSDT", T0 + 8 * M, r)) {
            await(() -> r.closed.size() == 1, "minute 9");
            assertEquals("polling every 15 s (An exchange has no live candle stream)", r.lastStatus().text());
            for (int i = 0; i < 4; i++) nextPoll(sub);
            await(() -> r.closed.size() >= 2, "minute 10");
            assertArrayEquals(new long[] {9, 10}, r.minutes());
            assertTrue(fake.upgradePaths.isEmpty(), "no WebSocket tried");
        }
    }

    @Test
    void thePollPeriodIsClampedTo15To60Seconds() {
        assertEquals(15_000, LiveFeedHub.Settings.defaults().withPollEvery(Duration.ofSeconds(1)).pollEveryMs());
        assertEquals(60_000, LiveFeedHub.Settings.defaults().withPollEvery(Duration.ofMinutes(5)).pollEveryMs());
        assertEquals(42_000, LiveFeedHub.Settings.defaults().withPollEvery(Duration.ofSeconds(42)).pollEveryMs());
    }
}
