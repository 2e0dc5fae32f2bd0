package org.liqlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.OpenInterestSeries;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelInput;

/**
 * §3, no look-ahead, as a property of every model the engine finds (built-in and through ServiceLoader) on
 * every real file in ../shared/data: the map (and heatmap) at T from the whole file equals, bit for bit, the
 * one from the same file cut before T: candles that close before T, open-interest samples and trades stamped
 * before T. Several T's per file, some on the hour and the OI grid (where m2 used to read the sample at T),
 * some at odd instants.
 */
class NoLookAheadTest {

    static final LiquidationEngine ENGINE = LiquidationEngine.standard();
    static final long HOUR = 3_600_000L;
    static final long[] WINDOWS = {12 * HOUR, 24 * HOUR, 72 * HOUR};

    /** One real data set: what it holds, named after its file. */
    record Data(String name, MarketInputs inputs) {
        boolean has(ModelInput need) {
            return switch (need) {
                case CANDLES -> inputs.candles() != null;
                case OPEN_INTEREST -> inputs.oi() != null;
                case TRADES -> inputs.trades() != null;
                case FUNDING_RATES -> inputs.funding() != null;
                case TOP_TRADER_RATIO -> inputs.topTraderRatio() != null;
            };
        }

        @Override public String toString() { return name; }

        long first() { return inputs.candles() != null ? inputs.candles().firstOpenTime() : inputs.trades().time(0); }

        long end() {
            return inputs.candles() != null ? inputs.candles().lastCloseTime() + 1 : inputs.trades().time(inputs.trades().size() - 1) + 1;
        }

        /** The data a reader who stopped before T would have. */
        MarketInputs cutBefore(long t) {
            CandleSeries c = inputs.candles();
            CandleSeries cc = c == null ? null : c.slice(0, c.endIndexClosedBefore(t));
            OpenInterestSeries oi = inputs.oi() == null ? null : inputs.oi().before(t);
            TradeSeries tr = inputs.trades();
            TradeSeries tc = null;
            if (tr != null) {
                int end = tr.firstIndexAtOrAfter(t);
                TradeSeries.Builder b = TradeSeries.builder(tr.symbol(), end);
                for (int i = 0; i < end; i++) b.add(tr.time(i), tr.price(i), tr.quantity(i), tr.buyerIsMaker(i));
                tc = b.build();
            }
            return new MarketInputs(cc, oi, tc);
        }
    }

    static List<Data> realData() throws Exception {
        Path dir = TestData.dataDir();
        List<Data> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.matches("binance_(um|spot)_[A-Z]+-1m-\\d{4}-\\d{2}\\.csv")) {
                    String symbol = n.replaceAll("binance_(um|spot)_([A-Z]+)-1m-.*", "$2");
                    out.add(new Data(n, MarketInputs.of(TestData.readKlines(f, symbol))));
                } else if (n.equals(TestData.BTC_5M_OI)) {
                    TestData.PriceAndOi d = TestData.readBtcOi(f);
                    out.add(new Data(n, MarketInputs.of(d.candles, d.oi)));
                } else if (n.startsWith("hftbacktest_usdm_btcusdt")) {
                    out.add(new Data(n, MarketInputs.ofTrades(trades())));
                }
            }
        }
        return out;
    }

    private static TradeSeries trades() throws Exception {
        long[][] raw = RealTradesTest.readTrades();
        TradeSeries.Builder b = TradeSeries.builder("BTCUSDT", raw.length);
        for (long[] x : raw) b.add(x[0], Double.longBitsToDouble(x[2]), Double.longBitsToDouble(x[3]), x[1] == 1);
        return b.build();
    }

    static Stream<Arguments> cases() throws Exception {
        List<Data> data = realData();
        List<Arguments> out = new ArrayList<>();
        for (LiquidationModel m : ENGINE.models()) {
            for (Data d : data) {
                if (!m.requiredInputs().stream().allMatch(d::has)) continue;
                if (m.basis() == org.liqlens.engine.model.EventBasis.TRADES && d.inputs().trades() == null) continue;
                out.add(Arguments.of(m.id(), d));
            }
        }
        if (out.isEmpty()) out.add(Arguments.of("…/shared/data absent: skipping real-data test", null));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void theMapAtTIsTheSameFromTheWholeFileAndFromTheFileCutBeforeT(String model, Data data) throws IOException {
        Assumptions.assumeTrue(data != null, "…/shared/data absent: skipping real-data test");
        long first = data.first(), end = data.end(), span = end - first;
        boolean trades = ENGINE.model(model).basis() == org.liqlens.engine.model.EventBasis.TRADES;
        long[] windows = trades ? new long[] {60_000, 120_000, 300_000} : WINDOWS;
        List<Long> asOfs = new ArrayList<>();
        long fiveMinutes = 300_000;
        for (double at : new double[] {0.4, 0.7, 0.97}) {
            long t = first + (long) (span * at);
            asOfs.add(t - Math.floorMod(t, trades ? 1000 : fiveMinutes));      // on the grid: an OI sample is stamped T
            asOfs.add(t + 17_321);                                              // and between samples and candles
        }
        int compared = 0;
        for (long asOf : asOfs) {
            MarketInputs cut = data.cutBefore(asOf);
            for (long w : windows) {
                if (asOf - w < first) continue;
                EstimateResult whole = ENGINE.estimate(request(data.inputs(), model, asOf, w));
                EstimateResult before = ENGINE.estimate(request(cut, model, asOf, w));
                String what = model + " on " + data.name() + " at " + asOf + ", window " + w + " ms";
                assertEquals(whole.price(), before.price(), what);
                assertEquals(whole.map().totalLong(), before.map().totalLong(), what + ": total long");
                assertEquals(whole.map().totalShort(), before.map().totalShort(), what + ": total short");
                assertArrayEquals(whole.map().longNotionals(), before.map().longNotionals(), what + ": long buckets");
                assertArrayEquals(whole.map().shortNotionals(), before.map().shortNotionals(), what + ": short buckets");
                for (int c = 0; c < whole.heatmap().columns(); c++) {
                    for (int b = 0; b < whole.heatmap().buckets(); b++) {
                        assertEquals(whole.heatmap().value(c, b), before.heatmap().value(c, b), what + ": heatmap cell " + c + ", " + b);
                    }
                }
                compared++;
            }
        }
        assertTrue(compared >= 6, "compared " + compared + " maps");
    }

    private static EstimateRequest request(MarketInputs in, String model, long asOf, long window) {
        return EstimateRequest.builder(in, model).asOf(asOf).window(window).buckets(200).columns(24).build();
    }
}
