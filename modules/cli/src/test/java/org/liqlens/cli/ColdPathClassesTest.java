package org.liqlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cold run must not start, read from the JVM's own class-load log of a real run in a new JVM: the first lambda
 * (the JDK's method-handle machinery), the first regular expression and the first java.time formatter each cost a cold
 * command line milliseconds, and JFreeChart's DateAxis starts the JDK's calendar and locale data (about 100 ms of a
 * picture's warm-up). One lambda or {@code String.matches} added on these paths fails here, naming the class.
 */
class ColdPathClassesTest {

    /** The classes the JVM loaded after the CLI's main class, for {@code args} on a made-up klines file. */
    private static List<String> loadedAfterMain(Path dir, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                LiqLensCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
        List<String> after = new ArrayList<>();
        boolean started = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // "[0.081s][info][class,load] org.liqlens.cli.LiqLensCli source: file:..."
            String[] parts = line.split(" ");
            if (parts.length < 2) continue;
            String name = parts[1];
            if (started) after.add(name);
            else started = name.equals(LiqLensCli.class.getName());
        }
        assertTrue(started, "the log names the main class");
        assertTrue(after.size() > 100, "the run loaded the engine and the sources: " + after.size() + " classes");
        return after;
    }

    private static Path klines(Path dir) throws IOException {
        Path csv = dir.resolve("binance_um_TESTUSDT-1m-2026-01.csv");
        CdsTraining.writeKlines(csv, 4 * 1440);
        return csv;
    }

    @Test
    void aFileMapStartsNoLambdaRegexOrDateTimeFormatter(@TempDir Path dir) throws IOException, InterruptedException {
        Path csv = klines(dir);
        List<String> loaded = loadedAfterMain(dir, "map", "--source", "file:" + csv, "--model", "m1", "--window", "3d");
        assertTrue(loaded.contains("org.liqlens.engine.SweepKernel"), "the estimate ran");
        for (String name : loaded) {
            assertTrue(!name.contains("$$Lambda$") && !name.startsWith("java.util.regex.")
                    && !name.startsWith("java.time.format.DateTimeFormatter"), "a cold map loaded " + name);
        }
    }

    /** The warning of a window the data covers in part is written without the formatter, its regex and java.time's. */
    @Test
    void aPartCoveredWindowWarnsWithoutTheFormatter(@TempDir Path dir) throws IOException, InterruptedException {
        Path csv = klines(dir);
        List<String> loaded = loadedAfterMain(dir, "map", "--source", "file:" + csv, "--model", "m1", "--window", "5d");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertTrue(out.contains("liqlens-cli: warning: the data covers 80.0 % of the window (") && out.contains("; 1,440 minutes missing in 1 gap, 1,440 before the first candle"),
                out.lines().filter(l -> l.contains("warning")).toList().toString());
        for (String name : loaded) {
            assertTrue(!name.contains("$$Lambda$") && !name.startsWith("java.util.regex.") && !name.equals("java.util.Formatter")
                    && !name.startsWith("java.time.format.DateTimeFormatter"), "a cold warning loaded " + name);
        }
    }

    @Test
    void aHeatmapPictureUsesNoDateAxis(@TempDir Path dir) throws IOException, InterruptedException {
        Path csv = klines(dir);
        List<String> loaded = loadedAfterMain(dir, "heatmap", "--source", "file:" + csv, "--model", "m1", "--window", "3d",
                "--png", dir.resolve("h.png").toString(), "--width", "800", "--height", "450");
        assertTrue(loaded.contains("org.liqlens.charts.TimeAxis"), "the picture was drawn with the time axis");
        for (String name : loaded) {
            assertTrue(!name.equals("org.jfree.chart.axis.DateAxis") && !name.equals("java.text.SimpleDateFormat")
                    && !name.startsWith("java.time.format.DateTimeFormatter"), "a cold picture loaded " + name);
        }
        assertTrue(Files.size(dir.resolve("h.png")) > 10_000, "a picture was written");
    }
}
