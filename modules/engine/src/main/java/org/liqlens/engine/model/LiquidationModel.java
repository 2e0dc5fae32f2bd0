package org.liqlens.engine.model;

import java.util.List;
import java.util.Set;

/**
 * A way of estimating where open leveraged positions sit. Implementations are registered with
 * {@code META-INF/services/org.liqlens.engine.model.LiquidationModel} (or NetBeans'
 * {@code @ServiceProvider}, which writes the same file) and found by {@code LiquidationEngine.standard()}.
 *
 * <p>A model does one thing: it says, for each event of its {@link #basis() basis} series inside the
 * estimate's window, how much notional was newly opened long and short and at what entry price
 * ({@link ModelRun#openings}), and optionally how surviving notional shrinks over time
 * ({@link ModelRun#scale}). The engine does the rest the same way for every model: spreads each opening
 * over the leverage ladder, computes liquidation prices, finds when each level is cleared, and builds the
 * heatmap, the map and the zones. That keeps models small and every model equally fast.
 *
 * <p>Implementations must be stateless and thread-safe: one instance serves concurrent estimates.
 */
public interface LiquidationModel {

    /** Short stable identifier ("m1"), used in requests, on the command line and in exports. */
    String id();

    /** Human-readable name ("Leverage ladder"). */
    String displayName();

    /** One or two sentences on what the model assumes. */
    String description();

    /**
     * The settings the model reads, with their defaults. Ladder tiers are parameters
     * {@code ladder.<L>x} (weight of leverage L); a request may add tiers that are not listed.
     */
    List<ModelParameter> parameters();

    /** Market data the model cannot do without; the engine checks them before {@link #prepare}. */
    Set<ModelInput> requiredInputs();

    /** Which series creates and clears the model's levels. */
    EventBasis basis();

    /**
     * Prepares one estimate: reads the inputs and parameters of {@code context} and returns the openings
     * source. Throws {@link MissingInputException} if an input is present but unusable (no samples in the
     * window, for example).
     */
    ModelRun prepare(ModelContext context);

    /**
     * True when what an event opens, and how notional scales between two instants, depend only on the events
     * themselves, not on the estimate's as-of time or window (m1, m3). Then one preparation over a whole series
     * serves every window inside it, which lets the scorecard map a year at a thousand as-of times in one pass.
     * The default, false, is always safe: the scorecard then runs a fresh estimate at each as-of time.
     */
    default boolean openingsIndependentOfWindow() { return false; }
}
