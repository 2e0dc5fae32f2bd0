package org.liqlens.sources.load;

import java.util.List;
import java.util.Objects;
import org.liqlens.engine.Coverage;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.sources.SourceSpec;

/**
 * What {@link WindowEstimator#estimate} returns: the result to show and, for {@code all}, each exchange's part
 * of it. Immutable.
 *
 * <p>For {@code all}, {@link #result()} is the cell-by-cell sum of the {@link #parts()}, which all lie on its
 * grid (same price buckets, same heatmap columns, same T). A tooltip over a bucket or cell can therefore say
 * how much of it each exchange holds: {@link #mapShares(int)}, {@link #heatmapShares(int, int)}.
 */
public final class WindowEstimate {

    /**
     * One exchange's part of a combined estimate.
     *
     * @param exchangeId  the exchange's source id: {@code binance}, {@code bybit}, {@code okx}
     * @param displayName the exchange source's name, e.g. "Bybit USDT perpetuals"
     * @param result      the exchange's own estimate, from its own data and priced by its own rule, on the
     *                    combined result's grid
     * @param share       its share of the combined surviving notional (long + short), 0 to 1; 0 when the
     *                    combined total is 0
     * @param longShare   its share of the combined long notional; 0 when that is 0
     * @param shortShare  its share of the combined short notional; 0 when that is 0
     */
    public record Part(String exchangeId, String displayName, EstimateResult result, double share, double longShare,
                       double shortShare) {
        public Part {
            Objects.requireNonNull(exchangeId);
            Objects.requireNonNull(displayName);
            Objects.requireNonNull(result);
        }

        public double totalLong() { return result.map().totalLong(); }
        public double totalShort() { return result.map().totalShort(); }
        /** What this exchange's data covers of the window; the combined coverage is the worst part's. */
        public Coverage coverage() { return result.coverage(); }
        /** Whose formula priced this part's positions. */
        public LiquidationRule liquidationRule() { return result.liquidationRule(); }
    }

    private final SourceSpec source;
    private final String sourceName;
    private final EstimateResult result;
    private final List<Part> parts;

    WindowEstimate(SourceSpec source, String sourceName, EstimateResult result, List<Part> parts) {
        this.source = Objects.requireNonNull(source);
        this.sourceName = Objects.requireNonNull(sourceName);
        this.result = Objects.requireNonNull(result);
        this.parts = List.copyOf(parts);
    }

    /** The source as given (not the members' resolved specs). */
    public SourceSpec source() { return source; }

    /** For labels and charts: the source's display name; for {@code all}, its exchanges' names joined by " + ". */
    public String sourceName() { return sourceName; }

    /** The estimate to show: a single source's, or the sum over the exchanges of {@code all}. */
    public EstimateResult result() { return result; }

    public boolean isCombined() { return !parts.isEmpty(); }

    /** Each exchange's part, in the order of {@link SourceSpec#members()}; empty for a single source. */
    public List<Part> parts() { return parts; }

    /**
     * Each part's share of map bucket {@code bucket} (its long + short notional over the combined bucket's), in
     * the order of {@link #parts()}; all 0 for an empty bucket, empty for a single source.
     */
    public double[] mapShares(int bucket) {
        LiquidationMap sum = result.map();
        double total = sum.longNotional(bucket) + sum.shortNotional(bucket);
        double[] out = new double[parts.size()];
        if (total > 0) {
            for (int i = 0; i < out.length; i++) {
                LiquidationMap m = parts.get(i).result().map();
                out[i] = (m.longNotional(bucket) + m.shortNotional(bucket)) / total;
            }
        }
        return out;
    }

    /**
     * Each part's share of heatmap cell ({@code column}, {@code bucket}), in the order of {@link #parts()}; all 0
     * for an empty cell, empty for a single source.
     *
     * @throws IllegalStateException when the estimate has no heatmap (0 columns)
     */
    public double[] heatmapShares(int column, int bucket) {
        if (result.heatmap() == null) throw new IllegalStateException("this estimate has no heatmap (0 columns)");
        // of the parts' own cells added up in double, so that the shares add up to 1 (the sum's cell is that total
        // rounded to the grid's float)
        double[] out = new double[parts.size()];
        double total = 0;
        for (int i = 0; i < out.length; i++) total += out[i] = parts.get(i).result().heatmap().value(column, bucket);
        for (int i = 0; i < out.length; i++) out[i] = total > 0 ? out[i] / total : 0;
        return out;
    }

    @Override
    public String toString() {
        return "WindowEstimate[" + sourceName + ", " + result + (parts.isEmpty() ? "" : ", " + parts.size() + " parts") + "]";
    }
}
