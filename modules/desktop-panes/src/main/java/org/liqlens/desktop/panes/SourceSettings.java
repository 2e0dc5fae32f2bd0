package org.liqlens.desktop.panes;

import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.liqlens.sources.SourceSpec;
import org.openide.modules.Places;
import org.openide.util.NbPreferences;

/**
 * The desktop's data-source settings (Tools › Options › LiqLens): REST and WebSocket base URLs per exchange,
 * blank meaning the exchange's own. Candles are cached in the application's cache directory, so a restart
 * or a wider window fetches only what is missing.
 */
public final class SourceSettings {
    static final String[] EXCHANGES = {"binance", "bybit", "okx"};

    private SourceSettings() { }

    static Preferences preferences() {
        return NbPreferences.forModule(SourceSettings.class);
    }

    static String baseUrl(String exchange) {
        return preferences().get(exchange + ".baseUrl", "").trim();
    }

    static String wsUrl(String exchange) {
        return preferences().get(exchange + ".wsUrl", "").trim();
    }

    static void store(String exchange, String baseUrl, String wsUrl) {
        preferences().put(exchange + ".baseUrl", baseUrl.trim());
        preferences().put(exchange + ".wsUrl", wsUrl.trim());
    }

    static Path cacheDirectory() {
        return Places.getCacheSubdirectory("liqlens-market-data").toPath();
    }

    /** The spec a pane's source text means here: the user's URLs and the app's cache applied. */
    static SourceSpec apply(SourceSpec spec) {
        String id = spec.id().toLowerCase(Locale.ROOT);
        SourceSpec s = spec.withCacheDir(cacheDirectory());
        String base = baseUrl(id);
        String ws = wsUrl(id);
        if (!base.isEmpty()) s = s.withBaseUrl(base);
        if (!ws.isEmpty()) s = s.withWsUrl(ws);
        return s;
    }
}
