package org.liqlens.engine.model;

import java.util.Arrays;

/**
 * Margin that flows into or out of every open isolated position over time, such as funding: at each instant
 * {@code times[k]} (strictly increasing, epoch ms) a long pays {@code amount[k]} of quote currency per unit of base
 * it holds, and a short receives the same (a negative amount: longs receive, shorts pay). Margin paid pulls a
 * level's liquidation price toward its entry, margin received pushes it away.
 *
 * <p>With the exchange's formula written {@code LP = (EP * numerator + c) / denominator}, where {@code c} is the
 * margin a position has paid per unit of base since it opened (the sum of the amounts of the steps after its
 * creation), every rule the engine knows keeps that form (see {@code LiquidationRule}); a step at τ applies to the
 * levels stamped before τ, as a step of {@link WeightScale#steps} does. {@link #none()} is the neutral flow and
 * sends the engine down its fast path.
 *
 * @since 1.1 (model SDK)
 */
public final class MarginFlow {
    private static final MarginFlow NONE = new MarginFlow(new long[0], new double[0]);

    private final long[] times;
    private final double[] amounts;

    private MarginFlow(long[] times, double[] amounts) {
        this.times = times;
        this.amounts = amounts;
    }

    /** No margin flows: the levels stay where the exchange's formula puts them at opening. */
    public static MarginFlow none() { return NONE; }

    /**
     * Steps: at {@code times[k]} longs pay {@code amounts[k]} quote per unit of base (shorts receive it).
     *
     * @throws IllegalArgumentException when the lengths differ, the times do not increase or an amount is not finite
     */
    public static MarginFlow steps(long[] times, double[] amounts) {
        if (times.length != amounts.length) {
            throw new IllegalArgumentException("margin flow: " + times.length + " times but " + amounts.length + " amounts");
        }
        for (int k = 0; k < times.length; k++) {
            if (k > 0 && times[k] <= times[k - 1]) {
                throw new IllegalArgumentException("margin flow: time " + times[k] + " at step " + k + " is not after " + times[k - 1]);
            }
            if (!Double.isFinite(amounts[k])) {
                throw new IllegalArgumentException("margin flow: amount " + amounts[k] + " at step " + k + " is not a finite number");
            }
        }
        return times.length == 0 ? NONE : new MarginFlow(times.clone(), amounts.clone());
    }

    public boolean isNone() { return times.length == 0; }
    public int size() { return times.length; }
    public long time(int k) { return times[k]; }
    public double amount(int k) { return amounts[k]; }

    /** The steps before {@code t} only: what an estimate as of t may know. */
    public MarginFlow before(long t) {
        int i = Arrays.binarySearch(times, t);
        int end = i >= 0 ? i : -i - 1;
        return end == times.length ? this : steps(Arrays.copyOf(times, end), Arrays.copyOf(amounts, end));
    }

    /** Quote per unit of base a long opened (stamped) at {@code stampMs} has paid by {@code atMs}: steps in (stamp, at]. */
    public double paidByLong(long stampMs, long atMs) {
        double sum = 0;
        for (int k = 0; k < times.length; k++) {
            if (times[k] > stampMs && times[k] <= atMs) sum += amounts[k];
        }
        return sum;
    }

    @Override
    public String toString() { return "MarginFlow(" + times.length + " steps)"; }
}
