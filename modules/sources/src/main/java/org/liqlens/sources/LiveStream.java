package org.liqlens.sources;

/** What a {@link LiveSubscription} can deliver. */
public enum LiveStream {
    /** 1-minute candles: every closed candle exactly once and without holes, plus updates of the forming one. */
    KLINE_1M,
    /** Public trades (Binance aggregated trades). */
    TRADES,
    /** Liquidation (force) orders the exchange publishes. */
    LIQUIDATIONS
}
