package org.liqlens.confluence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.Zone;
import org.liqlens.engine.Zones;
import org.liqlens.engine.market.Side;

/**
 * Zones of several estimates of one symbol at one as-of time, where they agree, and the summary (§5). Plain
 * Java, stateless, deterministic: the CLI's {@code zones} and {@code bundle} and the desktop's Zones window call
 * {@link #analyse} with the estimates they have.
 *
 * <h2>Pane zones</h2>
 * Each pane's zones are {@link Zones#find} of its map; each gets its intensity relative to the pane's strongest
 * zone and the cumulative notional from the price out to its far edge.
 *
 * <h2>Confluence zones</h2>
 * Per side, all panes' zones sorted by low edge are swept once: a zone joins the current group when its low
 * edge is at most {@code tolerance % × price} above the group's highest high edge (so overlapping and touching
 * zones always merge, and the merge is transitive). The price is the first pane's. Each group is a
 * {@link ConfluenceZone} whose <b>score</b> is the sum, over the distinct panes in it, of that pane's largest
 * relative intensity among its zones in the group. A zone that is the strongest of its pane adds 1, so the
 * score of a group on which n panes put their strongest zone is n; a pane's weak zones add little. Groups of a
 * single pane are kept (score at most 1). Confluence zones are ordered by score (highest first), then distance
 * from the price, longs before shorts, then low edge. Zones weaker than {@link ConfluenceSettings#minIntensity()}
 * (default 0.25) are listed with their pane but not merged: on real maps a pane's faint zones lie a bucket or two
 * apart, and the transitive merge would chain them into one band spanning 10 % of the price.
 */
public final class Confluence {
    private Confluence() { }

    /**
     * Analyses the panes; their names are first made unique ({@link Panes#uniqueNames}).
     *
     * @throws IllegalArgumentException when there is no pane, or the panes differ in symbol or as-of time (naming
     *                                  the first pane that differs)
     */
    public static ConfluenceReport analyse(List<PaneEstimate> panes, ConfluenceSettings settings) {
        if (panes.isEmpty()) throw new IllegalArgumentException("a confluence analysis needs at least one pane");
        List<PaneEstimate> named = Panes.uniqueNames(panes);
        EstimateResult first = named.get(0).result();
        for (PaneEstimate p : named) {
            if (!p.result().symbol().equalsIgnoreCase(first.symbol())) {
                throw new IllegalArgumentException("pane " + p.name() + " is of " + p.result().symbol() + ", not "
                        + first.symbol() + " like pane " + named.get(0).name() + ": confluence compares one symbol");
            }
            if (p.result().asOf() != first.asOf()) {
                throw new IllegalArgumentException("pane " + p.name() + " is as of " + java.time.Instant.ofEpochMilli(p.result().asOf())
                        + ", not " + java.time.Instant.ofEpochMilli(first.asOf()) + " like pane " + named.get(0).name()
                        + ": confluence compares one instant");
            }
        }
        double price = first.price();
        List<PaneZone> zones = new ArrayList<>();
        for (PaneEstimate p : named) zones.addAll(paneZones(p, settings.zoneThreshold()));
        List<PaneZone> major = new ArrayList<>();
        for (PaneZone z : zones) if (z.intensity() >= settings.minIntensity()) major.add(z);
        List<ConfluenceZone> merged = merge(major, price, settings.tolerancePct());
        return new ConfluenceReport(first.symbol(), first.asOf(), price, named, settings, zones, merged,
                summary(named, zones, price, settings));
    }

    /** One pane's zones ({@link Zones#find} of its map with {@code zoneThreshold}), nearest first, longs first at a tie. */
    public static List<PaneZone> paneZones(PaneEstimate pane, double zoneThreshold) {
        List<Zone> found = Zones.find(pane.result().map(), zoneThreshold);
        double strongest = 0;
        for (Zone z : found) strongest = Math.max(strongest, z.intensity());
        List<PaneZone> out = new ArrayList<>(found.size());
        for (Zone z : found) {
            out.add(new PaneZone(pane.name(), pane.modelId(), pane.windowLabel(), z.side(), z.low(), z.high(), z.peakPrice(),
                    z.intensity(), z.intensity() / strongest, z.distancePct(), z.cumulativeBefore() + z.intensity()));
        }
        return out;
    }

    /**
     * Merges zones into confluence zones as the class comment says.
     *
     * @param zones        pane zones in pane order (the order of a confluence zone's {@code panes})
     * @param price        the price that distances and the tolerance refer to
     * @param tolerancePct the largest gap between zones that still merges them, in % of {@code price}
     */
    public static List<ConfluenceZone> merge(List<PaneZone> zones, double price, double tolerancePct) {
        ConfluenceSettings.checkTolerance(tolerancePct);
        // A gap of exactly the tolerance merges; the slack keeps 0.5 % of a price from failing by one ulp.
        double tolerance = price * tolerancePct / 100 * (1 + 1e-9);
        Map<String, Integer> paneOrder = new LinkedHashMap<>();
        for (PaneZone z : zones) paneOrder.putIfAbsent(z.pane(), paneOrder.size());
        List<ConfluenceZone> out = new ArrayList<>();
        for (Side side : Side.values()) {
            List<PaneZone> sorted = new ArrayList<>();
            for (PaneZone z : zones) if (z.side() == side) sorted.add(z);
            sorted.sort(Comparator.comparingDouble(PaneZone::low).thenComparingDouble(PaneZone::high)
                    .thenComparing(z -> paneOrder.get(z.pane())));
            List<PaneZone> group = new ArrayList<>();
            double groupHigh = Double.NEGATIVE_INFINITY;
            for (PaneZone z : sorted) {
                if (!group.isEmpty() && z.low() - groupHigh > tolerance) {
                    out.add(group(side, group, price, paneOrder));
                    group = new ArrayList<>();
                    groupHigh = Double.NEGATIVE_INFINITY;
                }
                group.add(z);
                groupHigh = Math.max(groupHigh, z.high());
            }
            if (!group.isEmpty()) out.add(group(side, group, price, paneOrder));
        }
        out.sort(Comparator.comparingDouble(ConfluenceZone::score).reversed()
                .thenComparingDouble(ConfluenceZone::distancePct)
                .thenComparing(ConfluenceZone::side)
                .thenComparingDouble(ConfluenceZone::low));
        return out;
    }

    private static ConfluenceZone group(Side side, List<PaneZone> members, double price, Map<String, Integer> paneOrder) {
        Map<String, Double> bestIntensity = new LinkedHashMap<>(), notional = new LinkedHashMap<>();
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (PaneZone z : members) {
            low = Math.min(low, z.low());
            high = Math.max(high, z.high());
            bestIntensity.merge(z.pane(), z.intensity(), Math::max);
            notional.merge(z.pane(), z.notional(), Double::sum);
        }
        List<String> panes = new ArrayList<>(bestIntensity.keySet());
        panes.sort(Comparator.comparing(paneOrder::get));
        double score = 0, largest = 0;
        for (String p : panes) {   // in pane order, so the sum's rounding never depends on the zones' order
            score += bestIntensity.get(p);
            largest = Math.max(largest, notional.get(p));
        }
        double distance = side == Side.LONG ? (price - high) / price * 100 : (low - price) / price * 100;
        return new ConfluenceZone(side, low, high, score, panes, largest, Math.max(0, distance), members);
    }

    static ConfluenceSummary summary(List<PaneEstimate> panes, List<PaneZone> zones, double price, ConfluenceSettings settings) {
        Optional<PaneZone> strongLong = nearestStrong(zones, Side.LONG, settings.strongIntensity());
        Optional<PaneZone> strongShort = nearestStrong(zones, Side.SHORT, settings.strongIntensity());
        List<NearNotional> near = new ArrayList<>();
        for (double pct : settings.nearPcts()) {
            double sumLong = 0, sumShort = 0;
            for (PaneEstimate p : panes) {
                NearNotional n = nearNotional(p.name(), p.result().map(), price, pct);
                near.add(n);
                sumLong += n.longs();
                sumShort += n.shorts();
            }
            near.add(new NearNotional(NearNotional.ALL_PANES, pct, sumLong, sumShort));
        }
        SweptZone nearestSwept = null;
        for (PaneEstimate p : panes) {
            for (SweptZone s : SweptZones.find(p.name(), p.result(), settings.zoneThreshold())) {
                if (nearestSwept == null || s.distancePct() < nearestSwept.distancePct()
                        || s.distancePct() == nearestSwept.distancePct() && s.clearedAtMs() > nearestSwept.clearedAtMs()) {
                    nearestSwept = s;
                }
            }
        }
        return new ConfluenceSummary(strongLong, strongShort, near, Optional.ofNullable(nearestSwept));
    }

    private static Optional<PaneZone> nearestStrong(List<PaneZone> zones, Side side, double strong) {
        PaneZone best = null;
        for (PaneZone z : zones) {
            if (z.side() == side && z.intensity() >= strong && (best == null || z.distancePct() < best.distancePct())) best = z;
        }
        return Optional.ofNullable(best);
    }

    /** Long and short notional of {@code map} whose bucket centres lie within ±{@code pct} % of {@code price}. */
    public static NearNotional nearNotional(String pane, LiquidationMap map, double price, double pct) {
        double lowest = price * (1 - pct / 100), highest = price * (1 + pct / 100);
        double longs = 0, shorts = 0;
        for (int b = 0; b < map.buckets(); b++) {
            double centre = map.bucketCentre(b);
            if (centre >= lowest && centre <= price) longs += map.longNotional(b);
            if (centre >= price && centre <= highest) shorts += map.shortNotional(b);
        }
        return new NearNotional(pane, pct, longs, shorts);
    }
}
