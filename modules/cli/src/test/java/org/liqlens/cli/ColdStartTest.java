package org.liqlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the cold path changed and can be checked: --version, the JSON writer, the training run, the launcher's flags. */
class ColdStartTest {

    @Test
    void versionPrintsTheBuildsVersionAndNothingElse() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status(), run.err());
        assertEquals("liqlens-cli " + System.getProperty("liqlens.cli.version") + System.lineSeparator(), run.out());
        assertEquals("", run.err());
        assertEquals("liqlens-cli: --version takes nothing after it (try --help)", CliRun.of("--version", "map").assertOneLineFailure(2));
        assertTrue(CliRun.of("--help").out().contains("liqlens-cli --version"));
    }

    /** The streaming writer writes what Jackson's object mapper wrote for the same values, character for character. */
    @Test
    void streamedJsonIsTheObjectMappersText() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "quote \" backslash \\ tab \t newline \n control \u0001 USDⓈ-M é");
        m.put("double", 0.1 + 0.2);
        m.put("big", 1.4279407575935E8);
        m.put("tiny", 4.9E-324);
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("int", 42);
        m.put("long", Long.MIN_VALUE);
        m.put("float", 1.1f);
        m.put("bool", true);
        m.put("null", null);
        m.put("doubles", new double[] {1, 2.5, -0.0});
        m.put("longs", new long[] {1L, 1_782_864_000_000L});
        m.put("empty", new double[0]);
        m.put("grid", new double[][] {{1, 2}, {}, {3}});
        m.put("cells", new float[][] {{457545.44f, 0f, 1.1f}, {}, {Float.MIN_VALUE, 3.4028235e38f}});
        m.put("list", List.of(Map.of(), List.of(), "x", 3));
        m.put("nested", Map.of("a", Map.of("b", List.of(1.5))));
        m.put("objects", List.of(Map.of("a", 1), Map.of(), List.of(Map.of("b", List.of(Map.of("c", "d"))))));
        m.put("emptyObject", Map.of());
        m.put("controls", "\u001f \u007f \u2028 \b \f \r");
        m.put("decimal", new java.math.BigDecimal("1.50"));
        m.put("integer", java.math.BigInteger.TEN.pow(30));
        m.put("floatNaN", Float.NaN);
        m.put("nonFinite", new double[] {Double.NaN, Double.POSITIVE_INFINITY});
        m.put("shorts", List.of((short) 3, (byte) -2, 7L));
        m.put("ints", new int[] {1, -2});
        String expected = Json.mapper().writeValueAsString(m);
        assertEquals(expected, Json.write(m));
        assertEquals(Json.mapper().writeValueAsString(List.of()), Json.write(List.of()));
        assertEquals(Json.mapper().writeValueAsString(Map.of()), Json.write(Map.of()));
        assertEquals(Json.mapper().writeValueAsString(List.of(m, m)), Json.write(List.of(m, m)));
        assertEquals(Json.mapper().writeValueAsString("x"), Json.write("x"));
        // anything else still goes to the mapper
        record Point(double x, String label) { }
        assertEquals(Json.mapper().writeValueAsString(Map.of("p", new Point(1, "a"))), Json.write(Map.of("p", new Point(1, "a"))));
    }

    /**
     * A heatmap-sized table of floats written on two threads is the object mapper's text too: rows of every length
     * (none, one, many), zeros of both signs, subnormals, NaN and infinities, on both sides of the middle row.
     */
    @Test
    void aLargeFloatTableOnTwoThreadsIsTheObjectMappersText() throws IOException {
        java.util.Random r = new java.util.Random(14);
        for (int rowsCount : new int[] {1, 2, 3, 161, 480}) {
            float[][] rows = new float[rowsCount][];
            for (int i = 0; i < rowsCount; i++) {
                int n = i % 7 == 3 ? 0 : i % 11 == 5 ? 1 : 40_000 / Math.max(1, rowsCount / 2) + 1;
                rows[i] = new float[n];
                for (int k = 0; k < n; k++) {
                    rows[i][k] = switch (r.nextInt(9)) {
                        case 0 -> 0f;
                        case 1 -> -0f;
                        case 2 -> Float.intBitsToFloat(r.nextInt(0x0080_0000));        // subnormal
                        case 3 -> new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}[r.nextInt(3)];
                        default -> Float.intBitsToFloat(r.nextInt(0x7F80_0000));        // any finite positive
                    };
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("values", rows);
            m.put("max", 1.5f);
            String expected = Json.mapper().writeValueAsString(m);
            assertEquals(expected, Json.write(m, true), rowsCount + " rows");
            assertEquals(expected, Json.write(m, false), rowsCount + " rows");
        }
    }

    /** Every command of the archive's training run succeeds: a changed option would leave its classes out of the archive. */
    @Test
    void theTrainingRunsEveryCommandWithoutAFailure(@TempDir Path dir) throws IOException {
        assertEquals(0, CdsTraining.train(dir));
    }

    /**
     * The launcher (modules/cli/src/main/scripts/liqlens-cli, bin/liqlens-cli in the application) runs a stand-in
     * java that records its arguments: the first run trains an archive for this jar and java, every run passes it
     * with -Xshare:auto and runs short commands with C1; score keeps the full JIT; LIQLENS_CDS=off passes none.
     */
    @Test
    void launcherPassesTheArchiveAndTheStartUpFlags(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path script = Path.of(System.getProperty("liqlens.cli.script", "src/main/scripts/liqlens-cli"));
        Path app = Files.createDirectories(dir.resolve("app/target"));
        Files.copy(script, app.resolve("liqlens-cli"));
        Files.writeString(app.resolve("liqlens-cli.jar"), "not really a jar");
        Path home = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"17.0.99\"\n");
        Path log = dir.resolve("java.log");
        // the stand-in: logs its arguments; as the training run, writes the archive named by ArchiveClassesAtExit
        Files.writeString(home.resolve("java"), String.join("\n",
                "#!/bin/sh",
                "echo \"$*\" >> '" + log + "'",
                "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*) echo archive > \"${a#-XX:ArchiveClassesAtExit=}\" ;; esac; done",
                ""));
        for (Path p : List.of(home.resolve("java"), app.resolve("liqlens-cli"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String jar = app.toRealPath().resolve("liqlens-cli.jar").toString();
        String jsa = app.toRealPath().resolve("liqlens-cli.jsa").toString();

        launch(app, dir, Map.of(), "--version");
        List<String> calls = Files.readAllLines(log);
        assertEquals(2, calls.size(), "a training run, then the command: " + calls);
        assertTrue(calls.get(0).contains("-XX:ArchiveClassesAtExit=" + jsa + ".") && calls.get(0).contains("-cp " + jar + " org.liqlens.cli.CdsTraining"), calls.get(0));
        assertEquals("-XX:SharedArchiveFile=" + jsa + " -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1"
                + " -XX:CICompilerCount=1 -Xmn256m -XX:G1HeapRegionSize=16m -jar " + jar + " --version", calls.get(1));
        assertTrue(Files.readString(Path.of(jsa + ".key")).startsWith(jar + " "), "the key names the jar");

        launch(app, dir, Map.of(), "--modules", "x", "map", "--window", "3d");
        launch(app, dir, Map.of(), "score", "--models", "m1");
        launch(app, dir, Map.of("LIQLENS_CDS", "off"), "levels");
        calls = Files.readAllLines(log);
        assertEquals(5, calls.size(), "no second training while jar and java are unchanged: " + calls);
        assertTrue(calls.get(2).startsWith("-XX:SharedArchiveFile=" + jsa + " -Xshare:auto") && calls.get(2).contains("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xmn256m")
                && calls.get(2).endsWith("-jar " + jar + " --modules x map --window 3d"), calls.get(2));
        assertTrue(calls.get(3).startsWith("-XX:SharedArchiveFile=") && !calls.get(3).contains("TieredStopAtLevel")
                && !calls.get(3).contains("CICompilerCount") && !calls.get(3).contains("-Xmn"), "score keeps C2 and G1's own sizing: " + calls.get(3));
        assertFalse(calls.get(4).contains("SharedArchiveFile"), "LIQLENS_CDS=off: " + calls.get(4));

        // a new jar (another size) is trained for again
        Files.writeString(app.resolve("liqlens-cli.jar"), "not really a jar, rebuilt");
        launch(app, dir, Map.of(), "--version");
        calls = Files.readAllLines(log);
        assertEquals(7, calls.size(), calls.toString());
        assertTrue(calls.get(5).contains("org.liqlens.cli.CdsTraining"), calls.get(5));
    }

    private static void launch(Path app, Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(app.resolve("liqlens-cli").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("LIQLENS_CDS");
        pb.environment().remove("LIQLENS_CLI_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }
}
