package org.liqlens.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.liqlens.sources.Candle;
import org.liqlens.sources.binance.BinanceSource;
import org.liqlens.sources.http.ClientSettings;
import org.liqlens.sources.live.FeedStatus;
import org.liqlens.sources.live.LiveCandleListener;
import org.liqlens.sources.live.LiveCandleSubscription;
import org.liqlens.sources.live.LiveFeedHub;

/**
 * The CPU that live panes cost between candle closes: {@code panes} subscribers (default 4) on one shared feed of
 * a Binance-like kline stream that sends forming-candle updates {@code rate} times a second (default 4, as
 * Binance does). The stream is a {@link FakeKlineServer} in a child process, so this process's CPU time is the
 * client's alone: WebSocket reads, JSON parsing, the hub's dispatch to the subscribers, and the JVM's own
 * background work. Each subscriber does what a pane does with a forming candle before it repaints: keeps the
 * latest (the repaint itself is the desktop's and not counted).
 *
 * <p>Prints the process CPU time over the measured period as a percentage of one core (target: at most 5 %),
 * next to the same figure for this JVM idle before the feed started, and the Java threads that used the most.
 * <pre>taskset -c 1 java -cp modules/bench/target/liqlens-benchmarks.jar org.liqlens.bench.LivePanesCpu [seconds=60] [warm-up seconds=15] [panes=4] [rate=4]</pre>
 */
public final class LivePanesCpu {

    private LivePanesCpu() {}

    /** What a pane keeps: the latest forming candle, and counts to check the feed was really flowing. */
    private static final class Pane implements LiveCandleListener {
        final AtomicLong updates = new AtomicLong();
        final AtomicLong closed = new AtomicLong();
        volatile Candle latest;
        volatile FeedStatus status;

        @Override public void onCandle(Candle c) { closed.incrementAndGet(); latest = c; }
        @Override public void onCandleUpdate(Candle c) { updates.incrementAndGet(); latest = c; }
        @Override public void onStatus(FeedStatus s) { status = s; }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int panes = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String rate = args.length > 3 ? args[3] : "4";

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process exchange = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                FakeKlineServer.class.getName(), rate).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(exchange.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("PORT ")) throw new IllegalStateException("the fake exchange said: " + line);
            String port = line.substring(5).trim();
            run(port, seconds, warmUp, panes, rate);
        } finally {
            exchange.destroy();
        }
    }

    private static void run(String port, int seconds, int warmUp, int panes, String rate) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        // The floor: this JVM with nothing to do (JIT, GC and management threads only).
        int idleSeconds = Math.min(10, seconds);
        long idleCpu0 = os.getProcessCpuTime(), idleWall0 = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        double idlePercent = percent(os.getProcessCpuTime() - idleCpu0, System.nanoTime() - idleWall0);

        BinanceSource source = new BinanceSource(ClientSettings.of("http://127.0.0.1:" + port + "/", "ws://127.0.0.1:" + port), null);
        LiveFeedHub hub = new LiveFeedHub();
        List<Pane> all = new ArrayList<>();
        List<LiveCandleSubscription> subs = new ArrayList<>();
        long lastClosed = Math.floorDiv(System.currentTimeMillis(), 60_000L) * 60_000L - 60_000L;
        for (int i = 0; i < panes; i++) {
            Pane p = new Pane();
            all.add(p);
            subs.add(hub.subscribe(source, "BTCUSDT", lastClosed, p));
        }
        Thread.sleep(warmUp * 1000L);

        Map<Long, Long> threadCpu0 = threadCpu(threads);
        long updates0 = all.stream().mapToLong(p -> p.updates.get()).sum();
        long closed0 = all.stream().mapToLong(p -> p.closed.get()).sum();
        long cpu0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu1 = os.getProcessCpuTime(), wall1 = System.nanoTime();
        Map<Long, Long> threadCpu1 = threadCpu(threads);
        long updates = all.stream().mapToLong(p -> p.updates.get()).sum() - updates0;
        long closed = all.stream().mapToLong(p -> p.closed.get()).sum() - closed0;

        double wallS = (wall1 - wall0) / 1e9;
        System.out.printf("%d panes on one shared feed, %s forming updates/s sent, measured %.1f s after %d s of warm-up%n",
                panes, rate, wallS, warmUp);
        System.out.printf("  delivered: %.2f forming updates/s per pane, %d closed candles in all; feed status: %s; open feeds: %d%n",
                updates / wallS / panes, closed, all.get(0).status, hub.openFeeds());
        System.out.printf("  process CPU: %.2f %% of one core (this JVM idle before the feed: %.2f %%)%n",
                percent(cpu1 - cpu0, wall1 - wall0), idlePercent);
        System.out.println("  Java threads by CPU over the period (GC and JIT threads are not Java threads):");
        Map<String, Long> byGroup = new TreeMap<>();
        for (Map.Entry<Long, Long> e : threadCpu1.entrySet()) {
            long used = e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L);
            ThreadInfo info = threads.getThreadInfo(e.getKey());
            String name = info == null ? "(ended)" : info.getThreadName().replaceAll("[0-9]+$", "#");
            byGroup.merge(name, used, Long::sum);
        }
        byGroup.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                .forEach(e -> System.out.printf("    %-45s %.3f %%%n", e.getKey(), percent(e.getValue(), wall1 - wall0)));

        for (LiveCandleSubscription s : subs) s.close();
        hub.close();
    }

    private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long ns = threads.getThreadCpuTime(id);
            if (ns >= 0) cpu.put(id, ns);
        }
        return cpu;
    }

    private static double percent(long cpuNs, long wallNs) {
        return 100.0 * cpuNs / wallNs;
    }
}
