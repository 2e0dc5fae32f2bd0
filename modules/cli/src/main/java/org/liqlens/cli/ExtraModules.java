package org.liqlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extra model modules for the command line: {@code --modules DIR} (anywhere among the arguments) or the environment
 * variable {@code LIQLENS_MODULES}. DIR holds model jars, or the NBMs the update centre publishes: of an NBM the
 * module jar inside it ({@code netbeans/modules/*.jar}) is used, copied to a temporary file. One class loader over all
 * of them, child of the CLI's, becomes the thread's context class loader, through which
 * {@code LiquidationEngine.standard()} finds models with {@code ServiceLoader}.
 */
final class ExtraModules {

    static final String ENV = "LIQLENS_MODULES";

    private ExtraModules() { }

    /**
     * Takes {@code --modules DIR} out of {@code args} (or reads {@link #ENV} when it is absent), and when a folder is
     * named, makes a class loader over its jars the context class loader. Returns the other arguments.
     *
     * @throws UsageException when the folder does not exist or the option has no value
     */
    static String[] install(String[] args, String envValue) {
        List<String> rest = new ArrayList<>();
        String dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--modules")) {
                if (i + 1 >= args.length) throw new UsageException("--modules needs a folder of model jars or NBMs");
                dir = args[++i];
            } else if (args[i].startsWith("--modules=")) {
                dir = args[i].substring("--modules=".length());
            } else {
                rest.add(args[i]);
            }
        }
        if (dir == null && envValue != null && !envValue.isBlank()) dir = envValue;
        if (dir != null) {
            Path folder = Path.of(dir);
            if (!Files.isDirectory(folder)) {
                throw new UsageException((args.length == rest.size() ? ENV + "=" : "--modules ") + dir + ": no such folder");
            }
            Thread.currentThread().setContextClassLoader(loaderFor(folder));
        }
        return rest.toArray(new String[0]);
    }

    /** A class loader over the model jars of {@code folder} (its {@code *.jar} and the module jars of its {@code *.nbm}). */
    static ClassLoader loaderFor(Path folder) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".jar")) urls.add(url(p));
                else if (name.endsWith(".nbm")) urls.addAll(moduleJarsOf(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), LiqLensCli.class.getClassLoader());
    }

    /** The module jars inside an NBM, each copied to a temporary file deleted when the JVM exits. */
    private static List<URL> moduleJarsOf(Path nbm) throws IOException {
        List<URL> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(nbm.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (n.startsWith("netbeans/modules/") && n.endsWith(".jar") && n.indexOf('/', "netbeans/modules/".length()) < 0) {
                    // the jar keeps its own name, which messages about its models show
                    Path folder = Files.createTempDirectory("liqlens-module-");
                    Path tmp = folder.resolve(n.substring(n.lastIndexOf('/') + 1));
                    folder.toFile().deleteOnExit();
                    tmp.toFile().deleteOnExit();
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    out.add(url(tmp));
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new UncheckedIOException(nbm + ": not an NBM (a zip archive): " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new UncheckedIOException(new IOException(nbm + ": the NBM holds no netbeans/modules/*.jar"));
        return out;
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
    }
}
