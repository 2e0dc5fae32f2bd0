package org.liqlens.sources.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import org.liqlens.engine.io.AtomicFiles;

/**
 * A cache file of settled, timed values (funding rates, long/short ratios) and the time ranges it vouches for, shared
 * by {@link FundingCache} and {@link TopTraderRatioCache}. Text, one line each:
 * <pre>
 * # covered FROM TO [FROM TO ...]   ranges (ms, TO exclusive) ascending and apart: every value timed inside is here
 * time,value                        ascending times, each inside a covered range; values as Double.toString writes them
 * # end ROWS CRC                    the row count and the CRC-32 (hex) of every byte before this line
 * </pre>
 * Written atomically ({@link AtomicFiles}: a temporary sibling moved over the file). A file that fails any check is
 * reported with its line ({@code <file>, line <n>: damaged ... cache file (<why>)}), deleted or set aside (see
 * {@link Kind#keepDamaged}), and treated as absent, so its range is fetched again: a damaged file never yields
 * values. Within one JVM every read and write of a file holds a lock of that file, and {@link #merge} re-reads the
 * file under it, so concurrent writers add to each other's ranges instead of dropping them.
 */
final class SampleFile {
    private static final Logger LOG = Logger.getLogger(SampleFile.class.getName());
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    /**
     * What a kind of file holds, for its checks and messages.
     *
     * @param what        the cache's name in messages: {@code funding}
     * @param columns     the row format in messages: {@code time,rate}
     * @param valid       which values a row may hold
     * @param validText   what {@code valid} asks, in messages: {@code a finite rate}
     * @param keepDamaged set a damaged file aside as {@code <name>.damaged-<ms>} instead of deleting it: for a history
     *                    the exchange no longer serves, so that it can still be recovered by hand
     * @param readsLegacy also accept a file without its {@code # end} line (what the first funding cache wrote)
     */
    record Kind(String what, String columns, DoublePredicate valid, String validText, boolean keepDamaged,
                boolean readsLegacy) { }

    private SampleFile() { }

    /** The covered ranges and the rows of a file. Mutable: each caller works on its own. */
    static final class Stored {
        /** Covered ranges, from → to (exclusive): ascending, neither overlapping nor touching. */
        private final TreeMap<Long, Long> covered = new TreeMap<>();
        private final TreeMap<Long, Double> rows = new TreeMap<>();

        /** Whether one covered range holds all of {@code [from, to)}. */
        boolean covers(long from, long to) {
            var r = covered.floorEntry(from);
            return r != null && to <= r.getValue();
        }

        /** Whether {@code [from, to)} overlaps or touches a covered range. */
        boolean touches(long from, long to) {
            var r = covered.floorEntry(to);
            return r != null && r.getValue() >= from;
        }

        /** The parts of {@code [from, to)} that no covered range holds, in time order, as {@code {from, to}}. */
        List<long[]> missing(long from, long to) {
            List<long[]> out = new ArrayList<>();
            long t = from;
            var first = covered.floorEntry(from);
            if (first != null) t = Math.max(t, first.getValue());
            for (var r : covered.subMap(from, false, to, false).entrySet()) {
                if (r.getKey() > t) out.add(new long[] {t, r.getKey()});
                t = Math.max(t, r.getValue());
            }
            if (t < to) out.add(new long[] {t, to});
            return out;
        }

        /** The rows timed in {@code [from, to)}. */
        NavigableMap<Long, Double> slice(long from, long to) {
            return rows.subMap(from, true, to, false);
        }

        /** Covers {@code [from, to)} (joining the ranges it overlaps or touches) and puts the values timed inside it. */
        void add(long from, long to, NavigableMap<Long, Double> values) {
            if (from >= to) return;
            rows.putAll(values.subMap(from, true, to, false));
            long f = from, t = to;
            var lower = covered.floorEntry(f);
            if (lower != null && lower.getValue() >= f) {
                f = lower.getKey();
                t = Math.max(t, lower.getValue());
            }
            for (var it = covered.subMap(f, true, t, true).entrySet().iterator(); it.hasNext(); ) {
                t = Math.max(t, it.next().getValue());
                it.remove();
            }
            covered.put(f, t);
        }

        /** Adds everything {@code other} covers, with its rows. */
        void addAll(Stored other) {
            other.covered.forEach((f, t) -> add(f, t, other.rows));
        }
    }

    /** Rows as the two arrays the series classes take. */
    record Columns(long[] times, double[] values) {
        static Columns of(java.util.Map<Long, Double> rows) {
            long[] t = new long[rows.size()];
            double[] v = new double[t.length];
            int n = 0;
            for (var e : rows.entrySet()) {
                t[n] = e.getKey();
                v[n++] = e.getValue();
            }
            return new Columns(t, v);
        }
    }

    /** The file's content, or {@code null} when it is absent or damaged (then reported, and deleted or set aside). */
    static Stored read(Path file, Kind kind) {
        return locked(file, () -> readUnlocked(file, kind));
    }

    /** Replaces the file's content, atomically; a failure is logged and costs only a fetch next time. */
    static void write(Path file, Stored s, Kind kind) {
        locked(file, () -> {
            writeUnlocked(file, s, kind);
            return null;
        });
    }

    /** Adds {@code added} to what the file holds now (re-read under the file's lock) and writes the union. */
    static void merge(Path file, Stored added, Kind kind) {
        locked(file, () -> {
            Stored now = readUnlocked(file, kind);
            if (now == null) now = new Stored();
            now.addAll(added);
            writeUnlocked(file, now, kind);
            return null;
        });
    }

    private static <T> T locked(Path file, Supplier<T> action) {
        synchronized (LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
            return action.get();
        }
    }

    /** A check that failed, at a line (1-based). */
    private static final class Damaged extends Exception {
        final int line;

        Damaged(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }
    }

    private static Stored readUnlocked(Path file, Kind kind) {
        if (!Files.isRegularFile(file)) return null;
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the {0} cache file {1} ({2}); fetching again",
                    new Object[] {kind.what(), file, e.getMessage()});
            return null;
        }
        try {
            return parse(text, kind);
        } catch (Damaged d) {
            String fate = kind.keepDamaged() ? setAside(file) : delete(file);
            LOG.log(Level.WARNING, "{0}, line {1}: damaged {2} cache file ({3}); {4}, fetching again",
                    new Object[] {file, String.valueOf(d.line), kind.what(), d.getMessage(), fate});
            return null;
        }
    }

    private static Stored parse(String text, Kind kind) throws Damaged {
        String[] lines = text.split("\n", -1);
        int n = lines.length - 1; // the element after the final newline
        if (!lines[n].isEmpty()) throw new Damaged(lines.length, "cut off: the last line has no newline");
        if (n == 0) throw new Damaged(1, "empty");
        Stored s = new Stored();
        String[] head = lines[0].split(" ", -1);
        if (head.length < 4 || head.length % 2 != 0 || !head[0].equals("#") || !head[1].equals("covered")) {
            throw new Damaged(1, "not '# covered FROM TO ...'");
        }
        long previousEnd = Long.MIN_VALUE;
        for (int i = 2; i < head.length; i += 2) {
            long from = number(head[i], 1), to = number(head[i + 1], 1);
            if (from >= to || (i > 2 && from <= previousEnd)) throw new Damaged(1, "covered ranges not ascending and apart");
            s.covered.put(from, to);
            previousEnd = to;
        }
        boolean ended = n >= 2 && lines[n - 1].startsWith("# end");
        if (!ended && !kind.readsLegacy()) throw new Damaged(n, "no '# end ROWS CRC' line after it: the file is cut off");
        int rowsEnd = ended ? n - 1 : n; // index after the last row line
        long previous = Long.MIN_VALUE;
        for (int i = 1; i < rowsEnd; i++) {
            int line = i + 1;
            String[] f = lines[i].split(",", -1);
            if (f.length != 2) throw new Damaged(line, "not '" + kind.columns() + "'");
            long t = number(f[0], line);
            double v;
            try {
                v = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                throw new Damaged(line, "'" + f[1] + "' is not a number");
            }
            if (!kind.valid().test(v)) throw new Damaged(line, f[1] + " is not " + kind.validText());
            if (t <= previous) throw new Damaged(line, "time " + t + " is not after " + previous);
            if (!s.covers(t, t + 1)) throw new Damaged(line, "time " + t + " lies outside the covered ranges");
            s.rows.put(t, v);
            previous = t;
        }
        if (ended) {
            String[] end = lines[n - 1].split(" ", -1);
            if (end.length != 4) throw new Damaged(n, "not '# end ROWS CRC'");
            long count = number(end[2], n);
            if (count != rowsEnd - 1) throw new Damaged(n, "says " + count + " rows, the file has " + (rowsEnd - 1));
            CRC32 crc = new CRC32();
            crc.update(text.substring(0, text.length() - lines[n - 1].length() - 1).getBytes(StandardCharsets.UTF_8));
            if (!Long.toHexString(crc.getValue()).equals(end[3])) {
                throw new Damaged(n, "CRC mismatch: a line above was altered");
            }
        }
        return s;
    }

    private static long number(String text, int line) throws Damaged {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Damaged(line, "'" + text + "' is not a time in ms");
        }
    }

    private static void writeUnlocked(Path file, Stored s, Kind kind) {
        if (s.covered.isEmpty()) return;
        StringBuilder b = new StringBuilder("# covered");
        s.covered.forEach((from, to) -> b.append(' ').append(from).append(' ').append(to));
        b.append('\n');
        s.rows.forEach((t, v) -> b.append(t).append(',').append(v).append('\n'));
        CRC32 crc = new CRC32();
        crc.update(b.toString().getBytes(StandardCharsets.UTF_8));
        b.append("# end ").append(s.rows.size()).append(' ').append(Long.toHexString(crc.getValue())).append('\n');
        try {
            AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // a cache that cannot be written only costs a fetch next time
            LOG.log(Level.WARNING, "cannot write the {0} cache file {1}: {2}", new Object[] {kind.what(), file, e.getMessage()});
        }
    }

    private static String delete(Path file) {
        try {
            Files.deleteIfExists(file);
            return "deleted";
        } catch (IOException e) {
            return "not deleted (" + e.getMessage() + "), the next write replaces it";
        }
    }

    private static String setAside(Path file) {
        String name = file.getFileName() + ".damaged-" + System.currentTimeMillis();
        Path aside = file.resolveSibling(name);
        for (int k = 1; Files.exists(aside); k++) aside = file.resolveSibling(name + "-" + k);
        try {
            Files.move(file, aside);
            return "set aside as " + aside.getFileName();
        } catch (IOException e) {
            return delete(file);
        }
    }
}
