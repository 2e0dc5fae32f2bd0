package org.liqlens.sources.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.engine.market.FundingRateSeries;
import org.liqlens.engine.market.LongShortRatioSeries;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MalformedDataException;

/** fundingRate archives and the top-trader ratio of metrics archives: values, and bad rows named by file and line. */
class FundingAndMetricsImportTest {

    @TempDir
    Path dir;

    @Test
    void fundingRateArchiveWithAndWithoutHeader() throws Exception {
        Path f = Files.writeString(dir.resolve("BTCUSDT-fundingRate-2024-01.csv"),
                "calc_time,funding_interval_hours,last_funding_rate\n1704067200000,8,0.00037409\n1704096000000,8,-0.00010000\n");
        FundingRateSeries s = BinanceVisionImporter.fundingRate(f, "BTCUSDT");
        assertEquals(2, s.size());
        assertEquals(1704096000000L, s.time(1));
        assertEquals(-0.0001, s.rate(1));
        Path bare = Files.writeString(dir.resolve("X-fundingRate-2024-01.csv"), "1704067200000,8,0.0001\n");
        assertEquals(0.0001, BinanceVisionImporter.fundingRate(bare, "X").rate(0));
    }

    @Test
    void badFundingRowsNameFileAndLine() throws Exception {
        Path f = Files.writeString(dir.resolve("BTCUSDT-fundingRate-2024-01.csv"),
                "calc_time,funding_interval_hours,last_funding_rate\n1704067200000,8,0.0001\n1704096000000,8,3\n");
        var e = assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.fundingRate(f, "BTCUSDT"));
        assertTrue(e.getMessage().contains("BTCUSDT-fundingRate-2024-01.csv:3: last_funding_rate 3 is not a rate"), e.getMessage());
        Path back = Files.writeString(dir.resolve("B-fundingRate-2024-01.csv"), "1704096000000,8,0.0001\n1704067200000,8,0.0001\n");
        var e2 = assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.fundingRate(back, "B"));
        assertTrue(e2.getMessage().contains(":2: calc_time 1704067200000 is not after the previous row's"), e2.getMessage());
    }

    @Test
    void topTraderRatioFromMetrics() throws Exception {
        String header = "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
        Path f = Files.writeString(dir.resolve("BTCUSDT-metrics-2024-06-01.csv"), header
                + "2024-06-01 00:05:00,BTCUSDT,76537.751,5180097949.0,2.15,1.58,2.17,1.66\n"
                + "2024-06-01 00:05:00,BTCUSDT,76537.751,5180097949.0,2.15,1.58,2.17,1.66\n"
                + "2024-06-01 00:10:00,BTCUSDT,76540.0,5180100000.0,2.10,1.5,2.1,1.2\n");
        LongShortRatioSeries r = BinanceVisionImporter.topTraderRatio(f, "BTCUSDT");
        assertEquals(2, r.size(), "the documented repeat is dropped");
        assertEquals(1.58, r.ratio(0));
        assertEquals(0.6, r.longShare(1), 1e-15);
        // through the file source, as a model's loader reads it
        var viaSource = new FileSource(dir).topTraderRatio("BTCUSDT", 5 * 60_000L, 0, Long.MAX_VALUE / 2, CancelToken.NONE);
        assertEquals(2, viaSource.size());
        Path bad = Files.writeString(dir.resolve("ETHUSDT-metrics-2024-06-01.csv"), header
                + "2024-06-01 00:05:00,ETHUSDT,1,1,1,-2,1,1\n");
        var e = assertThrows(MalformedDataException.class, () -> BinanceVisionImporter.topTraderRatio(bad, "ETHUSDT"));
        assertTrue(e.getMessage().contains("ETHUSDT-metrics-2024-06-01.csv:2: sum_toptrader_long_short_ratio -2 is not a positive number"),
                e.getMessage());
    }

    @Test
    void aFundingArchiveIsReadThroughTheFileSource(@TempDir Path dir) throws Exception {
        // The data.binance.vision fundingRate layout, constructed here: three settlements 8 h apart.
        Path archive = Files.writeString(dir.resolve("AVAXUSDT-fundingRate-2026-06.csv"),
                "calc_time,funding_interval_hours,last_funding_rate\n"
                        + "1780272000000,8,0.00005663\n1780300800000,8,-0.00001200\n1780329600000,8,0.00010000\n");
        FundingRateSeries s = new FileSource(archive).fundingRates("AVAXUSDT", 0, Long.MAX_VALUE / 2, CancelToken.NONE);
        assertEquals(3, s.size());
        assertEquals(1780272000000L, s.time(0));
        assertEquals(8 * 3_600_000L, s.time(1) - s.time(0));
        assertEquals(-0.000012, s.rate(1), 0);
    }
}
