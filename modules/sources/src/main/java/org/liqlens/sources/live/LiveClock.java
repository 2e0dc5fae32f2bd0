package org.liqlens.sources.live;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time a {@link LiveFeedHub} reads and the timers it sets (polls, staleness checks, retries). The system
 * clock in production; tests pass one they advance by hand, so that "stale after two minutes" takes no two
 * minutes.
 */
public interface LiveClock {

    /** Epoch milliseconds. */
    long millis();

    /**
     * Runs {@code task} once after {@code delayMs}, on any thread; the task only hands work on, so it is short.
     *
     * @return what cancels the task if it has not run yet
     */
    Runnable schedule(Runnable task, long delayMs);

    /** The system clock, with timers on {@code timers}. */
    static LiveClock system(ScheduledExecutorService timers) {
        return new LiveClock() {
            @Override
            public long millis() {
                return System.currentTimeMillis();
            }

            @Override
            public Runnable schedule(Runnable task, long delayMs) {
                try {
                    ScheduledFuture<?> f = timers.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
                    return () -> f.cancel(false);
                } catch (RejectedExecutionException shutDown) {
                    return () -> { }; // the timers are shut down: so is whatever would have wanted the task
                }
            }
        };
    }
}
