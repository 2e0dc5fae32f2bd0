package org.liqlens.engine.model;

/**
 * A numeric setting of a model, overridable per estimate by key.
 *
 * @param key          identifier used in {@code EstimateRequest.params} and on the command line
 * @param description  what it means, with its unit
 * @param defaultValue value used when the request does not override it
 * @param min          smallest accepted value (inclusive)
 * @param max          largest accepted value (inclusive)
 */
public record ModelParameter(String key, String description, double defaultValue, double min, double max) {

    public ModelParameter {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("parameter key is blank");
        if (!(min <= max)) throw new IllegalArgumentException("parameter " + key + ": min " + min + " > max " + max);
        if (!(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + key + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    /** Returns {@code value} if it is a number within [min, max]; otherwise throws naming the parameter. */
    public double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("parameter " + key + " = " + value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }
}
