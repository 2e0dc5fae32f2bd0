package org.liqlens.engine.model;

/**
 * A model misbehaved: it threw, returned a notional that is not a non-negative finite number or an entry price
 * that is not positive, took longer than the engine allows, or was built against an SDK this engine does not
 * provide. The message names the model, the module (or jar) it came from and what it did wrong, so that a pane
 * or the command line can say so instead of failing without a word.
 */
public final class ModelFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String modelId;
    private final String origin;

    public ModelFailureException(String modelId, String origin, String what, Throwable cause) {
        super("model " + modelId + " (from " + origin + ") " + what, cause);
        this.modelId = modelId;
        this.origin = origin;
    }

    /** The id of the model that failed. */
    public String modelId() { return modelId; }

    /** Where the model's code came from: a NetBeans module jar or a plain jar, by file name. */
    public String origin() { return origin; }

    /**
     * Where {@code model}'s class was loaded from, by file name ("org-liqlens-models-funding.jar"), or "the
     * engine" for the built-in models.
     */
    public static String originOf(Object model) {
        Class<?> c = model.getClass();
        if (c.getClassLoader() == ModelFailureException.class.getClassLoader()
                && c.getName().startsWith("org.liqlens.engine.")) {
            return "the engine";
        }
        try {
            var src = c.getProtectionDomain().getCodeSource();
            if (src != null && src.getLocation() != null) {
                String path = src.getLocation().getPath();
                if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (!name.isEmpty()) return name;
            }
        } catch (SecurityException | IllegalArgumentException ignored) {
            // fall through to the class name: the location is only for the message
        }
        return c.getName();
    }
}
