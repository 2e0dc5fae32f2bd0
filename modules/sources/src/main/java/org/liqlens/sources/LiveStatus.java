package org.liqlens.sources;

/** Connection state of a {@link LiveSubscription}. */
public enum LiveStatus {
    CONNECTING,
    CONNECTED,
    /** The connection dropped; a reconnect is scheduled. */
    RECONNECTING,
    /** Closed by {@link LiveSubscription#close()}; terminal. */
    CLOSED
}
