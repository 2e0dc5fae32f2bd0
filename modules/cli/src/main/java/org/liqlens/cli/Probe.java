package org.liqlens.cli;

/**
 * Start-up probes for profiling a cold run: with the environment variable {@code LIQLENS_PROBE} set, each
 * {@link #mark} records the time, and {@link #report} prints on stderr, at the end, the milliseconds of each
 * mark since the JVM started and since the mark before. Off, a mark costs one static boolean read.
 */
final class Probe {
    private static final boolean ON = System.getenv("LIQLENS_PROBE") != null;
    private static final long[] TIMES = new long[ON ? 64 : 0];
    private static final String[] LABELS = new String[TIMES.length];
    private static int count;

    private Probe() { }

    static synchronized void mark(String what) {
        if (!ON || count == TIMES.length) return;
        TIMES[count] = System.nanoTime();
        LABELS[count++] = what;
    }

    static synchronized void report() {
        if (!ON || count == 0) return;
        long nowNs = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        long startMs = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(nowMs);
        long prev = TIMES[0];
        for (int i = 0; i < count; i++) {
            double sinceStart = nowMs - startMs - (nowNs - TIMES[i]) / 1e6;
            System.err.printf("probe %7.1f ms since start, +%6.1f ms  %s%n", sinceStart, (TIMES[i] - prev) / 1e6, LABELS[i]);
            prev = TIMES[i];
        }
    }
}
