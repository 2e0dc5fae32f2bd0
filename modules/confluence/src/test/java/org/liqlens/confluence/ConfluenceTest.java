package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.Side;

/** Zones, confluence and summary of constructed profiles whose answers are worked out by hand in the comments. */
class ConfluenceTest {
    static final long H = 3_600_000L;
    static final double EPS = 1e-9;

    /*
     * Pane a (m1, 12h): longs 100, 200, 100 in buckets 150-152 ([95.0, 95.3)), 80 in bucket 190 ([99.0, 99.1));
     * shorts 300 in bucket 220 ([102.0, 102.1)). Long peak 200, threshold 60: zones [99.0, 99.1] (80) and
     * [95.0, 95.3] (400); short peak 300: zone [102.0, 102.1] (300). Strongest zone 400.
     */
    static PaneEstimate paneA() {
        return Profiles.pane("m1", 12 * H, 150, 100, 151, 200, 152, 100, 190, 80, 1220, 300);
    }

    /* Pane b (m3, 3d): longs 500 in bucket 196 ([99.6, 99.7)); shorts 250 in bucket 260 ([106.0, 106.1)). */
    static PaneEstimate paneB() {
        return Profiles.pane("m3", 72 * H, 196, 500, 1260, 250);
    }

    @Test
    void paneZonesCarryRelativeIntensityDistanceAndCumulative() {
        List<PaneZone> zones = Confluence.paneZones(paneA(), 0.30);
        assertEquals(3, zones.size());
        PaneZone near = zones.get(0), shortZone = zones.get(1), far = zones.get(2);   // 0.9 %, 2.0 %, 4.7 %

        assertEquals("m1-12h", near.pane());
        assertEquals("m1", near.modelId());
        assertEquals("12h", near.window());
        assertEquals(Side.LONG, near.side());
        assertEquals(99.0, near.low(), EPS);
        assertEquals(99.1, near.high(), EPS);
        assertEquals(99.05, near.peak(), EPS);
        assertEquals(80, near.notional(), EPS);
        assertEquals(80.0 / 400, near.intensity(), EPS);
        assertEquals(0.9, near.distancePct(), EPS);
        assertEquals(80, near.cumulative(), EPS);

        assertEquals(Side.SHORT, shortZone.side());
        assertEquals(102.0, shortZone.low(), EPS);
        assertEquals(102.1, shortZone.high(), EPS);
        assertEquals(300.0 / 400, shortZone.intensity(), EPS);
        assertEquals(2.0, shortZone.distancePct(), EPS);
        assertEquals(300, shortZone.cumulative(), EPS);

        assertEquals(95.0, far.low(), EPS);
        assertEquals(95.3, far.high(), EPS);
        assertEquals(95.15, far.peak(), EPS);          // the centre of bucket 151, the 200
        assertEquals(400, far.notional(), EPS);
        assertEquals(1.0, far.intensity(), EPS);
        assertEquals(4.7, far.distancePct(), EPS);
        assertEquals(80 + 400, far.cumulative(), EPS);  // the 99.0 zone lies between the price and this one
    }

    static PaneZone zone(String pane, Side side, double low, double high, double notional, double intensity) {
        double distance = side == Side.LONG ? 100 - high : low - 100;   // price 100: 1 unit is 1 %
        return new PaneZone(pane, "m1", "12h", side, low, high, (low + high) / 2, notional, intensity, distance, notional);
    }

    @Test
    void aGapJustInsideTheToleranceMergesAndOneJustOutsideDoesNot() {
        // price 100, tolerance 0.5 % = 0.5 in price
        List<ConfluenceZone> inside = Confluence.merge(List.of(
                zone("a", Side.LONG, 90, 91, 100, 1), zone("b", Side.LONG, 91.499, 92, 50, 1)), 100, 0.5);
        assertEquals(1, inside.size());
        assertEquals(90, inside.get(0).low(), 0);
        assertEquals(92, inside.get(0).high(), 0);
        assertEquals(List.of("a", "b"), inside.get(0).panes());

        List<ConfluenceZone> outside = Confluence.merge(List.of(
                zone("a", Side.LONG, 90, 91, 100, 1), zone("b", Side.LONG, 91.501, 92, 50, 1)), 100, 0.5);
        assertEquals(2, outside.size());

        List<ConfluenceZone> exactly = Confluence.merge(List.of(
                zone("a", Side.SHORT, 104, 105, 100, 1), zone("b", Side.SHORT, 105.5, 106, 50, 1)), 100, 0.5);
        assertEquals(1, exactly.size(), "a gap of exactly the tolerance merges");
    }

    @Test
    void touchingZonesMergeEvenWithoutTolerance() {
        List<ConfluenceZone> merged = Confluence.merge(List.of(
                zone("a", Side.SHORT, 101, 102, 100, 1), zone("b", Side.SHORT, 102, 103, 50, 0.5)), 100, 0);
        assertEquals(1, merged.size());
        assertEquals(1.5, merged.get(0).score(), EPS);
        List<ConfluenceZone> apart = Confluence.merge(List.of(
                zone("a", Side.SHORT, 101, 102, 100, 1), zone("b", Side.SHORT, 102.001, 103, 50, 0.5)), 100, 0);
        assertEquals(2, apart.size());
    }

    @Test
    void theMergeIsTransitiveAndScoresEachPaneByItsStrongestZone() {
        // a1 [95.0, 95.3], b [95.6, 95.9] (gap 0.3), a2 [96.3, 96.5] (gap 0.4 from b; 1.0 from a1): one group
        List<ConfluenceZone> merged = Confluence.merge(List.of(
                zone("a", Side.LONG, 95.0, 95.3, 400, 1.0),
                zone("a", Side.LONG, 96.3, 96.5, 80, 0.2),
                zone("b", Side.LONG, 95.6, 95.9, 500, 0.6),
                zone("a", Side.SHORT, 95.8, 96.0, 70, 0.9)), 100, 0.5);   // other side: never merged with longs
        assertEquals(2, merged.size());
        ConfluenceZone group = merged.get(0);
        assertEquals(Side.LONG, group.side());
        assertEquals(95.0, group.low(), 0);
        assertEquals(96.5, group.high(), 0);
        assertEquals(1.0 + 0.6, group.score(), EPS);          // a's best (1.0, not 1.0 + 0.2) plus b's 0.6
        assertEquals(List.of("a", "b"), group.panes());
        assertEquals(500, group.notional(), EPS);             // max(a: 400 + 80, b: 500)
        assertEquals(100 - 96.5, group.distancePct(), EPS);
        assertEquals(3, group.zones().size());
        assertEquals(Side.SHORT, merged.get(1).side());
        assertEquals(0.9, merged.get(1).score(), EPS);
    }

    @Test
    void confluenceZonesAreOrderedByScoreThenDistance() {
        List<ConfluenceZone> merged = Confluence.merge(List.of(
                zone("a", Side.LONG, 90, 91, 10, 0.5),
                zone("a", Side.SHORT, 109, 110, 10, 0.5),
                zone("a", Side.SHORT, 103, 104, 10, 0.5),
                zone("b", Side.LONG, 97, 98, 10, 1.0)), 100, 0.5);
        assertEquals(List.of(97.0, 103.0, 90.0, 109.0), merged.stream().map(ConfluenceZone::low).toList());
    }

    @Test
    void theAnalysisOfTwoPanesMergesTheirNearLongZonesAndSummarises() {
        ConfluenceReport report = Confluence.analyse(List.of(paneA(), paneB()), ConfluenceSettings.DEFAULT.withMinIntensity(0));
        assertEquals(100, report.price(), 0);
        assertEquals(3 + 2, report.zones().size());
        // b's only long zone [99.6, 99.7] is 0.5 above a's [99.0, 99.1]: within 0.5 % of 100 (the slack allows the
        // binary rounding of the bucket edges either way); a's [95.0, 95.3] is far from both.
        ConfluenceZone top = report.confluence().get(0);
        assertEquals(Side.LONG, top.side());
        assertEquals(List.of("m1-12h", "m3-3d"), top.panes());
        assertEquals(0.2 + 1.0, top.score(), EPS);
        assertEquals(500, top.notional(), EPS);
        assertEquals(99.0, top.low(), EPS);
        assertEquals(99.7, top.high(), EPS);
        assertEquals(0.3, top.distancePct(), EPS);

        ConfluenceSummary s = report.summary();
        assertEquals("m3-3d", s.nearestStrongLong().orElseThrow().pane());   // a's 99.0 zone is only 0.2: not strong
        assertEquals(99.6, s.nearestStrongLong().orElseThrow().low(), EPS);
        assertEquals("m1-12h", s.nearestStrongShort().orElseThrow().pane());  // 0.75 at 2.0 %; b's 106 is 6 %
        // ±2 %: a long 80 (centre 99.05), short 0 (centre 102.05 > 102); b long 500; ±5 %: a 480 / 300;
        // ±10 %: b's short at centre 106.05 joins.
        double[][] expected = {{2, 80, 0}, {2, 500, 0}, {2, 580, 0}, {5, 480, 300}, {5, 500, 0}, {5, 980, 300},
                {10, 480, 300}, {10, 500, 250}, {10, 980, 550}};
        assertEquals(expected.length, s.near().size());
        for (int i = 0; i < expected.length; i++) {
            NearNotional n = s.near().get(i);
            assertEquals(expected[i][0], n.pct(), 0, "band of row " + i);
            assertEquals(expected[i][1], n.longs(), EPS, "long of row " + i);
            assertEquals(expected[i][2], n.shorts(), EPS, "short of row " + i);
        }
        assertEquals(List.of("m1-12h", "m3-3d", "all"), s.near().subList(0, 3).stream().map(NearNotional::pane).toList());
        assertTrue(s.nearestSwept().isEmpty(), "no heatmap, nothing swept");
    }

    @Test
    void zonesUnderTheMinimumIntensityAreListedButNotMerged() {
        ConfluenceReport report = Confluence.analyse(List.of(paneA(), paneB()), ConfluenceSettings.DEFAULT);   // from 0.25
        assertEquals(5, report.zones().size(), "a's 0.2 zone is still listed");
        // a's 99.0 zone (0.2) takes no part: b's 99.6 zone stands alone, with b's score only
        ConfluenceZone b = report.confluence().stream().filter(c -> c.low() > 99.5 && c.side() == Side.LONG).findFirst().orElseThrow();
        assertEquals(List.of("m3-3d"), b.panes());
        assertEquals(1.0, b.score(), EPS);
        assertEquals(4, report.confluence().size());   // a 95.0, a 102.0, b 99.6, b 106.0
    }

    @Test
    void panesOfAnotherInstantAreRefusedByName() {
        PaneEstimate other = Profiles.pane("m1", 24 * H, 150, 100);
        PaneEstimate later = new PaneEstimate("late", "m1", 24 * H, java.util.Map.of(),
                new org.liqlens.engine.EstimateResult("TESTUSDT", "m1", Profiles.AS_OF + 60_000, 24 * H, 100, null,
                        other.result().map(), other.result().zones(), () -> org.liqlens.engine.market.CandleSeries.builder("TESTUSDT", 60_000).build(),
                        org.liqlens.engine.model.LeverageLadder.DEFAULT, 0.004, java.util.Map.of(), 0, other.result().coverage()),
                "x", false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Confluence.analyse(List.of(paneA(), later), ConfluenceSettings.DEFAULT));
        assertTrue(e.getMessage().contains("pane late"), e.getMessage());
    }

    @Test
    void duplicatePaneNamesGetNumberedInOrderWithoutTakingAGivenName() {
        PaneEstimate p = paneA();
        List<PaneEstimate> named = Panes.uniqueNames(List.of(p, p, p.withName("m1-12h-2"), p.withName("a/b c")));
        assertEquals(List.of("m1-12h", "m1-12h-3", "m1-12h-2", "a_b_c"), named.stream().map(PaneEstimate::name).toList());
    }
}
