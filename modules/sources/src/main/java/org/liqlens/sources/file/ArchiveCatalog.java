package org.liqlens.sources.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.liqlens.sources.Intervals;
import org.liqlens.sources.SourceException;

/**
 * The data files under a path, each recognised by its name: data.binance.vision archives
 * ({@code SYM-1m-2024-01.zip}, also {@code .csv} or {@code .csv.gz}, {@code SYM-aggTrades-...}, {@code SYM-trades-...}, {@code SYM-metrics-...}, {@code SYM-fundingRate-...}),
 * WebSocket captures ({@code *.gz}), the price + open-interest file ({@code *oi_price*}) and the
 * liquidation aggregate ({@code *forceorder*}). Files of no known kind are ignored. Klines names are
 * read by {@link KlineFileName}, without a regular expression: a cold command line's map reads one.
 */
final class ArchiveCatalog {
    enum Kind { KLINES, AGG_TRADES, TRADES, METRICS, FUNDING_RATE, WS_CAPTURE, OI_PRICE, LIQUIDATION_MINUTES }

    record Entry(Path path, Kind kind, String symbol, long intervalMs) {
        boolean isFor(String wanted) {
            return symbol.equalsIgnoreCase(wanted);
        }
    }

    private ArchiveCatalog() { }

    static List<Entry> scan(Path path) {
        List<Entry> out = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            Entry e = classify(path);
            if (e == null) {
                throw new SourceException(path + ": not a recognised market data file name");
            }
            out.add(e);
            return out;
        }
        if (!Files.isDirectory(path)) {
            throw new SourceException(path + ": no such file or folder");
        }
        try (Stream<Path> files = Files.walk(path, 8)) {
            files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).forEach(p -> {
                Entry e = classify(p);
                if (e != null) out.add(e);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SourceException("cannot list " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    static Entry classify(Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sha256") || lower.endsWith(".checksum") || lower.endsWith(".md")) return null;
        if (lower.contains("forceorder")) return new Entry(p, Kind.LIQUIDATION_MINUTES, "", 0);
        if (lower.contains("oi_price")) {
            return new Entry(p, Kind.OI_PRICE, OiPriceFileImporter.symbolFromFileName(name), OiPriceFileImporter.INTERVAL);
        }
        if (lower.contains("-aggtrades-")) return new Entry(p, Kind.AGG_TRADES, BinanceVisionImporter.symbolFromFileName(name), 0);
        if (lower.contains("-trades-")) return new Entry(p, Kind.TRADES, BinanceVisionImporter.symbolFromFileName(name), 0);
        if (lower.contains("-fundingrate-")) return new Entry(p, Kind.FUNDING_RATE, BinanceVisionImporter.symbolFromFileName(name), 0);
        if (lower.contains("-metrics-")) return new Entry(p, Kind.METRICS, BinanceVisionImporter.symbolFromFileName(name), 5 * Intervals.MINUTE);
        KlineFileName k = KlineFileName.parse(name);
        if (k != null && (lower.endsWith(".csv") || lower.endsWith(".zip") || lower.endsWith(".csv.gz"))) {
            return new Entry(p, Kind.KLINES, k.symbol(), Intervals.parse(k.interval()));
        }
        if (lower.endsWith(".gz")) {
            // hftbacktest names captures <venue>_<symbol>_<date>.gz; the symbol is the token ending in a quote asset.
            for (String token : lower.substring(0, lower.length() - 3).split("[_.\\-]")) {
                if (token.length() > 4 && (token.endsWith("usdt") || token.endsWith("usdc") || token.endsWith("busd"))) {
                    return new Entry(p, Kind.WS_CAPTURE, token.toUpperCase(Locale.ROOT), 0);
                }
            }
        }
        return null;
    }
}
