package org.liqlens.confluence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.liqlens.engine.market.Side;

/**
 * What {@link Confluence#analyse} found: every pane's zones, the confluence zones and the summary, and the
 * same as deterministic tables ({@link #zonesTable()}, {@link #confluenceTable()}) and Markdown text
 * ({@link #summaryMarkdown()}). Immutable.
 */
public final class ConfluenceReport {
    /** The columns of the {@code zones} table, in order. */
    public static final List<String> ZONE_COLUMNS = List.of("pane", "model", "window", "side", "low", "high", "peak", "notional",
            "intensity", "distance_pct", "cumulative");
    /** The columns of the {@code confluence} table, in order. */
    public static final List<String> CONFLUENCE_COLUMNS = List.of("side", "low", "high", "score", "panes", "notional", "distance_pct");

    private final String symbol;
    private final long asOf;
    private final double price;
    private final List<PaneEstimate> panes;
    private final ConfluenceSettings settings;
    private final List<PaneZone> zones;
    private final List<ConfluenceZone> confluence;
    private final ConfluenceSummary summary;
    private final int priceDecimals;

    ConfluenceReport(String symbol, long asOf, double price, List<PaneEstimate> panes, ConfluenceSettings settings,
                     List<PaneZone> zones, List<ConfluenceZone> confluence, ConfluenceSummary summary) {
        this.symbol = symbol;
        this.asOf = asOf;
        this.price = price;
        this.panes = List.copyOf(panes);
        this.settings = settings;
        this.zones = List.copyOf(zones);
        this.confluence = List.copyOf(confluence);
        this.summary = summary;
        this.priceDecimals = Numbers.priceDecimals(price);
    }

    public String symbol() { return symbol; }
    /** T, epoch milliseconds. */
    public long asOf() { return asOf; }
    /** The price the distances refer to: the first pane's. */
    public double price() { return price; }
    /** The panes with their unique names, in the order given. */
    public List<PaneEstimate> panes() { return panes; }
    public ConfluenceSettings settings() { return settings; }
    /** Every pane's zones: pane by pane in pane order, each pane's nearest first. */
    public List<PaneZone> zones() { return zones; }
    /** The confluence zones, highest score first. */
    public List<ConfluenceZone> confluence() { return confluence; }
    public ConfluenceSummary summary() { return summary; }
    /** The decimals prices are written with ({@link Numbers#priceDecimals}). */
    public int priceDecimals() { return priceDecimals; }

    /** {@code zones}: one row per pane zone, in {@link #zones()} order. */
    public Table zonesTable() {
        Table t = new Table("zones", List.of(
                new Table.Column("pane", Table.Type.TEXT), new Table.Column("model", Table.Type.TEXT),
                new Table.Column("window", Table.Type.TEXT), new Table.Column("side", Table.Type.TEXT),
                new Table.Column("low", Table.Type.NUMBER), new Table.Column("high", Table.Type.NUMBER),
                new Table.Column("peak", Table.Type.NUMBER), new Table.Column("notional", Table.Type.NUMBER),
                new Table.Column("intensity", Table.Type.NUMBER), new Table.Column("distance_pct", Table.Type.NUMBER),
                new Table.Column("cumulative", Table.Type.NUMBER)));
        for (PaneZone z : zones) {
            t.addRow(z.pane(), z.modelId(), z.window(), side(z.side()), price(z.low()), price(z.high()), price(z.peak()),
                    Numbers.notional(z.notional()), Numbers.ratio(z.intensity()), Numbers.ratio(z.distancePct()),
                    Numbers.notional(z.cumulative()));
        }
        return t;
    }

    /** {@code confluence}: one row per confluence zone, highest score first. */
    public Table confluenceTable() {
        Table t = new Table("confluence", List.of(
                new Table.Column("side", Table.Type.TEXT), new Table.Column("low", Table.Type.NUMBER),
                new Table.Column("high", Table.Type.NUMBER), new Table.Column("score", Table.Type.NUMBER),
                new Table.Column("panes", Table.Type.TEXT_LIST), new Table.Column("notional", Table.Type.NUMBER),
                new Table.Column("distance_pct", Table.Type.NUMBER)));
        for (ConfluenceZone c : confluence) {
            t.addRow(side(c.side()), price(c.low()), price(c.high()), Numbers.ratio(c.score()), c.panes(),
                    Numbers.notional(c.notional()), Numbers.ratio(c.distancePct()));
        }
        return t;
    }

    /** The tables in bundle order: zones, confluence. */
    public List<Table> tables() {
        return List.of(zonesTable(), confluenceTable());
    }

    /** A price with {@link #priceDecimals()} decimals. */
    public String price(double value) {
        return Numbers.fixed(value, priceDecimals);
    }

    static String side(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    /** The summary as a Markdown list (the prompt's {@code {summary}}); deterministic. */
    public String summaryMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("- Price ").append(price(price)).append(" at ").append(Instant.ofEpochMilli(asOf)).append("; confluence tolerance ")
                .append(Numbers.ratio(settings.tolerancePct())).append(" % of the price; a zone is strong at a relative intensity of at least ")
                .append(Numbers.ratio(settings.strongIntensity())).append(".\n");
        strong(s, "long", "below", summary.nearestStrongLong());
        strong(s, "short", "above", summary.nearestStrongShort());
        for (NearNotional n : summary.near()) {
            if (!n.pane().equals(NearNotional.ALL_PANES)) continue;
            s.append("- Within ±").append(number(n.pct())).append(" % of the price, summed over the panes: long ")
                    .append(Numbers.notional(n.longs())).append(", short ").append(Numbers.notional(n.shorts())).append(" USDT (")
                    .append(heavier(n)).append("); per pane: ");
            boolean firstPane = true;
            for (NearNotional p : summary.near()) {
                if (p.pct() != n.pct() || p.pane().equals(NearNotional.ALL_PANES)) continue;
                s.append(firstPane ? "" : ", ").append(p.pane()).append(' ').append(heavierWord(p));
                firstPane = false;
            }
            s.append(".\n");
        }
        Optional<SweptZone> swept = summary.nearestSwept();
        if (swept.isPresent()) {
            SweptZone z = swept.get();
            s.append("- Nearest zone swept within its pane's window: ").append(price(z.low())).append("–").append(price(z.high()))
                    .append(" (").append(z.pane()).append("), ").append(Numbers.ratio(z.distancePct())).append(" % ")
                    .append(z.position() == Side.LONG ? "below" : "above").append(" the price, ").append(Numbers.notional(z.notional()))
                    .append(" USDT of mostly ").append(side(z.swept())).append(" liquidations cleared, last at ")
                    .append(Instant.ofEpochMilli(z.clearedAtMs())).append(".\n");
        } else {
            s.append("- No swept zone: no pane's heatmap shows a band cleared within its window.\n");
        }
        return s.toString();
    }

    private void strong(StringBuilder s, String side, String where, Optional<PaneZone> zone) {
        if (zone.isEmpty()) {
            s.append("- No strong ").append(side).append(" zone ").append(where).append(" the price.\n");
            return;
        }
        PaneZone z = zone.get();
        s.append("- Nearest strong ").append(side).append(" zone: ").append(price(z.low())).append("–").append(price(z.high()))
                .append(" (").append(z.pane()).append(", intensity ").append(Numbers.ratio(z.intensity())).append("), ")
                .append(Numbers.ratio(z.distancePct())).append(" % ").append(where).append(" the price, notional ")
                .append(Numbers.notional(z.notional())).append(" USDT.\n");
    }

    private static String heavier(NearNotional n) {
        Side h = n.heavier();
        return h == null ? "equal" : h == Side.LONG ? "more long: a move down would force more selling"
                : "more short: a move up would force more buying";
    }

    private static String heavierWord(NearNotional n) {
        Side h = n.heavier();
        return h == null ? "equal" : h == Side.LONG ? "long" : "short";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Numbers.ratio(v);
    }
}
