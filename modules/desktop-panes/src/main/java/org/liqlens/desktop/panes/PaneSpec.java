package org.liqlens.desktop.panes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one chart pane shows: source (exchange) × symbol × model × look-back window, at an as-of instant, as a
 * heatmap, a map or both, with the model's parameter overrides. The pane's identity, its title, and what a
 * workspace or the window system stores to recompute the pane after a restart.
 *
 * @param source   a source spec as the CLI writes it: "sim", "sim:7", "binance", "all", "file:/path"
 * @param symbol   e.g. BTCUSDT
 * @param modelId  e.g. m1
 * @param windowMs look-back window in milliseconds
 * @param asOfMs   the window's end T in epoch ms, or null for "latest": live on an exchange, the end of the
 *                 data for a file or the simulator
 * @param view     what the pane draws
 * @param params   model parameter overrides by key (empty: the model's defaults and the Options' ladder)
 */
public record PaneSpec(String source, String symbol, String modelId, long windowMs, Long asOfMs, PaneView view,
                       Map<String, Double> params) {

    public static final long MINUTE = 60_000L;
    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;
    /** The windows the toolbar offers; any other whole number of hours or days is accepted too. */
    public static final String[] WINDOW_CHOICES = {"12h", "24h", "3d", "7d", "30d"};
    /** Symbols are exchange tickers: letters and digits, at most 30 (OKX's longest is far below). */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");
    private static final DateTimeFormatter AS_OF_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Bumped when the stored form changes; {@link #fromProperties} reads every version up to this one. */
    static final int STORED_VERSION = 1;

    /** The pane the application opened at first start before workspaces: the simulated market, BTCUSDT, m1, 3 days. */
    public static final PaneSpec DEFAULT = new PaneSpec("sim", "BTCUSDT", "m1", 3 * DAY, null, PaneView.HEATMAP, Map.of());

    public PaneSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(view, "view");
        source = source.trim();
        if (source.isEmpty()) throw new IllegalArgumentException("choose a source");
        symbol = symbol.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol \"" + symbol + "\" is not an exchange ticker such as BTCUSDT (2 to 30 letters or digits)");
        }
        if (windowMs < MINUTE) throw new IllegalArgumentException("the window must be at least one minute");
        if (asOfMs != null && asOfMs % MINUTE != 0) asOfMs = asOfMs - Math.floorMod(asOfMs, MINUTE);
        params = Collections.unmodifiableMap(new TreeMap<>(params == null ? Map.of() : params));
    }

    public PaneSpec(String source, String symbol, String modelId, long windowMs) {
        this(source, symbol, modelId, windowMs, null, PaneView.HEATMAP, Map.of());
    }

    public PaneSpec withSource(String s) { return new PaneSpec(s, symbol, modelId, windowMs, asOfMs, view, params); }
    public PaneSpec withSymbol(String s) { return new PaneSpec(source, s, modelId, windowMs, asOfMs, view, params); }
    /** Another model's parameters mean nothing to this one: they are dropped with the model. */
    public PaneSpec withModel(String m) {
        return new PaneSpec(source, symbol, m, windowMs, asOfMs, view, m.equals(modelId) ? params : Map.of());
    }
    public PaneSpec withWindow(long w) { return new PaneSpec(source, symbol, modelId, w, asOfMs, view, params); }
    public PaneSpec withAsOf(Long t) { return new PaneSpec(source, symbol, modelId, windowMs, t, view, params); }
    public PaneSpec withView(PaneView v) { return new PaneSpec(source, symbol, modelId, windowMs, asOfMs, v, params); }
    public PaneSpec withParams(Map<String, Double> p) { return new PaneSpec(source, symbol, modelId, windowMs, asOfMs, view, p); }

    public boolean isSimulated() {
        return source.equals("sim") || source.startsWith("sim:");
    }

    public boolean isFile() {
        return source.startsWith("file:");
    }

    /** An exchange source whose as-of is "latest" follows the market: it is live. */
    public boolean isLive() {
        return asOfMs == null && !isSimulated() && !isFile();
    }

    public String windowLabel() {
        return org.liqlens.charts.WindowLabels.format(windowMs);
    }

    /** "live", "end of data" or the UTC time, as the toolbar's as-of field shows it. */
    public String asOfLabel() {
        if (asOfMs == null) return isLive() ? "live" : "end";
        return formatAsOf(asOfMs);
    }

    /** A short name for the source in titles: "sim", "binance", "all", or a file's name. */
    public String sourceLabel() {
        if (isFile()) {
            String path = source.substring("file:".length());
            int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
        }
        return source;
    }

    /**
     * Tab title, e.g. "BTCUSDT m1 3d (sim)", "BTCUSDT m3 24h map · binance live",
     * "ETHUSDT m2 7d · okx @ 2026-11-20 12:00". The view and every non-default choice are in it, so two panes
     * never look alike unless they are alike.
     */
    public String title() {
        StringBuilder b = new StringBuilder(symbol).append(' ').append(modelId).append(' ').append(windowLabel());
        b.append(view.titleSuffix());
        if (!params.isEmpty()) b.append('*');
        if (isSimulated()) {
            b.append(" (sim)");
        } else {
            b.append(" · ").append(sourceLabel());
            if (isLive()) b.append(" live");
        }
        if (asOfMs != null) b.append(" @ ").append(formatAsOf(asOfMs));
        return b.toString();
    }

    public static String formatAsOf(long ms) {
        return AS_OF_FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC));
    }

    /**
     * Reads the toolbar's as-of field: "live", "end" or blank for latest; else a UTC time written
     * "2026-11-20 12:00", "2026-11-20T12:00", "2026-11-20T12:00:00Z" or "2026-11-20".
     *
     * @throws IllegalArgumentException naming what was typed and the accepted forms
     */
    public static Long parseAsOf(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("live") || t.equalsIgnoreCase("end") || t.equalsIgnoreCase("latest")) return null;
        try {
            Instant at;
            if (t.length() == 10) {
                at = Instant.parse(t + "T00:00:00Z");
            } else if (t.endsWith("Z")) {
                at = Instant.parse(t);
            } else {
                at = LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            if (at.isBefore(Instant.parse("2009-01-01T00:00:00Z")) || at.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
                throw new IllegalArgumentException("as-of \"" + t + "\" is outside 2009..2100");
            }
            return at.toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("as-of \"" + t + "\" is not a UTC time: write live, end, 2026-11-20 or 2026-11-20 12:00");
        }
    }

    /**
     * Reads a window as analysts write it: 12h, 24h, 3d, 90m.
     *
     * @throws IllegalArgumentException naming what was typed
     */
    public static long parseWindow(String label) {
        String t = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        if (t.length() >= 2) {
            char unit = t.charAt(t.length() - 1);
            String digits = t.substring(0, t.length() - 1);
            if (digits.chars().allMatch(Character::isDigit) && digits.length() <= 5) {
                long n = Long.parseLong(digits);
                long ms = switch (unit) {
                    case 'd' -> n * DAY;
                    case 'h' -> n * HOUR;
                    case 'm' -> n * MINUTE;
                    default -> -1;
                };
                if (ms >= MINUTE && ms <= 400 * DAY) return ms;
            }
        }
        throw new IllegalArgumentException("window \"" + label + "\" is not a look-back such as 12h, 24h, 3d, 7d or 30d (at most 400d)");
    }

    /** Writes this spec under {@code prefix} (e.g. "pane.0."), the form workspaces and the window system store. */
    public void store(Properties p, String prefix) {
        p.setProperty(prefix + "version", Integer.toString(STORED_VERSION));
        p.setProperty(prefix + "source", source);
        p.setProperty(prefix + "symbol", symbol);
        p.setProperty(prefix + "model", modelId);
        p.setProperty(prefix + "window", windowLabel());
        p.setProperty(prefix + "asOf", asOfMs == null ? "latest" : Instant.ofEpochMilli(asOfMs).toString());
        p.setProperty(prefix + "view", view.name());
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
        p.setProperty(prefix + "params", b.toString());
    }

    /**
     * Reads what {@link #store} wrote.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong, so a hand-edited or damaged
     *                                  workspace file says what to fix
     */
    public static PaneSpec fromProperties(Properties p, String prefix) {
        String version = p.getProperty(prefix + "version", "1");
        if (!version.equals("1")) throw new IllegalArgumentException(prefix + "version " + version + " is newer than this LiqLens reads");
        String view = require(p, prefix + "view");
        PaneView v;
        try {
            v = PaneView.valueOf(view);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "view \"" + view + "\" is not one of HEATMAP, MAP, BOTH");
        }
        Map<String, Double> params = new TreeMap<>();
        String ps = p.getProperty(prefix + "params", "");
        for (String kv : ps.split(";")) {
            if (kv.isBlank()) continue;
            int eq = kv.indexOf('=');
            try {
                params.put(kv.substring(0, eq).trim(), Double.parseDouble(kv.substring(eq + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(prefix + "params entry \"" + kv + "\" is not key=number");
            }
        }
        String asOf = require(p, prefix + "asOf");
        Long at = asOf.equals("latest") ? null : parseAsOf(asOf);
        return new PaneSpec(require(p, prefix + "source"), require(p, prefix + "symbol"), require(p, prefix + "model"),
                parseWindow(require(p, prefix + "window")), at, v, params);
    }

    private static String require(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing " + key);
        return v.trim();
    }
}
