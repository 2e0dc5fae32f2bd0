package org.liqlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code map}, {@code heatmap} and {@code models} on the real LINKUSDT February 2026 candles. The m1 map is
 * rebuilt here from the CSV and the design notes (§3) with plain loops, and the CLI's JSON must agree.
 */
class MapCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "2026-02-15T00:00:00Z";
    private static final long T = Instant.parse(AT).toEpochMilli();
    private static final long W = 24 * 3_600_000L;
    /** §3: 5x 10 %, 10x 25 %, 25x 30 %, 50x 20 %, 100x 15 %. */
    private static final double[] LEVERAGE = {5, 10, 25, 50, 100};
    private static final double[] WEIGHT = {0.10, 0.25, 0.30, 0.20, 0.15};
    /** No bracket table ships for LINKUSDT, so §3's fallback applies. */
    private static final double MMR = 0.004;

    @TempDir
    Path dir;

    /** One CSV row, parsed here with Double.parseDouble. */
    record Row(long open, double high, double low, double close, long closeTime, double quoteVolume, double takerBuyQuote) { }

    /** One liquidation level: where, how much, which side. */
    record Level(double price, double notional, boolean isLong) { }

    static List<Row> readCsv(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<String> lines = Files.lines(csv)) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",");
                rows.add(new Row(Long.parseLong(f[0]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Long.parseLong(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[10])));
            });
        }
        return rows;
    }

    /** §3 window: closed candles with open_time >= T - W and close_time < T. */
    static List<Row> window(List<Row> all, long t, long w) {
        return all.stream().filter(r -> r.open() >= t - w && r.closeTime() < t).toList();
    }

    /** m1 levels that survive to T, cleared by the first later candle that trades through them. */
    static List<Level> survivingM1Levels(List<Row> candles) {
        List<Level> surviving = new ArrayList<>();
        for (int i = 0; i < candles.size(); i++) {
            Row c = candles.get(i);
            double entry = (c.high() + c.low() + c.close()) / 3;
            for (int k = 0; k < LEVERAGE.length; k++) {
                double l = LEVERAGE[k];
                double longPrice = entry * (1 - 1 / l) / (1 - MMR);
                double shortPrice = entry * (1 + 1 / l) / (1 + MMR);
                boolean longCleared = false;
                boolean shortCleared = false;
                for (int j = i + 1; j < candles.size() && !(longCleared && shortCleared); j++) {
                    if (candles.get(j).low() <= longPrice) longCleared = true;
                    if (candles.get(j).high() >= shortPrice) shortCleared = true;
                }
                if (!longCleared) surviving.add(new Level(longPrice, c.takerBuyQuote() * WEIGHT[k], true));
                if (!shortCleared) surviving.add(new Level(shortPrice, (c.quoteVolume() - c.takerBuyQuote()) * WEIGHT[k], false));
            }
        }
        return surviving;
    }

    private static JsonNode mapJson(Path csv, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("map", "--source", "file:" + csv, "--model", "m1", "--window", "24h", "--at", AT));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return JSON.readTree(run.out());
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, Math.max(Math.abs(expected) * tolerance, 1e-6), what);
    }

    @Test
    void m1MapOfLinkMatchesTheDesignNotesComputedIndependently() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        List<Row> candles = window(readCsv(csv), T, W);
        assertEquals(1440, candles.size(), "a 24h window of closed 1m candles");
        List<Level> levels = survivingM1Levels(candles);
        double expectedLong = levels.stream().filter(Level::isLong).mapToDouble(Level::notional).sum();
        double expectedShort = levels.stream().filter(l -> !l.isLong()).mapToDouble(Level::notional).sum();

        JsonNode map = mapJson(csv);
        assertEquals("LINKUSDT", map.get("symbol").asText());
        assertEquals(T, map.get("asOfMs").asLong());
        assertEquals(candles.get(candles.size() - 1).close(), map.get("price").asDouble(), "price = the last close of the window");
        assertEquals(MMR, map.get("mmr").asDouble(), "LINKUSDT has no bracket table: 0.4 %");
        assertEquals(candles.size() * LEVERAGE.length * 2, map.get("levels").asInt(), "levels opened: candles x tiers x sides");
        assertRelative(expectedLong, map.get("totals").get("long").asDouble(), 1e-9, "surviving long notional");
        assertRelative(expectedShort, map.get("totals").get("short").asDouble(), 1e-9, "surviving short notional");

        // Buckets: equal widths over the JSON's range. A level within a hair of an edge may fall on either side
        // of it, so only buckets with no level near their edges are compared one by one; all buckets are
        // compared as a sum.
        double low = map.get("range").get("low").asDouble();
        double high = map.get("range").get("high").asDouble();
        JsonNode buckets = map.get("buckets");
        int n = buckets.size();
        assertEquals(400, n, "the default bucket count");
        double width = (high - low) / n;
        double[] expLong = new double[n];
        double[] expShort = new double[n];
        Set<Integer> nearAnEdge = new HashSet<>();
        for (Level l : levels) {
            double x = (l.price() - low) / width;
            int b = (int) Math.floor(x);
            if (b < 0 || b >= n) continue;
            if (x - b < 1e-6 || b + 1 - x < 1e-6) {
                nearAnEdge.add(b);
                nearAnEdge.add(x - b < 1e-6 ? b - 1 : b + 1);
            }
            if (l.isLong()) expLong[b] += l.notional(); else expShort[b] += l.notional();
        }
        double sumLong = 0;
        double sumShort = 0;
        double jsonSumLong = 0;
        double jsonSumShort = 0;
        int compared = 0;
        int nonEmpty = 0;
        for (int b = 0; b < n; b++) {
            JsonNode bucket = buckets.get(b);
            assertEquals(low + b * width, bucket.get("low").asDouble(), width * 1e-9, "bucket " + b + " low edge");
            sumLong += expLong[b];
            sumShort += expShort[b];
            jsonSumLong += bucket.get("long").asDouble();
            jsonSumShort += bucket.get("short").asDouble();
            if (expLong[b] + expShort[b] > 0) nonEmpty++;
            if (nearAnEdge.contains(b)) continue;
            assertRelative(expLong[b], bucket.get("long").asDouble(), 1e-9, "long notional in bucket " + b);
            assertRelative(expShort[b], bucket.get("short").asDouble(), 1e-9, "short notional in bucket " + b);
            if (expLong[b] + expShort[b] > 0) compared++;
        }
        assertTrue(nonEmpty > 50, "the map is not empty: " + nonEmpty + " buckets hold notional");
        assertTrue(compared >= nonEmpty * 9 / 10, "compared " + compared + " of " + nonEmpty + " non-empty buckets one by one");
        assertRelative(sumLong, jsonSumLong, 1e-9, "long notional inside the range");
        assertRelative(sumShort, jsonSumShort, 1e-9, "short notional inside the range");

        // Longs liquidate below the price, shorts above it.
        double price = map.get("price").asDouble();
        assertTrue(levels.stream().filter(Level::isLong).allMatch(l -> l.price() < price));
        assertTrue(levels.stream().filter(l -> !l.isLong()).allMatch(l -> l.price() > price));
    }

    @Test
    void csvFormatHasAHeaderAndOneRowPerBucket() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        CliRun run = CliRun.of("map", "--source", "file:" + csv, "--model", "m1", "--window", "24h", "--at", AT,
                "--format", "csv", "--buckets", "50");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("low,high,long,short,cumulative_long,cumulative_short", lines.get(0));
        assertEquals(1 + 50, lines.size());
        for (String row : lines.subList(1, lines.size())) {
            assertEquals(6, row.split(",").length, row);
        }
    }

    /**
     * The heatmap's CSV (printed in 64 KB pieces, each bucket's bounds formatted once) and its JSON (cells written on
     * two threads) are the same grid: a line per cell, column by column, each with its column's start, its bucket's
     * bounds and its cell; 240 x 300 cells, so the CSV passes many pieces and the JSON is split.
     */
    @Test
    void heatmapCsvAndJsonAreTheSameCells() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        String[] common = {"heatmap", "--source", "file:" + csv, "--model", "m1", "--window", "24h", "--at", AT,
                "--columns", "240", "--buckets", "300"};
        CliRun json = CliRun.of(common);
        assertEquals(0, json.status(), json.err());
        List<String> args = new ArrayList<>(List.of(common));
        args.addAll(List.of("--format", "csv"));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.status(), text.err());

        JsonNode h = JSON.readTree(json.out());
        JsonNode starts = h.get("columnStartsMs"), lows = h.get("bucketLows"), values = h.get("values");
        assertEquals(240, values.size());
        List<String> lines = text.out().lines().toList();
        assertEquals("column_start,bucket_low,bucket_high,notional", lines.get(0));
        assertEquals(1 + 240 * 300, lines.size(), "a line per cell, the last piece included");
        int nonZero = 0;
        for (int c = 0; c < 240; c++) {
            String start = Instant.ofEpochMilli(starts.get(c).asLong()).toString();
            for (int b = 0; b < 300; b++) {
                String[] f = lines.get(1 + c * 300 + b).split(",");
                assertEquals(start, f[0], "column " + c);
                assertEquals(lows.get(b).asDouble(), Double.parseDouble(f[1]), "bucket " + b + " low");
                double high = b + 1 < 300 ? lows.get(b + 1).asDouble() : h.get("bucketHigh").asDouble();
                assertEquals(high, Double.parseDouble(f[2]), 1e-9 * high, "bucket " + b + " high");
                float cell = (float) values.get(c).get(b).asDouble();
                assertEquals(cell, Float.parseFloat(f[3]), "cell " + c + "," + b);
                if (cell != 0) nonZero++;
            }
        }
        assertTrue(nonZero > 1000, "cells with liquidations: " + nonZero);
    }

    @Test
    void heatmapPngIsWrittenWholeAtTheAskedSize() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        Path png = dir.resolve("charts").resolve("link.png");
        CliRun run = CliRun.of("heatmap", "--source", "file:" + csv, "--model", "m1", "--window", "24h", "--at", AT,
                "--png", png.toString(), "--width", "640", "--height", "400", "--columns", "60", "--buckets", "80");
        assertEquals(0, run.status(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO reads the file as an image");
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(List.of("link.png"), files.map(p -> p.getFileName().toString()).toList(),
                    "only the PNG: no temporary .part file left beside it");
        }
        JsonNode heatmap = JSON.readTree(run.out());
        assertEquals(60, heatmap.get("columnStartsMs").size());
        assertEquals(80, heatmap.get("bucketLows").size());
    }

    @Test
    void modelsListsTheBuiltInModels() throws IOException {
        CliRun run = CliRun.of("models");
        assertEquals(0, run.status(), run.err());
        Set<String> ids = new HashSet<>();
        JSON.readTree(run.out()).forEach(m -> ids.add(m.get("id").asText()));
        assertTrue(ids.containsAll(Set.of("m1", "m2", "m3", "m1t", "m3t")), ids.toString());
    }

    @Test
    void aCorruptedRowFailsWithTheFileAndLineOnOneLine() throws IOException {
        Path csv = SharedData.file(SharedData.LINK_FEB_2026);
        List<String> head;
        try (Stream<String> lines = Files.lines(csv)) {
            head = new ArrayList<>(lines.limit(8).toList());
        }
        String[] f = head.get(4).split(",", -1);
        f[2] = "9.9x1"; // line 5 (header is line 1): a high that is not a number
        head.set(4, String.join(",", f));
        Path bad = dir.resolve("binance_um_LINKUSDT-1m-2026-02.csv");
        Files.write(bad, head);

        String message = CliRun.of("map", "--source", "file:" + bad, "--model", "m1", "--window", "24h")
                .assertOneLineFailure(1);
        assertTrue(message.contains("binance_um_LINKUSDT-1m-2026-02.csv"), message);
        assertTrue(message.contains(":5:"), "names line 5: " + message);
    }

    @Test
    void aMissingFileIsAnArgumentError() {
        String message = CliRun.of("map", "--source", "file:" + dir.resolve("nothing-here.csv"), "--model", "m1", "--window", "24h")
                .assertOneLineFailure(2);
        assertTrue(message.contains("nothing-here.csv"), message);
    }
}
