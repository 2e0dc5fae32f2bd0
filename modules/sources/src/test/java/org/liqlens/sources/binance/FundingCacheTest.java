package org.liqlens.sources.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.TestSupport;
import org.liqlens.sources.cache.CandleCache;

/** Settled funding is fetched once: a range the cache covers is served from disk, and a damaged file is fetched again. */
class FundingCacheTest {

    @TempDir
    Path dir;

    static final long T1 = 1570608000000L, T2 = 1570636800000L;   // the two fundings of the official payload

    @Test
    void aCoveredRangeComesFromDiskAndADamagedFileIsFetchedAgain() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            for (int i = 0; i < 2; i++) s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_fundingRate_official.json")));
            s.start();
            BinanceSource source = new BinanceSource(TestSupport.settingsFor(s, new TestSupport.RecordingSleeper(), T2 + 86_400_000L),
                    new CandleCache(dir));
            FundingRateSeries first = source.fundingRates("BTCUSDT", T1, T2 + 1, CancelToken.NONE);
            FundingRateSeries again = source.fundingRates("BTCUSDT", T1, T2 + 1, CancelToken.NONE);
            FundingRateSeries inside = source.fundingRates("BTCUSDT", T2, T2 + 1, CancelToken.NONE);
            assertEquals(1, s.getRequestCount(), "the second and third asks are read from the cache");
            assertEquals(2, again.size());
            assertEquals(first.rate(0), again.rate(0));
            assertEquals(0.0001, inside.rate(0));
            assertEquals(1, inside.size());

            Path file = dir.resolve("funding").resolve(source.cacheNamespace()).resolve("BTCUSDT.csv");
            assertTrue(Files.readString(file).startsWith("# covered " + T1 + " " + (T2 + 1) + "\n"));
            Files.writeString(file, "garbage\n");
            assertEquals(2, source.fundingRates("BTCUSDT", T1, T2 + 1, CancelToken.NONE).size());
            assertEquals(2, s.getRequestCount(), "a damaged file is fetched again");
        }
    }

    @Test
    void aRangeStillBeingSettledIsAskedForAgain() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            for (int i = 0; i < 2; i++) s.enqueue(new MockResponse().setBody(TestSupport.payload("binance_fundingRate_official.json")));
            s.start();
            // now is just after T2: the cache may only vouch for what is settled, up to now - 2 min
            BinanceSource source = new BinanceSource(TestSupport.settingsFor(s, new TestSupport.RecordingSleeper(), T2 + 60_000L),
                    new CandleCache(dir));
            source.fundingRates("BTCUSDT", T1, T2 + 60_000L, CancelToken.NONE);
            source.fundingRates("BTCUSDT", T1, T2 + 60_000L, CancelToken.NONE);
            assertEquals(2, s.getRequestCount());
        }
    }

    @Test
    void aFileOfTheFirstFormatWithoutItsEndLineIsStillRead() throws Exception {
        try (MockWebServer s = new MockWebServer()) {
            s.start();
            BinanceSource source = new BinanceSource(TestSupport.settingsFor(s, new TestSupport.RecordingSleeper(), T2 + 86_400_000L),
                    new CandleCache(dir));
            Path file = dir.resolve("funding").resolve(source.cacheNamespace()).resolve("BTCUSDT.csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# covered " + T1 + " " + (T2 + 1) + "\n" + T1 + ",-0.0375\n" + T2 + ",1.0E-4\n");
            FundingRateSeries f = source.fundingRates("BTCUSDT", T1, T2 + 1, CancelToken.NONE);
            assertEquals(0, s.getRequestCount());
            assertEquals(-0.0375, f.rate(0));
            assertEquals(0.0001, f.rate(1));
        }
    }
}
