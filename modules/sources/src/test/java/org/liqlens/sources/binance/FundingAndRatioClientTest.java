package org.liqlens.sources.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.TestSupport.RecordingSleeper;

/** {@code /fapi/v1/fundingRate} and {@code /futures/data/topLongShortPositionRatio}, replaying the documented payloads. */
class FundingAndRatioClientTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void fundingRateReadsTheOfficialPayloadAndAsksForTheRange() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_fundingRate_official.json")));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, 1570636800000L + Intervals.DAY));
            FundingRateSeries f = c.fundingRate("btcusdt", 1570608000000L, 1570636800000L + 1, CancelToken.NONE);
            assertEquals("BTCUSDT", f.symbol());
            assertEquals(2, f.size());
            assertEquals(1570608000000L, f.time(0));
            assertEquals(-0.0375, f.rate(0));
            assertEquals(0.0001, f.rate(1));
            HttpUrl u = s.takeRequest().getRequestUrl();
            assertEquals("/fapi/v1/fundingRate", u.encodedPath());
            assertEquals("BTCUSDT", u.queryParameter("symbol"));
            assertEquals("1570608000000", u.queryParameter("startTime"));
            assertEquals("1570636800000", u.queryParameter("endTime"));
            assertEquals("1000", u.queryParameter("limit"));
            assertEquals(1, s.getRequestCount(), "a short page ends the paging");
        }
    }

    @Test
    void fundingRatePagesFromTheLastFundingTime() throws Exception {
        long t0 = 1_700_000_000_000L - 1_700_000_000_000L % (8 * Intervals.HOUR);
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            if (i > 0) full.append(',');
            full.append("{\"symbol\":\"BTCUSDT\",\"fundingRate\":\"0.00010000\",\"fundingTime\":").append(t0 + i * 8 * Intervals.HOUR)
                    .append(",\"markPrice\":\"30000.0\"}");
        }
        long lastOfFirst = t0 + 999 * 8 * Intervals.HOUR;
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(full.append(']').toString()));
            s.enqueue(new MockResponse().setBody("[{\"symbol\":\"BTCUSDT\",\"fundingRate\":\"-0.00020000\",\"fundingTime\":"
                    + (lastOfFirst + 8 * Intervals.HOUR) + ",\"markPrice\":\"30000.0\"}]"));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, lastOfFirst + 30 * Intervals.DAY));
            FundingRateSeries f = c.fundingRate("BTCUSDT", t0, lastOfFirst + 10 * Intervals.DAY, CancelToken.NONE);
            assertEquals(1001, f.size());
            assertEquals(-0.0002, f.rate(1000));
            s.takeRequest();
            assertEquals(Long.toString(lastOfFirst + 1), s.takeRequest().getRequestUrl().queryParameter("startTime"));
        }
    }

    @Test
    void aFundingRateThatIsNotARateIsRefusedWithTheRequest() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody("[{\"symbol\":\"BTCUSDT\",\"fundingRate\":\"1.5\",\"fundingTime\":1570608000000}]"));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, 1570636800000L));
            var e = assertThrows(SourceException.class, () -> c.fundingRate("BTCUSDT", 1570608000000L, 1570608000001L, CancelToken.NONE));
            assertTrue(e.getMessage().contains("fundingRate 1.5") && e.getMessage().contains("fapi/v1/fundingRate"), e.getMessage());
        }
    }

    @Test
    void topTraderRatioReadsTheOfficialPayload() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_topLongShortPositionRatio_official.json")));
            s.start();
            BinanceFuturesClient c = new BinanceFuturesClient(TestSupport.settingsFor(s, sleeper, 1583139900000L + Intervals.HOUR));
            LongShortRatioSeries r = c.topLongShortPositionRatio("BTCUSDT", 5 * Intervals.MINUTE, 1583139600000L, 1583139900000L + 1,
                    CancelToken.NONE);
            assertEquals(2, r.size());
            assertEquals(1583139600000L, r.time(0));
            assertEquals(1.4342, r.ratio(0));
            assertEquals(1.4337 / 2.4337, r.longShare(1), 1e-15);
            HttpUrl u = s.takeRequest().getRequestUrl();
            assertEquals("/futures/data/topLongShortPositionRatio", u.encodedPath());
            assertEquals("5m", u.queryParameter("period"));
        }
    }
}
