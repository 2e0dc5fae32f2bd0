package org.liqlens.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liqlens.engine.liq.BracketTable;
import org.liqlens.engine.liq.LiquidationPrice;
import org.liqlens.engine.liq.MarginBracket;
import org.liqlens.engine.market.Side;

/**
 * {@code levels}: liquidation price of one freshly opened isolated position on Binance USDⓈ-M.
 * MMR and cum come from, in order: {@code --mmr} (cum 0); the symbol's bracket for {@code --notional};
 * the symbol's first bracket (cum 0); 0.4 % when the symbol's table is unknown.
 */
final class LevelsCommand {
    private static final Set<String> OPTIONS = Set.of("side", "entry", "leverage", "mmr", "notional", "symbol");

    private LevelsCommand() { }

    static int run(String[] args, PrintStream out) {
        CliArguments a = CliArguments.parse("levels", args, 1, Set.of());
        a.allowOnly(OPTIONS);
        Side side;
        try {
            side = Side.parse(a.requiredString("side"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--side must be long or short, not '" + a.string("side", "") + "'");
        }
        double entry = a.requiredDouble("entry");
        double leverage = a.requiredDouble("leverage");
        if (!(entry > 0)) throw new UsageException("--entry must be a positive price, not " + a.string("entry", ""));
        if (!(leverage >= 1 && leverage <= 1000)) throw new UsageException("--leverage must be between 1 and 1000, not " + a.string("leverage", ""));
        Double mmrOption = a.optionalDouble("mmr");
        Double notional = a.optionalDouble("notional");
        String symbol = a.string("symbol", null);
        if (mmrOption != null && !(mmrOption >= 0 && mmrOption < 1)) {
            throw new UsageException("--mmr must be a fraction in [0, 1), e.g. 0.004 for 0.4 %, not " + mmrOption);
        }
        if (notional != null && !(notional > 0)) throw new UsageException("--notional must be positive, not " + notional);
        if (notional != null && symbol == null && mmrOption == null) {
            throw new UsageException("--notional needs --symbol, to pick the symbol's margin bracket");
        }

        double mmr;
        double cum = 0;
        double liquidation;
        if (mmrOption != null) {
            mmr = mmrOption;
            liquidation = LiquidationPrice.binanceFresh(side, entry, leverage, mmr);
        } else {
            Optional<BracketTable> table = symbol == null ? Optional.empty() : BracketTable.forSymbol(symbol);
            if (notional != null && table.isEmpty()) {
                throw new UsageException("no margin-bracket table for " + symbol + "; give --mmr instead");
            }
            if (notional != null) {
                MarginBracket bracket = table.get().bracketFor(notional);
                mmr = bracket.mmr();
                cum = bracket.cum();
                if (leverage > bracket.maxLeverage()) {
                    throw new UsageException(String.format(java.util.Locale.ROOT,
                            "%s allows at most %.0fx for a notional of %s USDT", symbol, bracket.maxLeverage(), a.string("notional", "")));
                }
                liquidation = LiquidationPrice.binanceFresh(side, entry, leverage, notional / entry, mmr, cum);
            } else {
                mmr = symbol == null ? BracketTable.firstBracketMmrOrDefault("") : BracketTable.firstBracketMmrOrDefault(symbol);
                liquidation = LiquidationPrice.binanceFresh(side, entry, leverage, mmr);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("liquidationPrice", liquidation);
        json.put("bankruptcyPrice", LiquidationPrice.bankruptcy(side, entry, leverage));
        json.put("mmr", mmr);
        json.put("cum", cum);
        Json.print(json, out);
        return LiqLensCli.OK;
    }
}
