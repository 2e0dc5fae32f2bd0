package org.liqlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code bundle} on the real LINKUSDT February 2026 candles at 2026-02-20T00:00:00Z with four panes: every file
 * of the zip, every column of the tables checked against the price read here from the CSV, the pictures'
 * sizes, the SVG parsed, and the tables and prompt byte-identical across two runs. Bad input writes no file.
 */
class BundleCommandTest {
    static final String AT = "2026-02-20T00:00:00Z";
    static final String PANES = "m1:12h,m1:24h,m1:3d,m3:3d";
    static final List<String> PANE_NAMES = List.of("m1-12h", "m1-24h", "m1-3d", "m3-3d");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) out.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        return out;
    }

    /** The close of the last candle closed before T, read from the CSV with plain string handling. */
    static double priceAt(Path csv, long t) throws IOException {
        double price = Double.NaN;
        try (Stream<String> lines = Files.lines(csv)) {
            for (String line : (Iterable<String>) lines.skip(1)::iterator) {
                String[] f = line.split(",");
                if (Long.parseLong(f[6]) < t) price = Double.parseDouble(f[4]);
            }
        }
        return price;
    }

    static List<Map<String, String>> csv(byte[] bytes) {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(header.length, f.length, line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], f[i]);
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aFourPaneBundleOfLinkHoldsEveryFileWithConsistentTables() throws Exception {
        Path csvFile = SharedData.file(SharedData.LINK_FEB_2026);
        Path out = dir.resolve("link.zip");
        CliRun run = CliRun.of("bundle", "--source", "file:" + csvFile, "--at", AT, "--panes", PANES, "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode printed = JSON.readTree(run.out());
        assertEquals(out.toAbsolutePath().toString(), printed.get("bundle").asText());

        Map<String, byte[]> files = unzip(out);
        List<String> expected = new ArrayList<>(List.of("manifest.json", "prompt.md"));
        for (String p : PANE_NAMES) {
            expected.add("images/" + p + ".png");
            expected.add("images/" + p + ".svg");
        }
        for (String t : List.of("zones", "confluence")) for (String ext : List.of("csv", "json", "md")) expected.add("tables/" + t + "." + ext);
        expected.addAll(List.of("tables/scorecard.csv", "tables/scorecard.md", "tables/scorecard-direction.csv"));
        assertEquals(expected, List.copyOf(files.keySet()));

        double price = priceAt(csvFile, Instant.parse(AT).toEpochMilli());
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals("LINKUSDT", manifest.get("symbol").asText());
        assertEquals(AT, manifest.get("asOf").asText());
        assertEquals(price, manifest.get("price").asDouble(), 0);
        assertEquals("file", manifest.at("/source/kind").asText());
        assertEquals("binance", manifest.at("/source/exchange").asText());
        assertTrue(manifest.get("appVersion").asText().matches("\\d+\\.\\d+\\.\\d+.*"), manifest.get("appVersion").asText());
        assertEquals(4, manifest.get("panes").size());
        for (int i = 0; i < 4; i++) {
            JsonNode p = manifest.get("panes").get(i);
            assertEquals(PANE_NAMES.get(i), p.get("name").asText());
            assertEquals(PANES.split(",")[i].split(":")[0], p.get("model").asText());
            assertEquals(0.004, p.at("/parameters/mmr").asDouble(), 0);
            assertEquals(0.15, p.at("/parameters/ladder.100x").asDouble(), 0);
        }
        assertEquals(expected, JSON.convertValue(manifest.get("entries"), List.class));
        Instant created = Instant.parse(manifest.get("createdAt").asText());
        assertTrue(Math.abs(created.toEpochMilli() - System.currentTimeMillis()) < 600_000, "creation time is now");

        for (String p : PANE_NAMES) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(files.get("images/" + p + ".png")));
            assertEquals(1600, png.getWidth(), p);
            assertEquals(900, png.getHeight(), p);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // JFreeSVG writes the SVG 1.1 DOCTYPE; parse offline, without fetching its DTD
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = f.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("images/" + p + ".svg")));
            assertEquals("svg", svg.getDocumentElement().getLocalName());
            assertEquals(1600, Double.parseDouble(svg.getDocumentElement().getAttribute("width")), 0);
            assertEquals(900, Double.parseDouble(svg.getDocumentElement().getAttribute("height")), 0);
            assertEquals(1, svg.getElementsByTagName("image").getLength(), "the heatmap's raster");
            String href = ((org.w3c.dom.Element) svg.getElementsByTagName("image").item(0)).getAttributeNS("http://www.w3.org/1999/xlink", "href");
            assertTrue(href.startsWith("data:image/png;base64,"), "embedded, not a reference: " + href.substring(0, Math.min(80, href.length())));
            BufferedImage raster = ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
            assertTrue(raster.getWidth() > 1000 && raster.getHeight() > 500, "the plot area's cells: " + raster.getWidth() + "x" + raster.getHeight());
        }

        // zones: every column, against the price and the definitions
        List<Map<String, String>> zones = csv(files.get("tables/zones.csv"));
        assertEquals(List.of("pane", "model", "window", "side", "low", "high", "peak", "notional", "intensity", "distance_pct", "cumulative"),
                List.copyOf(zones.get(0).keySet()));
        Map<String, Integer> strongest = new HashMap<>();
        Map<String, Double> lastCumulative = new HashMap<>();
        for (Map<String, String> z : zones) {
            String pane = z.get("pane");
            int i = PANE_NAMES.indexOf(pane);
            assertTrue(i >= 0, pane);
            assertEquals(PANES.split(",")[i].split(":")[0], z.get("model"));
            assertEquals(PANES.split(",")[i].split(":")[1], z.get("window"));
            assertTrue(Set.of("long", "short").contains(z.get("side")));
            assertTrue(z.get("low").matches("\\d+\\.\\d{5}"), "LINK at 8.57: 5 decimals, " + z.get("low"));
            double low = Double.parseDouble(z.get("low")), high = Double.parseDouble(z.get("high")), peak = Double.parseDouble(z.get("peak"));
            assertTrue(low <= peak && peak <= high, z.toString());
            boolean isLong = z.get("side").equals("long");
            assertTrue(isLong ? high <= price : low >= price, "longs below the price, shorts above: " + z);
            double distance = (isLong ? price - high : low - price) / price * 100;
            assertEquals(distance, Double.parseDouble(z.get("distance_pct")), 0.0006 + 0.00001 / price * 100 * 2, z.toString());
            assertTrue(z.get("notional").matches("\\d+") && z.get("cumulative").matches("\\d+"));
            long notional = Long.parseLong(z.get("notional")), cumulative = Long.parseLong(z.get("cumulative"));
            assertTrue(cumulative >= notional, z.toString());
            // nearest first per side: the cumulative grows outward
            String key = pane + z.get("side");
            assertTrue(cumulative >= lastCumulative.getOrDefault(key, 0.0), z.toString());
            lastCumulative.put(key, (double) cumulative);
            double intensity = Double.parseDouble(z.get("intensity"));
            assertTrue(intensity > 0 && intensity <= 1, z.toString());
            if (z.get("intensity").equals("1.000")) strongest.merge(pane, 1, Integer::sum);
        }
        for (String p : PANE_NAMES) assertTrue(strongest.getOrDefault(p, 0) >= 1, p + " has a strongest zone at 1.000");

        List<Map<String, String>> confluence = csv(files.get("tables/confluence.csv"));
        assertEquals(List.of("side", "low", "high", "score", "panes", "notional", "distance_pct"), List.copyOf(confluence.get(0).keySet()));
        double lastScore = Double.POSITIVE_INFINITY;
        for (Map<String, String> c : confluence) {
            List<String> panes = List.of(c.get("panes").split(";"));
            assertTrue(PANE_NAMES.containsAll(panes), c.toString());
            double score = Double.parseDouble(c.get("score"));
            assertTrue(score > 0 && score <= panes.size() + 1e-9, c.toString());
            assertTrue(score <= lastScore, "ordered by score");
            lastScore = score;
            double low = Double.parseDouble(c.get("low")), high = Double.parseDouble(c.get("high"));
            boolean isLong = c.get("side").equals("long");
            // every merged zone lies inside, and every zone of an agreeing pane that overlaps it is counted
            for (Map<String, String> z : zones) {
                if (!z.get("side").equals(c.get("side")) || Double.parseDouble(z.get("intensity")) < 0.25) continue;
                double zl = Double.parseDouble(z.get("low")), zh = Double.parseDouble(z.get("high"));
                if (zh >= low && zl <= high) {
                    assertTrue(zl >= low && zh <= high, "a zone overlapping a confluence zone lies inside it: " + z + " in " + c);
                    assertTrue(panes.contains(z.get("pane")), z + " in " + c);
                }
            }
            assertEquals((isLong ? price - high : low - price) / price * 100, Double.parseDouble(c.get("distance_pct")), 0.001, c.toString());
        }

        JsonNode zonesJson = JSON.readTree(files.get("tables/zones.json"));
        assertEquals(zones.size(), zonesJson.size());
        assertEquals(Double.parseDouble(zones.get(0).get("low")), zonesJson.get(0).get("low").asDouble(), 0);
        assertEquals(zones.get(0).get("pane"), zonesJson.get(0).get("pane").asText());
        JsonNode confluenceJson = JSON.readTree(files.get("tables/confluence.json"));
        assertEquals(confluence.size(), confluenceJson.size());
        assertTrue(confluenceJson.get(0).get("panes").isArray());
        assertEquals(zones.size() + 2, new String(files.get("tables/zones.md"), StandardCharsets.UTF_8).lines().count());
        assertEquals(confluence.size() + 2, new String(files.get("tables/confluence.md"), StandardCharsets.UTF_8).lines().count());

        String prompt = new String(files.get("prompt.md"), StandardCharsets.UTF_8);
        assertTrue(prompt.contains("**LINKUSDT** as of **" + AT + "**"), prompt);
        assertTrue(prompt.contains(String.format(java.util.Locale.ROOT, "**%.5f USDT**", price)), prompt);
        for (String p : PANE_NAMES) assertTrue(prompt.contains("`images/" + p + ".png`"), p);
        assertTrue(prompt.contains(new String(files.get("tables/confluence.md"), StandardCharsets.UTF_8).stripTrailing()));
        assertFalse(prompt.matches("(?s).*\\{[A-Za-z]\\w*}.*"), "no placeholder left");

        // the scorecard: each pane's model and window on the file's days before the as-of time only (the file
        // starts 2026-02-01): as-of times every 6 h from the start plus the window to T − 24 h, counted by hand
        List<Map<String, String>> score = csv(files.get("tables/scorecard.csv"));
        assertEquals(4 * 2 * 3, score.size(), "4 panes × bands ±3, ±5 × horizons 4, 12, 24 h");
        Map<String, String> asOfTimes = Map.of("12h", "71", "24h", "69", "3d", "61");
        for (Map<String, String> r : score) {
            assertEquals("LINKUSDT", r.get("symbol"));
            assertEquals(asOfTimes.get(r.get("window")), r.get("asOfTimes"), r.toString());
            int cases = Integer.parseInt(r.get("cases")), blocks = Integer.parseInt(r.get("dayBlocks"));
            assertTrue(cases <= 2 * Integer.parseInt(r.get("asOfTimes")), "at most one case per side and as-of time: " + r);
            assertTrue(blocks <= 19, "the as-of times lie on the 19 calendar days 1-19 February: " + r);
            // the rule, from the row's own figures
            if (cases < 100 || blocks < 10) assertEquals("too little data", r.get("verdict"), r.toString());
            else if (r.get("liftHigh").matches("[0-9.]+") && Double.parseDouble(r.get("liftHigh")) < 1) assertEquals("lift below random", r.get("verdict"), r.toString());
        }
        String scoreMd = new String(files.get("tables/scorecard.md"), StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) {
            String[] mw = PANES.split(",")[i].split(":");
            String line = "- `" + PANE_NAMES.get(i) + "` (" + mw[0] + ", " + mw[1] + "): ";
            assertTrue(prompt.contains(line), line + " quoted in the prompt");
            assertTrue(scoreMd.contains(line), line);
        }
        assertTrue(prompt.contains("from 2026-02-01T00:00:00Z to " + AT), "the period read, nothing after T");

        // again: the tables and the prompt are the same bytes
        Path again = dir.resolve("again.zip");
        assertEquals(0, CliRun.of("bundle", "--source", "file:" + csvFile, "--at", AT, "--panes", PANES, "--out", again.toString()).status());
        Map<String, byte[]> second = unzip(again);
        for (String name : expected) {
            if (name.startsWith("tables/") || name.equals("prompt.md")) assertArrayEquals(files.get(name), second.get(name), name);
        }
    }

    @Test
    void noScorecardLeavesItsTablesOutAndSaysSoInThePrompt() throws Exception {
        Path csvFile = SharedData.file(SharedData.LINK_FEB_2026);
        Path out = dir.resolve("plain.zip");
        CliRun run = CliRun.of("bundle", "--source", "file:" + csvFile, "--at", AT, "--panes", "m1:24h", "--no-scorecard", "--size", "400x240",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        Map<String, byte[]> files = unzip(out);
        assertTrue(files.keySet().stream().noneMatch(n -> n.contains("scorecard")), files.keySet().toString());
        assertTrue(new String(files.get("prompt.md"), StandardCharsets.UTF_8).contains("Not measured for this bundle"));
    }

    @Test
    void zonesPrintsTheSameTablesAsTheBundle() throws Exception {
        Path csvFile = SharedData.file(SharedData.LINK_FEB_2026);
        CliRun run = CliRun.of("zones", "--source", "file:" + csvFile, "--at", AT, "--panes", "m1:12h,m3:3d", "--format", "csv");
        assertEquals(0, run.status(), run.err());
        String[] parts = run.out().split("\n\n", 2);
        assertTrue(parts[0].startsWith("pane,model,window,side,low,high,peak,notional,intensity,distance_pct,cumulative\n"));
        assertTrue(parts[1].startsWith("side,low,high,score,panes,notional,distance_pct\n"));
        Path out = dir.resolve("two.zip");
        assertEquals(0, CliRun.of("bundle", "--source", "file:" + csvFile, "--at", AT, "--panes", "m1:12h,m3:3d", "--out", out.toString(),
                "--size", "640x360").status());
        Map<String, byte[]> files = unzip(out);
        assertEquals(parts[0] + "\n", new String(files.get("tables/zones.csv"), StandardCharsets.UTF_8));
        assertEquals(parts[1], new String(files.get("tables/confluence.csv"), StandardCharsets.UTF_8));
        assertEquals(640, ImageIO.read(new ByteArrayInputStream(files.get("images/m1-12h.png"))).getWidth());

        JsonNode json = JSON.readTree(CliRun.of("zones", "--source", "file:" + csvFile, "--at", AT, "--panes", "m1:12h,m3:3d").out());
        assertEquals("LINKUSDT", json.get("symbol").asText());
        assertEquals(parts[0].lines().count() - 1, json.get("zones").size());
        assertTrue(json.at("/summary/near").size() == 3 * 3, "3 bands x (2 panes + all)");
    }

    private void assertNoFileIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(p -> !p.getFileName().toString().equals("template.md")).toList());
        }
    }

    @Test
    void badInputIsOneLineAndNoZip() throws IOException {
        Path out = dir.resolve("out.zip");
        String line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12h,m9:3d", "--out", out.toString()).assertOneLineFailure(2);
        assertTrue(line.contains("--panes m9:3d") && line.contains("m9"), line);
        line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12x", "--out", out.toString()).assertOneLineFailure(2);
        assertTrue(line.contains("--panes m1:12x"), line);
        line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12h", "--out", dir.toString()).assertOneLineFailure(2);
        assertEquals("liqlens-cli: --out: cannot write bundle " + dir.toAbsolutePath() + ": is a directory", line);
        Path aFile = Files.writeString(dir.resolve("template.md"), "Look at {symbol} and {zonesTabel}.\n");
        line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12h", "--out", aFile.resolve("x.zip").toString()).assertOneLineFailure(2);
        assertTrue(line.contains("is not a directory"), line);
        line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12h", "--template", aFile.toString(), "--out", out.toString())
                .assertOneLineFailure(2);
        assertEquals("liqlens-cli: --template: " + aFile + ":1: unknown placeholder {zonesTabel} (known: {symbol}, {asOf}, {price}, "
                + "{panes}, {images}, {zonesTable}, {confluenceTable}, {summary}, {scorecard})", line);
        line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12h", "--tolerance", "-1", "--out", out.toString()).assertOneLineFailure(2);
        assertTrue(line.contains("--tolerance"), line);
        line = CliRun.of("bundle", "--source", "sim", "--panes", "m1:12h", "--size", "1600by900", "--out", out.toString()).assertOneLineFailure(2);
        assertTrue(line.contains("--size"), line);
        assertNoFileIn(dir);
    }

    @Test
    void aPaneWithoutDataIsBadDataAndNoZip() throws IOException {
        Path csvFile = SharedData.file(SharedData.LINK_FEB_2026);
        Path out = dir.resolve("out.zip");
        // the file ends with February: a 12h window at 2026-03-10 holds no candle
        String line = CliRun.of("bundle", "--source", "file:" + csvFile, "--at", "2026-03-10T00:00:00Z", "--panes", "m1:12h",
                "--out", out.toString()).assertOneLineFailure(1);
        assertTrue(line.startsWith("liqlens-cli: pane m1:12h: ") && line.contains("no 1m candles"), line);
        assertNoFileIn(dir);
    }
}
