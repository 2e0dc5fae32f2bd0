package org.liqlens.engine.model;

/** A kind of market data a model reads. */
public enum ModelInput {
    CANDLES("candle history"),
    OPEN_INTEREST("open-interest history"),
    TRADES("trade history"),
    /** @since 1.1 (model SDK) */
    FUNDING_RATES("funding-rate history"),
    /** @since 1.1 (model SDK) */
    TOP_TRADER_RATIO("top-trader long/short position ratio history");

    private final String description;

    ModelInput(String description) { this.description = description; }

    /** What the input is, in words, for messages ("open-interest history"). */
    public String description() { return description; }
}
