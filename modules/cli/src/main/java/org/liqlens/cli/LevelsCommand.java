package org.liqlens.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * the symbol's first bracket (cum 0); 0.4 % when the symbol's table is unknown. A position that MMR would
 * liquidate at entry (MMR at or above 1/leverage, the rule {@code map} applies to its tiers) is a usage error.
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
        MarginBracket bracket = null;
        if (mmrOption != null) {
            mmr = mmrOption;
        } else {
            Optional<BracketTable> table = symbol == null ? Optional.empty() : BracketTable.forSymbol(symbol);
            if (notional != null && table.isEmpty()) {
                throw new UsageException("no margin-bracket table for " + symbol + "; give --mmr instead");
            }
            if (notional != null) {
                bracket = table.get().bracketFor(notional);
                mmr = bracket.mmr();
                cum = bracket.cum();
                if (leverage > bracket.maxLeverage()) {
                    throw new UsageException(String.format(Locale.ROOT,
                            "%s allows at most %.0fx for a notional of %s USDT", symbol, bracket.maxLeverage(), a.string("notional", "")));
                }
            } else {
                mmr = symbol == null ? BracketTable.firstBracketMmrOrDefault("") : BracketTable.firstBracketMmrOrDefault(symbol);
            }
        }
        // The rule the engine applies to every tier of a map, so that levels never prints a price map refuses.
        try {
            LiquidationPrice.checkNotLiquidatedAtEntry(leverage, mmr);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        double liquidation = bracket != null
                ? LiquidationPrice.binanceFresh(side, entry, leverage, notional / entry, mmr, cum)
                : LiquidationPrice.binanceFresh(side, entry, leverage, mmr);
        // A position is liquidated by a loss: a long's liquidation price lies below its entry, a short's above.
        // With MMR < 1/leverage and cum >= 0 the formulas guarantee it up to rounding; it is what a user relies
        // on, so it is checked rather than assumed.
        boolean onLossSide = side == Side.LONG ? liquidation < entry : liquidation > entry;
        if (!onLossSide) {
            throw new UsageException(String.format(Locale.ROOT,
                    "no valid liquidation price: a %s at %s with %sx, MMR %s and cum %s would be liquidated at %s, not %s its entry",
                    side == Side.LONG ? "long" : "short", a.string("entry", ""), a.string("leverage", ""), mmr, cum, liquidation,
                    side == Side.LONG ? "below" : "above"));
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
