package org.liqlens.engine;

import java.util.List;
import java.util.Map;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.LeverageLadder;

/**
 * One estimate.
 *
 * @param symbol        instrument
 * @param modelId       model that produced it
 * @param asOf          T
 * @param windowMs      W
 * @param price         the current price: close of the last window candle, or the last window trade's price
 * @param heatmap       the heatmap, or null when the request asked for 0 columns
 * @param map           the liquidation map at T
 * @param zones         zones of the map, nearest first
 * @param windowCandles the candles of the window (for trade-based models built from the trades when the
 *                      request had no candles), to draw on top of the heatmap
 * @param ladder        the leverage ladder applied; its tiers index {@code map.longByTier}
 * @param mmr           the maintenance margin rate applied to every position
 * @param parameters    every model parameter as resolved (defaults + overrides, with the {@code mmr} used)
 * @param levelCount    number of levels the model created in the window (before clearing)
 */
public record EstimateResult(String symbol, String modelId, long asOf, long windowMs, double price, HeatmapGrid heatmap,
                             LiquidationMap map, List<Zone> zones, CandleSeries windowCandles, LeverageLadder ladder,
                             double mmr, Map<String, Double> parameters, long levelCount) {

    /** The leverage of each tier, in tier order (ascending). */
    public double[] leverages() { return ladder.leverages(); }
}
