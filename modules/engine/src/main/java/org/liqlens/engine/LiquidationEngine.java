package org.liqlens.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.liqlens.engine.liq.BracketTable;
import org.liqlens.engine.liq.LiquidationRule;
import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.MarketInputs;
import org.liqlens.engine.market.TradeSeries;
import org.liqlens.engine.model.EventBasis;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.MarginFlow;
import org.liqlens.engine.model.ModelFailureException;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.MissingInputException;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelInput;
import org.liqlens.engine.model.ModelParameter;

/**
 * The estimation engine: a registry of {@link LiquidationModel}s and the one place where an
 * {@link EstimateRequest} becomes an {@link EstimateResult}. Thread-safe; estimates may run concurrently.
 *
 * <p>Window (§3): with as-of time T and look-back W, a candle-based model sees the closed candles with
 * {@code open_time >= T - W} and {@code close_time < T}; the current price is the close of the last of them;
 * only those candles create and clear levels. A trade-based model sees the trades with time in
 * {@code [T - W, T)}; the price is the last one's.
 */
public final class LiquidationEngine {

    /**
     * In a holder, not a static field of this class: getting a logger starts the JDK's logging (its configuration,
     * handlers and method handles, about 20 ms of a cold command-line run), which only a run that logs should pay.
     */
    private static final class Log {
        static final Logger LOG = Logger.getLogger(LiquidationEngine.class.getName());
    }

    /**
     * How long an estimate of a model that is not built in may take before the engine gives up on it (system
     * property {@code liqlens.model.timeLimitSeconds}, 120 by default): a model that never returns must not hold a
     * pane or the command line for ever.
     */
    static long foreignModelTimeLimitMs() {
        return Math.max(1, Long.getLong("liqlens.model.timeLimitSeconds", 120L)) * 1000L;
    }

    private final List<LiquidationModel> models;
    private final Map<String, LiquidationModel> byId;
    private final List<String> rejected;

    private LiquidationEngine(Collection<? extends LiquidationModel> models) {
        this(models, List.of());
    }

    private LiquidationEngine(Collection<? extends LiquidationModel> models, List<String> notLoaded) {
        Map<String, LiquidationModel> m = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>(notLoaded);
        for (LiquidationModel model : models) {
            String problem = describeProblem(model);
            if (problem != null) {
                Log.LOG.log(Level.INFO, "skipping a liquidation model: {0}", problem);
                bad.add(problem);
                continue;
            }
            LiquidationModel earlier = m.putIfAbsent(model.id(), model);
            if (earlier != null && earlier != model) {
                Log.LOG.log(Level.WARNING, "model id {0} is registered twice ({1} and {2}); keeping the first",
                        new Object[] {model.id(), earlier.getClass().getName(), model.getClass().getName()});
            }
        }
        this.byId = Collections.unmodifiableMap(m);
        this.models = List.copyOf(m.values());
        this.rejected = List.copyOf(bad);
    }

    /**
     * Why {@code model} cannot be used, or null when it can: its identity, parameters, inputs and basis must be
     * answerable and sane. A model compiled against another SDK fails here with a {@link LinkageError}.
     */
    private static String describeProblem(LiquidationModel model) {
        String origin = ModelFailureException.originOf(model);
        try {
            String id = model.id();
            if (id == null || id.isBlank() || !isModelId(id)) {
                return "a model from " + origin + " (" + model.getClass().getName() + ") has the id '" + id
                        + "'; an id is letters, digits, '.', '_' or '-'";
            }
            String what = "model " + id + " (from " + origin + ") ";
            if (model.displayName() == null) return what + "has no display name";
            if (model.parameters() == null) return what + "returned no parameter list";
            if (model.requiredInputs() == null) return what + "returned no set of required inputs";
            if (model.basis() == null) return what + "returned no basis";
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "a model from " + origin + " (" + model.getClass().getName() + ") " + ModelGuard.describe(e);
        }
    }

    /**
     * One or more of {@code A-Z a-z 0-9 . _ -} (the regular expression {@code [A-Za-z0-9._-]+}, written out: every
     * command-line run checks the models, and the regex engine's start-up is milliseconds of a cold one).
     */
    static boolean isModelId(String id) {
        if (id.isEmpty()) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Models that were offered but refused, each with the reason (for {@code liqlens-cli models} and logs). */
    public List<String> rejected() { return rejected; }

    /**
     * An engine over every model registered with {@code ServiceLoader} as seen by the thread's context class
     * loader (in the NetBeans platform that loader sees all enabled modules), falling back to the engine's own.
     */
    public static LiquidationEngine standard() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return standard(cl != null ? cl : LiquidationEngine.class.getClassLoader());
    }

    /** An engine over every model registered with {@code ServiceLoader} in {@code cl}. */
    public static LiquidationEngine standard(ClassLoader cl) {
        List<LiquidationModel> found = new ArrayList<>();
        List<String> notLoaded = new ArrayList<>();
        var it = ServiceLoader.load(LiquidationModel.class, cl).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // a model whose class cannot be loaded or instantiated, or was compiled against another SDK
                Log.LOG.log(Level.FINE, "skipping a liquidation model that cannot be loaded", e);
                notLoaded.add("a liquidation model could not be loaded: " + (e instanceof LinkageError
                        ? ModelGuard.describe(e) : e.getMessage()));
            }
        }
        LiquidationEngine engine = new LiquidationEngine(found, notLoaded);
        for (String n : notLoaded) Log.LOG.log(Level.INFO, n);   // callers show rejected() where it matters
        return engine;
    }

    /** An engine over exactly these models (tests, embedding). */
    public static LiquidationEngine of(Collection<? extends LiquidationModel> models) {
        return new LiquidationEngine(models);
    }

    /** The registered models, in registration order. */
    public List<LiquidationModel> models() { return models; }

    /** The model with this id; {@link IllegalArgumentException} naming the known ids when there is none. */
    public LiquidationModel model(String id) {
        LiquidationModel m = byId.get(id);
        if (m == null) {
            throw new IllegalArgumentException("unknown model '" + id + "'; known models: " + String.join(", ", byId.keySet()));
        }
        return m;
    }

    /**
     * Runs one estimate.
     *
     * @throws IllegalArgumentException for an unknown model, bad parameters, or a window without data
     * @throws MissingInputException    when the model needs market data the request lacks
     * @throws java.util.concurrent.CancellationException when {@code request.cancelled()} turned true
     */
    public EstimateResult estimate(EstimateRequest request) {
        LiquidationModel model = model(request.modelId());
        if (ModelFailureException.originOf(model).equals("the engine")) return estimateInPlace(request);
        return estimateBounded(model, request);
    }

    /**
     * A model that is not built in runs on a thread of its own, watched: the caller's cancellation abandons it at
     * once (a model busy in its own loop never looks at the request's flag), and after
     * {@link #foreignModelTimeLimitMs()} the engine gives up with a {@link ModelFailureException} naming it.
     */
    private EstimateResult estimateBounded(LiquidationModel model, EstimateRequest request) {
        var task = new java.util.concurrent.FutureTask<>(() -> estimateInPlace(request));
        Thread worker = new Thread(task, "liqlens-model-" + model.id());
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        long limitMs = foreignModelTimeLimitMs();
        long deadline = System.nanoTime() + limitMs * 1_000_000L;
        try {
            while (true) {
                if (request.cancelled().getAsBoolean()) {
                    task.cancel(true);
                    throw new java.util.concurrent.CancellationException("estimate cancelled");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    task.cancel(true);
                    throw ModelGuard.failure(model, "took longer than " + limitMs / 1000
                            + " s and was abandoned", null);
                }
                try {
                    return task.get(Math.min(left, 100_000_000L), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    // poll the cancellation flag again
                }
            }
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("estimate interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err && !(err instanceof LinkageError || err instanceof StackOverflowError)) throw err;
            throw ModelGuard.failure(model, ModelGuard.describe(c), c);
        }
    }

    private EstimateResult estimateInPlace(EstimateRequest request) {
        Plan plan = plan(request);
        MarginFlow flow = plan.run.marginFlow();
        SweepKernel.Output out = flow == null || flow.isNone() ? SweepKernel.estimate(plan, true)
                : ErodingSweep.estimate(plan, flow, true);
        plan.checkCancelled();
        HeatmapGrid heatmap = out.grid == null ? null
                : new HeatmapGrid(plan.start, plan.windowMs, plan.columnStarts, plan.priceBuckets, out.grid, out.gridMax);
        LiquidationMap map = new LiquidationMap(plan.asOf, plan.price, plan.priceBuckets, plan.ladder.leverages(),
                out.longByTier, out.shortByTier, out.totalLong, out.totalShort);
        List<Zone> zones = Zones.find(map, plan.zoneThreshold);
        return new EstimateResult(plan.symbol, plan.model.id(), plan.asOf, plan.windowMs, plan.price, heatmap, map, zones,
                windowCandles(plan), plan.ladder, plan.mmr, plan.rule, plan.params, out.levels, coverage(plan));
    }

    /** The window's coverage by candles, or for a trade-based model by minutes with trades. */
    private static Coverage coverage(Plan p) {
        long step = p.basis == EventBasis.CANDLES ? p.candles.intervalMs() : 60_000L;
        return Coverage.of(p.times, p.from, p.to, p.start, p.asOf, step);
    }

    /**
     * Every level the estimate would create, with its clearing event and notional at T (for exports and
     * validation). Memory grows with the number of levels: 5 tiers per side per event.
     */
    public LevelTable levels(EstimateRequest request) {
        Plan plan = plan(request);
        MarginFlow flow = plan.run.marginFlow();
        if (flow != null && !flow.isNone()) {
            throw new IllegalArgumentException("model " + plan.model.id() + " moves its levels with a margin flow (funding);"
                    + " its level table is not available, only its map and heatmap");
        }
        LevelTable table = new LevelTable(plan.basis);
        SweepKernel.levels(plan, table);
        return table;
    }

    /** The brute-force reference of the heatmap for the same request (tests and benchmarks only). */
    HeatmapGrid naiveHeatmap(EstimateRequest request) {
        return NaiveSweep.heatmap(plan(request));
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * The price range an estimate of this request uses when the request sets none:
     * {@link PriceRange#around} the lowest low and highest high of the window's events and the price at T. A
     * caller that puts several estimates on one grid (the sum over exchanges) takes the hull of theirs.
     *
     * @throws IllegalArgumentException for an unknown model or a window without data
     * @throws MissingInputException    when the model needs market data the request lacks
     */
    public PriceRange defaultRange(EstimateRequest request) {
        Plan p = new Plan();
        selectWindow(p, request, model(request.modelId()));
        return PriceRange.around(p.windowLow, p.windowHigh, p.price);
    }

    Plan plan(EstimateRequest r) {
        Plan p = new Plan();
        LiquidationModel model = model(r.modelId());
        selectWindow(p, r, model);
        MarketInputs in = r.inputs();

        ResolvedParameters resolved = resolveParameters(model, p.symbol, r.params(), r.mmrOverride(), r.liquidationRule());
        p.mmr = resolved.mmr();
        p.ladder = resolved.ladder();
        p.params = resolved.values();
        p.rule = r.liquidationRule();

        int firstEvent = p.from, endEvent = p.to;
        p.checkCancelled();
        // §3, no look-ahead: a model is never handed an open-interest, funding or ratio sample stamped at or after T
        // (candles and trades it reads only in [firstEvent, endEvent), which the window already ends before T)
        MarketInputs seen = in.before(p.asOf);
        p.run = ModelGuard.prepare(model, new ModelContext(p.symbol, seen, p.asOf, p.windowMs, firstEvent, endEvent, p.params, p.ladder, p.mmr, p.rule));
        p.scale = p.run.scale();
        p.checkCancelled();

        PriceRange range = r.range() != null ? r.range() : PriceRange.around(p.windowLow, p.windowHigh, p.price);
        p.buckets = r.buckets();
        p.columns = r.columns();
        if ((long) p.buckets * p.columns > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a heatmap of " + p.columns + " columns x " + p.buckets + " buckets is too large");
        }
        if (p.columns > p.windowMs) {
            throw new IllegalArgumentException("more heatmap columns (" + p.columns + ") than milliseconds in the window (" + p.windowMs + ")");
        }
        p.priceBuckets = new Buckets(range.low(), range.high(), p.buckets);
        if (p.columns > 0) {
            long[] cs = new long[p.columns + 1];
            for (int c = 0; c <= p.columns; c++) {
                long a = Math.multiplyExact((long) c, p.windowMs);
                cs[c] = p.start + (a + p.columns - 1) / p.columns;
            }
            p.columnStarts = cs;
        }
        return p;
    }

    /**
     * The window's part of the plan: the model's inputs checked, T, the events in {@code [T - W, T)}, the price
     * at T and the window's extremes.
     */
    private static void selectWindow(Plan p, EstimateRequest r, LiquidationModel model) {
        p.cancelled = r.cancelled();
        p.zoneThreshold = r.zoneThreshold();
        MarketInputs in = r.inputs();
        for (ModelInput need : model.requiredInputs()) {
            boolean present = switch (need) {
                case CANDLES -> in.candles() != null && !in.candles().isEmpty();
                case OPEN_INTEREST -> in.oi() != null && in.oi().size() > 0;
                case TRADES -> in.trades() != null && in.trades().size() > 0;
                case FUNDING_RATES -> in.funding() != null && in.funding().size() > 0;
                case TOP_TRADER_RATIO -> in.topTraderRatio() != null && in.topTraderRatio().size() > 0;
            };
            if (!present) throw new MissingInputException(model, need);
        }
        p.model = model;
        p.basis = model.basis();
        p.symbol = in.symbol();
        p.candles = in.candles();
        p.windowMs = r.windowMs();

        if (p.basis == EventBasis.CANDLES) {
            CandleSeries c = in.candles();
            if (c == null || c.isEmpty()) throw new MissingInputException(model, ModelInput.CANDLES);
            p.asOf = r.asOfMs() == EstimateRequest.AS_OF_END_OF_DATA ? c.lastCloseTime() + 1 : r.asOfMs();
            p.start = Math.subtractExact(p.asOf, p.windowMs);
            p.from = c.firstIndexOpenAtOrAfter(p.start);
            p.to = Math.max(p.from, c.endIndexClosedBefore(p.asOf));
            if (p.to <= p.from) {
                throw new IllegalArgumentException("no closed " + p.symbol + " candle in the window [" + p.start + ", " + p.asOf
                        + ") (candles cover " + c.firstOpenTime() + " .. " + c.lastCloseTime() + ")");
            }
            p.lows = c.lows();
            p.highs = c.highs();
            p.times = c.openTimes();
            p.stampOffset = c.intervalMs() - 1;
            p.price = c.close(p.to - 1);
        } else {
            TradeSeries t = in.trades();
            if (t == null || t.size() == 0) throw new MissingInputException(model, ModelInput.TRADES);
            p.asOf = r.asOfMs() == EstimateRequest.AS_OF_END_OF_DATA ? t.time(t.size() - 1) + 1 : r.asOfMs();
            p.start = Math.subtractExact(p.asOf, p.windowMs);
            p.from = t.firstIndexAtOrAfter(p.start);
            p.to = Math.max(p.from, t.firstIndexAtOrAfter(p.asOf));
            if (p.to <= p.from) {
                throw new IllegalArgumentException("no " + p.symbol + " trade in the window [" + p.start + ", " + p.asOf + ")");
            }
            p.trades = t;
            p.lows = t.prices();
            p.highs = t.prices();
            p.times = t.times();
            p.stampOffset = 0;
            p.price = t.price(p.to - 1);
        }
        double wl = Double.POSITIVE_INFINITY, wh = Double.NEGATIVE_INFINITY;
        final double[] lows = p.lows, highs = p.highs;
        if (lows == highs) {
            // trades: one price array, read once (ten million trades are 80 MB)
            for (int i = p.from; i < p.to; i++) {
                double x = lows[i];
                if (x < wl) wl = x;
                if (x > wh) wh = x;
            }
        } else {
            for (int i = p.from; i < p.to; i++) {
                double l = lows[i], h = highs[i];
                if (l < wl) wl = l;
                if (h > wh) wh = h;
            }
        }

        p.windowLow = wl;
        p.windowHigh = wh;
    }

    /**
     * Fails as {@link #estimate} would for these parameters, without market data: lets a caller reject bad
     * parameters before loading (and perhaps downloading) a window.
     *
     * @param symbol      the symbol whose bracket table gives the MMR when neither override nor parameter does
     * @param params      overrides of the model's parameters by key, as in {@link EstimateRequest#params()}
     * @param mmrOverride as in {@link EstimateRequest#mmrOverride()}; null for none
     * @throws IllegalArgumentException naming the unknown model or the bad parameter and why
     */
    public void checkParameters(String modelId, String symbol, Map<String, Double> params, Double mmrOverride) {
        checkParameters(modelId, symbol, params, mmrOverride, LiquidationRule.BINANCE);
    }

    /**
     * As {@link #checkParameters(String, String, Map, Double)} for positions priced by {@code rule}, whose
     * exchange may refuse a leverage the others allow (OKX adds its taker fee to the MMR).
     */
    public void checkParameters(String modelId, String symbol, Map<String, Double> params, Double mmrOverride,
                                LiquidationRule rule) {
        resolveParameters(model(modelId), symbol, params, mmrOverride, rule);
    }

    /** The parameters an estimate runs with: every value by key (mmr included), the ladder they describe, the MMR. */
    private record ResolvedParameters(Map<String, Double> values, LeverageLadder ladder, double mmr) { }

    /**
     * Defaults overlaid with overrides; mmr from override, parameter, the rule's exchange's bracket table, 0.4 %,
     * in that order.
     */
    private static ResolvedParameters resolveParameters(LiquidationModel model, String symbol, Map<String, Double> params,
                                                        Double mmrOverride, LiquidationRule rule) {
        Map<String, ModelParameter> declared = new LinkedHashMap<>();
        for (ModelParameter mp : model.parameters()) declared.put(mp.key(), mp);
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ModelParameter mp : model.parameters()) resolved.put(mp.key(), mp.defaultValue());
        boolean mmrGiven = false;
        for (Map.Entry<String, Double> e : params.entrySet()) {
            String key = e.getKey();
            double v = e.getValue();
            ModelParameter mp = declared.get(key);
            if (mp != null) {
                resolved.put(key, mp.check(v));
                if (key.equals("mmr")) mmrGiven = true;
            } else if (LeverageLadder.isKey(key)) {
                LeverageLadder.leverageOfKey(key);
                if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException("ladder weight " + key + " must be >= 0: " + v);
                resolved.put(key, v);
            } else {
                throw new IllegalArgumentException("model " + model.id() + " has no parameter '" + key + "'; known: "
                        + declared.keySet().stream().collect(Collectors.joining(", "))
                        + " (more ladder tiers may be added as ladder.<L>x)");
            }
        }
        double mmr;
        if (mmrOverride != null) mmr = mmrOverride;
        else if (mmrGiven || !declared.containsKey("mmr")) mmr = resolved.getOrDefault("mmr", BracketTable.DEFAULT_FIRST_BRACKET_MMR);
        else mmr = rule.defaultMmr(symbol);
        if (!(mmr >= 0 && mmr < 1)) throw new IllegalArgumentException("MMR must be in [0, 1): " + mmr);
        resolved.put("mmr", mmr);
        LeverageLadder ladder = LeverageLadder.fromParameters(resolved);
        if (ladder.size() > 64) throw new IllegalArgumentException("at most 64 leverage tiers, not " + ladder.size());
        for (int t = 0; t < ladder.size(); t++) rule.checkNotLiquidatedAtEntry(ladder.leverage(t), mmr);
        return new ResolvedParameters(Collections.unmodifiableMap(resolved), ladder, mmr);
    }

    /** What builds the window's candles on demand, holding only the series it needs. */
    private static java.util.function.Supplier<CandleSeries> windowCandles(Plan p) {
        CandleSeries c = p.candles;
        int from = p.from, to = p.to;
        long start = p.start, asOf = p.asOf, windowMs = p.windowMs;
        if (p.basis == EventBasis.CANDLES) return new CandleSlice(c, from, to);
        if (c != null && !c.isEmpty()) {
            return () -> {
                int a = c.firstIndexOpenAtOrAfter(start), b = Math.max(a, c.endIndexClosedBefore(asOf));
                return c.slice(a, b);
            };
        }
        TradeSeries t = p.trades;
        return () -> TradeCandles.aggregate(t, from, to, windowMs);
    }

    /**
     * A candle model's window: a slice of the candles. A class, not a lambda like the others above: it is the one a
     * cold command-line map takes, and the first lambda bootstrap costs milliseconds of it.
     */
    private static final class CandleSlice implements java.util.function.Supplier<CandleSeries> {
        private final CandleSeries candles;
        private final int from, to;

        CandleSlice(CandleSeries candles, int from, int to) {
            this.candles = candles;
            this.from = from;
            this.to = to;
        }

        @Override
        public CandleSeries get() {
            return candles.slice(from, to);
        }
    }
}
