package org.liqlens.models.toptrader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.file.FileSource;

/**
 * Real AVAXUSDT 1m klines from {@code ../shared/data} with constructed metrics archives (test resources, see
 * {@code archives/README.md}) whose top-trader ratio is always at least 1: the map must be plausible and lean long
 * against m1, which splits by the taker side (about half and half on AVAX).
 */
class TopTraderOnRealKlinesTest {

    @Test
    void aThreeDayMapLeansLongAsTheRatioSays() throws Exception {
        Path data = Path.of("../../../shared/data/binance_um_AVAXUSDT-1m-2026-06.csv").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(data), "skipped: " + data + " is absent (real data lives in ../shared/data beside the checkout)");
        Path metrics = Path.of(getClass().getResource("/archives/AVAXUSDT-metrics-2026-06-27.csv").toURI()).getParent();
        long asOf = 1_782_777_600_000L, window = 3 * 86_400_000L;   // 2026-06-30 00:00 UTC, the three fixture days
        var candles = new FileSource(data).candles("AVAXUSDT", 60_000L, asOf - window, asOf, CancelToken.NONE);
        var ratio = new FileSource(metrics).topTraderRatio("AVAXUSDT", 5 * 60_000L, asOf - window - 300_000L, asOf, CancelToken.NONE);
        assertEquals(864, ratio.size());
        MarketInputs in = MarketInputs.of(candles).withTopTraderRatio(ratio);
        LiquidationEngine engine = LiquidationEngine.standard();
        LiquidationMap r = engine.estimate(EstimateRequest.builder(in, "m1r").window(window).asOf(asOf).build()).map();
        LiquidationMap m1 = engine.estimate(EstimateRequest.builder(in, "m1").window(window).asOf(asOf).build()).map();
        double shareR = r.totalLong() / (r.totalLong() + r.totalShort()), share1 = m1.totalLong() / (m1.totalLong() + m1.totalShort());
        System.out.printf("m1r AVAXUSDT 3d as of 2026-06-30: long %.0f short %.0f (share %.3f); m1 long %.0f short %.0f (share %.3f)%n",
                r.totalLong(), r.totalShort(), shareR, m1.totalLong(), m1.totalShort(), share1);
        assertTrue(r.totalLong() > 0 && r.totalShort() > 0);
        assertTrue(r.totalLong() > m1.totalLong() && r.totalShort() < m1.totalShort(), "a ratio >= 1 moves notional from shorts to longs");
        assertTrue(shareR > share1);
        // the levels stay where m1 puts them: the same price, and the same buckets hold notional
        for (int b = 0; b < r.buckets(); b++) {
            assertEquals(m1.longNotional(b) > 0, r.longNotional(b) > 0, "bucket " + b);
        }
    }
}
