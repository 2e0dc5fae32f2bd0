package org.liqlens.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * {@code liqlens-cli}: the LiqLens engine without the desktop, for scripts. Every command prints its result
 * on stdout (JSON unless told otherwise; {@code record} writes its file and a summary on stderr) and, on
 * failure, one line on stderr, never a stack trace: exit status 2 for bad arguments, 1 for bad or
 * unavailable data. A {@code --png} file that cannot be written counts as a bad argument: the path is the
 * user's to fix.
 */
public final class LiqLensCli {

    static final int OK = 0;
    static final int BAD_DATA = 1;
    static final int BAD_ARGUMENTS = 2;

    private static final String USAGE = String.join("\n",
            "usage: liqlens-cli <command> [options]",
            "       liqlens-cli --version",
            "",
            "commands:",
            "  levels   --side long|short --entry P --leverage L [--mmr R] [--notional N --symbol S]",
            "           liquidation and bankruptcy price of one fresh isolated position (Binance USD-M)",
            "  map      --source SRC [--symbol S] --model ID --window 12h|24h|3d|7d|30d [--at ISO-8601]",
            "           [--mmr R] [--buckets N] [--range LOW:HIGH] [--interval 1m|5m|…] [--format json|csv] [--png FILE [--width W --height H]]",
            "           [--timeout 60s]",
            "           the liquidation map at the as-of instant: buckets, totals, zones, and the data's coverage of the",
            "           window (a warning on stderr when it is under 100 %)",
            "  heatmap  the same options plus [--columns N]; the time x price grid of surviving notional",
            "  models   the installed models, their parameters and required inputs",
            "  zones    --source SRC [--symbol S] [--at ISO-8601|now] --panes m1:12h,m1:24h,m1:3d,m3:3d [--tolerance 0.5]",
            "           [--format json|csv]   each pane's zones, the confluence zones where panes agree, and a summary",
            "  bundle   the same options plus --out FILE.zip [--size 1600x900] [--template FILE] [--no-scorecard]: a zip",
            "           with each pane's heatmap (PNG, SVG), the zones and confluence tables, each pane's scorecard on the",
            "           30 days before the as-of time, and a prompt for an assistant",
            "  score    --source SRC [--symbol S] --models m1,m3 --windows 12h,24h,3d [--from ISO] [--to ISO] [--step 6h]",
            "           [--bands 3,5] [--horizons 4h,12h,24h] [--variants bucket,strongestZone,nearestZone] [--format json|csv|md]",
            "           [--tables DIR] [--param K=V] [--mmr R] [--interval 1m|5m] [--seed N]",
            "           does the map's strongest level get touched more often than a level at the same distance chosen",
            "           without it? hit rates, lift against distance-matched, recent and opposite baselines with day-block",
            "           bootstrap intervals, the direction rule, and a verdict per model x window (--tables DIR writes",
            "           DIR/tables/scorecard.csv, .md and scorecard-direction.csv)",
            "  record   --source binance --streams forceOrder[,aggTrade,kline] --out FILE [--symbol S]",
            "           [--duration 10m] [--max-events N] [--ws-url URL] [--base-url URL]",
            "           appends live liquidations (and trades, closed 1m candles) to FILE as JSON lines until",
            "           --duration, --max-events or Ctrl-C; without --symbol, forceOrder records every symbol",
            "",
            "SRC: sim[:SEED] (the built-in simulated market), file:PATH (Binance 1m klines CSV or ZIP),",
            "     binance, bybit, okx (with --base-url URL and --ws-url URL to point elsewhere),",
            "     all: Binance + Bybit + OKX perpetuals summed, each exchange from its own data and priced by its own",
            "     liquidation rule on one price grid (all:binance,okx for some of them; --base-url binance=URL,okx=URL);",
            "     the JSON adds each exchange's totals, share and coverage under \"exchanges\"; one failing exchange fails the sum",
            "--at is the end of the window; default: the end of the source's data (now for exchanges).",
            "--at: between 2009-01-01 and 2100-01-01; --window and --duration: at most 5 years.",
            "--param KEY=VALUE[,KEY=VALUE] overrides model parameters (see 'models').",
            "--timeout bounds each exchange request with its retries (default 60s); retries are said on stderr.",
            "--modules DIR (any command; or the environment variable LIQLENS_MODULES): extra model modules, the jars",
            "     and NBMs in DIR; 'liqlens-cli --modules DIR models' lists them. A model that fails is named with its module.",
            "",
            "exit status: 0 ok; 1 bad or unavailable data; 2 bad arguments, including a --png or --out file that cannot be written.");

    private LiqLensCli() { }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            // the process floor: nothing but the JVM and this class
            System.out.println("liqlens-cli " + version());
            return;
        }
        Probe.mark("main");
        // Charts are rendered off-screen; without this a desktop session would get a window-system client
        // (on macOS a Dock icon) for a command-line run.
        System.setProperty("java.awt.headless", "true");
        // --png: the picture's warm-up starts on the second core now, beside everything below. (A warm-up of the
        // engine alone for a map without a picture was tried: 0 to 3 % of a cold map, within the noise; left out.)
        PngDrawing.startEarly(args);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        logWarningsOnOneLine(err);
        int status = run(args, out, err);
        out.flush();
        Probe.mark("exit");
        Probe.report();
        System.exit(status);
    }

    /**
     * Runs one command; returns the exit status. Separate from {@link #main} so tests can call it. The output is
     * UTF-8: {@code out} must be a UTF-8 stream, as main's is (some commands write their text's bytes to it).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? BAD_ARGUMENTS : OK;
        }
        if (args[0].equals("--version")) {
            if (args.length > 1) {
                err.println("liqlens-cli: --version takes nothing after it (try --help)");
                return BAD_ARGUMENTS;
            }
            out.println("liqlens-cli " + version());
            return OK;
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            args = ExtraModules.install(args, System.getenv(ExtraModules.ENV));
            if (args.length == 0) throw new UsageException("no command after --modules (try --help)");
            switch (args[0]) {
                case "levels": return LevelsCommand.run(args, out);
                case "map": return EstimateCommand.run(EstimateCommand.Kind.MAP, args, out, err);
                case "heatmap": return EstimateCommand.run(EstimateCommand.Kind.HEATMAP, args, out, err);
                case "models": return ModelsCommand.run(args, out, err);
                case "zones": return ConfluenceCommand.run(ConfluenceCommand.Kind.ZONES, args, out, err);
                case "bundle": return ConfluenceCommand.run(ConfluenceCommand.Kind.BUNDLE, args, out, err);
                case "score": return ScoreCommand.run(args, out, err);
                case "record": return RecordCommand.run(args, err);
                default:
                    throw new UsageException("unknown command '" + args[0] + "' (commands: levels, map, heatmap, models, zones, bundle, score, record; try --help)");
            }
        } catch (UsageException e) {
            err.println("liqlens-cli: " + e.getMessage());
            return BAD_ARGUMENTS;
        } catch (org.liqlens.engine.model.ModelFailureException e) {
            // a broken extra model: its message names it, its module and what it did
            err.println("liqlens-cli: " + e.getMessage());
            return BAD_DATA;
        } catch (CancellationException e) {
            err.println("liqlens-cli: cancelled");
            return BAD_DATA;
        } catch (UncheckedIOException e) {
            err.println("liqlens-cli: " + oneLine(e.getCause()));
            return BAD_DATA;
        } catch (RuntimeException | java.io.IOException | OutOfMemoryError e) {
            // Data problems (malformed rows, exchange errors, a model's missing input) carry a message that
            // already says what and where; anything else is shown by class and message, still on one line.
            err.println("liqlens-cli: " + oneLine(e));
            return BAD_DATA;
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    /**
     * The sources log through java.util.logging, whose default console output is two lines per record at
     * INFO and up, with stack traces. On the command line only warnings matter (a damaged cache file, a
     * dropped connection), and each gets one line like every other message here. Set up lazily: the JDK's
     * logging starts only when something logs (most runs never do), and then reads its configuration from
     * {@link LoggingConfiguration} instead of its own file.
     */
    private static void logWarningsOnOneLine(PrintStream err) {
        warnings = err;
        System.setProperty("java.util.logging.config.class", LoggingConfiguration.class.getName());
    }

    /** Named by {@code java.util.logging.config.class}: the root logger logs warnings through {@link OneLineHandler}. */
    public static final class LoggingConfiguration {
        public LoggingConfiguration() throws java.io.IOException {
            String handler = OneLineHandler.class.getName();
            String properties = "handlers=" + handler + "\n.level=WARNING\n" + handler + ".level=WARNING\n";
            java.util.logging.LogManager.getLogManager().readConfiguration(
                    new java.io.ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    /** Where {@link OneLineHandler} writes; here, not in the handler, so that setting it loads no logging class. */
    private static volatile PrintStream warnings = System.err;

    /** A warning on one line of stderr, with the cause's message, never a stack trace. */
    public static final class OneLineHandler extends Handler {
        private final PrintStream err = warnings;

        public OneLineHandler() {
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord r) {
            if (!isLoggable(r)) return;
            String message = new SimpleFormatter().formatMessage(r).replace('\n', ' ').replace('\r', ' ');
            err.println("liqlens-cli: warning: " + message + (r.getThrown() == null ? "" : " (" + oneLine(r.getThrown()) + ")"));
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** The version of this build: the jar's manifest, else (classes run from a folder, in tests) the build's resource. */
    static String version() {
        String v = LiqLensCli.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try (java.io.InputStream in = LiqLensCli.class.getResourceAsStream("version.txt")) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            // no version to say
        }
        return "unknown";
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        else if (!(e instanceof DataException) && isUnexpected(e)) m = e.getClass().getSimpleName() + ": " + m;
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    private static boolean isUnexpected(Throwable e) {
        return e instanceof NullPointerException || e instanceof IndexOutOfBoundsException
                || e instanceof ClassCastException || e instanceof ArithmeticException;
    }
}
