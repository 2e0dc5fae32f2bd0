package org.liqlens.sources.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.json.Json;
import org.liqlens.sources.json.PayloadException;

/**
 * GETs JSON from one exchange with the fault handling every client shares:
 * <ul>
 *   <li>429 and 418 (and exchange-specific rate-limit statuses) wait the {@code Retry-After} seconds, or back
 *       off when the header is missing; a wait longer than {@link RetryPolicy#maxRetryAfterMs()} fails at once;</li>
 *   <li>5xx, timeouts, dropped connections, cut-off bodies and unparseable JSON back off exponentially;</li>
 *   <li>an error envelope the exchange marks as transient is retried, any other is reported;</li>
 *   <li>after {@link RetryPolicy#maxAttempts()}, or once {@link RetryPolicy#totalMs()} has passed (each attempt's
 *       call timeout is cut to what is left), it throws {@link SourceException} naming the URL (credentials
 *       masked) and the exchange's message or the last problem seen.</li>
 * </ul>
 * Every retry is said as it happens: logged as a warning (the CLI prints it on stderr) and passed to the
 * caller's {@link CancelToken#status(String)} (the desktop shows it in the pane), so that a slow or failing
 * exchange is never silence.
 * Paging callers fetch one page per call, so a fault costs a retry of that page only and paging resumes
 * where it stopped: the stitched result is the same as without faults.
 *
 * <p>Binance's {@code X-MBX-USED-WEIGHT-1M} is logged (FINE, or INFO above 80% of the 2400 limit).
 */
public final class HttpFetcher {
    private static final Logger LOG = Logger.getLogger(HttpFetcher.class.getName());
    private static final int BINANCE_WEIGHT_LIMIT_1M = 2400;

    private final String exchange;
    private final ClientSettings settings;
    private final ExchangeErrorDecoder errors;
    private volatile int lastUsedWeight1m = -1;

    public HttpFetcher(String exchange, ClientSettings settings, ExchangeErrorDecoder errors) {
        this.exchange = exchange;
        this.settings = settings;
        this.errors = errors;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** The last {@code X-MBX-USED-WEIGHT-1M} seen, or -1. */
    public int lastUsedWeight1m() {
        return lastUsedWeight1m;
    }

    /** Fetches {@code url} and parses it, retrying as described in the class comment. */
    @SuppressWarnings("try") // the cancel registration is held only for its close()
    public <T> T get(HttpUrl url, CancelToken cancel, ResponseParser<T> parser) {
        String shown = redact(url);
        RetryPolicy policy = settings.retryPolicy();
        String lastProblem = "no attempt made";
        int lastStatus = 0;
        ExchangeError lastError = null;
        // Time spent: real time outside the sleeper plus the waits asked of it (tests replace it with one
        // that does not wait, so its real duration is left out and the asked wait counted instead).
        long startNanos = System.nanoTime();
        long sleptNanos = 0;
        long waitedMs = 0;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            cancel.throwIfCancelled();
            long waitMs;
            long leftMs = policy.totalMs() - waitedMs - (System.nanoTime() - startNanos - sleptNanos) / 1_000_000L;
            if (leftMs <= 0) {
                throw failure("GET " + shown + " gave up after " + seconds(policy.totalMs()) + " (the time bound);"
                        + " last: " + lastProblem, shown, lastStatus, lastError, null);
            }
            Call call = settings.httpClient().newCall(new Request.Builder().url(url).get()
                    .header("Accept", "application/json").build());
            long callBoundMs = settings.httpClient().callTimeoutMillis();
            call.timeout().timeout(callBoundMs > 0 ? Math.min(callBoundMs, leftMs) : leftMs, TimeUnit.MILLISECONDS);
            try (CancelToken.Registration ignored = cancel.onCancel(call::cancel);
                 Response response = call.execute()) {
                int status = response.code();
                lastStatus = status;
                noteWeight(response);
                String body;
                try {
                    ResponseBody rb = response.body();
                    body = rb == null ? "" : rb.string();
                } catch (IOException e) {
                    throw cancelledOr(cancel, e);
                }
                JsonNode node = null;
                String parseProblem = null;
                try {
                    node = Json.parse(body);
                } catch (JsonProcessingException e) {
                    parseProblem = e.getOriginalMessage();
                }
                ExchangeError error = node == null ? null : errors.decode(status, node);
                lastError = error;
                if (errors.isRateLimitStatus(status)) {
                    long retryAfter = retryAfterMs(response);
                    if (retryAfter > policy.maxRetryAfterMs()) {
                        throw failure("GET " + shown + " was refused with HTTP " + status + describe(error)
                                + " and Retry-After " + retryAfter / 1000 + " s, longer than the "
                                + policy.maxRetryAfterMs() / 1000 + " s this client waits", shown, status, error, null);
                    }
                    waitMs = retryAfter >= 0 ? retryAfter : policy.backoff().delayMs(attempt);
                    lastProblem = "HTTP " + status + " (rate limited)" + describe(error);
                } else if (status >= 500) {
                    long retryAfter = retryAfterMs(response); // a 503 may say when to come back
                    waitMs = retryAfter >= 0 && retryAfter <= policy.maxRetryAfterMs() ? retryAfter
                            : policy.backoff().delayMs(attempt);
                    lastProblem = "HTTP " + status + describe(error) + snippetIfNoJson(node, body);
                } else if (error != null) {
                    if (!error.retryable()) {
                        throw failure("GET " + shown + " failed: " + (status >= 400 ? "HTTP " + status + ", " : "")
                                + error, shown, status, error, null);
                    }
                    waitMs = policy.backoff().delayMs(attempt);
                    lastProblem = error.toString();
                } else if (status >= 400) {
                    throw failure("GET " + shown + " failed: HTTP " + status + ": " + snippet(body), shown, status, null, null);
                } else if (node == null) {
                    waitMs = policy.backoff().delayMs(attempt);
                    lastProblem = "malformed or truncated JSON (" + parseProblem + ")";
                } else {
                    try {
                        return parser.parse(node);
                    } catch (PayloadException e) {
                        throw failure("unexpected response to GET " + shown + ": " + e.getMessage(), shown, status, null, e);
                    }
                }
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("cancelled");
                }
                waitMs = policy.backoff().delayMs(attempt);
                lastProblem = describe(e);
            } catch (RetryableBodyFailure e) {
                waitMs = policy.backoff().delayMs(attempt);
                lastProblem = "response body cut off (" + describe(e.io) + ")";
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            long spentMs = waitedMs + (System.nanoTime() - startNanos - sleptNanos) / 1_000_000L;
            if (spentMs + waitMs >= policy.totalMs()) {
                throw failure("GET " + shown + " gave up after " + seconds(spentMs) + ", since waiting " + seconds(waitMs)
                        + " more would pass the time bound of " + seconds(policy.totalMs()) + "; last: " + lastProblem,
                        shown, lastStatus, lastError, null);
            }
            String retrying = exchange + ": " + lastProblem + " on GET " + shown + "; retry " + attempt + " of "
                    + (policy.maxAttempts() - 1) + " in " + seconds(waitMs) + " (gives up "
                    + seconds(policy.totalMs() - spentMs) + " from now)";
            LOG.log(Level.WARNING, retrying);
            cancel.status(retrying);
            long sleepStart = System.nanoTime();
            settings.sleeper().sleep(waitMs, cancel);
            sleptNanos += System.nanoTime() - sleepStart;
            waitedMs += waitMs;
        }
        throw failure("GET " + shown + " failed after " + policy.maxAttempts() + " attempts; last: " + lastProblem,
                shown, lastStatus, lastError, null);
    }

    /** A duration as a person reads it: "800 ms", "2 s", "1.5 s". */
    static String seconds(long ms) {
        if (ms < 1000) return ms + " ms";
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
    }

    private SourceException failure(String what, String shownUrl, int status, ExchangeError error, Throwable cause) {
        return new SourceException(exchange + ": " + what, shownUrl, status,
                error == null ? null : error.code(), error == null ? null : error.message(), cause);
    }

    private static RuntimeException cancelledOr(CancelToken cancel, IOException e) {
        if (cancel.isCancelled()) {
            return new CancellationException("cancelled");
        }
        return new RetryableBodyFailure(e);
    }

    /** Carries a body-read failure out of the try-with-resources so the retry logic sees it. */
    private static final class RetryableBodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient IOException io;

        RetryableBodyFailure(IOException io) {
            super(io);
            this.io = io;
        }
    }

    private void noteWeight(Response response) {
        String w = response.header("X-MBX-USED-WEIGHT-1M");
        if (w == null) {
            return;
        }
        try {
            int used = Integer.parseInt(w.trim());
            lastUsedWeight1m = used;
            Level level = used >= BINANCE_WEIGHT_LIMIT_1M * 8 / 10 ? Level.INFO : Level.FINE;
            LOG.log(level, "{0}: request weight used in the last minute: {1} of {2}",
                    new Object[]{exchange, String.valueOf(used), String.valueOf(BINANCE_WEIGHT_LIMIT_1M)});
        } catch (NumberFormatException ignored) {
            // A malformed diagnostic header is not worth failing a request over.
        }
    }

    /** Retry-After in ms (delta-seconds or an HTTP date), or -1 when absent or unreadable. */
    private long retryAfterMs(Response response) {
        String h = response.header("Retry-After");
        if (h == null || h.isBlank()) {
            return -1;
        }
        String v = h.trim();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000L;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(settings.clock().instant(), when.toInstant()).toMillis());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    private static String describe(ExchangeError error) {
        return error == null ? "" : ", " + error;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String snippetIfNoJson(JsonNode node, String body) {
        return node == null && !body.isBlank() ? ": " + snippet(body) : "";
    }

    private static String snippet(String body) {
        String b = body.strip().replaceAll("\\s+", " ");
        return b.length() <= 200 ? b : b.substring(0, 200) + "...";
    }

    /** The URL as text with the values of credential-like query parameters masked. */
    public static String redact(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        boolean changed = false;
        for (String name : url.queryParameterNames()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains("signature") || n.contains("key") || n.contains("secret") || n.contains("token")
                    || n.contains("passphrase") || n.contains("sign")) {
                b.setQueryParameter(name, "***");
                changed = true;
            }
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            b.username("").password("");
            changed = true;
        }
        return (changed ? b.build() : url).toString();
    }

    /**
     * {@link #redact(HttpUrl)} for URL text, including the {@code ws://} and {@code wss://} URLs of live feeds:
     * HttpUrl knows only http and https, so those are mapped the way OkHttp maps them to connect. Text that
     * does not parse keeps only what comes before any user info and query, where credentials would be.
     */
    public static String redact(String url) {
        String text = url.trim();
        String scheme = text.regionMatches(true, 0, "ws:", 0, 3) ? "ws"
                : text.regionMatches(true, 0, "wss:", 0, 4) ? "wss" : null;
        HttpUrl parsed = HttpUrl.parse(scheme == null ? text : (scheme.equals("ws") ? "http" : "https") + text.substring(scheme.length()));
        if (parsed == null) {
            int query = text.indexOf('?');
            return (query < 0 ? text : text.substring(0, query)).replaceFirst("//[^/]*@", "//");
        }
        String shown = redact(parsed);
        return scheme == null ? shown : scheme + shown.substring(shown.indexOf(':'));
    }
}
