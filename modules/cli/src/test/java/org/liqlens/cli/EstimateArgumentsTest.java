package org.liqlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad arguments to {@code map} and {@code heatmap} are usage errors (exit 2) with one line naming the option
 * and the reason, found before any data is loaded where possible. The built-in simulated market stands in for
 * data, so these tests need no files and no network.
 */
class EstimateArgumentsTest {

    @TempDir
    Path dir;

    /** {@code command --source sim --model m1 --window 24h} followed by {@code extra}. */
    private static CliRun sim(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--source", "sim", "--model", "m1", "--window", "24h"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18014398509481987d", "1900d"})
    void anOverflowingOrAbsurdWindowIsAUsageError(String window) {
        // 18014398509481987d used to wrap round to 3d and run.
        String message = CliRun.of("map", "--source", "sim", "--model", "m1", "--window", window).assertOneLineFailure(2);
        assertTrue(message.startsWith("liqlens-cli: --window must be at most 5 years"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2100-01-02"})
    void anAtOutsideTheAcceptedRangeIsAUsageError(String at) {
        // +999999999-12-31T23:59:59Z used to print "ArithmeticException: long overflow" and exit 1.
        String message = sim("map", "--at", at).assertOneLineFailure(2);
        assertEquals("liqlens-cli: --at must lie between 2009-01-01 and 2100-01-01, not '" + at + "'", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--param foo=1            | model m1 has no parameter 'foo'",
            "--param ladder.5x=-1     | parameter ladder.5x = -1.0 is outside",
            "--param ladder.7x=-1     | ladder weight ladder.7x must be >= 0",
            "--param mmr=NaN          | parameter mmr = NaN is outside",
            "--mmr 0.5                | leverage 5x with MMR 0.5 would be liquidated at entry",
            "--zone-threshold -0.3    | --zone-threshold: zone threshold must be in (0, 1]",
            "--zone-threshold 0       | --zone-threshold: zone threshold must be in (0, 1]",
            "--zone-threshold 1.5     | --zone-threshold: zone threshold must be in (0, 1]",
            "--zone-threshold Infinity | --zone-threshold must be a number",
    })
    void parametersTheEngineRefusesAreUsageErrors(String option, String reason) {
        // These used to surface from the estimate as data errors, exit 1.
        String[] extra = option.split(" ");
        for (String command : new String[] {"map", "heatmap"}) {
            String message = sim(command, extra).assertOneLineFailure(2);
            assertTrue(message.startsWith("liqlens-cli: " + reason), message);
        }
    }

    @Test
    void badParametersAreRefusedBeforeAnyDataIsFetched() throws IOException {
        try (MockWebServer exchange = new MockWebServer()) {
            exchange.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setBody("[]");
                }
            });
            exchange.start();
            String baseUrl = exchange.url("/").toString();
            for (String[] bad : new String[][] {{"--param", "foo=1"}, {"--mmr", "0.5"}, {"--zone-threshold", "-1"}}) {
                List<String> args = new ArrayList<>(List.of("map", "--source", "binance", "--base-url", baseUrl,
                        "--cache-dir", dir.resolve("cache").toString(), "--model", "m1", "--window", "24h", "--at", "2026-02-15"));
                args.addAll(List.of(bad));
                CliRun.of(args.toArray(String[]::new)).assertOneLineFailure(2);
            }
            assertEquals(0, exchange.getRequestCount(), "no request reached the exchange");
        }
    }

    @Test
    void aPngPathUnderARegularFileIsAUsageErrorSayingWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        for (Path png : new Path[] {file.resolve("map.png"), file.resolve("sub").resolve("map.png")}) {
            String message = sim("map", "--png", png.toString()).assertOneLineFailure(2);
            assertEquals("liqlens-cli: --png: cannot write PNG " + png + ": " + file + " is not a directory", message);
        }
    }

    @Test
    void aPngPathThatIsADirectoryIsAUsageErrorSayingWhy() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("charts"));
        String message = sim("heatmap", "--png", folder.toString()).assertOneLineFailure(2);
        assertEquals("liqlens-cli: --png: cannot write PNG " + folder + ": is a directory", message);
        try (var left = Files.list(folder)) {
            assertFalse(left.findAny().isPresent(), "nothing written into the folder");
        }
    }

    @Test
    void aMissingFileSourceIsAUsageErrorWithOrWithoutSymbol() {
        Path missing = dir.resolve("binance_um_LINKUSDT-1m-2026-02.csv");
        // With --symbol this used to fail later, when the file was read, as a data error (exit 1).
        for (String[] symbol : new String[][] {{}, {"--symbol", "LINKUSDT"}}) {
            List<String> args = new ArrayList<>(List.of("map", "--source", "file:" + missing, "--model", "m1", "--window", "24h"));
            args.addAll(List.of(symbol));
            String message = CliRun.of(args.toArray(String[]::new)).assertOneLineFailure(2);
            assertEquals("liqlens-cli: --source: no such file or directory: " + missing, message);
        }
    }
}
