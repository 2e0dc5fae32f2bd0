package org.liqlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.score.Scorecard;
import org.liqlens.engine.score.ScorecardResult;
import org.liqlens.engine.score.ScorecardSpec;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.file.FileSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 12's scorecard, data already in memory (loading the files is {@code ImportBench}'s business): one
 * operation scores m1 and m3 over 12 h, 24 h and 3 d windows with the default spec (bands 3 and 5 %, horizons
 * 4, 12 and 24 h, bucket variant, 2,000 bootstrap draws per cell).
 * <ul>
 * <li>{@code btcYear}: the BTCUSDT spot year in the shared data folder (2023-06 … 2024-05, 12 files, about
 *     1,450 as-of times per window); without the folder, a simulated year. Target: at most 60 s.</li>
 * <li>{@code altcoinStudy}: the AVAX, NEAR and LINK months (about 100 as-of times per window each); without
 *     the folder, three simulated months. Target: at most 10 s.</li>
 * </ul>
 * Run: {@code taskset -c 1 java -jar modules/bench/target/liqlens-benchmarks.jar ScorecardBench -f 1 -wi 1 -i 3}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScorecardBench {

    static final long HOUR = 3_600_000L;
    static final long[] WINDOWS = {12 * HOUR, 24 * HOUR, 72 * HOUR};
    static final List<String> MODELS = List.of("m1", "m3");

    @State(Scope.Benchmark)
    public static class Data {
        List<MarketInputs> btc = new ArrayList<>(), altcoins = new ArrayList<>();

        @Setup
        public void setUp() {
            String prop = System.getProperty("liqlens.shared.data");
            Path dir = (prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("../shared/data")).toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("binance_spot_BTCUSDT-1m-2023-06.csv"))) {
                btc.add(MarketInputs.of(new FileSource(dir).candles("BTCUSDT", 60_000, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, CancelToken.NONE)));
                for (String f : List.of("binance_um_AVAXUSDT-1m-2026-06.csv", "binance_um_NEARUSDT-1m-2026-06.csv",
                        "binance_um_LINKUSDT-1m-2026-02.csv")) {
                    String symbol = f.replaceAll("binance_um_([A-Z]+)-.*", "$1");
                    altcoins.add(MarketInputs.of(new FileSource(dir.resolve(f)).candles(symbol, 60_000, Long.MIN_VALUE / 2,
                            Long.MAX_VALUE / 2, CancelToken.NONE)));
                }
            } else {
                btc.add(MarketInputs.of(Markets.simulated(365).candles1m()));
                for (int s = 0; s < 3; s++) {
                    altcoins.add(MarketInputs.of(org.liqlens.engine.sim.SimulatedMarket.generate("SIM" + s + "USDT", 10 + s,
                            Markets.END_MS, 30).candles1m()));
                }
            }
        }
    }

    static List<ScorecardResult> score(List<MarketInputs> data) {
        LiquidationEngine engine = LiquidationEngine.standard();
        List<ScorecardResult> out = new ArrayList<>();
        for (MarketInputs in : data) {
            Scorecard card = new Scorecard(engine, in, ScorecardSpec.defaults());
            for (String m : MODELS) for (long w : WINDOWS) out.add(card.run(m, w));
        }
        return out;
    }

    @Benchmark
    public List<ScorecardResult> btcYear(Data d) { return score(d.btc); }

    @Benchmark
    public List<ScorecardResult> altcoinStudy(Data d) { return score(d.altcoins); }
}
