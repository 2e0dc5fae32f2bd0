package org.liqlens.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How newly opened notional is spread over leverage: tier i gets {@code weight(i)} of it at
 * {@code leverage(i)}. Tiers are sorted by increasing leverage and weights sum to 1 (the ladder is
 * normalised, so overriding one tier's weight rescales the others' shares and notional is conserved).
 * Tiers of weight 0 are dropped.
 *
 * <p>As parameters a ladder is the set of keys {@code ladder.<L>x} (for example {@code ladder.25x = 0.30}).
 */
public final class LeverageLadder {

    public static final String KEY_PREFIX = "ladder.";

    /** §3: 5x 10 %, 10x 25 %, 25x 30 %, 50x 20 %, 100x 15 %. */
    public static final LeverageLadder DEFAULT =
            of(new double[] {5, 10, 25, 50, 100}, new double[] {0.10, 0.25, 0.30, 0.20, 0.15});

    private final double[] leverages;
    private final double[] weights;

    private LeverageLadder(double[] leverages, double[] weights) {
        this.leverages = leverages;
        this.weights = weights;
    }

    /** A ladder from parallel arrays of leverages (distinct, >= 1) and non-negative weights. */
    public static LeverageLadder of(double[] leverages, double[] weights) {
        if (leverages.length != weights.length) throw new IllegalArgumentException("leverages and weights differ in length");
        Integer[] order = new Integer[leverages.length];
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            double l = leverages[i], w = weights[i];
            if (!(l >= 1) || !Double.isFinite(l)) throw new IllegalArgumentException("leverage must be >= 1: " + l);
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("weight of " + fmt(l) + "x must be >= 0: " + w);
            sum += w;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("the leverage ladder has no tier with a positive weight");
        // Weights that already sum to 1 (the defaults 0.10 + 0.25 + ... are 1.0000000000000002 in binary) stay
        // as written: dividing by that sum would turn 0.10 into 0.10000000000000002 in every printed parameter.
        if (Math.abs(sum - 1.0) <= 1e-12) sum = 1.0;
        Arrays.sort(order, new ByLeverage(leverages));
        int n = 0;
        for (int i = 0; i < order.length; i++) if (weights[order[i]] > 0) n++;
        double[] l = new double[n], w = new double[n];
        int k = 0;
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            if (weights[j] <= 0) continue;
            if (k > 0 && l[k - 1] == leverages[j]) throw new IllegalArgumentException("leverage " + fmt(leverages[j]) + "x appears twice");
            l[k] = leverages[j];
            w[k] = weights[j] / sum;
            k++;
        }
        return new LeverageLadder(l, w);
    }

    /**
     * The ladder described by the {@code ladder.<L>x} entries of a resolved parameter map (other keys are
     * ignored).
     */
    public static LeverageLadder fromParameters(Map<String, Double> params) {
        List<double[]> tiers = new ArrayList<>();
        for (Map.Entry<String, Double> e : params.entrySet()) {
            if (isKey(e.getKey())) tiers.add(new double[] {leverageOfKey(e.getKey()), e.getValue()});
        }
        double[] l = new double[tiers.size()], w = new double[tiers.size()];
        for (int i = 0; i < l.length; i++) { l[i] = tiers.get(i)[0]; w[i] = tiers.get(i)[1]; }
        return of(l, w);
    }

    /** The parameter key of leverage {@code l}: {@code ladder.5x}, {@code ladder.12.5x}. */
    public static String key(double leverage) { return KEY_PREFIX + fmt(leverage) + "x"; }

    /** Whether {@code key} names a ladder tier. */
    public static boolean isKey(String key) {
        return key.startsWith(KEY_PREFIX) && key.endsWith("x") && key.length() > KEY_PREFIX.length() + 1;
    }

    /** The leverage a ladder key names. */
    public static double leverageOfKey(String key) {
        if (!isKey(key)) throw new IllegalArgumentException("not a ladder key (ladder.<L>x): " + key);
        String num = key.substring(KEY_PREFIX.length(), key.length() - 1);
        try {
            double l = Double.parseDouble(num);
            if (!(l >= 1) || !Double.isFinite(l)) throw new NumberFormatException();
            return l;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ladder key " + key + " does not name a leverage >= 1");
        }
    }

    /** One parameter per tier of this ladder, defaulting to its weights. */
    public List<ModelParameter> parameters() {
        List<ModelParameter> out = new ArrayList<>();
        for (int i = 0; i < leverages.length; i++) {
            out.add(new ModelParameter(key(leverages[i]),
                    "share of new notional opened at " + fmt(leverages[i]) + "x (relative weight; the ladder is normalised to 1)",
                    weights[i], 0, 1000));
        }
        return out;
    }

    public int size() { return leverages.length; }
    public double leverage(int tier) { return leverages[tier]; }
    public double weight(int tier) { return weights[tier]; }
    public double[] leverages() { return leverages.clone(); }
    public double[] weights() { return weights.clone(); }

    static String fmt(double l) {
        return l == Math.rint(l) ? Long.toString((long) l) : String.format(Locale.ROOT, "%s", l);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LeverageLadder[");
        for (int i = 0; i < leverages.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(fmt(leverages[i])).append("x ").append(String.format(Locale.ROOT, "%.4g", weights[i] * 100)).append('%');
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeverageLadder other && Arrays.equals(leverages, other.leverages) && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(leverages) + Arrays.hashCode(weights); }

    /** Tier indices by leverage; a class, not a lambda: the first lambda bootstrap costs a cold start milliseconds. */
    private static final class ByLeverage implements java.util.Comparator<Integer> {
        private final double[] leverages;

        ByLeverage(double[] leverages) {
            this.leverages = leverages;
        }

        @Override
        public int compare(Integer a, Integer b) {
            return Double.compare(leverages[a], leverages[b]);
        }
    }
}
