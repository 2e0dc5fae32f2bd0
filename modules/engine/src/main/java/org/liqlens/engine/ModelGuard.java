package org.liqlens.engine;

import java.util.concurrent.CancellationException;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.MissingInputException;
import org.liqlens.engine.model.ModelContext;
import org.liqlens.engine.model.ModelFailureException;
import org.liqlens.engine.model.ModelRun;
import org.liqlens.engine.model.WeightScale;

/**
 * Containment of a model's code: every call the engine makes into a model goes through here, so that a model
 * that throws, returns NaN or a negative notional, or was compiled against another SDK fails its own estimate
 * with a {@link ModelFailureException} naming it and its module, and never the pane, the app or the command line.
 * The checks cost one pass over each chunk of openings, small beside the sweep that follows.
 */
public final class ModelGuard {

    private ModelGuard() {}

    /** {@code model.prepare(context)}, its run wrapped so that every chunk of openings is checked. */
    public static ModelRun prepare(LiquidationModel model, ModelContext context) {
        ModelRun run;
        try {
            run = model.prepare(context);
        } catch (MissingInputException | CancellationException | ModelFailureException e) {
            throw e;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            throw failure(model, "failed to prepare: " + describe(e), e);
        }
        if (run == null) throw failure(model, "returned no run from prepare()", null);
        return new Checked(model, run);
    }

    static ModelFailureException failure(LiquidationModel model, String what, Throwable cause) {
        String id;
        try {
            id = model.id();
        } catch (RuntimeException | LinkageError e) {
            id = model.getClass().getName();
        }
        return new ModelFailureException(id, ModelFailureException.originOf(model), what, cause);
    }

    /** What went wrong, in words: an SDK mismatch is named as such, anything else by its class and message. */
    static String describe(Throwable e) {
        if (e instanceof LinkageError) {
            return "was built against an incompatible model SDK (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        String m = e.getMessage();
        return "threw " + e.getClass().getName() + (m == null ? "" : ": " + m);
    }

    /** A run whose openings are checked slot by slot and whose failures carry the model's name. */
    private static final class Checked implements ModelRun {
        private final LiquidationModel model;
        private final ModelRun run;

        Checked(LiquidationModel model, ModelRun run) {
            this.model = model;
            this.run = run;
        }

        @Override
        public void openings(int from, int to, double[] entry, double[] longNotional, double[] shortNotional) {
            try {
                run.openings(from, to, entry, longNotional, shortNotional);
            } catch (CancellationException | ModelFailureException e) {
                throw e;
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                throw failure(model, "failed on events " + from + ".." + (to - 1) + ": " + describe(e), e);
            }
            for (int k = 0, n = to - from; k < n; k++) {
                double l = longNotional[k], s = shortNotional[k];
                if (!(l >= 0) || l == Double.POSITIVE_INFINITY) throw bad("long notional", l, from + k);
                if (!(s >= 0) || s == Double.POSITIVE_INFINITY) throw bad("short notional", s, from + k);
                if (l > 0 || s > 0) {
                    double e = entry[k];
                    if (!(e > 0) || e == Double.POSITIVE_INFINITY) throw bad("entry price", e, from + k);
                }
            }
        }

        private ModelFailureException bad(String what, double value, int event) {
            return failure(model, "returned " + what + " " + value + " for event " + event
                    + " (a notional must be a finite number >= 0, an entry a finite price > 0)", null);
        }

        @Override
        public WeightScale scale() {
            WeightScale s;
            try {
                s = run.scale();
            } catch (RuntimeException | LinkageError e) {
                throw failure(model, "failed to give its scale: " + describe(e), e);
            }
            if (s == null) throw failure(model, "returned no scale (WeightScale.identity() is the neutral one)", null);
            return s;
        }

        @Override
        public org.liqlens.engine.model.MarginFlow marginFlow() {
            try {
                return run.marginFlow();
            } catch (RuntimeException | LinkageError e) {
                throw failure(model, "failed to give its margin flow: " + describe(e), e);
            }
        }
    }
}
