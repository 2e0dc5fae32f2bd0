package org.liqlens.desktop.panes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets the first estimate of a run have the machine to itself until its heatmap is on screen. A start opens
 * several panes at once (four for the Confluence workspace); on two cores two estimates side by side take
 * nearly twice as long each, and the event thread, which builds and paints the windows, competes with both.
 * So the first estimate started claims the gate, and every later one waits until the first has been shown
 * and painted, or has failed, or {@link #MAX_WAIT_MS} has passed. The gate opens once per run and stays open.
 * Only an estimate from local data (the simulator or a file, which is CPU work) holds the others back: one
 * that waits for an exchange opens the gate at once.
 */
final class FirstEstimateGate {
    /** A later estimate never waits longer than this for the first. */
    static final long MAX_WAIT_MS = 4_000;
    private static final AtomicBoolean CLAIMED = new AtomicBoolean();
    private static final CountDownLatch OPEN = new CountDownLatch(1);

    private FirstEstimateGate() { }

    /** True for exactly one caller: the run's first estimate, which then must {@link #open} the gate. */
    static boolean claim(PaneSpec spec) {
        if (!CLAIMED.compareAndSet(false, true)) return false;
        if (!spec.isSimulated() && !spec.isFile()) open();
        return true;
    }

    static void open() {
        OPEN.countDown();
    }

    /** Off the EDT: waits until the first estimate is on screen (at most {@link #MAX_WAIT_MS}). */
    static void await() throws InterruptedException {
        OPEN.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
    }
}
