package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.score.ScorecardResult;
import org.liqlens.engine.score.ScorecardTables;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;

/**
 * The bundle's scorecard (issue 12, item 4) on the real LINKUSDT February 2026 file: what it reads (only the
 * 30 days before the as-of time), how many as-of times that gives, and how the bundle carries it.
 */
class BundleScorecardTest {
    static final long H = 3_600_000L, D = 24 * H;
    static final String LINK = "binance_um_LINKUSDT-1m-2026-02.csv";
    /** The file's first candle opens 2026-02-01T00:00:00Z. */
    static final long FILE_START = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
    static final long AT = Instant.parse("2026-02-20T00:00:00Z").toEpochMilli();

    static Path linkFile() {
        String configured = System.getProperty("liqlens.shared.data");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../../shared/data");
        Path file = dir.resolve(LINK);
        Assumptions.assumeTrue(Files.isRegularFile(file), dir.toAbsolutePath().normalize() + " (shared/data) absent: skipping");
        return file;
    }

    static List<PaneEstimate> panes(Path file, String... modelWindows) {
        WindowEstimator estimator = WindowEstimator.standard();
        SourceSpec spec = SourceSpec.parse("file:" + file);
        List<PaneEstimate> out = new ArrayList<>();
        for (String mw : modelWindows) {
            String[] p = mw.split(":");
            long w = Long.parseLong(p[1].replace("h", "")) * H;
            var e = estimator.estimate(WindowSpec.builder(spec, "LINKUSDT", p[0], w).asOf(AT).buckets(200).columns(60).build(), CancelToken.NONE);
            out.add(PaneEstimate.of(e, false));
        }
        return out;
    }

    static BundleScorecard measure(Path file, List<PaneEstimate> panes) {
        MarketDataSource source = SourceSpec.parse("file:" + file).open();
        return BundleScorecard.measure(LiquidationEngine.standard(), source, "LINKUSDT", AT, panes, CancelToken.NONE);
    }

    @Test
    void eachPaneIsScoredOnTheDaysBeforeItsAsOfTimeOnly(@TempDir Path dir) throws IOException {
        Path full = linkFile();
        List<PaneEstimate> panes = panes(full, "m1:12h", "m1:24h", "m3:72h");
        BundleScorecard card = measure(full, panes);

        assertEquals(FILE_START, card.fromMs(), "the file starts 11 days after T − 30 d: the history read is the file's");
        assertEquals(List.of("m1-12h", "m1-24h", "m3-3d"), card.panes().stream().map(BundleScorecard.PaneScore::pane).toList());
        // As-of times: every 6 h from the file's start plus the window to T − 24 h (the longest horizon must fit
        // before T, the end of what the scorecard may read): counted by hand from the calendar.
        long[] expectedFirst = {FILE_START + 12 * H, FILE_START + D, FILE_START + 3 * D};
        int[] expectedCount = {71, 69, 61};   // (Feb 19 00:00 − first) / 6 h + 1
        for (int i = 0; i < 3; i++) {
            ScorecardResult r = card.panes().get(i).result();
            assertNotNull(r, card.panes().get(i).notMeasured());
            assertEquals(expectedFirst[i], r.firstAsOf(), card.panes().get(i).pane());
            assertEquals(AT - D, r.lastAsOf(), card.panes().get(i).pane());
            assertEquals(expectedCount[i], r.asOfTimes(), card.panes().get(i).pane());
            assertEquals(2 * 3, r.rows().size(), "bands ±3, ±5 × horizons 4, 12, 24 h");
        }

        // No look-ahead: the same file cut just before T gives the same scorecard to the byte.
        Path cut = dir.resolve(LINK);
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(full, StandardCharsets.UTF_8)) {
            if (!Character.isDigit(line.charAt(0)) || Long.parseLong(line.substring(0, line.indexOf(','))) < AT) kept.add(line);
        }
        Files.write(cut, kept, StandardCharsets.UTF_8);
        BundleScorecard fromCut = measure(cut, panes);
        assertEquals(card.csv(), fromCut.csv());
        assertEquals(card.directionCsv(), fromCut.directionCsv());
        assertEquals(card.promptText(), fromCut.promptText());

        // The tables: one CSV row per pane × band × horizon, and every pane's verdict in the Markdown and prompt.
        assertEquals(1 + 3 * 6, card.csv().lines().count());
        assertTrue(card.csv().startsWith(ScorecardTables.CSV_HEADER + "\n"));
        for (BundleScorecard.PaneScore p : card.panes()) {
            String line = "- `" + p.pane() + "` (" + p.model() + ", " + ScorecardTables.duration(p.windowMs()) + "): " + p.result().verdict();
            assertTrue(card.promptText().contains(line), line + " in\n" + card.promptText());
            assertTrue(card.markdown().contains(line), line);
        }
        assertTrue(card.promptText().contains("from 2026-02-01T00:00:00Z to 2026-02-20T00:00:00Z"), card.promptText());
    }

    @Test
    void aTradeModelIsNamedAsNotMeasuredAndTheOthersStillAre() {
        Path full = linkFile();
        List<PaneEstimate> panes = panes(full, "m1:24h");
        PaneEstimate m1 = panes.get(0);
        // A pane of a trade-based model: its estimate is not needed to decide that it cannot be scored.
        PaneEstimate trades = new PaneEstimate("m1t-24h", "m1t", 24 * H, Map.of(), m1.result(), m1.sourceLabel(), false);
        BundleScorecard card = measure(full, List.of(trades, m1));
        assertNull(card.panes().get(0).result());
        assertTrue(card.panes().get(0).notMeasured().contains("m1t needs trades"), card.panes().get(0).notMeasured());
        assertNotNull(card.panes().get(1).result());
        assertEquals(List.of(card.panes().get(1).result()), card.results());
        assertTrue(card.promptText().contains("- `m1t-24h` (m1t, 24h): not measured"), card.promptText());
    }

    @Test
    void theBundleCarriesTheTablesAndQuotesTheVerdicts(@TempDir Path dir) throws IOException {
        Path full = linkFile();
        List<PaneEstimate> panes = panes(full, "m1:24h", "m3:72h");
        BundleScorecard card = measure(full, panes);
        BundleSource source = BundleSource.of(SourceSpec.parse("file:" + full), full.getFileName().toString(), false);

        Path with = dir.resolve("with.zip");
        BundleWriter.Written written = BundleWriter.write(with, BundleRequest.builder(panes, source).size(400, 240).scorecard(card).build());
        List<String> entries = written.entries();
        int conf = entries.indexOf("tables/confluence.md");
        assertEquals(List.of(BundleWriter.SCORECARD_CSV, BundleWriter.SCORECARD_MD, BundleWriter.SCORECARD_DIRECTION_CSV),
                entries.subList(conf + 1, conf + 4));
        try (ZipFile zip = new ZipFile(with.toFile())) {
            assertEquals(card.csv(), text(zip, BundleWriter.SCORECARD_CSV));
            assertEquals(card.markdown(), text(zip, BundleWriter.SCORECARD_MD));
            String prompt = text(zip, BundleWriter.PROMPT);
            assertTrue(prompt.contains("## The models' record\n\n" + card.promptText() + "\n"), prompt);
            assertTrue(prompt.contains("- `m3-3d` (m3, 3d): " + card.panes().get(1).result().verdict()), prompt);
        }

        Path without = dir.resolve("without.zip");
        written = BundleWriter.write(without, BundleRequest.builder(panes, source).size(400, 240).build());
        assertTrue(written.entries().stream().noneMatch(e -> e.contains("scorecard")), written.entries().toString());
        try (ZipFile zip = new ZipFile(without.toFile())) {
            assertTrue(text(zip, BundleWriter.PROMPT).contains(BundleWriter.NO_SCORECARD), "says the record was not measured");
        }

        // A scorecard of other panes would quote verdicts of maps the bundle does not hold.
        BundleScorecard ofOne = measure(full, panes.subList(0, 1));
        Path wrong = dir.resolve("wrong.zip");
        assertThrows(IllegalArgumentException.class,
                () -> BundleWriter.write(wrong, BundleRequest.builder(panes, source).size(400, 240).scorecard(ofOne).build()));
        assertTrue(Files.notExists(wrong));
    }

    private static String text(ZipFile zip, String entry) throws IOException {
        return new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
