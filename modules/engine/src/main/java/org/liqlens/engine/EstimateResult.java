package org.liqlens.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.LeverageLadder;

/**
 * One estimate. Immutable and thread-safe; {@link #windowCandles()} is built on first use (for a trade-based
 * model without candles it aggregates the window's trades, which costs a pass over them).
 */
public final class EstimateResult {
    private final String symbol;
    private final String modelId;
    private final long asOf;
    private final long windowMs;
    private final double price;
    private final HeatmapGrid heatmap;
    private final LiquidationMap map;
    private final List<Zone> zones;
    private final LeverageLadder ladder;
    private final double mmr;
    private final LiquidationRule liquidationRule;
    private final Map<String, Double> parameters;
    private final long levelCount;
    private final Coverage coverage;
    private Supplier<CandleSeries> candleSource;
    private volatile CandleSeries windowCandles;

    /** A result whose positions Binance's formula priced. */
    public EstimateResult(String symbol, String modelId, long asOf, long windowMs, double price, HeatmapGrid heatmap,
                          LiquidationMap map, List<Zone> zones, Supplier<CandleSeries> windowCandles, LeverageLadder ladder,
                          double mmr, Map<String, Double> parameters, long levelCount, Coverage coverage) {
        this(symbol, modelId, asOf, windowMs, price, heatmap, map, zones, windowCandles, ladder, mmr, LiquidationRule.BINANCE,
                parameters, levelCount, coverage);
    }

    /**
     * @param mmr             the MMR of every position, or {@link Double#NaN} for a sum over exchanges that used
     *                        different ones
     * @param liquidationRule whose formula priced the positions; null for a sum over exchanges
     */
    public EstimateResult(String symbol, String modelId, long asOf, long windowMs, double price, HeatmapGrid heatmap,
                          LiquidationMap map, List<Zone> zones, Supplier<CandleSeries> windowCandles, LeverageLadder ladder,
                          double mmr, LiquidationRule liquidationRule, Map<String, Double> parameters, long levelCount,
                          Coverage coverage) {
        this.symbol = symbol;
        this.modelId = modelId;
        this.asOf = asOf;
        this.windowMs = windowMs;
        this.price = price;
        this.heatmap = heatmap;
        this.map = Objects.requireNonNull(map);
        this.zones = List.copyOf(zones);
        this.candleSource = Objects.requireNonNull(windowCandles);
        this.ladder = ladder;
        this.mmr = mmr;
        this.liquidationRule = liquidationRule;
        this.parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        this.levelCount = levelCount;
        this.coverage = Objects.requireNonNull(coverage);
    }

    /** Instrument. */
    public String symbol() { return symbol; }
    /** Model that produced the estimate. */
    public String modelId() { return modelId; }
    /** T. */
    public long asOf() { return asOf; }
    /** W. */
    public long windowMs() { return windowMs; }
    /** The current price: close of the last window candle, or the last window trade's price. */
    public double price() { return price; }
    /** The heatmap, or null when the request asked for 0 columns. */
    public HeatmapGrid heatmap() { return heatmap; }
    /** The liquidation map at T. */
    public LiquidationMap map() { return map; }
    /** Zones of the map, nearest first. */
    public List<Zone> zones() { return zones; }
    /** The leverage ladder applied; its tiers index {@code map().longByTier()}. */
    public LeverageLadder ladder() { return ladder; }
    /** The leverage of each tier, ascending. */
    public double[] leverages() { return ladder.leverages(); }
    /**
     * The maintenance margin rate applied to every position; {@link Double#NaN} only for a sum over exchanges
     * whose MMRs differ (see each exchange's own result).
     */
    public double mmr() { return mmr; }
    /**
     * The exchange whose liquidation formula priced the positions; null for a sum over exchanges, whose parts
     * each used their own.
     */
    public LiquidationRule liquidationRule() { return liquidationRule; }
    /** Every model parameter as resolved (defaults and overrides, with the {@code mmr} used). */
    public Map<String, Double> parameters() { return parameters; }
    /** What the data covers of the window: say it whenever it is not complete. */
    public Coverage coverage() { return coverage; }
    /** Number of levels the model created in the window, before clearing. */
    public long levelCount() { return levelCount; }

    /**
     * The window's candles, to draw on top of the heatmap: the candles the estimate used, or for a trade-based
     * model the request's candles in the window, or, without those, candles aggregated from the trades.
     */
    public CandleSeries windowCandles() {
        CandleSeries c = windowCandles;
        if (c == null) {
            synchronized (this) {
                c = windowCandles;
                if (c == null) {
                    windowCandles = c = candleSource.get();
                    candleSource = null;
                }
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "EstimateResult[" + modelId + " " + symbol + " at " + asOf + ", window " + windowMs + " ms, price " + price
                + ", long " + map.totalLong() + ", short " + map.totalShort() + ", " + zones.size() + " zones]";
    }
}
