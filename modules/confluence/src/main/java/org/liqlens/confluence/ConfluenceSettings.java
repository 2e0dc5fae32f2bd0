package org.liqlens.confluence;

import java.util.Arrays;
import org.liqlens.engine.Zones;

/**
 * What a confluence analysis counts as near, strong and merged. Immutable.
 *
 * @param tolerancePct   zones of different panes merge when they overlap or the gap between them is at most
 *                       this % of the price (default 0.5)
 * @param strongIntensity a zone is strong when its relative intensity is at least this (default 0.5: at least
 *                       half its pane's strongest zone)
 * @param nearPcts       the bands ±N % of the price in which the summary weighs long against short notional
 *                       (default 2, 5, 10)
 * @param zoneThreshold  the zone threshold given to {@link Zones#find} (default {@link Zones#DEFAULT_THRESHOLD})
 * @param minIntensity   zones weaker than this (relative intensity) are listed but take no part in confluence
 *                       (default 0.25): on real maps a pane's faint zones lie a bucket or two apart, and a chain of
 *                       them would merge bands 10 % apart into one
 */
public record ConfluenceSettings(double tolerancePct, double strongIntensity, double[] nearPcts, double zoneThreshold,
                                 double minIntensity) {

    public static final double DEFAULT_TOLERANCE_PCT = 0.5;
    public static final double DEFAULT_STRONG_INTENSITY = 0.5;
    public static final double DEFAULT_MIN_INTENSITY = 0.25;
    public static final ConfluenceSettings DEFAULT = new ConfluenceSettings(DEFAULT_TOLERANCE_PCT, DEFAULT_STRONG_INTENSITY,
            new double[] {2, 5, 10}, Zones.DEFAULT_THRESHOLD, DEFAULT_MIN_INTENSITY);

    public ConfluenceSettings {
        checkTolerance(tolerancePct);
        if (!(strongIntensity > 0 && strongIntensity <= 1)) {
            throw new IllegalArgumentException("the strong-zone intensity must be in (0, 1], not " + strongIntensity);
        }
        nearPcts = nearPcts.clone();
        for (double p : nearPcts) {
            if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("a near band must be in (0, 100] %, not " + p);
        }
        Zones.checkThreshold(zoneThreshold);
        if (!(minIntensity >= 0 && minIntensity <= 1)) {
            throw new IllegalArgumentException("the confluence minimum intensity must be in [0, 1], not " + minIntensity);
        }
    }

    /**
     * Returns {@code tolerancePct} if it is a percentage in [0, 100); otherwise throws saying so. Public so that a
     * caller (a CLI option, a spinner) can refuse it before any work is done.
     */
    public static double checkTolerance(double tolerancePct) {
        if (!(tolerancePct >= 0 && tolerancePct < 100)) {
            throw new IllegalArgumentException("the confluence tolerance must be a % of the price in [0, 100), not " + tolerancePct);
        }
        return tolerancePct;
    }

    /** The same with another tolerance. */
    public ConfluenceSettings withTolerance(double pct) {
        return new ConfluenceSettings(pct, strongIntensity, nearPcts, zoneThreshold, minIntensity);
    }

    /** The same with another minimum intensity for confluence (0 lets every zone take part). */
    public ConfluenceSettings withMinIntensity(double min) {
        return new ConfluenceSettings(tolerancePct, strongIntensity, nearPcts, zoneThreshold, min);
    }

    @Override
    public double[] nearPcts() { return nearPcts.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfluenceSettings s && s.tolerancePct == tolerancePct && s.strongIntensity == strongIntensity
                && Arrays.equals(s.nearPcts, nearPcts) && s.zoneThreshold == zoneThreshold && s.minIntensity == minIntensity;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(tolerancePct) * 31 + Arrays.hashCode(nearPcts);
    }

    @Override
    public String toString() {
        return "ConfluenceSettings[tolerance " + tolerancePct + " %, strong " + strongIntensity + ", near " + Arrays.toString(nearPcts)
                + " %, zone threshold " + zoneThreshold + ", confluence from intensity " + minIntensity + "]";
    }
}
