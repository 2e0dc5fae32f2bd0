package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;

/**
 * A heatmap is a row per column, and a column in which nothing happens may share its predecessor's row. Here the
 * data have a gap of six hours: its columns hold no candle. Each grid is held, cell for cell, to the naive sweep
 * (an independent implementation that rebuilds every column from the live levels), in the three ways the fast
 * sweep builds rows: short columns from recorded levels, long columns from packed spans, and a decaying model,
 * whose every column is written whole.
 */
class HeatmapRowsTest {
    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long START = 1_767_225_600_000L;   // 2026-01-01
    static final long MINUTE = 60_000L, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
    /** Four days of 1m candles without the six hours from day 2, 06:00. */
    static final CandleSeries GAPPED = withoutHours(TestData.randomCandles("RNDUSDT", START, 4 * 1440, 11), START + DAY + 6 * HOUR, 6);

    static CandleSeries withoutHours(CandleSeries all, long from, int hours) {
        CandleSeries.Builder b = CandleSeries.builder(all.symbol(), all.intervalMs(), all.size());
        for (int i = 0; i < all.size(); i++) {
            long t = all.openTime(i);
            if (t >= from && t < from + hours * HOUR) continue;
            b.add(t, all.open(i), all.high(i), all.low(i), all.close(i), all.volume(i), all.quoteVolume(i), all.takerBuyQuoteVolume(i));
        }
        return b.build();
    }

    static Stream<Arguments> requests() {
        MarketInputs in = MarketInputs.of(GAPPED);
        return Stream.of(
                // 3 candles a column: the sweep records the new levels
                Arguments.of("m1 3d, 1,440 columns", EstimateRequest.builder(in, "m1").window(3 * DAY).columns(1440).buckets(300).build()),
                // 36 candles a column: packed spans
                Arguments.of("m1 3d, 120 columns", EstimateRequest.builder(in, "m1").window(3 * DAY).columns(120).buckets(300).build()),
                // decay rescales every live bucket each column
                Arguments.of("m3 3d, 480 columns", EstimateRequest.builder(in, "m3").param("halfLifeHours", 12)
                        .window(3 * DAY).columns(480).buckets(300).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aGapsEmptyColumnsAreTheNaiveSweepsCellForCell(String name, EstimateRequest req) {
        HeatmapGrid g = ENGINE.estimate(req).heatmap();
        HeatmapGrid naive = ENGINE.naiveHeatmap(req);
        assertEquals(naive.columns(), g.columns());
        double max = naive.max();
        int empty = 0;
        for (int c = 0; c < g.columns(); c++) {
            float[] row = g.row(c);
            assertEquals(g.buckets(), row.length, name + ": column " + c + "'s row");
            for (int b = 0; b < g.buckets(); b++) {
                double e = naive.value(c, b);
                assertEquals(e, row[b], FloatGridTest.CELL * e + 1e-9 * max, name + ": column " + c + ", bucket " + b);
            }
            long from = g.columnStart(c), to = g.columnEnd(c);
            boolean noCandle = GAPPED.firstIndexOpenAtOrAfter(from) == GAPPED.firstIndexOpenAtOrAfter(to);
            if (noCandle && c > 0 && c < g.columns() - 1 && req.modelId().equals("m1")) {
                // nothing opens and nothing clears: the column is the one before it
                assertArrayEquals(g.row(c - 1), row, name + ": empty column " + c);
                empty++;
            }
        }
        if (req.modelId().equals("m1")) assertTrue(empty >= 6, name + ": the gap's columns (" + empty + ")");
    }
}
