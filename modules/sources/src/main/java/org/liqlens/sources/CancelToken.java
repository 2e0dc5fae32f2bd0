package org.liqlens.sources;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Lets a caller (a progress bar's cancel button, a CLI interrupt) stop a long fetch. Sources check it between
 * pages and before sleeping, and abort an in-flight HTTP call through {@link #onCancel(Runnable)}.
 */
public final class CancelToken {

    /** A token that is never cancelled, for callers that do not offer cancellation. */
    public static final CancelToken NONE = new CancelToken(false);

    private final boolean cancellable;
    private final Consumer<String> statusListener;
    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    private CancelToken(boolean cancellable) {
        this(cancellable, new IgnoredStatus());
    }

    /** Drops status messages. A class, not {@code message -> { }}: the first lambda bootstrap costs a cold start ms. */
    private static final class IgnoredStatus implements Consumer<String> {
        @Override
        public void accept(String message) {
            // nobody to tell
        }
    }

    private CancelToken(boolean cancellable, Consumer<String> statusListener) {
        this.cancellable = cancellable;
        this.statusListener = statusListener;
    }

    public static CancelToken create() {
        return new CancelToken(true);
    }

    /**
     * A token whose work tells {@code statusListener} what it is waiting for (a retry after an exchange error,
     * a slow answer), on the working thread, so that the caller can show it while it lasts.
     */
    public static CancelToken create(Consumer<String> statusListener) {
        return new CancelToken(true, java.util.Objects.requireNonNull(statusListener));
    }

    /** Tells the caller what the work is doing or waiting for; one line, written for a person. */
    public void status(String message) {
        statusListener.accept(message);
    }

    /** Cancels the work; idempotent. Registered callbacks run once, on the calling thread. */
    public void cancel() {
        if (!cancellable) {
            throw new UnsupportedOperationException("CancelToken.NONE cannot be cancelled");
        }
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable r : callbacks) {
            r.run();
        }
        callbacks.clear();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancellationException if {@link #cancel()} was called */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Runs {@code callback} when the token is cancelled (at once if it already is). Close the returned
     * registration when the guarded work ends so that callbacks do not pile up on a long-lived token.
     */
    public Registration onCancel(Runnable callback) {
        if (!cancellable) {
            return () -> { };
        }
        callbacks.add(callback);
        if (cancelled && callbacks.remove(callback)) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }

    /** Undoes an {@link #onCancel(Runnable)}; closing never throws. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
