package org.liqlens.desktop.panes;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.event.ChartProgressListener;

/**
 * Writes one line to the IDE log ({@code var/log/messages.log}) when the first heatmap of this run has been
 * drawn: how long after the JVM started, and the wall-clock instant, so that a start-up benchmark
 * ({@code modules/bench/app-start.sh}) can measure launch → first painted heatmap from outside the app.
 */
final class StartupTrace {
    static final String MESSAGE = "LiqLens start-up: first heatmap painted";
    private static final Logger LOG = Logger.getLogger(StartupTrace.class.getName());
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private StartupTrace() { }

    /** Watches {@code heatmap} until it has been drawn once, unless a heatmap of this run already was. EDT. */
    static void watch(JFreeChart heatmap) {
        if (DONE.get()) return;
        heatmap.addProgressListener(new ChartProgressListener() {
            @Override
            public void chartProgress(ChartProgressEvent event) {
                if (event.getType() != ChartProgressEvent.DRAWING_FINISHED) return;
                heatmap.removeProgressListener(this);
                if (!DONE.compareAndSet(false, true)) return;
                long now = System.currentTimeMillis();
                long sinceJvm = now - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info(MESSAGE + " " + sinceJvm + " ms after the JVM started, at " + now + " (epoch ms)");
            }
        });
    }
}
