package org.liqlens.sources.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.liqlens.sources.Candle;
import org.liqlens.sources.SourceException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records what one subscriber is told, and the thread and clock time of it. */
class Recorder implements LiveCandleListener {
    final List<Candle> closed = new CopyOnWriteArrayList<>();
    final List<Candle> forming = new CopyOnWriteArrayList<>();
    final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    /** The hub clock's time at each status, same order. */
    final List<Long> statusTimes = new CopyOnWriteArrayList<>();
    final List<SourceException> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;

    Recorder() {
        this(System::currentTimeMillis);
    }

    Recorder(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void onCandle(Candle c) {
        threads.add(Thread.currentThread().getName());
        closed.add(c);
    }

    @Override
    public void onCandleUpdate(Candle c) {
        forming.add(c);
    }

    @Override
    public void onStatus(FeedStatus s) {
        statusTimes.add(clock.getAsLong());
        statuses.add(s);
    }

    @Override
    public void onError(SourceException e) {
        errors.add(e);
    }

    /** Open times of the closed candles, in minutes after {@link LiveFakeBinance#T0}. */
    long[] minutes() {
        return closed.stream().mapToLong(c -> (c.openTime() - LiveFakeBinance.T0) / LiveFakeBinance.M).toArray();
    }

    boolean sawState(FeedStatus.State s) {
        return statuses.stream().anyMatch(x -> x.state() == s);
    }

    FeedStatus lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        // Generous: on a loaded 2-core CI machine one poll once took over 10 s to be seen (2026-12-01).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }
}
