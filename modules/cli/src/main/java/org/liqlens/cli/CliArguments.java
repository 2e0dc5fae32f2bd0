package org.liqlens.cli;

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

    /** ISO-8601 instant, e.g. 2026-06-15T00:00:00Z; a date alone means its midnight UTC. */
    Long instant(String name) {
        String v = options.get(name);
        if (v == null) return null;
        try {
            if (v.length() == 10) return Instant.parse(v + "T00:00:00Z").toEpochMilli();
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be an ISO-8601 instant such as 2026-06-15T00:00:00Z, not '" + v + "'");
        }
    }

    /** A span such as 90s, 10m, 2h or 1d, in milliseconds; null when the option is absent. */
    Long duration(String name) {
        String v = options.get(name);
        if (v == null) return null;
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.length() >= 2) {
            try {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                long unit = switch (s.charAt(s.length() - 1)) {
                    case 's' -> 1_000L;
                    case 'm' -> 60_000L;
                    case 'h' -> 3_600_000L;
                    case 'd' -> 86_400_000L;
                    default -> 0L;
                };
                if (n > 0 && unit > 0 && n <= Long.MAX_VALUE / unit) return n * unit;
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new UsageException("--" + name + " must be a positive whole number of s, m, h or d, e.g. 90s or 10m, not '" + v + "'");
    }

    /** 12h, 24h, 3d, 7d, 30d (any whole number of m, h or d). */
    static long parseWindow(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.length() >= 2) {
            char unit = s.charAt(s.length() - 1);
            try {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                if (n > 0) {
                    switch (unit) {
                        case 'm': return n * 60_000L;
                        case 'h': return n * 3_600_000L;
                        case 'd': return n * 86_400_000L;
                        default: break;
                    }
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new UsageException("--window must look like 12h, 24h, 3d, 7d or 30d, not '" + v + "'");
    }
}
