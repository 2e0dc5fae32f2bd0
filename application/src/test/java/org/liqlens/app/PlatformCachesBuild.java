package org.liqlens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Not a test: the build step that ships the platform's start-up caches in the installation. Run by the
 * {@code platform-caches} execution of surefire in the {@code package} phase, after the installation
 * ({@code target/liqlens}) is assembled and the extra models are taken out of it (its name matches no test pattern,
 * so test runs leave it alone).
 *
 * <p>A first start with an empty cache directory builds the module, layer, manifest and resource caches before the
 * main window shows (with them shipped, a first start measured 0.4 s faster: 5.5 to 5.1 s, 2026-12-01, app-start.sh).
 * The platform reads those caches, when its own cache directory has
 * none, from {@code var/cache} of the installation's first cluster (the bootstrap's {@code Stamps} "fallback cache";
 * the NetBeans IDE ships its caches the same way), as long as no module file is newer than they are. So this starts
 * the packaged application once, headless and with the window system hidden, with a throwaway user and cache
 * directory, lets it exit as soon as it has started ({@code netbeans.close}), and copies the caches it wrote into
 * {@code liqlens/var/cache}. A start whose modules differ (a plug-in installed, a module updated) finds them older
 * than its module files and builds its own, as before; {@code -J-Dnetbeans.fallback.cache=none} ignores them.
 *
 * <p>It never fails the build: an application that cannot start here leaves no shipped caches, says so, and first
 * starts build their caches as they did before.
 */
public class PlatformCachesBuild {
    /** The platform's caches that do not depend on the user directory; not its per-user stamps (lastModified). */
    static boolean isShippedCache(String name) {
        return (name.startsWith("all-") && name.endsWith(".dat")) || name.equals("localeVariants") || name.equals("package-attrs.dat");
    }

    @Test
    public void shipCaches() {
        try {
            String clusters = System.getProperty("all.clusters");
            String branding = System.getProperty("branding.token", "liqlens");
            Path launcher = clusters == null ? null : Path.of(clusters, "bin", branding);
            if (launcher == null || !Files.isExecutable(launcher)) {
                System.out.println("[platform caches] no launcher at " + launcher + ": no shipped caches");
                return;
            }
            Path target = Path.of(clusters, branding, "var", "cache");
            deleteTree(target);
            Path scratch = Files.createTempDirectory("liqlens-platform-caches-");
            try {
                long start = System.nanoTime();
                List<String> command = new ArrayList<>(List.of(launcher.toString(),
                        "--userdir", scratch.resolve("user").toString(), "--cachedir", scratch.resolve("cache").toString(),
                        "--nosplash", "-J-Dnetbeans.close=true", "-J-Dorg.netbeans.core.WindowSystem.show=false",
                        "-J-Djava.awt.headless=true"));
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("launcher.log").toFile());
                pb.environment().remove("DISPLAY");
                Process p = pb.start();
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    System.out.println("[platform caches] the application did not exit within 180 s: no shipped caches");
                    return;
                }
                List<Path> caches = new ArrayList<>();
                try (Stream<Path> files = Files.list(scratch.resolve("cache"))) {
                    files.filter(f -> Files.isRegularFile(f) && isShippedCache(f.getFileName().toString())).forEach(caches::add);
                }
                if (p.exitValue() != 0 || caches.stream().noneMatch(f -> f.getFileName().toString().equals("all-modules.dat"))) {
                    System.out.println("[platform caches] the application exited " + p.exitValue() + " without its module cache: no shipped caches; "
                            + Files.readString(scratch.resolve("launcher.log")).strip());
                    return;
                }
                // into a sibling first, then renamed: a build that stops half-way leaves no partial set of caches
                Path partial = target.resolveSibling("cache.partial");
                deleteTree(partial);
                Files.createDirectories(partial);
                for (Path f : caches) Files.copy(f, partial.resolve(f.getFileName()));
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                System.out.printf("[platform caches] %s: %d files, made in %.1f s%n", target, caches.size(), (System.nanoTime() - start) / 1e9);
            } finally {
                deleteTree(scratch);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[platform caches] not made: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
