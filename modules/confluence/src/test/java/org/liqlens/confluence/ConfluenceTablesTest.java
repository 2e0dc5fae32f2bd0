package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tables of {@link ConfluenceTest}'s two constructed panes, written out by hand. Price 100: 3 decimals. */
class ConfluenceTablesTest {

    /** Every zone takes part in confluence, so that a's faint 99.0 zone (0.2) meets b's 99.6 zone. */
    static ConfluenceReport report() {
        return Confluence.analyse(List.of(ConfluenceTest.paneA(), ConfluenceTest.paneB()), ConfluenceSettings.DEFAULT.withMinIntensity(0));
    }

    @Test
    void zonesCsvListsEveryPaneZoneInPaneOrderNearestFirst() {
        assertEquals(String.join("\n",
                "pane,model,window,side,low,high,peak,notional,intensity,distance_pct,cumulative",
                "m1-12h,m1,12h,long,99.000,99.100,99.050,80,0.200,0.900,80",
                "m1-12h,m1,12h,short,102.000,102.100,102.050,300,0.750,2.000,300",
                "m1-12h,m1,12h,long,95.000,95.300,95.150,400,1.000,4.700,480",
                "m3-3d,m3,3d,long,99.600,99.700,99.650,500,1.000,0.300,500",
                "m3-3d,m3,3d,short,106.000,106.100,106.050,250,0.500,6.000,250",
                ""), report().zonesTable().toCsv());
    }

    @Test
    void confluenceCsvRanksByScore() {
        assertEquals(String.join("\n",
                "side,low,high,score,panes,notional,distance_pct",
                "long,99.000,99.700,1.200,m1-12h;m3-3d,500,0.300",
                "long,95.000,95.300,1.000,m1-12h,400,4.700",
                "short,102.000,102.100,0.750,m1-12h,300,2.000",
                "short,106.000,106.100,0.500,m3-3d,250,6.000",
                ""), report().confluenceTable().toCsv());
    }

    @Test
    void jsonKeepsColumnOrderNumbersAsWrittenAndPanesAsAnArray() {
        String json = report().confluenceTable().toJson();
        assertTrue(json.startsWith("[\n  {\"side\": \"long\", \"low\": 99.000, \"high\": 99.700, \"score\": 1.200, "
                + "\"panes\": [\"m1-12h\", \"m3-3d\"], \"notional\": 500, \"distance_pct\": 0.300},\n"), json);
        assertTrue(json.endsWith("\"distance_pct\": 6.000}\n]\n"), json);
        assertEquals(4, json.lines().filter(l -> l.startsWith("  {")).count());
        assertEquals("[]\n", new Table("empty", List.of(new Table.Column("x", Table.Type.NUMBER))).toJson());
    }

    @Test
    void markdownRightAlignsNumbers() {
        List<String> lines = report().zonesTable().toMarkdown().lines().toList();
        assertEquals("| pane | model | window | side | low | high | peak | notional | intensity | distance_pct | cumulative |", lines.get(0));
        assertEquals("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", lines.get(1));
        assertEquals("| m3-3d | m3 | 3d | short | 106.000 | 106.100 | 106.050 | 250 | 0.500 | 6.000 | 250 |", lines.get(6));
        assertEquals(7, lines.size());
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        ConfluenceReport a = report(), b = report();
        for (TableFormat f : TableFormat.values()) {
            assertEquals(a.zonesTable().format(f), b.zonesTable().format(f));
            assertEquals(a.confluenceTable().format(f), b.confluenceTable().format(f));
        }
        assertEquals(a.summaryMarkdown(), b.summaryMarkdown());
    }

    @Test
    void csvQuotesCellsWithCommasAndNumbersNeverShowMinusZero() {
        Table t = new Table("t", List.of(new Table.Column("a", Table.Type.TEXT), new Table.Column("b", Table.Type.NUMBER)));
        t.addRow("x,\"y\"", Numbers.ratio(-0.0001));
        assertEquals("a,b\n\"x,\"\"y\"\"\",0.000\n", t.toCsv());
        assertEquals(2, Numbers.priceDecimals(97_000));
        assertEquals(4, Numbers.priceDecimals(13.4));
        assertEquals(6, Numbers.priceDecimals(0.5));
        assertEquals("1234568", Numbers.notional(1_234_567.5));
    }

    @Test
    void theSummaryNamesTheNearestStrongZonesAndTheHeavierSide() {
        String s = report().summaryMarkdown();
        assertTrue(s.contains("- Nearest strong long zone: 99.600–99.700 (m3-3d, intensity 1.000), 0.300 % below the price, notional 500 USDT."), s);
        assertTrue(s.contains("- Nearest strong short zone: 102.000–102.100 (m1-12h, intensity 0.750), 2.000 % above the price"), s);
        assertTrue(s.contains("- Within ±10 % of the price, summed over the panes: long 980, short 550 USDT (more long"), s);
    }
}
