package org.liqlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code levels} against the worked examples of liquidation-math.md §2. Expected prices are evaluated here
 * from the fresh-position formula, long {@code (EP(1 - 1/L) - cum/Q) / (1 - MMR)} and short
 * {@code (EP(1 + 1/L) + cum/Q) / (1 + MMR)}, and checked against the document's rounded figures.
 */
class LevelsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode levels(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "levels";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.of(all);
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        return JSON.readTree(run.out());
    }

    private static double cents(double price) {
        return new BigDecimal(price).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void longAt100xWithMmrPoint4PercentIsTheDocumentsExample() throws Exception {
        JsonNode r = levels("--side", "long", "--entry", "100000", "--leverage", "100", "--mmr", "0.004");
        double expected = (100_000 * (1 - 1 / 100.0) - 0) / (1 - 0.004);
        assertEquals(expected, r.get("liquidationPrice").asDouble(), 1e-9 * expected);
        assertEquals(99_397.59, cents(r.get("liquidationPrice").asDouble()));
        assertEquals(99_000.0, r.get("bankruptcyPrice").asDouble(), 1e-9);
        assertEquals(0.004, r.get("mmr").asDouble());
        assertEquals(0.0, r.get("cum").asDouble());
    }

    @Test
    void shortAt100xWithMmrPoint4PercentIsTheDocumentsExample() throws Exception {
        JsonNode r = levels("--side", "short", "--entry", "100000", "--leverage", "100", "--mmr", "0.004");
        double expected = (100_000 * (1 + 1 / 100.0) + 0) / (1 + 0.004);
        assertEquals(expected, r.get("liquidationPrice").asDouble(), 1e-9 * expected);
        assertEquals(100_597.61, cents(r.get("liquidationPrice").asDouble()));
        assertEquals(101_000.0, r.get("bankruptcyPrice").asDouble(), 1e-9);
    }

    @Test
    void btcusdtWithoutMmrUsesTheFirstBracketsPoint4Percent() throws Exception {
        JsonNode r = levels("--side", "long", "--entry", "100000", "--leverage", "100", "--symbol", "BTCUSDT");
        assertEquals(0.004, r.get("mmr").asDouble());
        assertEquals(99_397.59, cents(r.get("liquidationPrice").asDouble()));
    }

    @Test
    void notionalOf100kOnBtcusdtFallsInBracket2WithItsCum() throws Exception {
        // Bracket 2 of the March 2021 table: 50k-250k, MMR 0.5 %, cum 50; Q = 100,000 / 100,000 = 1.
        double q = 100_000.0 / 100_000.0;
        JsonNode r = levels("--side", "long", "--entry", "100000", "--leverage", "100", "--notional", "100000", "--symbol", "BTCUSDT");
        double expected = (100_000 * (1 - 1 / 100.0) - 50 / q) / (1 - 0.005);
        assertEquals(expected, r.get("liquidationPrice").asDouble(), 1e-9 * expected);
        assertEquals(99_447.24, cents(r.get("liquidationPrice").asDouble()));
        assertEquals(0.005, r.get("mmr").asDouble());
        assertEquals(50.0, r.get("cum").asDouble());

        JsonNode s = levels("--side", "short", "--entry", "100000", "--leverage", "100", "--notional", "100000", "--symbol", "BTCUSDT");
        double expectedShort = (100_000 * (1 + 1 / 100.0) + 50 / q) / (1 + 0.005);
        assertEquals(expectedShort, s.get("liquidationPrice").asDouble(), 1e-9 * expectedShort);
    }

    @Test
    void liquidationIsNotTheBankruptcyPrice() throws Exception {
        // The naive 1/L distance is the bankruptcy price; a 100x long liquidates 0.602 % below entry, not 1 %.
        JsonNode r = levels("--side", "long", "--entry", "50000", "--leverage", "100", "--mmr", "0.004");
        double distance = 1 - r.get("liquidationPrice").asDouble() / 50_000;
        assertEquals(0.00602, distance, 0.000005);
        assertEquals(50_000 * (1 - 1 / 100.0), r.get("bankruptcyPrice").asDouble(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--side sideways --entry 100000 --leverage 100",
            "--side long --leverage 100",
            "--side long --entry 100000 --leverage 0",
            "--side long --entry 100000 --leverage 100 --colour red",
            "--side long --entry -5 --leverage 100",
            "--side long --entry abc --leverage 100",
            "--side long --entry 100000 --leverage 100 --mmr 1.5",
            "--side long --entry 100000 --leverage 100 --notional 100000",
    })
    void badArgumentsExitWith2AndOneLine(String args) {
        String[] split = ("levels " + args).split(" ");
        String message = CliRun.of(split).assertOneLineFailure(2);
        assertTrue(message.startsWith("liqlens-cli: "), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--side long --entry 100000 --leverage 1000 --mmr 0.004",
            "--side short --entry 100000 --leverage 10 --mmr 0.5",
            "--side long --entry 100000 --leverage 1000",
            "--side short --entry 100000 --leverage 300 --symbol BTCUSDT",
    })
    void positionsThatMmrLiquidatesAtEntryAreRefusedAsMapRefusesThem(String args) {
        // Before the fix these printed a long's liquidation above its entry (100,301) or a short's below (73,333).
        String message = CliRun.of(("levels " + args).split(" ")).assertOneLineFailure(2);
        assertTrue(message.contains("would be liquidated at entry: MMR must stay below 1/leverage"), message);
        assertTrue(message.contains("leverage " + args.split(" ")[5] + "x"), "names the leverage: " + message);
    }

    @Test
    void everyPrintedLiquidationPriceLiesOnTheLossSideOfTheEntry() throws Exception {
        for (String side : new String[] {"long", "short"}) {
            for (String leverage : new String[] {"1", "2", "10", "100", "125", "1000"}) {
                for (String mmr : new String[] {"0", "0.004", "0.05", "0.5", "0.9"}) {
                    CliRun run = CliRun.of("levels", "--side", side, "--entry", "100000", "--leverage", leverage, "--mmr", mmr);
                    if (Double.parseDouble(mmr) * Double.parseDouble(leverage) >= 1) {
                        assertTrue(run.assertOneLineFailure(2).contains("liquidated at entry"), run.err());
                        continue;
                    }
                    assertEquals(0, run.status(), run.err());
                    double liquidation = JSON.readTree(run.out()).get("liquidationPrice").asDouble();
                    String what = side + " " + leverage + "x MMR " + mmr + ": " + liquidation;
                    assertTrue(side.equals("long") ? liquidation < 100_000 : liquidation > 100_000, what);
                }
            }
        }
    }

    @Test
    void badArgumentMessagesNameTheOption() {
        assertTrue(CliRun.of("levels", "--side", "sideways", "--entry", "1", "--leverage", "2").assertOneLineFailure(2).contains("--side"));
        assertTrue(CliRun.of("levels", "--side", "long", "--leverage", "2").assertOneLineFailure(2).contains("--entry"));
        assertTrue(CliRun.of("levels", "--side", "long", "--entry", "1", "--leverage", "0").assertOneLineFailure(2).contains("--leverage"));
        assertTrue(CliRun.of("levels", "--side", "long", "--entry", "1", "--leverage", "2", "--colour", "red")
                .assertOneLineFailure(2).contains("unknown option --colour"));
    }
}
