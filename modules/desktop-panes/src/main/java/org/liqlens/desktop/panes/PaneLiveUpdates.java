package org.liqlens.desktop.panes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.liqlens.sources.Candle;
import org.liqlens.sources.SourceException;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.live.FeedStatus;
import org.liqlens.sources.live.LiveCandleListener;
import org.liqlens.sources.live.LiveCandleSubscription;
import org.liqlens.sources.live.LiveFeedHub;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Keeps a live pane current. The pane subscribes to the application's {@link LiveFeedHub}, which serves every
 * pane of one exchange and symbol from one feed: the exchange's WebSocket kline stream where there is one,
 * REST polled every N seconds (Options) otherwise, reconnecting with back-off and back-filling a gap before
 * new candles. Each closed candle makes the pane recompute quietly (zoom kept); the feed's state shows in
 * the pane's status line, and a dropped or silent feed in its banner. Callbacks arrive on the hub's thread
 * and are handed to the EDT; nothing here blocks.
 */
@Messages({
    "# {0} - time",
    "LIVE_Updated=live, updated {0} UTC",
    "LIVE_Waiting=live, waiting for the first candle",
    "# {0} - feed state",
    "LIVE_Problem=⚠ Live feed: {0}. The pane shows the last data received and will back-fill the gap when the feed is back."
})
final class PaneLiveUpdates {
    private static final Logger LOG = Logger.getLogger(PaneLiveUpdates.class.getName());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final RequestProcessor RETIRE = new RequestProcessor("LiqLens live feed hub retirement");
    private static LiveFeedHub hub;
    private static int hubRefreshSeconds;

    private final ChartPaneTopComponent pane;
    private final LiveCandleSubscription subscription;
    private volatile FeedStatus status;

    private PaneLiveUpdates(ChartPaneTopComponent pane, PaneSpec spec) {
        this.pane = pane;
        SourceSpec parsed = SourceSpec.parse(spec.source());
        // The sum of exchanges moves when any of them does: the first member's candles pace its refresh.
        SourceSpec paced = parsed.isCombined() ? parsed.members().get(0) : parsed;
        // Start after the minute before now: the pane's own estimate holds everything closed until then.
        long now = System.currentTimeMillis();
        long lastHeld = now - Math.floorMod(now, PaneSpec.MINUTE) - PaneSpec.MINUTE;
        subscription = hub().subscribe(PaneEstimator.source(paced), spec.symbol(), lastHeld, new LiveCandleListener() {
            @Override
            public void onCandle(Candle candle) {
                SwingUtilities.invokeLater(() -> pane.liveCandleClosed(candle));
            }

            @Override
            public void onStatus(FeedStatus s) {
                status = s;
                SwingUtilities.invokeLater(() -> {
                    pane.liveProblem(isProblem(s) ? Bundle.LIVE_Problem(s.text()) : null);
                    pane.liveStatusChanged();
                });
            }

            @Override
            public void onError(SourceException error) {
                LOG.log(Level.FINE, "live feed of " + spec.title(), error);
            }
        });
    }

    /** The application's hub, re-made when the refresh interval in Options changes. EDT. */
    private static synchronized LiveFeedHub hub() {
        int seconds = WorkbenchSettings.refreshSeconds();
        if (hub == null || seconds != hubRefreshSeconds) {
            LiveFeedHub old = hub;
            hub = new LiveFeedHub(LiveFeedHub.Settings.defaults().withPollEvery(Duration.ofSeconds(seconds)));
            hubRefreshSeconds = seconds;
            if (old != null) {
                // Every open pane hears the same settings change and moves to the new hub in the same burst of EDT
                // events; the old one's connections and threads go once they have all left it.
                RETIRE.post(old::close, 10_000);
            }
        }
        return hub;
    }

    static boolean isProblem(FeedStatus s) {
        return s.state() == FeedStatus.State.RECONNECTING || s.state() == FeedStatus.State.STALE;
    }

    /** Starts following the market for a live pane; null when the source cannot be followed. */
    static PaneLiveUpdates start(ChartPaneTopComponent pane, PaneSpec spec) {
        try {
            return new PaneLiveUpdates(pane, spec);
        } catch (RuntimeException e) {
            pane.liveProblem(Bundle.LIVE_Problem(e.getMessage()));
            return null;
        }
    }

    void stop() {
        subscription.close();
    }

    boolean isStale() {
        FeedStatus s = status;
        return s != null && isProblem(s);
    }

    /** For the status line: "live, updated 12:03:00 UTC", or the feed's own words while it is not live. */
    String describe() {
        FeedStatus s = status;
        if (s == null) return Bundle.LIVE_Waiting();
        if (s.state() == FeedStatus.State.LIVE || s.state() == FeedStatus.State.POLLING) {
            String updated = s.lastUpdateMs() > 0 ? Bundle.LIVE_Updated(CLOCK.format(Instant.ofEpochMilli(s.lastUpdateMs())))
                    : Bundle.LIVE_Waiting();
            return s.state() == FeedStatus.State.POLLING ? updated + ", " + s.text() : updated;
        }
        return s.text();
    }
}
