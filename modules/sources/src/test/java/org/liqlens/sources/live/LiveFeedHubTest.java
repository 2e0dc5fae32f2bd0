package org.liqlens.sources.live;

import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Candle;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.binance.BinanceSource;
import org.liqlens.sources.live.FeedStatus.State;
import org.liqlens.sources.load.WindowLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liqlens.sources.live.LiveFakeBinance.M;
import static org.liqlens.sources.live.LiveFakeBinance.T0;
import static org.liqlens.sources.live.LiveFakeBinance.klineEvent;
import static org.liqlens.sources.live.Recorder.await;

/** The hub over Binance's WebSocket kline stream, served by a MockWebServer. */
class LiveFeedHubTest {
    private final LiveFakeBinance fake = new LiveFakeBinance();
    private MockWebServer server;
    private BinanceSource source;
    private LiveFeedHub hub;

    @BeforeEach
    void start() throws Exception {
        server = LiveFakeBinance.start(fake);
        // The exchange client's clock (what it takes as now when it drops the forming candle): minute 100.
        source = new BinanceSource(TestSupport.settingsFor(server, new TestSupport.RecordingSleeper(), T0 + 100 * M), null);
        hub = new LiveFeedHub();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        server.shutdown();
    }

    private void awaitLive(Recorder... recorders) throws InterruptedException {
        await(() -> fake.serverSockets.size() == 1, "the WebSocket connection");
        for (Recorder r : recorders) await(() -> r.lastStatus() != null && r.lastStatus().state() == State.LIVE, "LIVE");
    }

    @Test
    void twoSubscribersOnOneSymbolShareOneWebSocket() throws Exception {
        Recorder a = new Recorder(), b = new Recorder();
        try (LiveCandleSubscription sa = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, a);
             LiveCandleSubscription sb = hub.subscribe(source, " btcusdt", T0 + 9 * M, b)) {
            awaitLive(a, b);
            fake.push(klineEvent(10, false), klineEvent(10, true), klineEvent(11, false), klineEvent(11, true));
            await(() -> a.closed.size() == 2 && b.closed.size() == 2, "minutes 10 and 11");

            assertEquals(1, fake.upgradePaths.size(), "one WebSocket upgrade for both: " + fake.upgradePaths);
            assertEquals("/stream?streams=btcusdt@kline_1m", fake.upgradePaths.get(0));
            assertEquals(1, hub.openFeeds());
            assertArrayEquals(new long[] {10, 11}, a.minutes());
            assertArrayEquals(new long[] {10, 11}, b.minutes());
            assertEquals(2, a.forming.size(), "the forming updates of minutes 10 and 11");
            assertTrue(a.forming.stream().noneMatch(Candle::closed));
            assertEquals(LiveFakeBinance.close(11), b.closed.get(1).close());
            assertTrue(fake.klineRequests.isEmpty(), "nothing to fetch: both held minute 9");
            assertTrue(a.threads.stream().allMatch(t -> t.startsWith("liqlens-live-hub")), a.threads.toString());
            assertEquals(State.LIVE, sa.status().state());
            assertTrue(sa.status().lastUpdateMs() > 0);
        }
    }

    @Test
    void aClosedKlineExtendsTheWindowByExactlyOneCandle() throws Exception {
        WindowLoader.Loaded loaded = WindowLoader.load(source, "BTCUSDT", Set.of(ModelInput.CANDLES), T0 + 60 * M,
                60 * M, CancelToken.NONE);
        LiveWindow window = LiveWindow.of(source, "BTCUSDT", loaded, 60 * M);
        assertEquals(60, window.candles().size());
        assertEquals(T0 + 59 * M, window.lastOpenTime());
        int restAfterLoad = fake.klineRequests.size();

        LinkedBlockingQueue<Candle> toWorker = new LinkedBlockingQueue<>();
        Recorder r = new Recorder() {
            @Override
            public void onCandle(Candle c) {
                super.onCandle(c);
                toWorker.add(c); // the pane's worker takes it from here: the dispatch thread must not run the engine
            }
        };
        try (LiveCandleSubscription sub = hub.subscribe(source, "BTCUSDT", window.lastOpenTime(), r)) {
            awaitLive(r);
            fake.push(klineEvent(60, false), klineEvent(60, true));
            Candle c = toWorker.poll(10, TimeUnit.SECONDS);
            assertNotNull(c, "the close of minute 60");
            assertTrue(window.advance(c, CancelToken.NONE));
        }
        CandleSeries after = window.candles();
        assertEquals(61, after.size(), "exactly one candle more");
        assertEquals(T0 + 60 * M, window.lastOpenTime());
        assertEquals(T0 + 60 * M, after.openTime(60));
        assertEquals(42_000 + (61 * 37 % 400) * 0.5, after.close(60), "minute 60 closes at the price of minute 61");
        assertEquals(T0 + 61 * M, window.asOfMs(), "T' = the new candle's close time + 1");
        CandleSeries exact = window.exactCandles();
        assertEquals(60, exact.size(), "the window is still an hour");
        assertEquals(T0 + M, exact.firstOpenTime());
        TestSupport.assertContiguous(java.util.Arrays.copyOf(exact.openTimes(), exact.size()), M);
        assertEquals(restAfterLoad, fake.klineRequests.size(), "the stream's candle needed no REST request");
    }

    @Test
    void aDroppedConnectionReconnectsAndBackFillsTheMissedCandlesOverRest() throws Exception {
        Recorder r = new Recorder();
        try (LiveCandleSubscription sub = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, r)) {
            awaitLive(r);
            fake.push(klineEvent(10, true), klineEvent(11, false), klineEvent(11, true));
            await(() -> r.closed.size() == 2, "minutes 10 and 11");

            fake.dropConnections(); // the server closes; minutes 12, 13 and 14 pass while the feed is away
            await(() -> fake.upgradePaths.size() == 2 && fake.serverSockets.size() == 1, "the reconnect");
            // The new connection repeats minute 11, then the stream is at minute 15.
            fake.push(klineEvent(11, true), klineEvent(15, false), klineEvent(15, true), klineEvent(16, false));
            await(() -> r.closed.size() == 6, "minutes up to 15");

            assertArrayEquals(new long[] {10, 11, 12, 13, 14, 15}, r.minutes(), "every minute once, in order");
            assertEquals(1, fake.klineRequests.size(), "one REST request fills the gap");
            HttpUrl u = fake.klineRequests.get(0).getRequestUrl();
            assertEquals(Long.toString(T0 + 12 * M), u.queryParameter("startTime"));
            assertEquals(Long.toString(T0 + 15 * M - 1), u.queryParameter("endTime"));
            Candle thirteen = r.closed.get(3);
            assertTrue(thirteen.closed());
            assertEquals(LiveFakeBinance.open(13), thirteen.open());
            assertEquals(LiveFakeBinance.close(13), thirteen.close());
            assertEquals(LiveFakeBinance.high(13), thirteen.high());
            assertEquals(LiveFakeBinance.low(13), thirteen.low());

            FeedStatus reconnecting = r.statuses.stream().filter(s -> s.state() == State.RECONNECTING).findFirst().orElseThrow();
            assertTrue(reconnecting.text().startsWith("reconnecting in "), reconnecting.text());
            assertTrue(reconnecting.reason().contains("server closed the connection: 1001"), reconnecting.reason());
            await(() -> r.lastStatus().state() == State.LIVE, "LIVE again");
            assertTrue(r.errors.isEmpty(), r.errors.toString());
        }
    }

    @Test
    void aLateSubscriberContinuesFromTheCandleItHolds() throws Exception {
        Recorder first = new Recorder(), late = new Recorder(), recent = new Recorder();
        try (LiveCandleSubscription s1 = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, first)) {
            awaitLive(first);
            for (int m = 10; m <= 14; m++) fake.push(klineEvent(m, false), klineEvent(m, true));
            await(() -> first.closed.size() == 5, "minutes 10 to 14");

            // Loaded its history up to minute 7: 8 and 9 predate the feed, so they come over REST.
            try (LiveCandleSubscription s2 = hub.subscribe(source, "BTCUSDT", T0 + 7 * M, late);
                 // Holds minute 12: 13 and 14 are among the feed's recent candles, no REST needed.
                 LiveCandleSubscription s3 = hub.subscribe(source, "BTCUSDT", T0 + 12 * M, recent)) {
                fake.push(klineEvent(15, false), klineEvent(15, true));
                await(() -> late.closed.size() == 8 && recent.closed.size() == 3 && first.closed.size() == 6, "minute 15 for all");

                assertArrayEquals(new long[] {10, 11, 12, 13, 14, 15}, first.minutes());
                assertArrayEquals(new long[] {8, 9, 10, 11, 12, 13, 14, 15}, late.minutes());
                assertArrayEquals(new long[] {13, 14, 15}, recent.minutes());
                assertEquals(1, fake.klineRequests.size(), "only the late subscriber asked REST");
                HttpUrl u = fake.klineRequests.get(0).getRequestUrl();
                assertEquals(Long.toString(T0 + 8 * M), u.queryParameter("startTime"));
                assertEquals(1, fake.upgradePaths.size());
                assertEquals(LiveFakeBinance.close(8), late.closed.get(0).close());
            }
        }
    }

    @Test
    void aLateSubscribersCatchUpIsRetriedUntilRestAnswers() throws Exception {
        ManualClock clock = new ManualClock(T0 + 20 * M);
        hub.close();
        hub = new LiveFeedHub(LiveFeedHub.Settings.defaults(), clock);
        Recorder first = new Recorder(), late = new Recorder();
        try (LiveCandleSubscription s1 = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, first)) {
            awaitLive(first);
            fake.push(klineEvent(10, true), klineEvent(11, true));
            await(() -> first.closed.size() == 2, "minutes 10 and 11");

            fake.failingRequests.set(1_000);
            try (LiveCandleSubscription s2 = hub.subscribe(source, "BTCUSDT", T0 + 5 * M, late)) {
                await(() -> !late.errors.isEmpty(), "the failed catch-up reported");
                assertTrue(late.errors.get(0).getMessage().contains("next try in 5 s"), late.errors.get(0).getMessage());
                fake.push(klineEvent(12, true)); // held back: minutes 6 to 11 come first
                await(() -> first.closed.size() == 3, "minute 12");
                assertTrue(late.closed.isEmpty(), "nothing past the hole: " + late.closed);

                fake.failingRequests.set(0);
                clock.advance(5_000);
                await(() -> late.closed.size() == 7, "minutes 6 to 12");
                assertArrayEquals(new long[] {6, 7, 8, 9, 10, 11, 12}, late.minutes());
                assertEquals(1, late.errors.size());
            }
        }
    }

    @Test
    void closingAllSubscribersClosesTheConnection() throws Exception {
        Recorder a = new Recorder(), b = new Recorder();
        LiveCandleSubscription sa = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, a);
        LiveCandleSubscription sb = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, b);
        awaitLive(a, b);

        sa.close();
        fake.push(klineEvent(10, true)); // the connection still serves the other subscriber
        await(() -> b.closed.size() == 1, "minute 10 for the one left");
        assertTrue(a.closed.isEmpty(), "nothing after close");
        assertEquals(State.CLOSED, sa.status().state());
        assertEquals(1, hub.openFeeds());
        assertTrue(fake.clientCloses.isEmpty(), "one subscriber left: the connection stays");

        sb.close();
        await(() -> fake.clientCloses.size() == 1, "the client to close the WebSocket");
        assertEquals(1000, fake.clientCloses.get(0), "a normal closure");
        assertEquals(0, hub.openFeeds());
        assertEquals(State.CLOSED, sb.status().state());
        sb.close(); // idempotent

        // A new subscriber opens a new connection.
        Recorder c = new Recorder();
        try (LiveCandleSubscription sc = hub.subscribe(source, "BTCUSDT", T0 + 10 * M, c)) {
            await(() -> fake.upgradePaths.size() == 2 && c.lastStatus() != null && c.lastStatus().state() == State.LIVE, "a new connection");
        }
    }

    @Test
    void closingTheHubTellsEverySubscriberAndClosesTheConnection() throws Exception {
        Recorder a = new Recorder();
        LiveCandleSubscription sa = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, a);
        awaitLive(a);
        hub.close();
        await(() -> a.lastStatus().state() == State.CLOSED, "CLOSED");
        assertEquals("closed", a.lastStatus().text());
        await(() -> fake.clientCloses.size() == 1, "the WebSocket closed");
        assertEquals(0, hub.openFeeds());
        sa.close(); // harmless after the hub closed
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> hub.subscribe(source, "BTCUSDT", T0 + 9 * M, new Recorder()));
    }

    @Test
    void aSubscriberMayCloseItselfFromACallback() throws Exception {
        Recorder other = new Recorder();
        LiveCandleSubscription[] self = new LiveCandleSubscription[1];
        Recorder quitter = new Recorder() {
            @Override
            public void onCandle(Candle c) {
                super.onCandle(c);
                self[0].close();
            }
        };
        self[0] = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, quitter);
        try (LiveCandleSubscription so = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, other)) {
            awaitLive(quitter, other);
            fake.push(klineEvent(10, true), klineEvent(11, true));
            await(() -> other.closed.size() == 2, "both minutes for the one that stays");
            assertArrayEquals(new long[] {10}, quitter.minutes(), "nothing after it closed");
            assertEquals(1, hub.openFeeds());
        }
    }

    @Test
    void aStreamThatStopsSendingTurnsStaleAfterTwoIntervals() throws Exception {
        ManualClock clock = new ManualClock(T0 + 10 * M);
        hub.close();
        hub = new LiveFeedHub(LiveFeedHub.Settings.defaults(), clock); // a working stream sends at least once a minute
        Recorder r = new Recorder(clock::millis);
        try (LiveCandleSubscription sub = hub.subscribe(source, "BTCUSDT", T0 + 9 * M, r)) {
            awaitLive(r);
            fake.push(klineEvent(10, false));
            await(() -> r.forming.size() == 1, "an update");
            assertEquals(T0 + 10 * M, sub.status().lastUpdateMs());

            clock.advance(119_000);
            Thread.sleep(50); // nothing is due: give a wrong timer the chance to show
            assertTrue(!r.sawState(State.STALE), "stale too early: " + r.statuses);

            clock.advance(1_000);
            await(() -> r.sawState(State.STALE), "STALE after two minutes without an update");
            int stale = r.statuses.indexOf(r.statuses.stream().filter(s -> s.state() == State.STALE).findFirst().orElseThrow());
            assertEquals(T0 + 12 * M, r.statusTimes.get(stale));
            assertEquals("stale: no update for over 2 min", r.statuses.get(stale).text());
            assertEquals(T0 + 10 * M, r.statuses.get(stale).lastUpdateMs(), "with the time of the last update");

            fake.push(klineEvent(10, false));
            await(() -> r.lastStatus().state() == State.LIVE, "LIVE again on the next update");
        }
    }
}
