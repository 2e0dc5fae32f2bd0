package org.liqlens.sources;

/** A running live feed. Closing it stops reconnects and releases its thread. */
public interface LiveSubscription extends AutoCloseable {

    LiveStatus status();

    @Override
    void close();
}
