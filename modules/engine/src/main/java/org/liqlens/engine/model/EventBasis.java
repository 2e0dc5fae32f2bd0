package org.liqlens.engine.model;

/**
 * The series whose events create and clear a model's levels: candles (a level is cleared by a later
 * candle's low or high) or trades (cleared by a later trade's price).
 */
public enum EventBasis { CANDLES, TRADES }
