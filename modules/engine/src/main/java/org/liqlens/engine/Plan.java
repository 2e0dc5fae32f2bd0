package org.liqlens.engine;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/** One estimate with everything resolved: window, event arrays, model run, ladder, grid geometry. */
final class Plan {
    String symbol;
    LiquidationModel model;
    ModelRun run;
    WeightScale scale;
    EventBasis basis;

    /** Event series: lows and highs (both the price for trades), times, and the offset that turns a time into
     *  the event's stamp (candle: interval - 1, so the stamp is the close time; trades: 0). */
    double[] lows, highs;
    long[] times;
    long stampOffset;
    int from, to;

    long asOf, windowMs, start;
    double price;
    /** The lowest low and highest high of the window's events (the default price range is around them). */
    double windowLow, windowHigh;

    LeverageLadder ladder;
    double mmr;
    /** Whose formula prices the levels: the kernel's factors come from it. */
    org.liqlens.engine.liq.LiquidationRule rule;
    Map<String, Double> params;

    int buckets, columns;
    Buckets priceBuckets;
    /** columns + 1 entries: columnStarts[c] = start + ceil(c * W / C); columnStarts[C] = T. */
    long[] columnStarts;

    CandleSeries candles;     // the request's candles, or null
    org.liqlens.engine.market.TradeSeries trades;   // the request's trades when the basis is trades
    BooleanSupplier cancelled;
    double zoneThreshold;

    long stamp(int i) { return times[i] + stampOffset; }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("estimate cancelled");
        }
    }
}
