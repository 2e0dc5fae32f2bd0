package org.liqlens.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the build step that makes {@code target/liqlens-cli.jsa}, the class-data-sharing archive of the
 * shaded jar, and {@code target/liqlens-cli}, the launcher that uses it. Run by the {@code cds-archive} execution
 * of surefire in the {@code package} phase, after the shade (its name matches no test pattern, so test runs leave
 * it alone). It runs {@link CdsTraining} in a JVM that writes the archive at exit, checks that the archive maps
 * ({@code -Xshare:on}), and writes the key the launcher compares (jar and JDK) so that the launcher does not make it
 * again. It never fails the build: a JVM that cannot dump or map an archive leaves none, says so, and the
 * launcher runs without one.
 */
class CdsArchiveBuild {

    @Test
    void makeArchive() {
        try {
            String jarProperty = System.getProperty("liqlens.cli.jar");
            if (jarProperty == null || !Files.isRegularFile(Path.of(jarProperty))) {
                System.out.println("[cds] no shaded jar at " + jarProperty + ": no archive");
                return;
            }
            Path jar = Path.of(jarProperty).toRealPath();
            Path dir = jar.getParent();
            Path script = dir.resolve("liqlens-cli");
            Path scriptSource = Path.of(System.getProperty("liqlens.cli.script", "src/main/scripts/liqlens-cli"));
            if (Files.isRegularFile(scriptSource)) {
                Files.copy(scriptSource, script, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException | IOException e) {
                    script.toFile().setExecutable(true, false);
                }
            }
            Path jsa = dir.resolve("liqlens-cli.jsa");
            Path key = dir.resolve("liqlens-cli.jsa.key");
            Path made = dir.resolve("liqlens-cli.jsa.build");
            Files.deleteIfExists(jsa);
            Files.deleteIfExists(key);
            Files.deleteIfExists(made);
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            String java = javaHome.resolve("bin").resolve("java").toString();
            long start = System.nanoTime();
            Result training = run(List.of(java, "-XX:ArchiveClassesAtExit=" + made, "-Xshare:auto", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-cp", jar.toString(), CdsTraining.class.getName()), 300);
            if (!Files.isRegularFile(made) || Files.size(made) == 0) {
                Files.deleteIfExists(made);
                System.out.println("[cds] this JVM wrote no archive (status " + training.status + "): the launcher runs without one. " + training.output);
                return;
            }
            if (training.status != 0) System.out.println("[cds] warning: a training command failed; the archive has what ran: " + training.output);
            Result check = run(List.of(java, "-XX:SharedArchiveFile=" + made, "-Xshare:on", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString(), "--version"), 60);
            if (check.status != 0) {
                Files.deleteIfExists(made);
                System.out.println("[cds] the archive does not map (" + check.output + "): removed; the launcher runs without one");
                return;
            }
            Files.move(made, jsa, StandardCopyOption.REPLACE_EXISTING);
            // the launcher's key: this jar, this JDK (its path and release version)
            Files.writeString(key, key(jar, javaHome) + "\n", StandardCharsets.UTF_8);
            System.out.printf("[cds] %s: %d KB, made in %.1f s; run %s%n", jsa, Files.size(jsa) / 1024, (System.nanoTime() - start) / 1e9, script);
        } catch (IOException | RuntimeException e) {
            System.out.println("[cds] no archive: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The launcher's key of an archive: the jar's path, size and time (seconds), the JDK's folder and version. */
    static String key(Path jar, Path javaHome) throws IOException {
        return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) + "|" + jdk(javaHome);
    }

    /** As the launcher says it: the JDK's folder and its {@code JAVA_VERSION=} line of {@code release}. */
    static String jdk(Path javaHome) throws IOException {
        String jdk = javaHome.toString();
        Path release = javaHome.resolve("release");
        if (Files.isReadable(release)) {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) jdk = javaHome + " " + line;
            }
        }
        return jdk;
    }

    private record Result(int status, String output) { }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("liqlens-cds-", ".log");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).replace('\n', ' ').trim();
            return new Result(p.exitValue(), out.length() > 400 ? out.substring(0, 400) + "…" : out);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
