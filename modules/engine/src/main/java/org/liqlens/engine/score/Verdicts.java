package org.liqlens.engine.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The scorecard's verdicts, worded as measured. */
public final class Verdicts {
    public static final String LIFT_DEMONSTRATED = "lift demonstrated";
    public static final String LIFT_EXPLAINED_BY_VOLATILITY = "lift explained by volatility";
    public static final String LIFT_BELOW_RANDOM = "lift below random";
    public static final String NO_EVIDENCE = "no evidence of lift";
    public static final String TOO_LITTLE_DATA = "too little data";
    public static final String BETTER_THAN_CHANCE = "better than chance";
    public static final String WORSE_THAN_CHANCE = "worse than chance";
    public static final String NO_BETTER_THAN_CHANCE = "no better than chance";

    /** Fewer cases or day blocks than these give {@link #TOO_LITTLE_DATA}. */
    public static final int MIN_CASES = 100, MIN_DAY_BLOCKS = 10;

    private Verdicts() { }

    /**
     * Lift is demonstrated only when its interval lies wholly above 1 against both the distance-matched and the
     * recent baseline; above 1 against the distance-matched one only, price merely moved more than usual.
     */
    public static String lift(int cases, int dayBlocks, double liftLow, double liftHigh, double liftRecentLow) {
        if (cases < MIN_CASES || dayBlocks < MIN_DAY_BLOCKS) return TOO_LITTLE_DATA;
        if (liftLow > 1 && liftRecentLow > 1) return LIFT_DEMONSTRATED;
        if (liftLow > 1) return LIFT_EXPLAINED_BY_VOLATILITY;
        if (liftHigh < 1) return LIFT_BELOW_RANDOM;
        return NO_EVIDENCE;
    }

    /** The direction rule against a coin toss. */
    public static String direction(int cases, int dayBlocks, double low, double high) {
        if (cases < MIN_CASES || dayBlocks < MIN_DAY_BLOCKS) return TOO_LITTLE_DATA;
        if (low > 0.5) return BETTER_THAN_CHANCE;
        if (high < 0.5) return WORSE_THAN_CHANCE;
        return NO_BETTER_THAN_CHANCE;
    }

    /**
     * One line for a badge over the rows of one model × window (those of the first variant present, the
     * default bucket one normally): "lift demonstrated in 2 of 6 band × horizon cells", or, when none is, "no
     * demonstrated lift (4 no evidence of lift, 2 lift explained by volatility)".
     */
    public static String overall(List<ScoreRow> rows) {
        if (rows.isEmpty()) return TOO_LITTLE_DATA;
        LevelVariant v = rows.get(0).variant();
        List<ScoreRow> mine = rows.stream().filter(r -> r.variant() == v).toList();
        Map<String, Long> counts = mine.stream().collect(Collectors.groupingBy(ScoreRow::verdict, LinkedHashMap::new, Collectors.counting()));
        long demonstrated = counts.getOrDefault(LIFT_DEMONSTRATED, 0L);
        if (counts.size() == 1 && counts.containsKey(TOO_LITTLE_DATA)) return TOO_LITTLE_DATA;
        if (demonstrated > 0) return LIFT_DEMONSTRATED + " in " + demonstrated + " of " + mine.size() + " band × horizon cells";
        String parts = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return "no demonstrated lift (" + parts + ")";
    }
}
