package org.liqlens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.score.DirectionRow;
import org.liqlens.engine.score.LevelVariant;
import org.liqlens.engine.score.ScoreRow;
import org.liqlens.engine.score.Scorecard;
import org.liqlens.engine.score.ScorecardResult;
import org.liqlens.engine.score.ScorecardSpec;
import org.liqlens.engine.score.ScorecardTables;
import org.liqlens.sources.CancelToken;
import org.liqlens.sources.MarketDataSource;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowLoader;

/**
 * {@code score}: the scorecard of issue 12 (does the map's strongest level get touched more often than a level
 * at the same distance chosen without it?) for models × windows over one source's data. The data are loaded
 * once through {@link WindowLoader}, as for {@code map}, over the period plus the longest window before it and
 * the longest horizon after it (a file or the simulator: all of it), and every model × window runs on them.
 */
final class ScoreCommand {

    private static final Set<String> OPTIONS = Set.of("source", "symbol", "models", "windows", "from", "to", "step", "bands",
            "horizons", "variants", "format", "tables", "param", "mmr", "interval", "base-url", "ws-url", "cache-dir", "timeout", "seed");

    private ScoreCommand() { }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        CliArguments a = CliArguments.parse("score", args, 1, Set.of());
        a.allowOnly(OPTIONS);
        SourceOptions source = SourceOptions.parse(a);
        SourceSpec spec = source.spec;
        if (spec.isCombined()) throw new UsageException("--source: score runs on one exchange's data, not on the sum '" + spec + "'");
        String symbol = source.symbol;
        LiquidationEngine engine = LiquidationEngine.standard();
        List<String> models = new ArrayList<>();
        for (String id : a.requiredString("models").split(",")) {
            try {
                models.add(engine.model(id.trim()).id());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--models: " + e.getMessage());
            }
        }
        long[] windows = a.durations("windows");
        if (windows == null) throw new UsageException("'score' needs --windows, e.g. 12h,24h,3d");
        ScorecardSpec.Builder sb = ScorecardSpec.builder();
        Long from = a.instant("from"), to = a.instant("to");
        if (from != null) sb.from(from);
        if (to != null) sb.to(to);
        Long step = a.duration("step");
        if (step != null) sb.step(step);
        double[] bands = a.doubles("bands");
        if (bands != null) sb.bandsPct(bands);
        long[] horizons = a.durations("horizons");
        if (horizons != null) sb.horizons(horizons);
        if (a.has("seed")) sb.seed(a.intValue("seed", 0, 0, Integer.MAX_VALUE));
        if (a.has("variants")) {
            List<LevelVariant> variants = new ArrayList<>();
            try {
                for (String v : a.string("variants", "").split(",")) variants.add(LevelVariant.of(v));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--variants: " + e.getMessage());
            }
            sb.variants(variants);
        }
        ScorecardSpec scoreSpec;
        try {
            scoreSpec = sb.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String format = a.string("format", "json").toLowerCase(Locale.ROOT);
        if (!Set.of("json", "csv", "md").contains(format)) throw new UsageException("--format must be json, csv or md, not " + format);
        Map<String, Double> params = EstimateCommand.parseParams(a.string("param", null));
        Double mmr = a.optionalDouble("mmr");
        if (mmr != null && !(mmr >= 0 && mmr < 1)) throw new UsageException("--mmr must be a fraction in [0, 1), e.g. 0.004, not " + mmr);
        long interval = EstimateCommand.candleInterval(a);
        MarketDataSource opened;
        try {
            opened = spec.open();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
        for (String m : models) {
            try {
                engine.checkParameters(m, symbol, params, mmr, opened.liquidationRule());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        MarketInputs inputs = load(opened, symbol, engine, models, windows, scoreSpec, interval, spec);
        Scorecard card = new Scorecard(engine, inputs, scoreSpec, opened.liquidationRule());
        List<ScorecardResult> results = new ArrayList<>();
        for (String m : models) {
            for (long w : windows) {
                try {
                    results.add(card.run(m, w, params, mmr));
                } catch (IllegalArgumentException e) {
                    throw new DataException(m + " " + ScorecardTables.duration(w) + ": " + e.getMessage(), e);
                }
            }
        }
        if (a.has("tables")) ScorecardTables.write(Path.of(a.string("tables", null)), results);
        switch (format) {
            case "csv" -> out.print(ScorecardTables.csv(results));
            case "md" -> out.print(ScorecardTables.markdown(results));
            default -> Json.print(json(opened, symbol, scoreSpec, models, windows, results), out);
        }
        return LiqLensCli.OK;
    }

    /**
     * The series every model × window runs on, through the same loader as {@code map}: from the period's start less
     * the longest window to its end plus the longest horizon; a file or the simulator without a period, all of it.
     */
    private static MarketInputs load(MarketDataSource source, String symbol, LiquidationEngine engine, List<String> models,
                                     long[] windows, ScorecardSpec spec, long interval, SourceSpec sourceSpec) {
        Set<ModelInput> needs = EnumSet.of(ModelInput.CANDLES);
        for (String m : models) {
            LiquidationModel model = engine.model(m);
            needs.addAll(model.requiredInputs());
        }
        long longestWindow = Arrays.stream(windows).max().orElseThrow();
        boolean local = sourceSpec.id().equals("file") || sourceSpec.id().equals("sim");
        long end;
        if (spec.toMs() != Long.MAX_VALUE) end = spec.toMs() + spec.maxHorizonMs();
        else if (local) end = CliArguments.LATEST.toEpochMilli();   // all of it, read once (the files are read on every call)
        else throw new UsageException("--to is needed for " + sourceSpec + " (the scorecard needs " + ScorecardTables.duration(spec.maxHorizonMs())
                + " of data after each as-of time)");
        long start;
        if (spec.fromMs() != Long.MIN_VALUE) start = spec.fromMs() - longestWindow;
        else if (local) start = CliArguments.EARLIEST.toEpochMilli();
        else throw new UsageException("--from is needed for " + sourceSpec);
        if (!(end > start)) throw new UsageException("--to must come after --from");
        return WindowLoader.load(source, symbol, needs, end, end - start, interval, CancelToken.NONE).inputs();
    }

    private static Map<String, Object> json(MarketDataSource source, String symbol, ScorecardSpec spec, List<String> models, long[] windows,
                                            List<ScorecardResult> results) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("source", source.displayName());
        j.put("symbol", symbol);
        j.put("models", models);
        j.put("windows", Arrays.stream(windows).mapToObj(ScorecardTables::duration).toList());
        Map<String, Object> period = new LinkedHashMap<>();
        long first = results.stream().filter(r -> r.asOfTimes() > 0).mapToLong(ScorecardResult::firstAsOf).min().orElse(Long.MIN_VALUE);
        long last = results.stream().filter(r -> r.asOfTimes() > 0).mapToLong(ScorecardResult::lastAsOf).max().orElse(Long.MIN_VALUE);
        period.put("from", spec.fromMs() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(spec.fromMs()).toString());
        period.put("to", spec.toMs() == Long.MAX_VALUE ? null : Instant.ofEpochMilli(spec.toMs()).toString());
        period.put("firstAsOf", first == Long.MIN_VALUE ? null : Instant.ofEpochMilli(first).toString());
        period.put("lastAsOf", last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last).toString());
        j.put("period", period);
        j.put("step", ScorecardTables.duration(spec.stepMs()));
        j.put("bandsPct", spec.bandsPct());
        j.put("horizons", Arrays.stream(spec.horizonsMs()).mapToObj(ScorecardTables::duration).toList());
        j.put("variants", spec.variants().stream().map(LevelVariant::label).toList());
        j.put("bootstrap", Map.of("draws", spec.draws(), "seed", spec.seed(), "blocks", "calendar days (UTC)"));
        List<Map<String, Object>> runs = new ArrayList<>(), rows = new ArrayList<>(), direction = new ArrayList<>();
        for (ScorecardResult r : results) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("model", r.model());
            run.put("window", ScorecardTables.duration(r.windowMs()));
            run.put("asOfTimes", r.asOfTimes());
            run.put("onePass", r.onePass());
            run.put("verdict", r.verdict());
            runs.add(run);
            for (ScoreRow s : r.rows()) rows.add(row(s));
            for (DirectionRow d : r.direction()) direction.add(direction(d));
        }
        j.put("runs", runs);
        j.put("results", rows);
        j.put("direction", direction);
        return j;
    }

    private static Map<String, Object> row(ScoreRow r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("model", r.model());
        j.put("window", ScorecardTables.duration(r.windowMs()));
        j.put("variant", r.variant().label());
        j.put("bandPct", r.bandPct());
        j.put("horizonHours", r.horizonHours());
        j.put("cases", r.cases());
        j.put("hits", r.hits());
        j.put("hitRate", finite(r.hitRate()));
        j.put("hitRateLow", finite(r.hitRateLow()));
        j.put("hitRateHigh", finite(r.hitRateHigh()));
        j.put("baseline", finite(r.baseline()));
        j.put("baselineRecent", finite(r.baselineRecent()));
        j.put("lift", finite(r.lift()));
        j.put("liftLow", finite(r.liftLow()));
        j.put("liftHigh", finite(r.liftHigh()));
        j.put("liftOpposite", finite(r.liftOpposite()));
        j.put("liftRecent", finite(r.liftRecent()));
        j.put("liftRecentLow", finite(r.liftRecentLow()));
        j.put("liftRecentHigh", finite(r.liftRecentHigh()));
        j.put("dayBlocks", r.dayBlocks());
        j.put("verdict", r.verdict());
        return j;
    }

    private static Map<String, Object> direction(DirectionRow r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("model", r.model());
        j.put("window", ScorecardTables.duration(r.windowMs()));
        j.put("bandPct", r.bandPct());
        j.put("horizonHours", r.horizonHours());
        j.put("cases", r.cases());
        j.put("correct", r.correct());
        j.put("hitRate", finite(r.hitRate()));
        j.put("hitRateLow", finite(r.hitRateLow()));
        j.put("hitRateHigh", finite(r.hitRateHigh()));
        j.put("upShare", finite(r.upShare()));
        j.put("momentumCases", r.momentumCases());
        j.put("momentumCorrect", r.momentumCorrect());
        j.put("momentumRate", finite(r.momentumRate()));
        j.put("dayBlocks", r.dayBlocks());
        j.put("verdict", r.verdict());
        return j;
    }

    /** JSON has no NaN or infinity: a value that does not exist (no cases) or is unbounded (a zero baseline) is null. */
    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
