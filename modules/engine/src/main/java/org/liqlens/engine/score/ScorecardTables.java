package org.liqlens.engine.score;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.liqlens.engine.io.AtomicFiles;

/**
 * Scorecards as tables for people and for the export bundle ({@code tables/scorecard.csv}, {@code .md},
 * {@code scorecard-direction.csv}): deterministic, {@link Locale#ROOT}, fixed decimals (rates 4, lifts 3 in CSV;
 * rates in % with 1 decimal, lifts 2 in Markdown). A value that does not exist (no cases) is empty in CSV and
 * "–" in Markdown; a lift over a zero baseline is "inf".
 */
public final class ScorecardTables {

    public static final String CSV_HEADER = "symbol,model,window,variant,bandPct,horizonHours,asOfTimes,cases,hits,hitRate,hitRateLow,"
            + "hitRateHigh,baseline,baselineRecent,lift,liftLow,liftHigh,liftOpposite,liftRecent,liftRecentLow,liftRecentHigh,dayBlocks,verdict";
    public static final String DIRECTION_CSV_HEADER = "symbol,model,window,bandPct,horizonHours,cases,correct,hitRate,hitRateLow,"
            + "hitRateHigh,upShare,momentumCases,momentumCorrect,momentumRate,dayBlocks,verdict";

    private ScorecardTables() { }

    /** The level rows of every result, one CSV line each, header first. */
    public static String csv(List<ScorecardResult> results) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (ScorecardResult res : results) {
            for (ScoreRow r : res.rows()) {
                b.append(String.join(",", res.symbol(), r.model(), duration(r.windowMs()), r.variant().label(), num(r.bandPct(), 1),
                        num(r.horizonHours(), 0), Integer.toString(res.asOfTimes()), Integer.toString(r.cases()), Integer.toString(r.hits()),
                        num(r.hitRate(), 4), num(r.hitRateLow(), 4), num(r.hitRateHigh(), 4), num(r.baseline(), 4), num(r.baselineRecent(), 4),
                        num(r.lift(), 3), num(r.liftLow(), 3), num(r.liftHigh(), 3), num(r.liftOpposite(), 3), num(r.liftRecent(), 3),
                        num(r.liftRecentLow(), 3), num(r.liftRecentHigh(), 3), Integer.toString(r.dayBlocks()), r.verdict())).append('\n');
            }
        }
        return b.toString();
    }

    /** The direction rows of every result, one CSV line each, header first. */
    public static String directionCsv(List<ScorecardResult> results) {
        StringBuilder b = new StringBuilder(DIRECTION_CSV_HEADER).append('\n');
        for (ScorecardResult res : results) {
            for (DirectionRow r : res.direction()) {
                b.append(String.join(",", res.symbol(), r.model(), duration(r.windowMs()), num(r.bandPct(), 1), num(r.horizonHours(), 0),
                        Integer.toString(r.cases()), Integer.toString(r.correct()), num(r.hitRate(), 4), num(r.hitRateLow(), 4),
                        num(r.hitRateHigh(), 4), num(r.upShare(), 4), Integer.toString(r.momentumCases()), Integer.toString(r.momentumCorrect()),
                        num(r.momentumRate(), 4), Integer.toString(r.dayBlocks()), r.verdict())).append('\n');
            }
        }
        return b.toString();
    }

    /** Both tables and each model × window's one-line verdict, as Markdown. */
    public static String markdown(List<ScorecardResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| symbol | model | window | variant | band | horizon | cases | hit rate [95 %] | baseline | lift [95 %] | lift vs recent [95 %] | lift vs opposite | days | verdict |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScorecardResult res : results) {
            for (ScoreRow r : res.rows()) {
                b.append("| ").append(res.symbol()).append(" | ").append(r.model()).append(" | ").append(duration(r.windowMs()))
                        .append(" | ").append(r.variant().label()).append(" | ±").append(md(r.bandPct(), 1)).append(" % | ")
                        .append(md(r.horizonHours(), 0)).append(" h | ").append(r.cases()).append(" | ")
                        .append(pct(r.hitRate())).append(" [").append(pct(r.hitRateLow())).append(", ").append(pct(r.hitRateHigh())).append("] | ")
                        .append(pct(r.baseline())).append(" | ")
                        .append(md(r.lift(), 2)).append(" [").append(md(r.liftLow(), 2)).append(", ").append(md(r.liftHigh(), 2)).append("] | ")
                        .append(md(r.liftRecent(), 2)).append(" [").append(md(r.liftRecentLow(), 2)).append(", ").append(md(r.liftRecentHigh(), 2)).append("] | ")
                        .append(md(r.liftOpposite(), 2)).append(" | ").append(r.dayBlocks()).append(" | ").append(r.verdict()).append(" |\n");
            }
        }
        b.append("\nDirection rule (up when short notional within +X exceeds long notional within −X; outcome = the larger excursion):\n\n");
        b.append("| symbol | model | window | band | horizon | cases | correct [95 %] | up share | momentum (24 h return) | verdict |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScorecardResult res : results) {
            for (DirectionRow r : res.direction()) {
                b.append("| ").append(res.symbol()).append(" | ").append(r.model()).append(" | ").append(duration(r.windowMs()))
                        .append(" | ±").append(md(r.bandPct(), 1)).append(" % | ").append(md(r.horizonHours(), 0)).append(" h | ")
                        .append(r.cases()).append(" | ").append(pct(r.hitRate())).append(" [").append(pct(r.hitRateLow())).append(", ")
                        .append(pct(r.hitRateHigh())).append("] | ").append(pct(r.upShare())).append(" | ").append(pct(r.momentumRate()))
                        .append(" | ").append(r.verdict()).append(" |\n");
            }
        }
        b.append('\n');
        for (ScorecardResult res : results) {
            b.append("- ").append(res.symbol()).append(' ').append(res.model()).append(' ').append(duration(res.windowMs()))
                    .append(": ").append(res.verdict()).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes {@code tables/scorecard.csv}, {@code tables/scorecard.md} and {@code tables/scorecard-direction.csv}
     * under {@code dir}, each atomically.
     */
    public static void write(Path dir, List<ScorecardResult> results) throws IOException {
        Path tables = dir.resolve("tables");
        write(tables.resolve("scorecard.csv"), csv(results));
        write(tables.resolve("scorecard.md"), markdown(results));
        write(tables.resolve("scorecard-direction.csv"), directionCsv(results));
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A window or horizon as the command line writes it: 3d, 24h, 90m, or ms. */
    public static String duration(long ms) {
        long day = 86_400_000L, hour = 3_600_000L, minute = 60_000L;
        if (ms % day == 0 && ms >= 2 * day) return ms / day + "d";
        if (ms % hour == 0) return ms / hour + "h";
        if (ms % minute == 0) return ms / minute + "m";
        return ms + "ms";
    }

    private static String num(double x, int decimals) {
        if (Double.isNaN(x)) return "";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    private static String md(double x, int decimals) {
        String s = num(x, decimals);
        return s.isEmpty() ? "–" : s;
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * x);
    }
}
