package org.liqlens.confluence;

import java.util.List;
import java.util.Optional;

/**
 * The questions analysts ask of a set of maps (§5).
 *
 * @param nearestStrongLong  the nearest strong long zone (below the price) of any pane: relative intensity at
 *                           least {@link ConfluenceSettings#strongIntensity()}; ties go to the earlier pane
 * @param nearestStrongShort the same above the price
 * @param near               long against short notional within each ±N % band: per pane in pane order, then
 *                           summed ({@link NearNotional#ALL_PANES}), band by band
 * @param nearestSwept       the swept zone nearest to the price over all panes' windows (ties: the later sweep,
 *                           then the earlier pane); empty when no pane has a heatmap or nothing was swept
 */
public record ConfluenceSummary(Optional<PaneZone> nearestStrongLong, Optional<PaneZone> nearestStrongShort,
                                List<NearNotional> near, Optional<SweptZone> nearestSwept) {
    public ConfluenceSummary {
        near = List.copyOf(near);
    }
}
