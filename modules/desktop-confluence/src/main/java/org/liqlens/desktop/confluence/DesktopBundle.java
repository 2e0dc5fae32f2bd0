package org.liqlens.desktop.confluence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.liqlens.confluence.BundleRequest;
import org.liqlens.confluence.BundleSource;
import org.liqlens.confluence.BundleWriter;
import org.liqlens.confluence.ConfluenceSettings;
import org.liqlens.confluence.PaneEstimate;
import org.liqlens.confluence.PromptTemplate;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.sources.SourceSpec;
import org.liqlens.sources.load.WindowEstimate;

/**
 * The desktop's bundle: the panes' own estimates (no second computation, so the pictures are what the panes
 * show) handed to the {@link BundleWriter} the CLI uses. Plain Java: the caller gathers the estimates on the EDT
 * and calls {@link #write} on a worker.
 */
public final class DesktopBundle {

    /** One pane to export: its spec and the estimate it shows. */
    public record Pane(PaneSpec spec, WindowEstimate estimate) { }

    private DesktopBundle() { }

    /**
     * Writes the bundle of {@code panes} (one symbol, one instant) to {@code target}, atomically.
     *
     * @throws IOException               when the target cannot be written; nothing is left there
     * @throws IllegalArgumentException  when the panes differ in symbol or instant, or there is none
     */
    public static BundleWriter.Written write(List<Pane> panes, Path target, int width, int height, PromptTemplate template,
                                             double tolerancePct) throws IOException {
        if (panes.isEmpty()) throw new IllegalArgumentException("choose at least one pane to export");
        Pane first = panes.get(0);
        BundleSource source = BundleSource.of(SourceSpec.parse(first.spec().source()), first.estimate().sourceName(),
                first.spec().isLive());
        List<PaneEstimate> estimates = panes.stream().map(p -> PaneEstimate.of(p.estimate(), p.spec().isSimulated())).toList();
        BundleRequest request = BundleRequest.builder(estimates, source)
                .size(width, height)
                .template(template)
                .settings(ConfluenceSettings.DEFAULT.withTolerance(tolerancePct))
                .build();
        return BundleWriter.write(target, request);
    }
}
