package org.liqlens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real market data beside the checkout ({@code ../shared/data}); tests that need it skip without it. */
final class SharedData {
    static final String LINK_FEB_2026 = "binance_um_LINKUSDT-1m-2026-02.csv";

    private SharedData() { }

    /** The file, or an aborted (skipped) test when the data is absent. */
    static Path file(String name) {
        String configured = System.getProperty("liqlens.shared.data");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../../shared/data");
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), dir.toAbsolutePath().normalize() + " (shared/data) absent: skipping");
        return file;
    }
}
