package org.liqlens.sources.file;

/**
 * Archive timestamps come in milliseconds, or in microseconds in newer data.binance.vision spot files (and
 * nanoseconds in some captures). Today in ms is about 1.7e12, in µs 1.7e15, in ns 1.7e18; the thresholds sit
 * in the empty decades between, so no real date is misread.
 */
final class Timestamps {
    static final long MICROS_THRESHOLD = 100_000_000_000_000L;      // 1e14
    static final long NANOS_THRESHOLD = 100_000_000_000_000_000L;   // 1e17

    private Timestamps() { }

    static long toMillis(long t) {
        if (t > NANOS_THRESHOLD) return t / 1_000_000L;
        if (t > MICROS_THRESHOLD) return t / 1_000L;
        return t;
    }
}
