package org.liqlens.sources.live;

import java.util.Objects;

/**
 * What a shared live feed is doing, for a person: {@link #text()} is one line for a status bar, and the
 * parts are there for a caller that words its own ({@link #state()} for an icon, {@link #lastUpdateMs()}
 * for "last update 12:03:04").
 *
 * @param state        what the feed is doing
 * @param reason       why, when there is a reason: the last connection failure when reconnecting, why the feed
 *                     polls instead of streaming, the failure of the last poll; empty otherwise
 * @param retryInMs    {@link State#RECONNECTING}: the wait before the next attempt; else 0
 * @param pollEveryMs  {@link State#POLLING}, or {@link State#STALE} while polling: the poll period; else 0
 * @param staleAfterMs how long without an update makes the feed {@link State#STALE}
 * @param lastUpdateMs when the last update (a candle, a forming-candle update, a successful poll) arrived, by
 *                     the hub's clock; {@link Long#MIN_VALUE} before the first
 */
public record FeedStatus(State state, String reason, long retryInMs, long pollEveryMs, long staleAfterMs,
                         long lastUpdateMs) {

    /** The states a person is told about. */
    public enum State {
        /** Opening the WebSocket (or the first poll is on its way). */
        CONNECTING,
        /** The WebSocket is open and streaming. */
        LIVE,
        /** The WebSocket dropped; the next attempt is in {@link #retryInMs()}. */
        RECONNECTING,
        /** No stream: the exchange's REST candles are asked every {@link #pollEveryMs()}. */
        POLLING,
        /** Connected or polling, but nothing arrived for two update intervals ({@link #staleAfterMs()}). */
        STALE,
        /** The subscription or the hub was closed; terminal. */
        CLOSED
    }

    public FeedStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    /** One line for a person, e.g. {@code reconnecting in 4 s (server closed the connection: 1001)}. */
    public String text() {
        String why = reason.isEmpty() ? "" : " (" + reason + ")";
        return switch (state) {
            case CONNECTING -> "connecting" + why;
            case LIVE -> "live";
            case RECONNECTING -> "reconnecting in " + duration(retryInMs) + why;
            case POLLING -> "polling every " + duration(pollEveryMs) + why;
            case STALE -> "stale: no update for over " + duration(staleAfterMs) + staleDetail();
            case CLOSED -> "closed";
        };
    }

    private String staleDetail() {
        String polling = pollEveryMs > 0 ? "polling every " + duration(pollEveryMs) : "";
        String both = polling.isEmpty() || reason.isEmpty() ? polling + reason : polling + "; " + reason;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    /** {@code 800 ms}, {@code 4 s}, {@code 2 min}, {@code 1 min 30 s}. */
    static String duration(long ms) {
        if (ms < 1_000) return ms + " ms";
        long s = (ms + 500) / 1_000;
        if (s < 60) return s + " s";
        long m = s / 60, rest = s % 60;
        return rest == 0 ? m + " min" : m + " min " + rest + " s";
    }

    @Override
    public String toString() {
        return text();
    }
}
