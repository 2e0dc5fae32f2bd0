package org.liqlens.models.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.EstimateRequest;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.LiquidationMap;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.file.FileSource;

/**
 * Real AVAXUSDT 1m klines from {@code ../shared/data} with the constructed fundingRate archive of the test resources
 * (see {@code archives/README.md}: real BTCUSDT 8-hourly rates in the data.binance.vision layout). The map must be
 * plausible and differ from m1 the way the model says: positive net funding lifts the long levels toward the price.
 */
class FundingOnRealKlinesTest {

    static final Path KLINES = Path.of("../../../shared/data/binance_um_AVAXUSDT-1m-2026-06.csv");

    @Test
    void aThreeDayMapDiffersFromM1AsFundingSays() throws Exception {
        Path data = KLINES.toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(data), "skipped: " + data + " is absent (real data lives in ../shared/data beside the checkout)");
        Path fixture = Path.of(getClass().getResource("/archives/AVAXUSDT-fundingRate-2026-06.csv").toURI());
        long asOf = 1_782_777_600_000L;        // 2026-06-30 00:00 UTC
        long window = 3 * 86_400_000L;
        var candles = new FileSource(data).candles("AVAXUSDT", 60_000L, asOf - window - 60_000L, asOf, CancelToken.NONE);
        FundingRateSeries funding = new FileSource(fixture).fundingRates("AVAXUSDT", 0, Long.MAX_VALUE / 2, CancelToken.NONE);
        MarketInputs in = MarketInputs.of(candles).withFunding(funding);

        LiquidationEngine engine = LiquidationEngine.standard();
        long t0 = System.nanoTime();
        EstimateResult f = engine.estimate(EstimateRequest.builder(in, "m1f").window(window).asOf(asOf).build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        EstimateResult m1 = engine.estimate(EstimateRequest.builder(in, "m1").window(window).asOf(asOf).build());

        double netRate = 0, absRate = 0;
        for (int k = funding.firstIndexAtOrAfter(asOf - window); k < funding.firstIndexAtOrAfter(asOf); k++) {
            netRate += funding.rate(k);
            absRate += Math.abs(funding.rate(k));
        }
        LiquidationMap fm = f.map(), mm = m1.map();
        System.out.printf("m1f AVAXUSDT 3d as of 2026-06-30: %d ms, net rate %.6f, long %.0f (m1 %.0f), short %.0f (m1 %.0f),"
                        + " mean long level %.4f (m1 %.4f), mean short level %.4f (m1 %.4f)%n", ms, netRate,
                fm.totalLong(), mm.totalLong(), fm.totalShort(), mm.totalShort(), meanLong(fm), meanLong(mm), meanShort(fm), meanShort(mm));

        assertTrue(fm.totalLong() > 0 && fm.totalShort() > 0 && Double.isFinite(fm.totalLong()));
        assertTrue(meanLong(fm) < fm.price() && meanShort(fm) > fm.price(), "longs below the price, shorts above");
        assertNotEquals(mm.totalLong(), fm.totalLong(), "funding changes the map");
        assertTrue(netRate != 0);
        // net positive funding: longs paid, so their levels rose toward the entry, and shorts', which received, rose too;
        // no level moves by more than every settlement's |rate| x price (over 1 - MMR), here well under 1 %
        double bound = absRate * fm.price() / (1 - 0.02);
        double longShift = meanLong(fm) - meanLong(mm), shortShift = meanShort(fm) - meanShort(mm);
        assertEquals(Math.signum(netRate), Math.signum(longShift), "long levels move with the sign of the net funding");
        assertEquals(Math.signum(netRate), Math.signum(shortShift), "short levels too");
        assertTrue(Math.abs(longShift) < bound && Math.abs(shortShift) < bound, longShift + " / " + shortShift + " within " + bound);
        assertEquals(m1.price(), f.price());
    }

    static double meanLong(LiquidationMap m) {
        double s = 0, w = 0;
        for (int b = 0; b < m.buckets(); b++) { s += m.bucketCentre(b) * m.longNotional(b); w += m.longNotional(b); }
        return s / w;
    }

    static double meanShort(LiquidationMap m) {
        double s = 0, w = 0;
        for (int b = 0; b < m.buckets(); b++) { s += m.bucketCentre(b) * m.shortNotional(b); w += m.shortNotional(b); }
        return s / w;
    }
}
