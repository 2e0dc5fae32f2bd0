package org.liqlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every map and heatmap says what its data covers of the window: a window longer than the data, an as-of
 * time past its end, or a hole inside it is reported in {@code coverage} and warned about on stderr, and a
 * request to a server that never answers ends within {@code --timeout}.
 */
class CoverageTest {
    /** 2024-01-01T00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long MIN = 60_000L;
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    /** Three days of 1m klines from T0 in the archive layout, without the minutes in [holeFrom, holeTo). */
    private Path threeDays(long holeFrom, long holeTo) throws IOException {
        StringBuilder b = new StringBuilder();
        for (long t = T0; t < T0 + 3 * DAY; t += MIN) {
            if (t >= holeFrom && t < holeTo) continue;
            long m = (t - T0) / MIN;
            double open = 100 + (m * 37 % 400) * 0.01;
            double close = 100 + ((m + 1) * 37 % 400) * 0.01;
            b.append(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,10,%d,%.2f,5,4,%.2f,0%n", t, open,
                    Math.max(open, close) + 0.05, Math.min(open, close) - 0.05, close, t + MIN - 1, 10 * open, 4 * open));
        }
        Path csv = dir.resolve("TESTUSDT-1m-2024-01.csv");
        Files.writeString(csv, b);
        return csv;
    }

    private static JsonNode coverageOf(CliRun run) throws IOException {
        assertEquals(0, run.status(), run.err());
        return Json.mapper().readTree(run.out()).get("coverage");
    }

    @Test
    void aWindowTheDataWhollyCoversSaysSoAndWarnsNothing() throws IOException {
        Path csv = threeDays(0, 0);
        CliRun run = CliRun.of("map", "--source", "file:" + csv, "--model", "m1", "--window", "3d");
        JsonNode c = coverageOf(run);
        assertEquals(1.0, c.get("fraction").asDouble());
        assertTrue(c.get("complete").asBoolean());
        assertEquals(4320, c.get("present").asLong());
        assertEquals(0, c.get("missingMinutes").asLong());
        assertEquals(Instant.ofEpochMilli(T0).toString(), c.get("first").asText());
        assertEquals(Instant.ofEpochMilli(T0 + 3 * DAY).toString(), c.get("last").asText());
        assertEquals("", run.err(), "no warning");
    }

    @Test
    void aWindowLongerThanTheDataIsReportedNotSilent() throws IOException {
        Path csv = threeDays(0, 0);
        CliRun run = CliRun.of("map", "--source", "file:" + csv, "--model", "m1", "--window", "30d");
        JsonNode c = coverageOf(run);
        assertEquals(0.1, c.get("fraction").asDouble(), 1e-15, "4,320 of 43,200 minutes");
        assertEquals(43_200 - 4_320, c.get("missingMinutes").asLong());
        assertEquals(1, c.get("gapCount").asInt(), "one gap: the 27 days before the data");
        assertEquals(Instant.ofEpochMilli(T0 + 3 * DAY - 30 * DAY).toString(), c.get("gaps").get(0).get("from").asText());
        assertEquals(Instant.ofEpochMilli(T0).toString(), c.get("gaps").get(0).get("to").asText());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("liqlens-cli: warning: the data covers 10.0 % of the window"), run.err());
        assertTrue(run.err().contains("38,880 minutes missing") && run.err().contains("the 30d map shows only that"), run.err());
    }

    @Test
    void anAsOfPastTheEndOfTheDataIsReported() throws IOException {
        Path csv = threeDays(0, 0);
        CliRun run = CliRun.of("heatmap", "--source", "file:" + csv, "--model", "m1", "--window", "3d", "--columns", "30",
                "--at", Instant.ofEpochMilli(T0 + 5 * DAY).toString());
        JsonNode c = coverageOf(run);
        assertEquals(1440, c.get("present").asLong(), "only the last day of the data is in the window");
        assertEquals(2 * 1440, c.get("missingMinutes").asLong());
        assertTrue(run.err().contains("33.3 % of the window") && run.err().contains("2,880 after the last, before the as-of time"),
                run.err());
    }

    @Test
    void aHoleInTheDataIsListedWithItsBounds() throws IOException {
        long holeFrom = T0 + DAY + 600 * MIN;
        Path csv = threeDays(holeFrom, holeFrom + 90 * MIN);
        CliRun run = CliRun.of("map", "--source", "file:" + csv, "--model", "m1", "--window", "3d");
        JsonNode c = coverageOf(run);
        assertEquals(90, c.get("missingMinutes").asLong());
        assertEquals(4320 - 90, c.get("present").asLong());
        assertEquals(1, c.get("gapCount").asInt());
        assertEquals(Instant.ofEpochMilli(holeFrom).toString(), c.get("gaps").get(0).get("from").asText());
        assertEquals(Instant.ofEpochMilli(holeFrom + 90 * MIN).toString(), c.get("gaps").get(0).get("to").asText());
        assertEquals(90, c.get("gaps").get(0).get("minutes").asLong());
        assertTrue(run.err().contains("97.9 % of the window") && run.err().contains("90 minutes missing in 1 gap"), run.err());
    }

    @Test
    void aServerThatNeverAnswersEndsWithinTheTimeout() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 20; i++) server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.start();
            long started = System.nanoTime();
            CliRun run = CliRun.of("map", "--source", "binance", "--base-url", server.url("/").toString(), "--model", "m1",
                    "--window", "12h", "--at", "2024-01-02T00:00:00Z", "--timeout", "2s", "--cache-dir", dir.toString());
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            String line = run.assertOneLineFailure(LiqLensCli.BAD_DATA);
            assertTrue(tookMs < 8_000, "2 s bound, took " + tookMs + " ms");
            assertTrue(line.contains("gave up after") && line.contains("/fapi/v1/klines"), line);
        }
    }
}
