package org.liqlens.engine.model;

/** A kind of market data a model reads. */
public enum ModelInput {
    CANDLES("candle history"),
    OPEN_INTEREST("open-interest history"),
    TRADES("trade history");

    private final String description;

    ModelInput(String description) { this.description = description; }

    /** What the input is, in words, for messages ("open-interest history"). */
    public String description() { return description; }
}
