package org.liqlens.sources.file;

import org.liqlens.sources.collect.RowChecks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.sources.MalformedDataException;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.Trade;
import org.liqlens.sources.binance.BinanceMessages;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;

/**
 * Reads trades from a recorded Binance USDⓈ-M WebSocket session (the hftbacktest capture format): optionally
 * gzipped, one message per line as {@code <local_receive_ns> <json>}, the JSON a combined-stream envelope
 * {@code {"stream":"btcusdt@trade","data":{...}}}. {@code @trade} and {@code @aggTrade} messages become
 * trades; other streams (book ticker, depth) and the REST depth snapshot the recorder writes without an
 * envelope are not trade data and are passed over. Only trade lines are read, and those with a
 * {@link FlatJsonObject} in place (Jackson only for messages it declines), which keeps the import fast on
 * captures dominated by book updates.
 *
 * <p>Trade ids must increase and times must not go back; a jump in ids (messages the recorder lost) is
 * logged as a warning with the count of missing trades, since the file cannot supply them.
 */
public final class WsCaptureImporter {
    private static final Logger LOG = Logger.getLogger(WsCaptureImporter.class.getName());
    private static final byte[] STREAM_KEY = "\"stream\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT_KEY = "\"lastUpdateId\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_KEY = "\"data\":".getBytes(StandardCharsets.US_ASCII);

    private WsCaptureImporter() { }

    /**
     * Trades of {@code symbol} (any case), or of the first traded symbol when {@code symbol} is {@code null}.
     */
    public static TradeSeries trades(Path file, String symbol) {
        try (ArchiveInput in = ArchiveInput.open(file)) {
            return read(in, symbol);
        }
    }

    private static TradeSeries read(ArchiveInput in, String wanted) {
        LineReader lines = new LineReader(in.stream());
        String symbol = wanted == null ? null : wanted.trim().toUpperCase(Locale.ROOT);
        FlatJsonObject flat = new FlatJsonObject();
        TradeSeries.Builder out = null;
        long previousId = Long.MIN_VALUE;
        long previousTime = Long.MIN_VALUE;
        long missing = 0;
        long firstGapLine = 0;
        long blankLine = 0;
        long line = 0;
        try {
            while (lines.next()) {
                line = lines.lineNumber();
                if (lines.isBlank()) {
                    if (blankLine == 0) blankLine = line;
                    continue;
                }
                if (blankLine != 0) {
                    throw new RowProblem("blank line inside the data (line " + blankLine + ")");
                }
                byte[] b = lines.buffer();
                int s = lines.start();
                int e = lines.end();
                int space = indexOf(b, (byte) ' ', s, e);
                if (space <= s || !allDigits(b, s, space) || space + 1 >= e || b[space + 1] != '{') {
                    throw new RowProblem("expected '<local_receive_ns> <json object>'");
                }
                long id;
                long time;
                double price;
                double quantity;
                boolean buyerIsMaker;
                String eventSymbol;
                int k = indexOf(b, STREAM_KEY, space + 1, e);
                int nameEnd = k < 0 ? -1 : indexOf(b, (byte) '"', k + STREAM_KEY.length, e);
                int dataAt = nameEnd < 0 ? -1 : indexOf(b, DATA_KEY, nameEnd, e);
                if (dataAt >= 0 && flat.scan(b, dataAt + DATA_KEY.length, e)) {
                    // The common case, read in place: {"stream":"<name>","data":{flat trade object}}.
                    int nameStart = k + STREAM_KEY.length;
                    boolean trade = endsWith(b, nameStart, nameEnd, "@trade");
                    if (!trade && !endsWith(b, nameStart, nameEnd, "@aggTrade")) {
                        continue; // book ticker: not trades
                    }
                    if (symbol != null && !flat.textEquals("s", symbol)) {
                        continue; // another symbol in a multi-symbol capture
                    }
                    eventSymbol = symbol != null ? symbol : flat.text("s");
                    id = flat.integer(trade ? "t" : "a");
                    time = flat.integer("T");
                    price = flat.decimal("p");
                    quantity = flat.decimal("q");
                    buyerIsMaker = flat.bool("m");
                } else {
                    if (k >= 0 && !endsWith(b, k + STREAM_KEY.length, nameEnd, "@trade")
                            && !endsWith(b, k + STREAM_KEY.length, nameEnd, "@aggTrade")) {
                        continue; // depth updates (nested arrays): not trades, no need to parse them
                    }
                    if (k < 0 && indexOf(b, SNAPSHOT_KEY, space + 1, e) >= 0) {
                        continue; // the REST depth snapshot the recorder stores without an envelope
                    }
                    JsonNode message = Json.parseMessage(new String(b, space + 1, e - space - 1, StandardCharsets.UTF_8));
                    JsonNode stream = message.get("stream");
                    if (stream == null) {
                        if (message.has("lastUpdateId")) {
                            continue; // the REST depth snapshot the recorder stores without an envelope
                        }
                        throw new RowProblem("message has no stream envelope and is not a depth snapshot");
                    }
                    boolean trade = stream.asText().endsWith("@trade");
                    if (!trade && !stream.asText().endsWith("@aggTrade")) {
                        continue;
                    }
                    JsonNode data = BinanceMessages.unwrap(message);
                    eventSymbol = Json.text(data, "s");
                    if (symbol != null && !eventSymbol.equalsIgnoreCase(symbol)) {
                        continue;
                    }
                    id = Json.integer(data, trade ? "t" : "a");
                    Trade t = BinanceMessages.trade(data, eventSymbol);
                    time = t.time();
                    price = t.price();
                    quantity = t.quantity();
                    buyerIsMaker = t.buyerIsMaker();
                }
                if (symbol == null) {
                    symbol = eventSymbol;
                }
                if (out == null) {
                    out = TradeSeries.builder(symbol, 1 << 16);
                }
                time = Timestamps.toMillis(time);
                if (!(price > 0) || !(quantity >= 0) || Double.isInfinite(price) || Double.isInfinite(quantity)) {
                    throw new RowProblem("trade price " + RowChecks.show(price) + " or quantity " + RowChecks.show(quantity) + " is invalid");
                }
                if (id <= previousId) {
                    throw new RowProblem("trade id " + id + (id == previousId ? " repeats" : " is below the previous " + previousId));
                }
                if (time < previousTime) {
                    throw new RowProblem("trade time " + time + " is before the previous trade's " + previousTime);
                }
                if (previousId != Long.MIN_VALUE && id > previousId + 1) {
                    if (missing == 0) firstGapLine = line;
                    missing += id - previousId - 1;
                }
                previousId = id;
                previousTime = time;
                out.add(time, price, quantity, buyerIsMaker);
            }
        } catch (RowProblem | PayloadException | IllegalArgumentException e) {
            throw new MalformedDataException(in.name(), line, e.getMessage());
        } catch (EOFException e) {
            throw new MalformedDataException(in.name(), line, "the file ends abruptly (truncated download?)", e);
        } catch (IOException e) {
            throw new SourceException(in.name() + ": cannot read: " + e.getMessage(), e);
        }
        if (out == null) {
            throw new SourceException(in.name() + ": no " + (symbol == null ? "" : symbol + " ") + "trades in the capture");
        }
        if (missing > 0) {
            LOG.log(Level.WARNING, "{0}: {1} trade ids are missing (the recorder lost messages), the first gap at line {2}",
                    new Object[]{in.name(), String.valueOf(missing), String.valueOf(firstGapLine)});
        }
        return out.build();
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) return i;
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static boolean allDigits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') return false;
        }
        return true;
    }

    private static boolean endsWith(byte[] b, int from, int to, String suffix) {
        int n = suffix.length();
        if (to < 0 || to - from < n) return false;
        for (int i = 0; i < n; i++) {
            if (b[to - n + i] != suffix.charAt(i)) return false;
        }
        return true;
    }
}
