package org.liqlens.desktop.panes;

import java.util.Locale;
import java.util.Objects;

/**
 * What one chart pane shows: exchange (source) x symbol x model x look-back window. The pane's identity,
 * its title and the key its estimate is cached under.
 *
 * @param source   a source spec as the CLI writes it: "sim", "sim:7", "binance", "file:/path"
 * @param symbol   e.g. BTCUSDT
 * @param modelId  e.g. m1
 * @param windowMs look-back window in milliseconds
 */
public record PaneSpec(String source, String symbol, String modelId, long windowMs) {

    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;

    /** The pane the application opens at first start: the simulated market, BTCUSDT, m1, 3 days. */
    public static final PaneSpec DEFAULT = new PaneSpec("sim", "BTCUSDT", "m1", 3 * DAY);

    public PaneSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(modelId, "modelId");
        if (windowMs <= 0) throw new IllegalArgumentException("window must be positive");
        symbol = symbol.toUpperCase(Locale.ROOT);
    }

    public boolean isSimulated() {
        return source.equals("sim") || source.startsWith("sim:");
    }

    public String windowLabel() {
        return org.liqlens.charts.WindowLabels.format(windowMs);
    }

    /** Short tab title, e.g. "BTCUSDT m1 3d (sim)" for a heatmap, "BTCUSDT m1 3d map (sim)" for a map. */
    public String title(PaneKind kind) {
        return symbol + " " + modelId + " " + windowLabel() + kind.titleSuffix() + (isSimulated() ? " (sim)" : "");
    }
}
