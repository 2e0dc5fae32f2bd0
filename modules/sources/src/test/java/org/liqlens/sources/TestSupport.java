package org.liqlens.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Assumptions;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.http.Backoff;
import org.liqlens.sources.http.ClientSettings;
import org.liqlens.sources.http.RetryPolicy;
import org.liqlens.sources.http.Sleeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared test helpers: recorded payloads, a recording sleeper, settings pointed at a MockWebServer. */
public final class TestSupport {
    private TestSupport() { }

    /** A recorded payload from {@code src/test/resources/payloads}, byte for byte. */
    public static String payload(String name) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) throw new IllegalArgumentException("no payload " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the waits it is asked for instead of waiting. */
    public static final class RecordingSleeper implements Sleeper {
        public final List<Long> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(long millis, CancelToken cancel) {
            cancel.throwIfCancelled();
            waits.add(millis);
        }
    }

    public static final RetryPolicy FAST_RETRY = new RetryPolicy(4, new Backoff(100, 1_000), 300_000);

    public static Clock clockAt(long epochMs) {
        return Clock.fixed(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    /** Settings that talk to {@code server} and never really sleep. */
    public static ClientSettings settingsFor(MockWebServer server, Sleeper sleeper, long nowMs) {
        String base = server.url("/").toString();
        return ClientSettings.of(base, base.replaceFirst("^http", "ws").replaceAll("/$", ""))
                .withSleeper(sleeper).withClock(clockAt(nowMs)).withRetryPolicy(FAST_RETRY)
                .withReconnectBackoff(new Backoff(10, 100));
    }

    /**
     * The shared real-data folder: system property {@code liqlens.shared.data} (set by surefire), else
     * {@code ../../../shared/data} from the module; skips the test when it is absent.
     */
    public static Path sharedData() {
        String prop = System.getProperty("liqlens.shared.data");
        Path dir = prop != null ? Path.of(prop) : Path.of("../../../shared/data");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("../../../shared/data");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " (shared/data) absent: skipping real-data test");
        return dir;
    }

    public static Path sharedFile(String name) {
        Path f = sharedData().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " absent: skipping real-data test");
        return f;
    }

    public static void assertSameCandles(CandleSeries expected, CandleSeries actual) {
        assertEquals(expected.symbol(), actual.symbol());
        assertEquals(expected.intervalMs(), actual.intervalMs());
        assertEquals(expected.size(), actual.size(), "candle count");
        assertArrayEquals(expected.openTimes(), actual.openTimes(), "open times");
        assertArrayEquals(expected.opens(), actual.opens());
        assertArrayEquals(expected.highs(), actual.highs());
        assertArrayEquals(expected.lows(), actual.lows());
        assertArrayEquals(expected.closes(), actual.closes());
        assertArrayEquals(expected.volumes(), actual.volumes());
        assertArrayEquals(expected.quoteVolumes(), actual.quoteVolumes());
        assertArrayEquals(expected.takerBuyQuoteVolumes(), actual.takerBuyQuoteVolumes());
    }

    public static void assertSameTrades(TradeSeries expected, TradeSeries actual) {
        assertEquals(expected.size(), actual.size(), "trade count");
        assertArrayEquals(expected.times(), actual.times());
        assertArrayEquals(expected.prices(), actual.prices());
        assertArrayEquals(expected.quantities(), actual.quantities());
        assertArrayEquals(expected.buyerIsMakerFlags(), actual.buyerIsMakerFlags());
    }

    /** Asserts strictly consecutive open times: no holes, no repeats. */
    public static void assertContiguous(long[] openTimes, long intervalMs) {
        for (int i = 1; i < openTimes.length; i++) {
            assertEquals(openTimes[i - 1] + intervalMs, openTimes[i], "hole or repeat after index " + (i - 1));
        }
    }
}
