package org.liqlens.confluence;

import java.util.Locale;
import java.util.Objects;
import org.liqlens.sources.SourceSpec;

/**
 * Where a bundle's data came from, for its manifest.
 *
 * @param spec     the source as the user wrote it: {@code binance}, {@code file:/data/x.csv}, {@code all}
 * @param name     its display name, e.g. "Binance USDⓈ-M"
 * @param kind     live, cached, file or simulated
 * @param exchange whose market it is: {@code binance}, {@code bybit}, {@code okx}, {@code binance+bybit+okx} for a
 *                 sum, {@code simulated}
 */
public record BundleSource(String spec, String name, Kind kind, String exchange) {

    /** How the data was had. */
    public enum Kind {
        /** From an exchange, up to the current minute. */
        LIVE,
        /** From an exchange at a past as-of time: historical candles, kept in (and served from) the disk cache. */
        CACHED,
        /** From an archive file. */
        FILE,
        /** The built-in simulated market. */
        SIMULATED;

        /** live, cached, file, simulated. */
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    public BundleSource {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(exchange);
    }

    /**
     * The usual description of a source.
     *
     * @param live true when the as-of time is now (the current minute), false for a fixed past instant; only
     *             matters for exchanges
     */
    public static BundleSource of(SourceSpec spec, String displayName, boolean live) {
        return switch (spec.id()) {
            case "sim" -> new BundleSource(spec.toString(), displayName, Kind.SIMULATED, "simulated");
            // The file importer reads Binance's archive formats (data.binance.vision).
            case "file" -> new BundleSource(spec.toString(), displayName, Kind.FILE, "binance");
            default -> new BundleSource(spec.toString(), displayName, live ? Kind.LIVE : Kind.CACHED,
                    spec.isCombined() ? String.join("+", spec.members().stream().map(SourceSpec::id).toList()) : spec.id());
        };
    }
}
