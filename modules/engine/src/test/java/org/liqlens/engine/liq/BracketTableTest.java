package org.liqlens.engine.liq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BracketTableTest {

    /** The doc's BTCUSDT table: floor, cap, max leverage, MMR, cum. */
    private static final double[][] DOC = {
        {0, 50e3, 125, 0.004, 0},
        {50e3, 250e3, 100, 0.005, 50},
        {250e3, 1e6, 50, 0.01, 1_300},
        {1e6, 10e6, 20, 0.025, 16_300},
        {10e6, 20e6, 10, 0.05, 266_300},
        {20e6, 50e6, 5, 0.10, 1_266_300},
        {50e6, 100e6, 4, 0.125, 2_516_300},
        {100e6, 200e6, 3, 0.15, 5_016_300},
        {200e6, 300e6, 2, 0.25, 25_016_300},
        {300e6, 500e6, 1, 0.50, 100_016_300},
    };

    @Test
    void bundledBtcTableIsTheDocsTable() {
        BracketTable t = BracketTable.forSymbol("btcusdt").orElseThrow();
        assertEquals("BTCUSDT", t.symbol());
        List<MarginBracket> b = t.brackets();
        assertEquals(DOC.length, b.size());
        for (int i = 0; i < DOC.length; i++) {
            assertEquals(DOC[i][0], b.get(i).notionalFloor(), "floor " + i);
            assertEquals(DOC[i][1], b.get(i).notionalCap(), "cap " + i);
            assertEquals(DOC[i][2], b.get(i).maxLeverage(), "max leverage " + i);
            assertEquals(DOC[i][3], b.get(i).mmr(), 1e-15, "mmr " + i);
            assertEquals(DOC[i][4], b.get(i).cum(), 1e-6, "cum " + i);
        }
        assertEquals(0.004, t.firstBracketMmr());
        assertSame(t, BracketTable.forSymbol("BTCUSDT").orElseThrow(), "bundled tables are cached");
    }

    @Test
    void docsCumValuesFollowTheRecurrence() {
        for (int i = 1; i < DOC.length; i++) {
            double expected = DOC[i][0] * (DOC[i][3] - DOC[i - 1][3]) + DOC[i - 1][4];
            assertEquals(expected, DOC[i][4], 1e-6, "row " + i);
        }
    }

    @Test
    void bracketForNotional() {
        BracketTable t = BracketTable.forSymbol("BTCUSDT").orElseThrow();
        assertEquals(0.004, t.bracketFor(0).mmr());
        assertEquals(0.004, t.bracketFor(49_999.99).mmr());
        assertEquals(0.005, t.bracketFor(50_000).mmr());
        assertEquals(50, t.bracketFor(100_000).cum(), 1e-9);
        assertEquals(0.025, t.bracketFor(9_999_999).mmr());
        assertEquals(0.50, t.bracketFor(499e6).mmr());
        assertEquals(0.50, t.bracketFor(2e9).mmr(), "beyond the last cap: the last bracket");
        assertThrows(IllegalArgumentException.class, () -> t.bracketFor(-1));
        // maintenance margin is continuous at a boundary thanks to cum
        assertEquals(t.brackets().get(0).maintenanceMargin(50_000), t.brackets().get(1).maintenanceMargin(50_000), 1e-9);
    }

    @Test
    void unknownSymbolHasNoTable() {
        assertTrue(BracketTable.forSymbol("NOSUCHUSDT").isEmpty());
        assertTrue(BracketTable.forSymbol("../../etc/passwd").isEmpty());
        assertEquals(0.004, BracketTable.firstBracketMmrOrDefault("NOSUCHUSDT"));
        assertEquals(0.004, BracketTable.firstBracketMmrOrDefault("BTCUSDT"));
    }

    @Test
    void loadsAUsersFileWithPercentagesAndComputedCum(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ethusdt.csv");
        Files.writeString(f, "# my table\n\n0,10000,100,0.5%,\n10000,100000,75,0.65%,\n100000,500000,50,1%,365\n");
        BracketTable t = BracketTable.load(f);
        assertEquals("ETHUSDT", t.symbol());
        assertEquals(3, t.size());
        assertEquals(0.005, t.firstBracketMmr(), 1e-15);
        assertEquals(10_000 * 0.0015, t.brackets().get(1).cum(), 1e-9);
        assertEquals(100_000 * 0.0035 + 15, t.brackets().get(2).cum(), 1e-9);
    }

    @Test
    void badRowsNameFileAndLine() {
        BracketFormatException e = assertThrows(BracketFormatException.class, () -> BracketTable.load(new StringReader(
                "notional_floor,notional_cap,max_leverage,mmr,cum\n0,50000,125,0.004,0\n50000,250000,100,abc,50\n"), "X", "my.csv"));
        assertEquals("my.csv", e.source());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("my.csv, line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("mmr 'abc' is not a number"), e.getMessage());

        e = assertThrows(BracketFormatException.class, () -> BracketTable.load(new StringReader(
                "0,50000,125,0.004,0\n50000,250000,100,0.005,51\n"), "X", "cum.csv"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("does not match") && e.getMessage().contains("= 50"), e.getMessage());

        e = assertThrows(BracketFormatException.class, () -> BracketTable.load(new StringReader(
                "0,50000,125,0.004,0\n60000,250000,100,0.005,50\n"), "X", "gap.csv"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("does not continue"), e.getMessage());

        e = assertThrows(BracketFormatException.class, () -> BracketTable.load(new StringReader(
                "# only\n0,50000,125\n"), "X", "short.csv"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected 5 fields"), e.getMessage());

        e = assertThrows(BracketFormatException.class, () -> BracketTable.load(new StringReader("# nothing\n"), "X", "empty.csv"));
        assertTrue(e.getMessage().contains("no bracket rows"), e.getMessage());

        e = assertThrows(BracketFormatException.class, () -> BracketTable.load(new StringReader(
                "10,50000,125,0.004,0\n"), "X", "start.csv"));
        assertTrue(e.getMessage().contains("must start at notional 0"), e.getMessage());
    }

    @Test
    void symbolCheckIsTheRegularExpressionItReplaced() {
        org.liqlens.engine.IdentifierChecksTest.assertSameAsRegex("[A-Z0-9][A-Z0-9_\\-]{0,39}", BracketTable::isSymbol, 40);
    }
}
