package org.liqlens.engine.liq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leverage/maintenance-margin brackets of one symbol, ordered by notional.
 *
 * <p>Default tables ship as editable resources {@code org/liqlens/engine/liq/brackets/<SYMBOL>.csv};
 * {@link #load(Path)} and {@link #load(Reader, String)} read a user's own file in the same format:
 * <pre>
 * # comment lines and blank lines are ignored
 * notional_floor,notional_cap,max_leverage,mmr,cum
 * 0,50000,125,0.004,0
 * 50000,250000,100,0.5%,50
 * </pre>
 * The header row is optional. {@code mmr} is a fraction or a percentage with a {@code %} sign. Brackets
 * must be contiguous (each floor equals the previous cap, the first floor is 0) with non-decreasing MMR.
 * {@code cum} may be left empty, in which case it is computed from Binance's recurrence
 * {@code cum_n = floor_n * (MMR_n - MMR_{n-1}) + cum_{n-1}}; a cum that is given must agree with the
 * recurrence (within 0.01 USDT), because a typo there silently shifts every liquidation price.
 */
public final class BracketTable {

    /** MMR assumed when a symbol's table is unknown (Binance's first bracket for most USDⓈ-M symbols). */
    public static final double DEFAULT_FIRST_BRACKET_MMR = 0.004;

    private static final String RESOURCE_DIR = "org/liqlens/engine/liq/brackets/";
    private static final Map<String, Optional<BracketTable>> BUNDLED = new ConcurrentHashMap<>();

    private final String symbol;
    private final List<MarginBracket> brackets;

    public BracketTable(String symbol, List<MarginBracket> brackets) {
        if (brackets.isEmpty()) throw new IllegalArgumentException("a bracket table needs at least one bracket");
        this.symbol = symbol;
        this.brackets = List.copyOf(brackets);
    }

    /**
     * The bundled table of {@code symbol} (case-insensitive), or empty when none ships with the engine.
     *
     * @throws UncheckedIOException if the bundled resource exists but is malformed (a packaging bug)
     */
    public static Optional<BracketTable> forSymbol(String symbol) {
        if (symbol == null) return Optional.empty();
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        if (!isSymbol(sym)) return Optional.empty();
        // get and putIfAbsent rather than computeIfAbsent with a method reference: on a cold command line the first
        // lambda bootstrap costs milliseconds (the same below)
        Optional<BracketTable> table = BUNDLED.get(sym);
        if (table == null) {
            table = loadBundled(sym);
            Optional<BracketTable> earlier = BUNDLED.putIfAbsent(sym, table);
            if (earlier != null) table = earlier;
        }
        return table;
    }

    /**
     * A name a bundled table may have: 1 to 40 of {@code A-Z 0-9 _ -}, not starting with {@code _} or {@code -}
     * (the regular expression {@code [A-Z0-9][A-Z0-9_\-]{0,39}}, written out: no regex engine on a cold start).
     */
    static boolean isSymbol(String sym) {
        int n = sym.length();
        if (n == 0 || n > 40) return false;
        for (int i = 0; i < n; i++) {
            char c = sym.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '-'))) return false;
        }
        return true;
    }

    /** The first-bracket MMR of {@code symbol}'s bundled table, {@link #DEFAULT_FIRST_BRACKET_MMR} when unknown. */
    public static double firstBracketMmrOrDefault(String symbol) {
        Optional<BracketTable> table = forSymbol(symbol);
        return table.isPresent() ? table.get().firstBracketMmr() : DEFAULT_FIRST_BRACKET_MMR;
    }

    private static Optional<BracketTable> loadBundled(String sym) {
        String name = RESOURCE_DIR + sym + ".csv";
        ClassLoader cl = BracketTable.class.getClassLoader();
        try (InputStream in = cl == null ? ClassLoader.getSystemResourceAsStream(name) : cl.getResourceAsStream(name)) {
            if (in == null) return Optional.empty();
            return Optional.of(load(new InputStreamReader(in, StandardCharsets.UTF_8), sym, sym + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled bracket table " + name + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Reads a table from a file; the symbol is the file name without its extension. */
    public static BracketTable load(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String sym = (dot > 0 ? fileName.substring(0, dot) : fileName).toUpperCase(Locale.ROOT);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(r, sym, file.toString());
        }
    }

    /** Reads a table; {@code sourceName} names the file in error messages. */
    public static BracketTable load(Reader reader, String symbol, String sourceName) throws IOException {
        BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader);
        List<MarginBracket> rows = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean sawData = false;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String s = line.strip();
            if (lineNo == 1 && s.startsWith("\uFEFF")) s = s.substring(1).strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] f = s.split(",", -1);
            if (!sawData && !f[0].isBlank() && !looksNumeric(f[0])) {
                sawData = true; // a header row
                continue;
            }
            sawData = true;
            if (f.length != 5) {
                throw new BracketFormatException(sourceName, lineNo,
                        "expected 5 fields (notional_floor,notional_cap,max_leverage,mmr,cum) but found " + f.length);
            }
            double floor = number(f[0], "notional_floor", sourceName, lineNo);
            double cap = number(f[1], "notional_cap", sourceName, lineNo);
            double maxLev = number(f[2], "max_leverage", sourceName, lineNo);
            double mmr = rate(f[3], sourceName, lineNo);
            MarginBracket prev = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            double expectedCum = prev == null ? 0.0 : floor * (mmr - prev.mmr()) + prev.cum();
            double cum = f[4].isBlank() ? expectedCum : number(f[4], "cum", sourceName, lineNo);
            if (prev == null && floor != 0) {
                throw new BracketFormatException(sourceName, lineNo, "the first bracket must start at notional 0, not " + f[0].strip());
            }
            if (prev != null && floor != prev.notionalCap()) {
                throw new BracketFormatException(sourceName, lineNo, "notional_floor " + f[0].strip()
                        + " does not continue the previous bracket's cap " + plain(prev.notionalCap()));
            }
            if (!(cap > floor)) {
                throw new BracketFormatException(sourceName, lineNo, "notional_cap " + f[1].strip() + " is not above notional_floor " + f[0].strip());
            }
            if (!(maxLev > 0)) {
                throw new BracketFormatException(sourceName, lineNo, "max_leverage must be positive, not " + f[2].strip());
            }
            if (!(mmr >= 0 && mmr < 1)) {
                throw new BracketFormatException(sourceName, lineNo, "mmr must be in [0, 1) (or [0 %, 100 %)), not " + f[3].strip());
            }
            if (prev != null && mmr < prev.mmr()) {
                throw new BracketFormatException(sourceName, lineNo, "mmr " + f[3].strip() + " is below the previous bracket's " + prev.mmr());
            }
            if (Math.abs(cum - expectedCum) > 0.01 + 1e-9 * Math.abs(expectedCum)) {
                throw new BracketFormatException(sourceName, lineNo, "cum " + f[4].strip() + " does not match floor x (MMR - previous MMR)"
                        + " + previous cum = " + plain(expectedCum));
            }
            rows.add(new MarginBracket(floor, cap, maxLev, mmr, cum));
        }
        if (rows.isEmpty()) throw new BracketFormatException(sourceName, 0, "no bracket rows");
        return new BracketTable(symbol, rows);
    }

    private static boolean looksNumeric(String s) {
        String t = s.strip();
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.' || t.charAt(0) == '-' || t.charAt(0) == '+');
    }

    private static double number(String field, String name, String source, int line) throws BracketFormatException {
        String t = field.strip();
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new BracketFormatException(source, line, name + " '" + t + "' is not a number");
        }
    }

    private static double rate(String field, String source, int line) throws BracketFormatException {
        String t = field.strip();
        if (t.endsWith("%")) {
            return number(t.substring(0, t.length() - 1), "mmr", source, line) / 100.0;
        }
        return number(t, "mmr", source, line);
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public String symbol() { return symbol; }

    /** The brackets in notional order (unmodifiable). */
    public List<MarginBracket> brackets() { return brackets; }

    public int size() { return brackets.size(); }

    /** The MMR of the smallest positions; the built-in models use it for every position. */
    public double firstBracketMmr() { return brackets.get(0).mmr(); }

    /**
     * The bracket that holds a position of this notional ({@code floor <= notional < cap}); a notional at or
     * above the last cap gets the last bracket (the exchange would refuse the position; the last bracket is
     * the closest description of it).
     */
    public MarginBracket bracketFor(double notional) {
        if (!(notional >= 0)) throw new IllegalArgumentException("notional must be >= 0: " + notional);
        for (MarginBracket b : brackets) {
            if (notional < b.notionalCap()) return b;
        }
        return brackets.get(brackets.size() - 1);
    }

    @Override
    public String toString() {
        return "BracketTable[" + symbol + ", " + brackets.size() + " brackets]";
    }
}
