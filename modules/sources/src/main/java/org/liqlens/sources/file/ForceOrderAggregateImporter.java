package org.liqlens.sources.file;

import org.liqlens.sources.collect.RowChecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the per-minute liquidation aggregate ({@code symbol, timestamp, liq_long_count, liq_short_count,
 * liq_long_usd_size, liq_short_usd_size, ...}).
 *
 * <p><b>The file's long/short columns are swapped.</b> Its collector counted a BUY force order as a "long"
 * liquidation, but a BUY force order closes a short. So {@code liq_long_*} holds short liquidations and
 * {@code liq_short_*} long ones; this importer swaps them back, and {@link LiquidationMinute} uses
 * Binance's meaning. Timestamps ({@code 2024-12-10 11:02:46}) are read as UTC. The {@code trade_*}
 * columns (spot, not futures) are ignored.
 */
public final class ForceOrderAggregateImporter {

    private ForceOrderAggregateImporter() { }

    /** All rows, in file order (which is time order); {@code symbol} filters when not {@code null}. */
    public static List<LiquidationMinute> read(Path file, String symbol) {
        try (ArchiveInput in = ArchiveInput.open(file)) {
            List<LiquidationMinute> out = new ArrayList<>();
            int[] col = new int[6];
            long[] previousTime = {Long.MIN_VALUE};
            CsvImport.read(in, new CsvImport.Handler() {
                private boolean haveHeader;

                @Override
                public void header(CsvRow header, long line) {
                    String[] names = CsvImport.names(header);
                    String[] wanted = {"symbol", "timestamp", "liq_long_count", "liq_short_count", "liq_long_usd_size",
                            "liq_short_usd_size"};
                    for (int i = 0; i < wanted.length; i++) col[i] = CsvImport.column(names, wanted[i], in.name());
                    haveHeader = true;
                }

                @Override
                public void row(CsvRow r, long line) {
                    if (!haveHeader) {
                        throw new RowProblem("the file must start with a header row");
                    }
                    String sym = r.text(col[0]);
                    long time = r.dateTime(col[1], "timestamp");
                    if (time < previousTime[0]) {
                        throw new RowProblem("timestamp " + r.text(col[1]) + " is before the previous row's");
                    }
                    previousTime[0] = time;
                    // Swapped on purpose: the file's "long" columns count BUY force orders, i.e. shorts.
                    long shorts = r.integer(col[2], "liq_long_count");
                    long longs = r.integer(col[3], "liq_short_count");
                    double shortUsd = r.decimal(col[4], "liq_long_usd_size");
                    double longUsd = r.decimal(col[5], "liq_short_usd_size");
                    if (shorts < 0 || longs < 0) {
                        throw new RowProblem("a liquidation count is negative");
                    }
                    RowChecks.nonNegative(shortUsd, "liq_long_usd_size");
                    RowChecks.nonNegative(longUsd, "liq_short_usd_size");
                    if (symbol == null || symbol.equalsIgnoreCase(sym)) {
                        out.add(new LiquidationMinute(time, sym, (int) longs, (int) shorts, longUsd, shortUsd));
                    }
                }
            });
            return out;
        }
    }
}
