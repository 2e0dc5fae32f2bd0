package org.liqlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.score.Scorecard;
import org.liqlens.engine.score.ScorecardSpec;
import org.liqlens.engine.score.ScorecardTables;
import org.liqlens.engine.sim.SimulatedMarket;

/** {@code score}: parameters echoed, one result per model × window × band × horizon, the engine's numbers. */
class ScoreCommandTest {

    @Test
    void theSimulatorsScorecardAsJsonIsTheEnginesAndEchoesItsParameters() throws Exception {
        CliRun run = CliRun.of("score", "--source", "sim", "--models", "m1,m3", "--windows", "12h,24h", "--bands", "3,5",
                "--horizons", "4h,12h");
        assertEquals(0, run.status(), run.err());
        JsonNode j = Json.mapper().readTree(run.out());
        assertEquals("BTCUSDT", j.get("symbol").asText());
        assertEquals("[\"m1\",\"m3\"]", j.get("models").toString());
        assertEquals("[\"12h\",\"24h\"]", j.get("windows").toString());
        assertEquals("6h", j.get("step").asText());
        assertEquals("[\"4h\",\"12h\"]", j.get("horizons").toString());
        assertTrue(j.get("period").has("firstAsOf"));
        assertEquals(2 * 2 * 2 * 2, j.get("results").size(), "models x windows x bands x horizons");
        assertEquals(2 * 2 * 2 * 2, j.get("direction").size());
        JsonNode first = j.get("results").get(0);
        for (String f : List.of("model", "window", "variant", "bandPct", "horizonHours", "cases", "hits", "hitRate", "hitRateLow",
                "hitRateHigh", "baseline", "lift", "liftLow", "liftHigh", "liftOpposite", "liftRecent", "liftRecentLow", "liftRecentHigh",
                "dayBlocks", "verdict")) {
            assertTrue(first.has(f), "results[0]." + f);
        }
        // the same as the engine's scorecard on the simulator's data
        SimulatedMarket.Data d = SimulatedMarket.generateDefault();
        var expected = new Scorecard(LiquidationEngine.standard(), MarketInputs.of(d.candles1m(), d.openInterest5m()),
                ScorecardSpec.builder().horizons(4 * 3_600_000L, 12 * 3_600_000L).build()).run("m1", 12 * 3_600_000L).rows().get(0);
        assertEquals(expected.cases(), first.get("cases").asInt());
        assertEquals(expected.hits(), first.get("hits").asInt());
        assertEquals(expected.lift(), first.get("lift").asDouble(), 0);
        assertEquals(expected.liftLow(), first.get("liftLow").asDouble(), 0);
        assertEquals(expected.verdict(), first.get("verdict").asText());
    }

    @Test
    void csvAndMarkdownAndTheTablesFolder(@TempDir Path dir) throws Exception {
        CliRun csv = CliRun.of("score", "--source", "sim", "--models", "m1", "--windows", "24h", "--format", "csv",
                "--tables", dir.toString());
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.out().startsWith(ScorecardTables.CSV_HEADER + "\n"), csv.out());
        assertEquals(1 + 2 * 3, csv.out().split("\n").length);
        assertEquals(csv.out(), Files.readString(dir.resolve("tables/scorecard.csv")));
        assertTrue(Files.readString(dir.resolve("tables/scorecard.md")).contains("| BTCUSDT | m1 | 24h | bucket | ±3.0 % | 4 h |"));
        assertTrue(Files.isRegularFile(dir.resolve("tables/scorecard-direction.csv")));
        CliRun md = CliRun.of("score", "--source", "sim", "--models", "m1", "--windows", "24h", "--format", "md");
        assertEquals(Files.readString(dir.resolve("tables/scorecard.md")), md.out());
    }

    @Test
    void badArgumentsAreRefusedOnOneLine() {
        assertEquals("liqlens-cli: --models: unknown model 'm9'; known models: m1, m2, m3, m1t, m3t",
                CliRun.of("score", "--source", "sim", "--models", "m9", "--windows", "24h").assertOneLineFailure(2));
        assertEquals("liqlens-cli: --windows must be a list such as 4h,12h,24h or 12h,24h,3d, not 'x'",
                CliRun.of("score", "--source", "sim", "--models", "m1", "--windows", "x").assertOneLineFailure(2));
        assertTrue(CliRun.of("score", "--source", "sim", "--models", "m1", "--windows", "24h", "--bands", "3.05")
                .assertOneLineFailure(2).contains("band 3.05 % is not a positive multiple of the 0.1 % bucket"));
        assertTrue(CliRun.of("score", "--source", "sim", "--models", "m1", "--windows", "24h", "--format", "xml")
                .assertOneLineFailure(2).contains("--format must be json, csv or md"));
    }

    @Test
    void aRealAltcoinMonth() throws Exception {
        Path link = SharedData.file(SharedData.LINK_FEB_2026);
        CliRun run = CliRun.of("score", "--source", "file:" + link, "--models", "m1", "--windows", "24h", "--bands", "3",
                "--horizons", "24h");
        assertEquals(0, run.status(), run.err());
        JsonNode r = Json.mapper().readTree(run.out()).get("results").get(0);
        assertTrue(r.get("cases").asInt() >= 150, r.toString());
        assertTrue(r.get("dayBlocks").asInt() >= 20, r.toString());
    }
}
