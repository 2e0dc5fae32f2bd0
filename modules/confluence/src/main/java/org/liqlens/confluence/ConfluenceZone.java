package org.liqlens.confluence;

import java.util.List;
import org.liqlens.engine.market.Side;

/**
 * Zones of one side from several panes that overlap or lie within the tolerance of each other, merged.
 *
 * @param side        the side all its zones share
 * @param low         the lowest edge of its zones
 * @param high        the highest edge
 * @param score       the sum, over the distinct panes that agree, of each pane's largest relative intensity among
 *                    its zones here: one point per pane whose strongest zone lies here, less for weaker ones; at
 *                    most the number of panes
 * @param panes       the panes that agree, in the analysis' pane order
 * @param notional    the largest of the agreeing panes' notionals here (each pane's zones here summed); not
 *                    their sum, since the panes estimate the same market and would count the same positions
 *                    several times
 * @param distancePct the distance from the price to the merged zone's nearest edge, in % of the price
 * @param zones       the pane zones merged into it, ordered by low edge
 */
public record ConfluenceZone(Side side, double low, double high, double score, List<String> panes, double notional,
                             double distancePct, List<PaneZone> zones) {
    public ConfluenceZone {
        panes = List.copyOf(panes);
        zones = List.copyOf(zones);
    }
}
