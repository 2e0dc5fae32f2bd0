package org.liqlens.sources.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.liqlens.sources.SourceSpec;

/**
 * Everything an exchange client needs besides the symbol: endpoints, the HTTP client, retry and reconnect
 * policies, and the clock and sleeper (both injectable so tests neither wait nor depend on today's date).
 * Immutable; {@code with*} returns a copy.
 */
public final class ClientSettings {
    /** Default WebSocket ping interval: well inside every exchange's idle timeout (Bybit and OKX: 30 s). */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    public static final Backoff DEFAULT_RECONNECT = new Backoff(1_000, 60_000);

    private final HttpUrl baseUrl;
    private final String wsUrl;
    /** Null for the process-wide {@link HttpClients#shared()} client, built on first use: building it costs a few
     *  hundred milliseconds, which a source that never makes a request (a desktop start on the simulator) should not pay. */
    private final OkHttpClient httpClient;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Backoff reconnectBackoff;
    private final Duration pingInterval;

    private ClientSettings(HttpUrl baseUrl, String wsUrl, OkHttpClient httpClient, Sleeper sleeper, Clock clock,
                           RetryPolicy retryPolicy, Backoff reconnectBackoff, Duration pingInterval) {
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.wsUrl = Objects.requireNonNull(wsUrl);
        this.httpClient = httpClient;
        this.sleeper = Objects.requireNonNull(sleeper);
        this.clock = Objects.requireNonNull(clock);
        this.retryPolicy = Objects.requireNonNull(retryPolicy);
        this.reconnectBackoff = Objects.requireNonNull(reconnectBackoff);
        this.pingInterval = Objects.requireNonNull(pingInterval);
    }

    public static ClientSettings of(String baseUrl, String wsUrl) {
        return new ClientSettings(parseBase(baseUrl), wsUrl, null, Sleeper.SYSTEM, Clock.systemUTC(),
                RetryPolicy.DEFAULT, DEFAULT_RECONNECT, DEFAULT_PING_INTERVAL);
    }

    /** These settings with the spec's base and WebSocket URLs and time bound, where it has them. */
    public ClientSettings apply(SourceSpec spec) {
        ClientSettings s = this;
        if (spec.baseUrl().isPresent()) s = s.withBaseUrl(spec.baseUrl().get());
        if (spec.wsUrl().isPresent()) s = s.withWsUrl(spec.wsUrl().get());
        if (spec.timeout().isPresent()) s = s.withRetryPolicy(s.retryPolicy().withTotalMs(spec.timeout().get().toMillis()));
        return s;
    }

    public HttpUrl baseUrl() { return baseUrl; }
    public String wsUrl() { return wsUrl; }
    public OkHttpClient httpClient() { return httpClient != null ? httpClient : HttpClients.shared(); }
    public Sleeper sleeper() { return sleeper; }
    public Clock clock() { return clock; }
    public RetryPolicy retryPolicy() { return retryPolicy; }
    public Backoff reconnectBackoff() { return reconnectBackoff; }
    public Duration pingInterval() { return pingInterval; }

    public ClientSettings withBaseUrl(String url) {
        return new ClientSettings(parseBase(url), wsUrl, httpClient, sleeper, clock, retryPolicy, reconnectBackoff, pingInterval);
    }

    public ClientSettings withWsUrl(String url) {
        return new ClientSettings(baseUrl, url, httpClient, sleeper, clock, retryPolicy, reconnectBackoff, pingInterval);
    }

    public ClientSettings withHttpClient(OkHttpClient client) {
        return new ClientSettings(baseUrl, wsUrl, Objects.requireNonNull(client), sleeper, clock, retryPolicy, reconnectBackoff, pingInterval);
    }

    public ClientSettings withSleeper(Sleeper s) {
        return new ClientSettings(baseUrl, wsUrl, httpClient, s, clock, retryPolicy, reconnectBackoff, pingInterval);
    }

    public ClientSettings withClock(Clock c) {
        return new ClientSettings(baseUrl, wsUrl, httpClient, sleeper, c, retryPolicy, reconnectBackoff, pingInterval);
    }

    public ClientSettings withRetryPolicy(RetryPolicy p) {
        return new ClientSettings(baseUrl, wsUrl, httpClient, sleeper, clock, p, reconnectBackoff, pingInterval);
    }

    public ClientSettings withReconnectBackoff(Backoff b) {
        return new ClientSettings(baseUrl, wsUrl, httpClient, sleeper, clock, retryPolicy, b, pingInterval);
    }

    public ClientSettings withPingInterval(Duration d) {
        return new ClientSettings(baseUrl, wsUrl, httpClient, sleeper, clock, retryPolicy, reconnectBackoff, d);
    }

    private static HttpUrl parseBase(String url) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
        }
        return u;
    }
}
