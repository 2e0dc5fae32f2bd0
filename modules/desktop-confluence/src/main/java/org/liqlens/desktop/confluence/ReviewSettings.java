package org.liqlens.desktop.confluence;

import java.util.prefs.Preferences;
import org.netbeans.api.keyring.Keyring;
import org.openide.util.NbPreferences;

/**
 * Where "Send for review" sends a bundle: an OpenAI-compatible chat endpoint's base URL and model name, kept in
 * the module's preferences, and its API key, kept only in the platform keyring (the system's key store where
 * there is one), never in preferences, a bundle, a log or a message.
 */
final class ReviewSettings {
    static final String BASE_URL = "review.baseUrl";
    static final String MODEL = "review.model";
    private static final String KEY_ID = "org.liqlens.review.apiKey";

    private ReviewSettings() { }

    static Preferences preferences() {
        return NbPreferences.forModule(ReviewSettings.class);
    }

    static String baseUrl() {
        return preferences().get(BASE_URL, "").trim();
    }

    static String model() {
        return preferences().get(MODEL, "").trim();
    }

    static boolean isConfigured() {
        return !baseUrl().isEmpty() && !model().isEmpty();
    }

    /** The key, or null when none is stored. Read from the keyring off the EDT: a system key store may prompt. */
    static char[] apiKey() {
        return Keyring.read(KEY_ID);
    }

    static void store(String baseUrl, String model, char[] key) {
        preferences().put(BASE_URL, baseUrl.trim());
        preferences().put(MODEL, model.trim());
        if (key != null) {
            if (key.length == 0) Keyring.delete(KEY_ID);
            else Keyring.save(KEY_ID, key, "LiqLens: API key of the review endpoint");
        }
    }
}
