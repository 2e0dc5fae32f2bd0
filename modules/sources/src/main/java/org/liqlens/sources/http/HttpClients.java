package org.liqlens.sources.http;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The shared OkHttp client: one connection pool and one thread pool for every source in the process. */
public final class HttpClients {

    private static final class Holder {
        static final OkHttpClient SHARED = new OkHttpClient.Builder()
                // Daemon threads: a CLI run must be able to end while a WebSocket is still reconnecting.
                .dispatcher(new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                        new SynchronousQueue<>(), daemonThreads("liqlens-http"))))
                .connectTimeout(Duration.ofSeconds(10))
                // A server that accepts and stays silent is retried after this; the request's whole time is
                // bounded by RetryPolicy.totalMs.
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(90))
                .retryOnConnectionFailure(true)
                .build();
    }

    private HttpClients() { }

    public static OkHttpClient shared() {
        return Holder.SHARED;
    }

    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
