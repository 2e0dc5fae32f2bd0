package org.liqlens.sources.live;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.liqlens.sources.LiveListener;
import org.liqlens.sources.LiveStatus;
import org.liqlens.sources.LiveSubscription;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.http.ClientSettings;
import org.liqlens.sources.http.HttpClients;
import org.liqlens.sources.http.HttpFetcher;

/**
 * One self-healing WebSocket feed. It connects, sends the protocol's subscribe messages, hands every text
 * frame to the protocol on a single event thread, and when the connection fails or the server closes it,
 * reconnects after an exponential backoff (reset once a message arrives on the new connection). Frames the
 * protocol cannot read, and binary frames, are dropped and reported to
 * {@link LiveListener#onUnreadableFrame}; the feed goes on.
 *
 * <p>Liveness: OkHttp sends a ping every {@link ClientSettings#pingInterval()} and fails the socket when the
 * pong is late, which triggers a reconnect; exchanges that want an application-level heartbeat (Bybit
 * {@code {"op":"ping"}}, OKX {@code ping}) get it on the same period.
 *
 * <p>All protocol and listener callbacks run on the event thread, in arrival order; a REST back-fill done
 * there naturally holds later frames back until it is finished, which is what keeps candles in order.
 */
public final class LiveConnection implements LiveSubscription {
    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    /** The exchange-specific part of a feed. Every method runs on the event thread. */
    public interface Protocol {
        /** Frames to send after each (re)connect. */
        List<String> subscribeMessages();

        /** Text to send every ping interval, or {@code null} when protocol-level pings suffice. */
        default String heartbeat() {
            return null;
        }

        /**
         * Handles one text frame. A {@link SourceException} is passed to the listener as an error; any other
         * exception (a {@link org.liqlens.sources.json.PayloadException} for a frame of the wrong shape) drops
         * the frame as unreadable.
         */
        void onMessage(String text);
    }

    private final String name;
    private final String url;
    /** {@link #url} with credentials masked: the only form handed to listeners, which may print it. */
    private final String shownUrl;
    private final ClientSettings settings;
    private final LiveListener listener;
    private final OkHttpClient wsClient;
    private final ScheduledThreadPoolExecutor events;
    private Protocol protocol;

    // Event-thread state.
    private WebSocket current;
    private int generation;
    private int consecutiveFailures;
    private ScheduledFuture<?> heartbeatTask;

    private volatile boolean closed;
    private volatile LiveStatus status = LiveStatus.CONNECTING;

    public LiveConnection(String name, String url, ClientSettings settings, LiveListener listener) {
        this.name = name;
        this.url = url;
        this.shownUrl = HttpFetcher.redact(url);
        this.settings = settings;
        this.listener = listener;
        this.wsClient = settings.httpClient().newBuilder().pingInterval(settings.pingInterval()).build();
        this.events = new ScheduledThreadPoolExecutor(1, HttpClients.daemonThreads("liqlens-live-" + name));
        this.events.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.events.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Connects; call once. */
    public LiveConnection start(Protocol p) {
        this.protocol = p;
        post(this::connect);
        return this;
    }

    public String url() {
        return url;
    }

    @Override
    public LiveStatus status() {
        return status;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        post(() -> {
            stopHeartbeat();
            if (current != null) {
                current.close(1000, "closed by client");
                current = null;
            }
            setStatus(LiveStatus.CLOSED, "closed by client");
            events.shutdown();
        });
    }

    /** Runs {@code task} on the event thread (dropped once the connection is closed). */
    public void post(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException afterClose) {
            // The feed is closed; late callbacks from OkHttp have nowhere to go.
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        int gen = ++generation;
        setStatus(LiveStatus.CONNECTING, shownUrl);
        current = wsClient.newWebSocket(new Request.Builder().url(url).build(), new SocketListener(gen));
    }

    private void opened(int gen, WebSocket ws) {
        if (gen != generation || closed) {
            ws.cancel();
            return;
        }
        setStatus(LiveStatus.CONNECTED, shownUrl);
        for (String m : protocol.subscribeMessages()) {
            ws.send(m);
        }
        String hb = protocol.heartbeat();
        if (hb != null) {
            long every = settings.pingInterval().toMillis();
            heartbeatTask = events.scheduleAtFixedRate(() -> ws.send(hb), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void message(int gen, String text) {
        if (!received(gen)) {
            return;
        }
        try {
            protocol.onMessage(text);
        } catch (SourceException e) {
            listener.onError(e);
        } catch (RuntimeException e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            listener.onUnreadableFrame("text frame \"" + abbreviate(text) + "\"", problem);
        }
    }

    /** None of the exchanges sends binary frames, so one is not something the protocol could read. */
    private void binaryMessage(int gen, int length) {
        if (received(gen)) {
            listener.onUnreadableFrame("binary frame of " + length + (length == 1 ? " byte" : " bytes"),
                    "the feed sends text frames only");
        }
    }

    /** Whether a frame of connection {@code gen} is still wanted; a frame proves the connection works. */
    private boolean received(int gen) {
        if (gen != generation || closed) {
            return false;
        }
        consecutiveFailures = 0;
        return true;
    }

    private void dropped(int gen, String why) {
        if (gen != generation || closed || current == null) {
            return;
        }
        stopHeartbeat();
        current.cancel();
        current = null;
        consecutiveFailures++;
        long delay = settings.reconnectBackoff().delayMs(consecutiveFailures);
        LOG.log(Level.INFO, "{0}: connection lost ({1}); reconnecting in {2} ms", new Object[]{name, why, String.valueOf(delay)});
        listener.onConnectionLost(why, delay);
        setStatus(LiveStatus.RECONNECTING, why + "; reconnecting in " + delay + " ms");
        events.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeat() {
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
            heartbeatTask = null;
        }
    }

    private void setStatus(LiveStatus s, String detail) {
        status = s;
        listener.onStatus(s, detail);
    }

    /** The start of a frame, on one line: it is quoted in messages that must stay one line each. */
    private static String abbreviate(String text) {
        String start = text.length() <= 100 ? text : text.substring(0, 100) + "...";
        return start.replaceAll("[\\r\\n\\t]+", " ");
    }

    /**
     * Why a connection attempt or connection failed. A handshake answered with another status than 101 is
     * told by that status (HTTP 404 Not Found: a wrong URL), which says more than OkHttp's exception about it.
     */
    private static String failureReason(Throwable t, Response response) {
        if (response != null && response.code() != 101) {
            return "HTTP " + response.code() + (response.message().isEmpty() ? "" : " " + response.message())
                    + (response.isSuccessful() ? " instead of a WebSocket upgrade" : "");
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Forwards OkHttp's callbacks (on its threads) to the event thread, tagged with their connection. */
    private final class SocketListener extends WebSocketListener {
        private final int gen;

        SocketListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            post(() -> opened(gen, webSocket));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            post(() -> message(gen, text));
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            int length = bytes.size();
            post(() -> binaryMessage(gen, length));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            post(() -> dropped(gen, closedByServer(code, reason)));
        }

        /**
         * Reaches {@link #dropped} only when the server closed (a close of ours has already let go of the socket).
         * It usually follows onClosing, but can win the race to the event thread, so it gives the same reason.
         */
        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            post(() -> dropped(gen, closedByServer(code, reason)));
        }

        private String closedByServer(int code, String reason) {
            return "server closed the connection: " + code + (reason.isEmpty() ? "" : " " + reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String why = failureReason(t, response);
            post(() -> dropped(gen, why));
        }
    }
}
