/**
 * The model SPI. A {@link org.liqlens.engine.model.LiquidationModel} declares its parameters and inputs and,
 * per estimate, returns a {@link org.liqlens.engine.model.ModelRun} that fills primitive arrays with the
 * positions each event opened, chunk by chunk, plus an optional
 * {@link org.liqlens.engine.model.WeightScale}. Ladder, liquidation prices, clearing, heatmap, map and zones
 * are the engine's job, identical for every model. Register implementations in
 * {@code META-INF/services/org.liqlens.engine.model.LiquidationModel}.
 */
package org.liqlens.engine.model;
