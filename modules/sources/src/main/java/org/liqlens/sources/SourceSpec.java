package org.liqlens.sources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose as a data source, as text ({@code --source} on the CLI, a field in the desktop):
 * {@code binance}, {@code bybit}, {@code okx}, {@code all[:EXCHANGE,EXCHANGE...]}, {@code file:PATH} or
 * {@code sim[:SEED]}, plus options that override the defaults: REST base URL, WebSocket URL, the candle cache
 * directory, and the time bound of one request with its retries.
 *
 * <p>{@code all} is the <em>combined</em> source: the USDⓈ-M / linear perpetuals of Binance, Bybit and OKX
 * (or the exchanges named after the colon), each estimated from its own data and summed. It is not one
 * {@link MarketDataSource}: {@link #members()} are the exchanges' own specs, which
 * {@link org.liqlens.sources.load.WindowEstimator} opens one by one. The cache directory and the time bound
 * apply to every member; URLs are per exchange, so they are set on the members (by the estimator's resolver),
 * never on {@code all} itself.
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

    /** The id of the combined source. */
    public static final String COMBINED_ID = "all";

    /** The exchanges {@code all} sums, in the order of its parts: the first is the reference for price and candles. */
    public static final List<String> COMBINED_EXCHANGES = List.of("binance", "bybit", "okx");

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

    /** Only {@code a-z 0-9 - _}; a loop, not a stream with a lambda: the first lambda bootstrap costs a cold start ms. */
    private static boolean isIdentifier(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
        }
        return true;
    }

    /**
     * Parses {@code ID} or {@code ID:ARGUMENT}. The identifier is case-insensitive; {@code file} requires a
     * path, {@code sim} takes an optional integer seed and {@code all} an optional comma-separated list of at
     * least two of {@link #COMBINED_EXCHANGES} (to leave one out). Other identifiers are accepted here and
     * resolved by {@link #open()}, so that modules can add sources.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static SourceSpec parse(String text) {
        Objects.requireNonNull(text, "source text");
        String t = text.trim();
        int colon = t.indexOf(':');
        String id = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        if (id.isEmpty() || !isIdentifier(id)) {
            throw new IllegalArgumentException("not a source: '" + text
                    + "' (expected binance, bybit, okx, all, file:PATH or sim[:SEED])");
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
            case COMBINED_ID:
                arg = arg == null || arg.isBlank() ? null : combinedMembers(arg);
                break;
            default:
                if (arg != null && arg.isEmpty()) {
                    arg = null;
                }
        }
        return new SourceSpec(id, arg, null, null, null, null);
    }

    /**
     * The canonical member list of {@code all:LIST}: known exchanges, at least two, none twice, in the order of
     * {@link #COMBINED_EXCHANGES}; null when that is all of them.
     */
    private static String combinedMembers(String list) {
        LinkedHashSet<String> named = new LinkedHashSet<>();
        for (String part : list.split(",", -1)) {
            String ex = part.trim().toLowerCase(Locale.ROOT);
            if (!COMBINED_EXCHANGES.contains(ex)) {
                throw new IllegalArgumentException("all: '" + part.trim() + "' is not an exchange it can combine (expected "
                        + String.join(", ", COMBINED_EXCHANGES) + ")");
            }
            if (!named.add(ex)) throw new IllegalArgumentException("all: " + ex + " is named twice");
        }
        if (named.size() < 2) {
            throw new IllegalArgumentException("all: name at least two exchanges, e.g. all:binance,okx (for one, use its own source: "
                    + named.iterator().next() + ")");
        }
        List<String> ordered = new ArrayList<>(COMBINED_EXCHANGES);
        ordered.retainAll(named);
        return ordered.size() == COMBINED_EXCHANGES.size() ? null : String.join(",", ordered);
    }

    public String id() { return id; }

    /** Whether this is {@code all}, the sum over exchanges, rather than one source. */
    public boolean isCombined() { return COMBINED_ID.equals(id); }

    /**
     * The exchanges {@code all} sums, as their own specs (reference first), each with this spec's cache directory
     * and time bound. Empty for a single source.
     */
    public List<SourceSpec> members() {
        if (!isCombined()) return List.of();
        List<SourceSpec> out = new ArrayList<>();
        for (String ex : argument == null ? COMBINED_EXCHANGES : List.of(argument.split(","))) {
            out.add(new SourceSpec(ex, null, null, null, cacheDir, timeout));
        }
        return List.copyOf(out);
    }

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

    /**
     * REST base URL, e.g. a testnet or a recorded-response server.
     *
     * @throws IllegalArgumentException on {@code all}, whose exchanges each have their own URL: set it on the
     *                                  {@link #members()}
     */
    public SourceSpec withBaseUrl(String url) {
        refuseUrlOnCombined("base URL");
        return new SourceSpec(id, argument, url, wsUrl, cacheDir, timeout);
    }

    /** WebSocket base URL; refused on {@code all} as {@link #withBaseUrl} is. */
    public SourceSpec withWsUrl(String url) {
        refuseUrlOnCombined("WebSocket URL");
        return new SourceSpec(id, argument, baseUrl, url, cacheDir, timeout);
    }

    private void refuseUrlOnCombined(String what) {
        if (isCombined()) {
            throw new IllegalArgumentException("'all' has no " + what + " of its own: each exchange has one (EXCHANGE=URL)");
        }
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
     * @throws IllegalArgumentException when no such source is installed, listing the ones that are, and for
     *                                  {@code all}, which is no single source (open its {@link #members()})
     */
    public MarketDataSource open() {
        if (isCombined()) {
            throw new IllegalArgumentException("'all' sums " + String.join(", ", members().stream().map(SourceSpec::id).toList())
                    + " and is not one source: estimate it with WindowEstimator, which opens each exchange");
        }
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
