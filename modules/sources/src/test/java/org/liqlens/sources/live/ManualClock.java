package org.liqlens.sources.live;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A {@link LiveClock} that moves only when the test says so: {@link #advance} runs the timers that fall due, in
 * time order, on the calling thread (a hub's timers only post work to its dispatch thread). Thread-safe, since
 * the hub sets timers from its own thread.
 */
final class ManualClock implements LiveClock {
    private record Timer(long due, long seq, Runnable task) { }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    ManualClock(long startMs) {
        this.now = startMs;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized Runnable schedule(Runnable task, long delayMs) {
        Timer t = new Timer(now + Math.max(0, delayMs), seq++, task);
        timers.add(t);
        return () -> {
            synchronized (ManualClock.this) {
                timers.remove(t);
            }
        };
    }

    /** Moves the time forward by {@code ms}, running each timer due on the way at its own time. */
    void advance(long ms) {
        long target;
        synchronized (this) {
            target = now + ms;
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                timers.poll();
                now = Math.max(now, next.due);
            }
            next.task.run();
        }
    }

    /** The same time as a {@link java.time.Clock}, for a source's settings (what the exchange client calls now). */
    Clock asJavaClock() {
        ManualClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public long millis() { return self.millis(); }
            @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }
        };
    }
}
