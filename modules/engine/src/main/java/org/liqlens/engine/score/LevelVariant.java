package org.liqlens.engine.score;

/** How the scorecard picks one level per side from the map at T within ±X of the price. */
public enum LevelVariant {
    /** The midpoint of the 0.1 % bucket with the largest notional on the side (the default). */
    BUCKET("bucket"),
    /** The peak of the most intense zone (run of buckets at ≥ 30 % of the side's peak) on the side. */
    STRONGEST_ZONE("strongestZone"),
    /** The peak of the zone nearest to the price on the side. */
    NEAREST_ZONE("nearestZone");

    private final String label;

    LevelVariant(String label) { this.label = label; }

    /** The name used on the command line and in tables. */
    public String label() { return label; }

    /** The variant named {@code label}; {@link IllegalArgumentException} naming the known ones otherwise. */
    public static LevelVariant of(String label) {
        for (LevelVariant v : values()) if (v.label.equalsIgnoreCase(label.trim())) return v;
        throw new IllegalArgumentException("unknown level variant '" + label + "'; known: bucket, strongestZone, nearestZone");
    }
}
