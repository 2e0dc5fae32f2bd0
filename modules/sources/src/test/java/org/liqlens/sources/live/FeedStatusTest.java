package org.liqlens.sources.live;

import org.junit.jupiter.api.Test;
import org.liqlens.sources.live.FeedStatus.State;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedStatusTest {

    @Test
    void eachStateReadsAsOneLineForAPerson() {
        assertEquals("connecting", new FeedStatus(State.CONNECTING, "", 0, 0, 120_000, Long.MIN_VALUE).text());
        assertEquals("live", new FeedStatus(State.LIVE, null, 0, 0, 120_000, 5).text());
        assertEquals("reconnecting in 4 s (server closed the connection: 1001 going away)",
                new FeedStatus(State.RECONNECTING, "server closed the connection: 1001 going away", 4_000, 0, 120_000, 5).text());
        assertEquals("reconnecting in 1 min 30 s (HTTP 503)", new FeedStatus(State.RECONNECTING, "HTTP 503", 90_000, 0, 0, 5).text());
        assertEquals("polling every 30 s (OKX has no live candle stream)",
                new FeedStatus(State.POLLING, "OKX has no live candle stream", 0, 30_000, 60_000, 5).text());
        assertEquals("stale: no update for over 2 min", new FeedStatus(State.STALE, "", 0, 0, 120_000, 5).text());
        assertEquals("stale: no update for over 1 min (polling every 30 s; the last poll failed: HTTP 503)",
                new FeedStatus(State.STALE, "the last poll failed: HTTP 503", 0, 30_000, 60_000, 5).text());
        assertEquals("closed", new FeedStatus(State.CLOSED, "", 0, 0, 0, 5).text());
        assertEquals("250 ms", FeedStatus.duration(250));
    }
}
