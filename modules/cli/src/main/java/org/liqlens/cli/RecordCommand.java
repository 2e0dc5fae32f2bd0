package org.liqlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.liqlens.engine.market.RealisedLiquidation;
import org.liqlens.sources.Candle;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStatus;
import org.liqlens.sources.LiveStream;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.Trade;

/**
 * {@code record}: subscribes to a live feed and appends what it delivers to a JSON-lines file, one event per
 * line, until {@code --duration} has passed, {@code --max-events} lines are written, or the user presses
 * Ctrl-C. This is how liquidation ground truth is collected: Binance no longer serves liquidation history,
 * so whatever is not recorded while it happens is gone (design notes §6).
 */
final class RecordCommand {
    private static final Set<String> OPTIONS = Set.of("source", "streams", "out", "symbol", "ws-url", "base-url",
            "duration", "max-events");

    /** {@code --streams} names (Binance's stream names) and what they subscribe to. */
    private static final Map<String, LiveStream> STREAM_NAMES = Map.of(
            "forceorder", LiveStream.LIQUIDATIONS,
            "aggtrade", LiveStream.TRADES,
            "kline", LiveStream.KLINE_1M,
            "kline_1m", LiveStream.KLINE_1M);

    /**
     * Binance's subscription symbol for the market-wide {@code !forceOrder@arr} (see BinanceLiveFeed): the
     * liquidations of every symbol, which is what a ground-truth recording wants unless told otherwise.
     */
    static final String ALL_SYMBOLS = "*";

    /**
     * Failed connection attempts tolerated before the first one succeeds. A feed that never connects is a
     * wrong URL or no network, worth an error; once connected, drops are retried for as long as it runs.
     */
    static final int FIRST_CONNECT_ATTEMPTS = 3;

    /**
     * Unreadable frames that get a warning line each. Past these they are only counted (the summary has the
     * total and the first one): a feed whose format changed would otherwise bury everything else on stderr.
     */
    static final int UNREADABLE_WARNINGS = 3;

    /** How long Ctrl-C waits for the file to be closed and the summary printed. */
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    private static final ObjectMapper LINE_MAPPER = new ObjectMapper();

    private RecordCommand() { }

    static int run(String[] args, PrintStream err) throws IOException {
        CliArguments a = CliArguments.parse("record", args, 1, Set.of());
        a.allowOnly(OPTIONS);
        SourceSpec spec;
        try {
            spec = SourceSpec.parse(a.requiredString("source"));
            if (a.has("base-url")) spec = spec.withBaseUrl(a.string("base-url", null));
            if (a.has("ws-url")) spec = spec.withWsUrl(webSocketUrl(a.string("ws-url", null)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
        Set<LiveStream> streams = parseStreams(a.requiredString("streams"));
        Path outFile = Path.of(a.requiredString("out"));
        Long durationMs = a.duration("duration");
        int maxEvents = a.intValue("max-events", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);

        MarketDataSource source;
        try {
            source = spec.open();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
        if (!source.liveStreams().containsAll(streams)) {
            throw new UsageException("--source " + spec + " does not stream " + a.string("streams", "")
                    + (source.liveStreams().isEmpty() ? " (it has no live feed)" : ""));
        }
        String symbol = subscriptionSymbol(a, source, streams);

        JsonLinesFile file = openOut(outFile, err);
        String what = a.string("streams", "") + " of " + (symbol.equals(ALL_SYMBOLS) ? "all symbols" : symbol)
                + " from " + source.displayName() + " to " + outFile;
        Recorder recorder = new Recorder(file, source.id(), maxEvents, what, err);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C starts the JVM's shutdown: stop recording, then let the main thread close the file and print
        // the summary before the JVM halts.
        Thread onShutdown = new Thread(() -> {
            recorder.stop("interrupted");
            try {
                finished.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "liqlens-cli-record-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            return record(source, symbol, streams, durationMs, file, recorder, err);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for 'finished'.
            }
        }
    }

    /**
     * Runs the subscription until a stop, closes the file and prints the outcome. The outcome is printed here
     * rather than by the caller because after Ctrl-C the JVM halts as soon as the shutdown hook is released.
     */
    private static int record(MarketDataSource source, String symbol, Set<LiveStream> streams, Long durationMs,
                              JsonLinesFile file, Recorder recorder, PrintStream err) throws IOException {
        long startNanos = System.nanoTime();
        String stopReason;
        try {
            LiveSubscription subscription;
            try {
                subscription = source.subscribe(symbol, streams, recorder);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new UsageException(e.getMessage());
            }
            try {
                stopReason = recorder.awaitStop(durationMs);
            } finally {
                subscription.close();
            }
        } finally {
            recorder.stop("stopped");
            file.close();
        }
        if (recorder.failure() != null) {
            err.println("liqlens-cli: " + recorder.failure()
                    + (recorder.total() == 0 ? "" : "; " + recorder.counts() + " recorded before that"));
            return LiqLensCli.BAD_DATA;
        }
        if (!recorder.connectedOnce()) {
            // Nothing was recorded because nothing was heard: that is a failure, not an empty recording.
            err.println("liqlens-cli: " + recorder.neverConnected());
            return LiqLensCli.BAD_DATA;
        }
        err.println(String.format(Locale.ROOT, "liqlens-cli: recorded %s to %s in %.1f s%s; stopped: %s%s",
                recorder.counts(), file.path(), (System.nanoTime() - startNanos) / 1e9, recorder.unreadableNote(),
                stopReason, recorder.disconnectedNote()));
        return LiqLensCli.OK;
    }

    /** The user named the file, so one that cannot be written is a bad argument, reported with its reason. */
    private static JsonLinesFile openOut(Path outFile, PrintStream err) {
        try {
            return JsonLinesFile.openForAppend(outFile, w -> err.println("liqlens-cli: warning: " + w));
        } catch (IOException e) {
            throw new UsageException("cannot write --out " + outFile + ": " + JsonLinesFile.whyNotWritable(outFile, e));
        }
    }

    /**
     * Checked here because the feed opens its connection on its own thread, where a malformed URL would end
     * the feed without a word and leave the recording waiting for events that never come.
     */
    private static String webSocketUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (Set.of("ws", "wss", "http", "https").contains(scheme) && uri.getHost() != null) return text.trim();
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("--ws-url must be a ws:// or wss:// URL such as wss://fstream.binance.com, not '" + text + "'");
    }

    static Set<LiveStream> parseStreams(String text) {
        Set<LiveStream> streams = EnumSet.noneOf(LiveStream.class);
        for (String name : text.split(",")) {
            LiveStream s = STREAM_NAMES.get(name.trim().toLowerCase(Locale.ROOT));
            if (s == null) {
                throw new UsageException("--streams takes forceOrder, aggTrade and kline, comma-separated; not '" + name.trim() + "'");
            }
            streams.add(s);
        }
        return streams;
    }

    private static String subscriptionSymbol(CliArguments a, MarketDataSource source, Set<LiveStream> streams) {
        if (a.has("symbol")) return a.string("symbol", null).trim().toUpperCase(Locale.ROOT);
        if (!streams.equals(EnumSet.of(LiveStream.LIQUIDATIONS))) {
            throw new UsageException("--symbol is needed for the aggTrade and kline streams");
        }
        if (!source.id().equals("binance")) {
            throw new UsageException("--symbol is needed: only Binance has a market-wide liquidation stream");
        }
        return ALL_SYMBOLS;
    }

    /**
     * Writes every event it is handed as one JSON line, and tells the user about the connection and about
     * the frames it had to drop. The feed calls it on its own thread, the command's thread stops it; the lock
     * keeps a line from being written after the file is closed. Once stopped it ignores everything, so the
     * summary describes the feed as it was at the stop.
     */
    private static final class Recorder implements LiveListener {
        private final JsonLinesFile file;
        private final String sourceId;
        private final int maxEvents;
        private final String what;
        private final PrintStream err;
        private final CountDownLatch stopped = new CountDownLatch(1);

        // Guarded by this.
        private boolean recording = true;
        private String stopReason;
        private String failure;
        private long liquidations;
        private long trades;
        private long candles;
        private boolean connectedOnce;
        private boolean connected;
        private int failedConnects;
        /** Why the last connection attempt failed or the last connection dropped. */
        private String lastProblem;
        private String url = "the feed";
        private long unreadable;
        private String firstUnreadable;

        /** @param what what is recorded where, for the line that confirms the start */
        Recorder(JsonLinesFile file, String sourceId, int maxEvents, String what, PrintStream err) {
            this.file = file;
            this.sourceId = sourceId;
            this.maxEvents = maxEvents;
            this.what = what;
            this.err = err;
        }

        /** Waits for a stop; returns why it stopped. */
        String awaitStop(Long durationMs) {
            try {
                if (durationMs == null) {
                    stopped.await();
                } else if (!stopped.await(durationMs, TimeUnit.MILLISECONDS)) {
                    stop("--duration elapsed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
            }
            synchronized (this) {
                return stopReason;
            }
        }

        /** Stops accepting events; the first reason given is the one reported. */
        synchronized void stop(String reason) {
            if (!recording) return;
            recording = false;
            stopReason = reason;
            stopped.countDown();
        }

        synchronized String failure() {
            return failure;
        }

        synchronized boolean connectedOnce() {
            return connectedOnce;
        }

        /** The final word on a feed that never connected: where, and why not. */
        synchronized String neverConnected() {
            if (lastProblem == null) return "never connected to " + url + ": no answer to the first attempt";
            return "never connected to " + url + ": " + lastProblem + " (" + failedConnects
                    + (failedConnects == 1 ? " attempt)" : " attempts)");
        }

        /** For the summary: how many frames were dropped as unreadable, and the first of them. */
        synchronized String unreadableNote() {
            if (unreadable == 0) return "";
            return "; " + unreadable + (unreadable == 1 ? " frame" : " frames") + " could not be read (first: "
                    + firstUnreadable + ")";
        }

        /** For the summary: a feed that was down when the recording stopped may have missed events. */
        synchronized String disconnectedNote() {
            return connected ? "" : "; disconnected at the end: " + lastProblem;
        }

        synchronized long total() {
            return liquidations + trades + candles;
        }

        synchronized String counts() {
            long total = total();
            return total + (total == 1 ? " event" : " events") + " (" + liquidations + " liquidations, " + trades + " trades, "
                    + candles + " candles)";
        }

        private void fail(String message) {
            if (!recording) return;
            failure = message;
            stop("error");
        }

        @Override
        public synchronized void onLiquidation(RealisedLiquidation l) {
            if (!recording) return;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "liquidation");
            json.put("time", Instant.ofEpochMilli(l.time()).toString());
            json.put("timeMs", l.time());
            json.put("symbol", l.symbol());
            json.put("side", l.liquidatedSide().name().toLowerCase(Locale.ROOT)); // the position that was closed
            json.put("price", l.price());
            json.put("quantity", l.quantity());
            json.put("notional", l.notional());
            json.put("source", sourceId);
            if (write(json)) liquidations++;
            stopAtLimit();
        }

        @Override
        public synchronized void onTrade(Trade t) {
            if (!recording) return;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "trade");
            json.put("time", Instant.ofEpochMilli(t.time()).toString());
            json.put("timeMs", t.time());
            json.put("symbol", t.symbol());
            json.put("takerSide", t.buyerIsMaker() ? "sell" : "buy");
            json.put("price", t.price());
            json.put("quantity", t.quantity());
            json.put("notional", t.price() * t.quantity());
            json.put("source", sourceId);
            if (write(json)) trades++;
            stopAtLimit();
        }

        @Override
        public synchronized void onCandle(Candle c) {
            if (!recording) return;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "candle");
            json.put("time", Instant.ofEpochMilli(c.openTime()).toString());
            json.put("timeMs", c.openTime());
            json.put("symbol", c.symbol());
            json.put("intervalMs", c.intervalMs());
            json.put("open", c.open());
            json.put("high", c.high());
            json.put("low", c.low());
            json.put("close", c.close());
            json.put("volume", c.volume());
            json.put("quoteVolume", c.quoteVolume());
            json.put("takerBuyQuoteVolume", Double.isNaN(c.takerBuyQuoteVolume()) ? null : c.takerBuyQuoteVolume());
            json.put("source", sourceId);
            if (write(json)) candles++;
            stopAtLimit();
        }

        @Override
        public synchronized void onStatus(LiveStatus status, String detail) {
            if (!recording) return;
            switch (status) {
                case CONNECTING -> url = detail;
                case CONNECTED -> {
                    err.println(connectedOnce ? "liqlens-cli: reconnected to " + url
                            : "liqlens-cli: recording " + what + "; Ctrl-C stops");
                    connectedOnce = true;
                    connected = true;
                }
                default -> { } // RECONNECTING comes with onConnectionLost; CLOSED is the command's own doing
            }
        }

        /** Says so at once: a recording that silently waits for a feed it cannot reach loses what it was for. */
        @Override
        public synchronized void onConnectionLost(String reason, long retryInMs) {
            if (!recording) return;
            lastProblem = reason;
            if (connected) {
                connected = false;
                err.println("liqlens-cli: warning: lost the connection to " + url + ": " + reason + "; reconnecting in "
                        + seconds(retryInMs));
            } else if (!connectedOnce && ++failedConnects >= FIRST_CONNECT_ATTEMPTS) {
                fail(neverConnected());
            } else {
                err.println("liqlens-cli: warning: cannot connect to " + url + ": " + reason + "; retrying in "
                        + seconds(retryInMs));
            }
        }

        @Override
        public synchronized void onUnreadableFrame(String frame, String problem) {
            if (!recording) return;
            String described = frame + ": " + problem;
            if (++unreadable == 1) firstUnreadable = described;
            if (unreadable <= UNREADABLE_WARNINGS) {
                err.println("liqlens-cli: warning: dropped a frame that could not be read: " + described);
            } else if (unreadable == UNREADABLE_WARNINGS + 1) {
                err.println("liqlens-cli: warning: more frames could not be read; they are counted in the summary, not shown");
            }
        }

        @Override
        public void onError(SourceException error) {
            err.println("liqlens-cli: warning: " + LiqLensCli.oneLine(error));
        }

        private boolean write(Map<String, Object> json) {
            try {
                file.append(LINE_MAPPER.writeValueAsString(json));
                return true;
            } catch (JsonProcessingException e) {
                fail("could not write an event as JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                fail("cannot write " + file.path() + ": " + LiqLensCli.oneLine(e));
            }
            return false;
        }

        private void stopAtLimit() {
            if (total() >= maxEvents) stop("--max-events " + maxEvents + " reached");
        }

        private static String seconds(long ms) {
            return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
    }
}
