package org.liqlens.sources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose as a data source, as text ({@code --source} on the CLI, a field in the desktop):
 * {@code binance}, {@code bybit}, {@code okx}, {@code file:PATH} or {@code sim[:SEED]}, plus options that
 * override the defaults: REST base URL, WebSocket URL, the candle cache directory, and the time bound of one
 * request with its retries.
 *
 * <pre>{@code
 * MarketDataSource src = SourceSpec.parse("binance")
 *         .withCacheDir(Path.of(System.getProperty("user.home"), ".cache", "liqlens"))
 *         .open();
 * CandleSeries c = src.candles("BTCUSDT", Intervals.MINUTE, from, to, CancelToken.NONE);
 * }</pre>
 *
 * <p>Immutable; the {@code with*} methods return copies.
 */
public final class SourceSpec {

    /** The seed {@code sim} uses when none is given. */
    public static final long DEFAULT_SIM_SEED = 1L;

    private final String id;
    private final String argument;
    private final String baseUrl;
    private final String wsUrl;
    private final Path cacheDir;
    private final Duration timeout;

    private SourceSpec(String id, String argument, String baseUrl, String wsUrl, Path cacheDir, Duration timeout) {
        this.id = id;
        this.argument = argument;
        this.baseUrl = baseUrl;
        this.wsUrl = wsUrl;
        this.cacheDir = cacheDir;
        this.timeout = timeout;
    }

    /**
     * Parses {@code ID} or {@code ID:ARGUMENT}. The identifier is case-insensitive; {@code file} requires a
     * path and {@code sim} takes an optional integer seed. Other identifiers are accepted here and resolved
     * by {@link #open()}, so that modules can add sources.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static SourceSpec parse(String text) {
        Objects.requireNonNull(text, "source text");
        String t = text.trim();
        int colon = t.indexOf(':');
        String id = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        if (id.isEmpty() || !id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            throw new IllegalArgumentException("not a source: '" + text
                    + "' (expected binance, bybit, okx, file:PATH or sim[:SEED])");
        }
        switch (id) {
            case "file":
                if (arg == null || arg.isBlank()) {
                    throw new IllegalArgumentException("file source needs a path: file:PATH");
                }
                break;
            case "sim":
                if (arg != null) {
                    try {
                        Long.parseLong(arg.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("sim seed must be an integer: '" + arg + "'");
                    }
                    arg = arg.trim();
                }
                break;
            default:
                if (arg != null && arg.isEmpty()) {
                    arg = null;
                }
        }
        return new SourceSpec(id, arg, null, null, null, null);
    }

    public String id() { return id; }

    /** The text after the colon, if any. */
    public Optional<String> argument() { return Optional.ofNullable(argument); }

    /** The path of a {@code file:PATH} source. */
    public Path path() {
        if (!"file".equals(id)) {
            throw new IllegalStateException("source " + id + " has no path");
        }
        return Path.of(argument);
    }

    /** The seed of a {@code sim[:SEED]} source. */
    public long seed() {
        if (!"sim".equals(id)) {
            throw new IllegalStateException("source " + id + " has no seed");
        }
        return argument == null ? DEFAULT_SIM_SEED : Long.parseLong(argument);
    }

    public Optional<String> baseUrl() { return Optional.ofNullable(baseUrl); }
    public Optional<String> wsUrl() { return Optional.ofNullable(wsUrl); }
    public Optional<Path> cacheDir() { return Optional.ofNullable(cacheDir); }
    /** The longest one request may take with its retries; empty for the default. */
    public Optional<Duration> timeout() { return Optional.ofNullable(timeout); }

    /** REST base URL, e.g. a testnet or a recorded-response server. */
    public SourceSpec withBaseUrl(String url) {
        return new SourceSpec(id, argument, url, wsUrl, cacheDir, timeout);
    }

    /** WebSocket base URL. */
    public SourceSpec withWsUrl(String url) {
        return new SourceSpec(id, argument, baseUrl, url, cacheDir, timeout);
    }

    /** Directory for the on-disk candle cache (CLI: {@code ~/.cache/liqlens}; desktop: the userdir). */
    public SourceSpec withCacheDir(Path dir) {
        return new SourceSpec(id, argument, baseUrl, wsUrl, dir, timeout);
    }

    /** Bounds each request with its retries (the CLI's {@code --timeout}); must be positive. */
    public SourceSpec withTimeout(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + bound);
        }
        return new SourceSpec(id, argument, baseUrl, wsUrl, cacheDir, bound);
    }

    /**
     * Finds the installed source with this identifier and configures it.
     *
     * @throws IllegalArgumentException when no such source is installed, listing the ones that are
     */
    public MarketDataSource open() {
        MarketDataSource source = MarketDataSources.find(id).orElseThrow(() -> new IllegalArgumentException(
                "no market data source '" + id + "' is installed; available: " + MarketDataSources.ids()));
        return source.configure(this);
    }

    /** The canonical text form, which {@link #parse(String)} reads back (options are not part of it). */
    @Override
    public String toString() {
        return argument == null ? id : id + ":" + argument;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceSpec s && id.equals(s.id) && Objects.equals(argument, s.argument)
                && Objects.equals(baseUrl, s.baseUrl) && Objects.equals(wsUrl, s.wsUrl)
                && Objects.equals(cacheDir, s.cacheDir) && Objects.equals(timeout, s.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, argument, baseUrl, wsUrl, cacheDir, timeout);
    }
}
