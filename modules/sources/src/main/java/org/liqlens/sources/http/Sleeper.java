package org.liqlens.sources.http;

import java.util.concurrent.CancellationException;
import org.liqlens.sources.CancelToken;

/** Waits between retries. Injectable so that tests can record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits {@code millis}, returning early with {@link CancellationException} when {@code cancel} fires or the
     * thread is interrupted (the interrupt flag is restored).
     */
    void sleep(long millis, CancelToken cancel);

    /** Really sleeps, in short slices so that a cancel is noticed within a fifth of a second. */
    Sleeper SYSTEM = (millis, cancel) -> {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            cancel.throwIfCancelled();
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    };
}
