package org.liqlens.engine.model;

import java.util.Arrays;

/**
 * A time-varying multiplicative weight shared by all levels of a model: notional present at instant
 * {@code from} has become {@code notional * factor(from, to)} at instant {@code to}. Equivalently there is a
 * function G with {@code factor(from, to) = G(to) / G(from)}, so a level of notional w created at s weighs
 * {@code G(t) * (w / G(s))} at t. Only ratios are ever evaluated, never G itself, because G over a long
 * window under- or overflows a double.
 *
 * <p>Instants are epoch milliseconds. A level is stamped with its creating event's time: the candle's
 * close time (its last millisecond) or the trade's time. A step of the scale at instant τ applies to
 * levels with stamp {@code < τ}; so a candle closing at τ-1 is in time for a step at τ.
 */
public interface WeightScale {

    /**
     * The factor by which notional present at {@code fromMs} has been multiplied by {@code toMs}
     * ({@code toMs >= fromMs}); 0 when a step of 0 lies in {@code (fromMs, toMs]}.
     */
    double factor(long fromMs, long toMs);

    /** True when every factor is 1; the engine then skips scaling altogether. */
    default boolean isIdentity() { return false; }

    /** No scaling. */
    static WeightScale identity() { return Identity.INSTANCE; }

    /** Exponential decay: {@code factor = 2^(-(to - from) / halfLife)}. */
    static WeightScale halfLife(double halfLifeMs) { return new HalfLife(halfLifeMs); }

    /**
     * Steps: at each instant {@code times[k]} (strictly increasing) surviving notional is multiplied by
     * {@code factors[k]} (in [0, 1]; 0 wipes it).
     */
    static WeightScale steps(long[] times, double[] factors) { return new Steps(times, factors); }

    /** See {@link #identity()}. */
    final class Identity implements WeightScale {
        static final Identity INSTANCE = new Identity();
        private Identity() {}
        @Override public double factor(long fromMs, long toMs) { return 1.0; }
        @Override public boolean isIdentity() { return true; }
        @Override public String toString() { return "WeightScale.identity"; }
    }

    /** See {@link #halfLife(double)}. */
    final class HalfLife implements WeightScale {
        private final double halfLifeMs;
        private final double lnPerMs;

        HalfLife(double halfLifeMs) {
            if (!(halfLifeMs > 0) || !Double.isFinite(halfLifeMs)) {
                throw new IllegalArgumentException("half-life must be a positive number of ms: " + halfLifeMs);
            }
            this.halfLifeMs = halfLifeMs;
            this.lnPerMs = Math.log(2) / halfLifeMs;
        }

        public double halfLifeMs() { return halfLifeMs; }

        @Override public double factor(long fromMs, long toMs) { return Math.exp(-(toMs - fromMs) * lnPerMs); }

        @Override public String toString() { return "WeightScale.halfLife(" + halfLifeMs + " ms)"; }
    }

    /**
     * See {@link #steps(long[], double[])}. Holds the cumulative log of the non-zero factors and the
     * count of zero factors, so a factor over any span costs two binary searches and one exp.
     */
    final class Steps implements WeightScale {
        private final long[] times;
        private final double[] factors;
        private final double[] cumLog;   // cumLog[k] = sum of log(factor) over the first k non-zero steps
        private final int[] cumZeros;    // cumZeros[k] = number of zero factors among the first k steps

        Steps(long[] times, double[] factors) {
            if (times.length != factors.length) throw new IllegalArgumentException("times and factors differ in length");
            this.times = times.clone();
            this.factors = factors.clone();
            cumLog = new double[times.length + 1];
            cumZeros = new int[times.length + 1];
            for (int k = 0; k < times.length; k++) {
                if (k > 0 && times[k] <= times[k - 1]) throw new IllegalArgumentException("step times must increase");
                double f = factors[k];
                if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("step factor must be in [0, 1]: " + f);
                cumLog[k + 1] = cumLog[k] + (f > 0 ? Math.log(f) : 0.0);
                cumZeros[k + 1] = cumZeros[k] + (f > 0 ? 0 : 1);
            }
        }

        /** Number of steps at instants {@code <= t}. */
        private int stepsUpTo(long t) {
            int i = Arrays.binarySearch(times, t);
            return i >= 0 ? i + 1 : -i - 1;
        }

        @Override
        public double factor(long fromMs, long toMs) {
            int a = stepsUpTo(fromMs), b = stepsUpTo(toMs);
            if (a >= b) return 1.0;
            if (cumZeros[b] != cumZeros[a]) return 0.0;
            return Math.exp(cumLog[b] - cumLog[a]);
        }

        @Override public boolean isIdentity() { return times.length == 0; }

        public int size() { return times.length; }
        public long time(int k) { return times[k]; }
        public double stepFactor(int k) { return factors[k]; }

        @Override public String toString() { return "WeightScale.steps(" + times.length + " steps)"; }
    }
}
