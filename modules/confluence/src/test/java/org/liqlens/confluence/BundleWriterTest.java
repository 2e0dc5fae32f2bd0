package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimator;
import org.liqlens.sources.load.WindowSpec;

/** The writer on two small panes of the simulated market: layout, determinism, atomicity, the review entry. */
class BundleWriterTest {
    static final long H = 3_600_000L;
    static List<PaneEstimate> panes;

    @BeforeAll
    static void estimate() {
        WindowEstimator estimator = WindowEstimator.standard();
        SourceSpec sim = SourceSpec.parse("sim:7");
        panes = new ArrayList<>();
        Long asOf = null;
        for (long w : new long[] {12 * H, 12 * H}) {   // the same pane twice: names must be made unique
            var e = estimator.estimate(WindowSpec.builder(sim, "BTCUSDT", "m1", w).asOf(asOf).buckets(120).columns(90).build(), CancelToken.NONE);
            asOf = e.result().asOf();
            panes.add(PaneEstimate.of(e, true));
        }
    }

    static BundleRequest.Builder request(Clock clock) {
        return BundleRequest.builder(panes, BundleSource.of(SourceSpec.parse("sim:7"), "Simulated market", false))
                .size(400, 240).clock(clock).appVersion("test");
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void theLayoutIsFixedAndOnlyTheManifestDiffersBetweenRuns(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.zip"), b = dir.resolve("b.zip");
        BundleWriter.Written written = BundleWriter.write(a, request(at("2026-12-01T10:00:00Z"))
                .extraEntries(report -> List.of(BundleEntry.text("tables/extra.txt", report.symbol() + "\n"))).build());
        BundleWriter.write(b, request(at("2026-12-01T11:30:00Z"))
                .extraEntries(report -> List.of(BundleEntry.text("tables/extra.txt", report.symbol() + "\n"))).build());
        List<String> expected = List.of("manifest.json", "prompt.md", "images/m1-12h.png", "images/m1-12h.svg",
                "images/m1-12h-2.png", "images/m1-12h-2.svg", "tables/zones.csv", "tables/zones.json", "tables/zones.md",
                "tables/confluence.csv", "tables/confluence.json", "tables/confluence.md", "tables/extra.txt");
        assertEquals(expected, written.entries());
        try (ZipFile za = new ZipFile(a.toFile()); ZipFile zb = new ZipFile(b.toFile())) {
            assertEquals(expected, za.stream().map(ZipEntry::getName).toList());
            for (String name : expected) {
                ZipEntry ea = za.getEntry(name), eb = zb.getEntry(name);
                byte[] ba = za.getInputStream(ea).readAllBytes(), bb = zb.getInputStream(eb).readAllBytes();
                if (name.equals("manifest.json")) {
                    String ma = new String(ba, StandardCharsets.UTF_8), mb = new String(bb, StandardCharsets.UTF_8);
                    assertTrue(ma.contains("\"createdAt\" : \"2026-12-01T10:00:00Z\""), ma);
                    assertEquals(ma.replace("10:00:00Z", "11:30:00Z"), mb, "only the creation time differs");
                    assertTrue(ma.contains("\"kind\" : \"simulated\""), ma);
                } else {
                    assertArrayEquals(ba, bb, name);
                    assertEquals(BundleWriter.FIXED_TIME, ea.getTimeLocal(), name);
                }
            }
            assertEquals("BTCUSDT\n", new String(za.getInputStream(za.getEntry("tables/extra.txt")).readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFailureLeavesNoFileAndKeepsAnEarlierBundle(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.zip");
        assertThrows(IllegalStateException.class, () -> BundleWriter.write(target, request(Clock.systemUTC())
                .extraEntries(report -> { throw new IllegalStateException("hook failed"); }).build()));
        assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(target, request(Clock.systemUTC())
                .extraEntries(report -> List.of(BundleEntry.text("prompt.md", "x"))).build()));
        assertFalse(Files.exists(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file either");
        }
        BundleWriter.write(target, request(Clock.systemUTC()).build());
        byte[] before = Files.readAllBytes(target);
        assertThrows(IllegalStateException.class, () -> BundleWriter.write(target, request(Clock.systemUTC())
                .extraEntries(report -> { throw new IllegalStateException("hook failed"); }).build()));
        assertArrayEquals(before, Files.readAllBytes(target));
    }

    @Test
    void aDirectoryTargetIsRefusedWithItsPath(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> BundleWriter.write(dir, request(Clock.systemUTC()).build()));
        assertEquals("cannot write bundle " + dir.toAbsolutePath() + ": is a directory", e.getMessage());
    }

    @Test
    void aReviewIsAddedLastAndReplacedWithEveryOtherEntryUnchanged(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("r.zip");
        BundleWriter.write(target, request(Clock.systemUTC()).build());
        BundleReader before = BundleReader.read(target);
        BundleReader.addReview(target, "first answer\n");
        BundleReader.addReview(target, "second answer\n");
        BundleReader after = BundleReader.read(target);
        List<String> names = new ArrayList<>(before.entryNames());
        names.add("review.md");
        assertEquals(names, after.entryNames());
        for (String n : before.entryNames()) assertArrayEquals(before.entry(n), after.entry(n), n);
        assertEquals("second answer\n", new String(after.entry("review.md"), StandardCharsets.UTF_8));
        assertEquals(List.of("images/m1-12h.png", "images/m1-12h-2.png"), List.copyOf(after.pngImages().keySet()));
    }
}
