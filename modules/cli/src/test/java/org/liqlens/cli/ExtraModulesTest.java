package org.liqlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --modules DIR}: extra models are listed, used, and when they misbehave, named with what they did. */
class ExtraModulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A jar holding only a services file that names the misbehaving test models. */
    Path misbehavingJar(Path folder, String fileName) throws IOException {
        Files.createDirectories(folder);
        Path jar = folder.resolve(fileName);
        try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("META-INF/services/org.liqlens.engine.model.LiquidationModel"));
            z.write(("org.liqlens.cli.testmodels.MisbehavingModels$Thrower\norg.liqlens.cli.testmodels.MisbehavingModels$NaNs\n"
                    + "org.liqlens.cli.testmodels.NoSuchModel\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return jar;
    }

    /** The same jar wrapped as an NBM, as the update centre publishes it. */
    Path misbehavingNbm(Path folder) throws IOException {
        Path inner = misbehavingJar(dir.resolve("inner"), "org-liqlens-test-broken.jar");
        Files.createDirectories(folder);
        Path nbm = folder.resolve("broken.nbm");
        try (OutputStream o = Files.newOutputStream(nbm); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("Info/info.xml"));
            z.write("<module codenamebase=\"org.liqlens.test.broken\"/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("netbeans/modules/org-liqlens-test-broken.jar"));
            z.write(Files.readAllBytes(inner));
            z.closeEntry();
        }
        return nbm;
    }

    @Test
    void modelsListsTheExtraModelsWithTheirModuleAndSaysWhichCouldNotLoad() throws IOException {
        Path folder = dir.resolve("jars");
        misbehavingJar(folder, "broken-models.jar");
        CliRun run = CliRun.of("--modules", folder.toString(), "models");
        assertEquals(0, run.status(), run.err());
        Map<String, String> modules = new HashMap<>();
        for (JsonNode m : JSON.readTree(run.out())) modules.put(m.get("id").asText(), m.get("module").asText());
        assertTrue(modules.keySet().containsAll(java.util.Set.of("m1", "thrower", "nans")), modules.toString());
        assertEquals("the engine", modules.get("m1"));
        assertTrue(run.err().contains("NoSuchModel"), "a listed class that does not exist is a warning: " + run.err());
        // without --modules they are not there
        CliRun plain = CliRun.of("models");
        assertTrue(!plain.out().contains("thrower"));
    }

    @Test
    void aMisbehavingModelFailsItsRunWithItsNameOnOneLine() throws IOException {
        Path folder = dir.resolve("nbms");
        misbehavingNbm(folder);
        CliRun thrower = CliRun.of("map", "--source", "sim", "--model", "thrower", "--window", "12h", "--modules", folder.toString());
        String line = lastLine(thrower, 1);
        assertTrue(line.startsWith("liqlens-cli: model thrower (from "), line);
        assertTrue(line.contains("threw java.lang.IllegalStateException: deliberate failure"), line);
        CliRun nans = CliRun.of("--modules", folder.toString(), "map", "--source", "sim", "--model", "nans", "--window", "12h");
        String nanLine = lastLine(nans, 1);
        assertTrue(nanLine.contains("model nans (from ") && nanLine.contains("returned long notional NaN"), nanLine);
        // the built-in models still work in the same run of the CLI
        assertEquals(0, CliRun.of("--modules", folder.toString(), "map", "--source", "sim", "--model", "m1", "--window", "12h").status());
    }

    @Test
    void aMissingFolderIsABadArgument() {
        CliRun run = CliRun.of("--modules", dir.resolve("nope").toString(), "models");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--modules " + dir.resolve("nope") + ": no such folder"), run.err());
    }

    private static String lastLine(CliRun run, int status) {
        assertEquals(status, run.status(), run.err());
        var lines = run.errLines();
        assertTrue(lines.stream().noneMatch(l -> l.contains("\tat ")), run.err());
        return lines.get(lines.size() - 1);
    }
}
