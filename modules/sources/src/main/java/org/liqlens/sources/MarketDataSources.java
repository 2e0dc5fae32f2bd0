package org.liqlens.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The installed {@link MarketDataSource}s, found with {@link ServiceLoader}. */
public final class MarketDataSources {
    /**
     * In a holder, not a static field of this class: getting a logger starts the JDK's logging (its configuration,
     * handlers and method handles, about 20 ms of a cold command-line run), which only a run that logs should pay.
     */
    private static final class Log {
        static final Logger LOG = Logger.getLogger(MarketDataSources.class.getName());
    }

    private MarketDataSources() { }

    /**
     * All installed sources, one per id. Both the context class loader (which in the platform sees every
     * enabled module) and this module's loader are asked, so the built-in sources are found everywhere.
     */
    public static List<MarketDataSource> installed() {
        Map<String, MarketDataSource> byId = new LinkedHashMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            collect(ServiceLoader.load(MarketDataSource.class, context), byId);
        }
        collect(ServiceLoader.load(MarketDataSource.class, MarketDataSource.class.getClassLoader()), byId);
        return new ArrayList<>(byId.values());
    }

    public static Optional<MarketDataSource> find(String id) {
        return installed().stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    public static List<String> ids() {
        return installed().stream().map(MarketDataSource::id).toList();
    }

    private static void collect(ServiceLoader<MarketDataSource> loader, Map<String, MarketDataSource> byId) {
        var it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                MarketDataSource s = it.next();
                byId.putIfAbsent(s.id(), s);
            } catch (ServiceConfigurationError e) {
                // One broken provider must not hide the others.
                Log.LOG.log(Level.WARNING, "skipping a market data source that failed to load", e);
            }
        }
    }
}
