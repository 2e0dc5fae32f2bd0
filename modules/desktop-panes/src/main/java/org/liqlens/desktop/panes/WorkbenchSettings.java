package org.liqlens.desktop.panes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.PreferenceChangeListener;
import java.util.prefs.Preferences;
import org.liqlens.engine.model.LeverageLadder;
import org.liqlens.engine.model.ModelParameter;
import org.openide.util.NbPreferences;

/**
 * The workbench's settings (Tools › Options › LiqLens › Workbench): the default source and symbol of new panes
 * and of the Confluence workspace, the leverage ladder's weights and the MMR every pane starts from, the live
 * refresh interval and the heatmap colour scale. Open panes listen and apply a change at once.
 */
public final class WorkbenchSettings {
    static final String DEFAULT_SOURCE = "defaultSource";
    static final String DEFAULT_SYMBOL = "defaultSymbol";
    static final String LADDER = "ladder";
    static final String MMR = "mmr";
    static final String REFRESH_SECONDS = "refreshSeconds";
    static final String COLOUR_SCALE = "colourScale";
    static final String PERCENTILE = "percentile";

    /** REST polling bounds: under 15 s wastes the exchange's rate limit, over 60 s misses closes. */
    public static final int MIN_REFRESH_SECONDS = 15;
    public static final int MAX_REFRESH_SECONDS = 60;

    private WorkbenchSettings() { }

    static Preferences preferences() {
        return NbPreferences.forModule(WorkbenchSettings.class);
    }

    public static void addListener(PreferenceChangeListener l) {
        preferences().addPreferenceChangeListener(l);
    }

    public static void removeListener(PreferenceChangeListener l) {
        preferences().removePreferenceChangeListener(l);
    }

    /** "sim" unless the user chose an exchange: offline, the app must still open on something. */
    public static String defaultSource() {
        return preferences().get(DEFAULT_SOURCE, "sim");
    }

    public static String defaultSymbol() {
        return preferences().get(DEFAULT_SYMBOL, "BTCUSDT");
    }

    public static int refreshSeconds() {
        return clampRefresh(preferences().getInt(REFRESH_SECONDS, 30));
    }

    static int clampRefresh(int seconds) {
        return Math.max(MIN_REFRESH_SECONDS, Math.min(MAX_REFRESH_SECONDS, seconds));
    }

    public static HeatmapScale heatmapScale() {
        try {
            return HeatmapScale.valueOf(preferences().get(COLOUR_SCALE, HeatmapScale.SQRT.name()));
        } catch (IllegalArgumentException e) {
            return HeatmapScale.SQRT;
        }
    }

    /** The heatmap style the Options describe, at a pane's contrast (0..100, 50 neutral). */
    public static org.liqlens.charts.HeatmapStyle heatmapStyle(double contrast) {
        org.liqlens.charts.HeatmapStyle.Curve curve = switch (heatmapScale()) {
            case LINEAR, PERCENTILE -> org.liqlens.charts.HeatmapStyle.Curve.LINEAR;
            case SQRT -> org.liqlens.charts.HeatmapStyle.Curve.SQRT;
            case LOG -> org.liqlens.charts.HeatmapStyle.Curve.LOG;
        };
        double clip = heatmapScale() == HeatmapScale.PERCENTILE ? percentile() : 100;
        return new org.liqlens.charts.HeatmapStyle(curve, clip, contrast);
    }

    /** The percentile above which the percentile-clip scale saturates. */
    public static double percentile() {
        double p = preferences().getDouble(PERCENTILE, 99.0);
        return p >= 50 && p < 100 ? p : 99.0;
    }

    /** The MMR every pane uses unless it overrides it; null: the symbol's own first bracket. */
    public static Double mmr() {
        String v = preferences().get(MMR, "").trim();
        return v.isEmpty() ? null : Double.valueOf(v);
    }

    /** The ladder weights by leverage, as Options shows them; the engine's §3 ladder unless changed. */
    public static Map<Double, Double> ladderWeights() {
        String v = preferences().get(LADDER, "").trim();
        return v.isEmpty() ? defaultLadder() : parseLadder(v);
    }

    static Map<Double, Double> defaultLadder() {
        Map<Double, Double> m = new LinkedHashMap<>();
        LeverageLadder d = LeverageLadder.DEFAULT;
        for (int i = 0; i < d.size(); i++) m.put(d.leverage(i), d.weight(i));
        return m;
    }

    /** Reads "5:0.10, 10:0.25, 25:0.30"; throws naming the entry that is wrong. */
    static Map<Double, Double> parseLadder(String text) {
        Map<Double, Double> m = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            String[] kv = part.trim().toLowerCase(Locale.ROOT).replace("x", "").split(":");
            try {
                if (kv.length != 2) throw new NumberFormatException();
                m.put(Double.parseDouble(kv[0].trim()), Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ladder entry \"" + part.trim() + "\" is not leverage:weight, e.g. 25:0.30");
            }
        }
        double[] l = new double[m.size()], w = new double[m.size()];
        int i = 0;
        for (Map.Entry<Double, Double> e : m.entrySet()) { l[i] = e.getKey(); w[i++] = e.getValue(); }
        LeverageLadder.of(l, w); // the engine's own checks: leverage >= 1, weights >= 0, one positive
        return m;
    }

    static String formatLadder(Map<Double, Double> ladder) {
        StringBuilder b = new StringBuilder();
        ladder.forEach((l, w) -> b.append(b.length() == 0 ? "" : ", ").append(LeverageLadderText.number(l)).append(':')
                .append(LeverageLadderText.number(w)));
        return b.toString();
    }

    /**
     * The parameters a pane of {@code model} runs with: the Options' ladder and MMR where the model declares
     * those keys, then the pane's own overrides on top.
     */
    static Map<String, Double> effectiveParams(Iterable<ModelParameter> declared, Map<String, Double> paneOverrides) {
        Map<String, Double> out = new LinkedHashMap<>();
        boolean hasLadder = false;
        for (ModelParameter p : declared) {
            if (LeverageLadder.isKey(p.key())) hasLadder = true;
            if (p.key().equals("mmr") && mmr() != null) out.put("mmr", mmr());
        }
        if (hasLadder && !preferences().get(LADDER, "").isBlank()) {
            // A ladder is the set of its tiers: zero the model's tiers the Options do not list, then set ours.
            for (ModelParameter p : declared) if (LeverageLadder.isKey(p.key())) out.put(p.key(), 0.0);
            ladderWeights().forEach((l, w) -> out.put(LeverageLadder.key(l), w));
        }
        out.putAll(paneOverrides);
        return out;
    }

    /** Small number formatting shared by the options form and the stored text. */
    static final class LeverageLadderText {
        private LeverageLadderText() { }

        static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
