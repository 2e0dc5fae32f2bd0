package org.liqlens.sources;

/** The historical data a {@link MarketDataSource} can serve for a time range. */
public enum DataKind {
    CANDLES, OPEN_INTEREST, TRADES, LIQUIDATIONS
}
