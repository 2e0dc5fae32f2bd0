package org.liqlens.cli;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line after the command word: {@code --name value} options and {@code --flag}s. Typed getters
 * turn malformed values into {@link UsageException}s that name the option and the bad value, so the user
 * learns what to fix from one line.
 */
final class CliArguments {
    private final String command;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CliArguments(String command) {
        this.command = command;
    }

    /**
     * @param flags option names that take no value (e.g. "help")
     */
    static CliArguments parse(String command, String[] args, int from, Set<String> flags) {
        CliArguments a = new CliArguments(command);
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (flags.contains(name)) {
                    value = "true";
                } else {
                    if (i + 1 >= args.length) throw new UsageException("option --" + name + " needs a value");
                    value = args[++i];
                }
                if (name.isEmpty()) throw new UsageException("empty option name in '" + arg + "'");
                if (a.options.put(name, value) != null) throw new UsageException("option --" + name + " given twice");
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    String command() { return command; }
    List<String> positional() { return Collections.unmodifiableList(positional); }
    boolean has(String name) { return options.containsKey(name); }
    boolean flag(String name) { return "true".equals(options.get(name)); }

    /** Fails on any option not in {@code known}, so a typo is not silently ignored. */
    void allowOnly(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " for '" + command + "' (known: --"
                        + String.join(", --", new java.util.TreeSet<>(known)) + ")");
            }
        }
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "' for '" + command + "'");
        }
    }

    String string(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String requiredString(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) throw new UsageException("'" + command + "' needs --" + name);
        return v;
    }

    double requiredDouble(String name) {
        return parseDouble(name, requiredString(name));
    }

    Double optionalDouble(String name) {
        String v = options.get(name);
        return v == null ? null : parseDouble(name, v);
    }

    int intValue(String name, int fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    private double parseDouble(String name, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not '" + v + "'");
        }
    }

    /**
     * The accepted range of instants. Crypto market data starts with Bitcoin in 2009, and an instant beyond
     * 2100 is a typo; the bounds also keep every instant far from the overflow of epoch milliseconds. In seconds,
     * not parsed: parsing starts the JDK's date-time formatters, milliseconds of every cold run, --at or not.
     */
    static final Instant EARLIEST = Instant.ofEpochSecond(1_230_768_000L);   // 2009-01-01T00:00:00Z
    static final Instant LATEST = Instant.ofEpochSecond(4_102_444_800L);     // 2100-01-01T00:00:00Z
    private static final String INSTANT_RANGE = "between 2009-01-01 and 2100-01-01";

    /** The longest --window or --duration: five years of 366 days. Longer is a typo, not a plan. */
    static final long MAX_SPAN_MS = 5 * 366 * 86_400_000L;

    /** ISO-8601 instant, e.g. 2026-06-15T00:00:00Z; a date alone means its midnight UTC. */
    Long instant(String name) {
        String v = options.get(name);
        if (v == null) return null;
        Instant t;
        try {
            t = Instant.parse(v.length() == 10 ? v + "T00:00:00Z" : v);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be an ISO-8601 instant " + INSTANT_RANGE + " such as 2026-06-15T00:00:00Z, not '" + v + "'");
        }
        // Checked before toEpochMilli, which overflows for instants such as +999999999-12-31T23:59:59Z.
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new UsageException("--" + name + " must lie " + INSTANT_RANGE + ", not '" + v + "'");
        }
        return t.toEpochMilli();
    }

    /**
     * The path of option {@code name}, refused now when it plainly cannot be written (a directory, a file where a
     * folder should be, a folder without write permission) rather than after the data is loaded and the output
     * computed: {@code --png: cannot write PNG /x/y.png: permission denied}.
     *
     * @param what what the file is, for the message: "PNG", "bundle"
     */
    java.nio.file.Path writablePath(String name, String what) {
        String text = requiredString(name);
        try {
            java.nio.file.Path p = java.nio.file.Path.of(text);
            org.liqlens.engine.io.AtomicFiles.checkWritable(p, what);
            return p;
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /** {@link #instant}, or null for {@code now} (the end of the source's data: the current minute for exchanges). */
    Long instantOrNow(String name) {
        return "now".equalsIgnoreCase(options.getOrDefault(name, "").trim()) ? null : instant(name);
    }

    /** A span such as 90s, 10m, 2h or 1d, in milliseconds; null when the option is absent. */
    Long duration(String name) {
        String v = options.get(name);
        if (v == null) return null;
        return span(name, v, "smhd", "be a positive whole number of s, m, h or d, e.g. 90s or 10m");
    }

    /** A comma-separated list of spans such as 4h,12h,24h (whole numbers of m, h or d), in ms; null when absent. */
    long[] durations(String name) {
        String v = options.get(name);
        if (v == null) return null;
        String[] parts = v.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = span(name, parts[i], "mhd", "be a list such as 4h,12h,24h or 12h,24h,3d");
        return out;
    }

    /** A comma-separated list of numbers such as 3,5; null when absent. */
    double[] doubles(String name) {
        String v = options.get(name);
        if (v == null) return null;
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = parseDouble(name, parts[i]);
        return out;
    }

    /** 12h, 24h, 3d, 7d, 30d (any whole number of m, h or d). */
    static long parseWindow(String v) {
        return span("window", v, "mhd", "look like 12h, 24h, 3d, 7d or 30d");
    }

    /**
     * A positive whole number followed by one of {@code units} (s, m, h, d), in milliseconds, at most
     * {@link #MAX_SPAN_MS}. The arithmetic is exact: a product that overflows a long (18014398509481987d is
     * 3d plus a multiple of 2^64 ms) must be refused, not wrapped round to a small span.
     */
    private static long span(String option, String v, String units, String requirement) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.length() >= 2 && units.indexOf(s.charAt(s.length() - 1)) >= 0) {
            BigInteger n;
            try {
                n = new BigInteger(s.substring(0, s.length() - 1));
            } catch (NumberFormatException e) {
                n = BigInteger.ZERO;
            }
            if (n.signum() > 0) {
                long unit = switch (s.charAt(s.length() - 1)) {
                    case 's' -> 1_000L;
                    case 'm' -> 60_000L;
                    case 'h' -> 3_600_000L;
                    default -> 86_400_000L;
                };
                BigInteger ms = n.multiply(BigInteger.valueOf(unit));
                if (ms.compareTo(BigInteger.valueOf(MAX_SPAN_MS)) > 0) {
                    throw new UsageException("--" + option + " must be at most 5 years (" + MAX_SPAN_MS / 86_400_000L + "d), not '" + v + "'");
                }
                return ms.longValueExact();
            }
        }
        throw new UsageException("--" + option + " must " + requirement + ", not '" + v + "'");
    }
}
