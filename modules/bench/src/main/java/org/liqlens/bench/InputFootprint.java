package org.liqlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.TradeSeries;

/**
 * The heap taken by the engine's inputs: one year of 1m candles (525,600, the {@code m1Year} input; target
 * at most 40 MB) and, with {@code --trades}, the ten million trades of {@code TradeBench}. Measured two ways:
 * <ul>
 * <li>the heap in use after full collections, before and after building the series (the {@link Markets}
 *     generator's temporaries are garbage by then, so the difference is what the series retains);</li>
 * <li>the series' primitive column arrays, summed by reflection with the array header (16 bytes on a
 *     64-bit JVM with compressed class pointers) and 8-byte alignment: the layout's own figure.</li>
 * </ul>
 * The two differ under G1: each column array of a year (4.2 MB) is a humongous object and occupies whole
 * regions, so the heap it takes depends on the region size (with the application's {@code -Xmx4g}, 2 MB
 * regions: 3 regions, 6 MB, per column). Pass the heap options of interest:
 * <pre>java -Xmx4g -XX:+UseG1GC -cp modules/bench/target/liqlens-benchmarks.jar org.liqlens.bench.InputFootprint [--trades]</pre>
 */
public final class InputFootprint {

    private InputFootprint() {}

    public static void main(String[] args) throws IllegalAccessException {
        final double mib = 1 << 20;
        long before = usedAfterGc();
        CandleSeries year = Markets.simulated(365).candles1m();
        long delta = usedAfterGc() - before;
        long arrays = columnBytes(year);
        System.out.printf("one year of 1m candles (%,d rows): column arrays %,d B = %.1f MiB (%.1f MB, %.0f B/candle); "
                        + "heap after GC grew by %,d B = %.1f MiB%n",
                year.size(), arrays, arrays / mib, arrays / 1e6, (double) arrays / year.size(), delta, delta / mib);
        year = null;

        if (args.length > 0 && args[0].equals("--trades")) {
            before = usedAfterGc();
            TradeSeries trades = Markets.realisticTrades(Markets.TRADES, 21);
            delta = usedAfterGc() - before;
            arrays = columnBytes(trades);
            System.out.printf("%,d trades: column arrays %,d B = %.1f MiB (%.0f B/trade); heap after GC grew by %.1f MiB%n",
                    trades.size(), arrays, arrays / mib, (double) arrays / trades.size(), delta / mib);
        }
    }

    /** The bytes of the primitive arrays an object's instance fields refer to. */
    static long columnBytes(Object o) throws IllegalAccessException {
        long sum = 0;
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getType().isArray()) continue;
            f.setAccessible(true);
            Object a = f.get(o);
            if (a == null) continue;
            int len = java.lang.reflect.Array.getLength(a);
            Class<?> t = f.getType().getComponentType();
            int size = t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
                    : t == short.class || t == char.class ? 2 : t == byte.class || t == boolean.class ? 1 : 4;
            sum += (16 + (long) len * size + 7) / 8 * 8;
        }
        return sum;
    }

    private static long usedAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
