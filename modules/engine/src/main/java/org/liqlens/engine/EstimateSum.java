package org.liqlens.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cell-by-cell sum of estimates that share one grid: the same model, as-of T, window, price buckets and
 * heatmap columns, typically one per exchange (each from its own data and priced by its own exchange's rule).
 * Every bucket of the map, per leverage tier, every heatmap cell and both totals are the sums of the parts' (a
 * cell is their sum formed in {@code double} and rounded to the grid's {@code float}).
 *
 * <p>What a sum cannot add up is taken from the <em>reference</em> part, the first: the price at T (the
 * exchanges' last prices differ by a few basis points of basis; the reference's matches the candles drawn),
 * which also splits the summed map into zones, the window's candles and the resolved parameters. The coverage
 * is the worst of the parts' (the lowest share of the window with data), so that the sum never claims more
 * data than its thinnest part has; each part keeps its own.
 */
public final class EstimateSum {

    private EstimateSum() { }

    /**
     * @param parts         estimates on one grid, the reference first
     * @param zoneThreshold as in {@link EstimateRequest#zoneThreshold()}, for the summed map's zones
     * @throws IllegalArgumentException when there is no part, or the parts differ in model, T, window, buckets,
     *                                  columns or leverage tiers, or some have a heatmap and others not
     */
    public static EstimateResult of(List<EstimateResult> parts, double zoneThreshold) {
        Zones.checkThreshold(zoneThreshold);
        if (parts.isEmpty()) throw new IllegalArgumentException("a sum of estimates needs at least one");
        EstimateResult ref = Objects.requireNonNull(parts.get(0));
        LiquidationMap refMap = ref.map();
        for (EstimateResult p : parts) checkSameGrid(ref, p);

        int nb = refMap.buckets(), nt = refMap.tiers();
        double[][] longByTier = new double[nt][nb], shortByTier = new double[nt][nb];
        double totalLong = 0, totalShort = 0;
        long levels = 0;
        for (EstimateResult p : parts) {
            LiquidationMap m = p.map();
            for (int t = 0; t < nt; t++) {
                add(longByTier[t], m.longByTier()[t]);
                add(shortByTier[t], m.shortByTier()[t]);
            }
            totalLong += m.totalLong();
            totalShort += m.totalShort();
            levels += p.levelCount();
        }
        LiquidationMap map = new LiquidationMap(ref.asOf(), ref.price(), refMap.bucketGrid(), refMap.leverages(),
                longByTier, shortByTier, totalLong, totalShort);

        HeatmapGrid heatmap = null;
        HeatmapGrid refGrid = ref.heatmap();
        if (refGrid != null) {
            // each row summed in double, the parts in order, then rounded once to the cells' float
            int columns = refGrid.columns();
            float[][] values = new float[columns][];
            double[] row = new double[nb];
            float max = 0;
            for (int c = 0; c < columns; c++) {
                Arrays.fill(row, 0);
                for (EstimateResult p : parts) {
                    float[] v = p.heatmap().row(c);
                    for (int b = 0; b < nb; b++) row[b] += v[b];
                }
                max = HeatmapGrid.storeRow(row, values, c, max);
            }
            heatmap = new HeatmapGrid(refGrid.start(), refGrid.windowMs(), refGrid.columnStartArray(), refGrid.bucketGrid(),
                    values, max);
        }

        Coverage worst = ref.coverage();
        for (EstimateResult p : parts) {
            if (p.coverage().fraction() < worst.fraction()) worst = p.coverage();
        }
        double mmr = ref.mmr();
        Map<String, Double> parameters = new LinkedHashMap<>(ref.parameters());
        for (EstimateResult p : parts) {
            if (Double.compare(p.mmr(), ref.mmr()) != 0) {
                // No single MMR describes the sum: each part says its own.
                mmr = Double.NaN;
                parameters.remove("mmr");
                break;
            }
        }
        List<Zone> zones = Zones.find(map, zoneThreshold);
        return new EstimateResult(ref.symbol(), ref.modelId(), ref.asOf(), ref.windowMs(), ref.price(), heatmap, map, zones,
                ref::windowCandles, ref.ladder(), mmr, null, parameters, levels, worst);
    }

    private static void checkSameGrid(EstimateResult ref, EstimateResult p) {
        List<String> differences = new ArrayList<>();
        if (!ref.modelId().equals(p.modelId())) differences.add("model " + p.modelId() + " vs " + ref.modelId());
        if (ref.asOf() != p.asOf()) differences.add("as-of " + p.asOf() + " vs " + ref.asOf());
        if (ref.windowMs() != p.windowMs()) differences.add("window " + p.windowMs() + " vs " + ref.windowMs() + " ms");
        LiquidationMap a = ref.map(), b = p.map();
        if (a.buckets() != b.buckets() || a.priceLow() != b.priceLow() || a.priceHigh() != b.priceHigh()) {
            differences.add("price buckets " + b.buckets() + " over [" + b.priceLow() + ", " + b.priceHigh() + "] vs "
                    + a.buckets() + " over [" + a.priceLow() + ", " + a.priceHigh() + "]");
        }
        if (!Arrays.equals(a.leverages(), b.leverages())) {
            differences.add("leverage tiers " + Arrays.toString(b.leverages()) + " vs " + Arrays.toString(a.leverages()));
        }
        HeatmapGrid g = ref.heatmap(), h = p.heatmap();
        if ((g == null) != (h == null)) {
            differences.add(g == null ? "a heatmap where the first has none" : "no heatmap where the first has one");
        } else if (g != null && !Arrays.equals(g.columnStartArray(), h.columnStartArray())) {
            differences.add("heatmap columns " + h.columns() + " vs " + g.columns());
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("estimates on different grids cannot be summed: " + String.join("; ", differences));
        }
    }

    private static void add(double[] into, double[] values) {
        for (int i = 0; i < into.length; i++) into[i] += values[i];
    }
}
