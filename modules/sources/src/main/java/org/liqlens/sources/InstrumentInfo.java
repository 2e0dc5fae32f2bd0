package org.liqlens.sources;

/**
 * A tradable contract as an exchange lists it.
 *
 * @param symbol       the exchange-neutral symbol LiqLens uses, e.g. {@code BTCUSDT}
 * @param exchangeSymbol the exchange's own name, e.g. {@code BTC-USDT-SWAP} on OKX
 * @param tickSize     price increment
 * @param stepSize     quantity increment in base units
 * @param contractSize base units per contract (1 where sizes are already in base units)
 * @param status       the exchange's status text, e.g. {@code TRADING}, {@code live}
 */
public record InstrumentInfo(String symbol, String exchangeSymbol, String baseAsset, String quoteAsset,
                             double tickSize, double stepSize, double contractSize, String status) {
}
