package org.liqlens.desktop.confluence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.liqlens.confluence.BundleRequest;
import org.liqlens.confluence.BundleScorecard;
import org.liqlens.confluence.BundleSource;
import org.liqlens.confluence.BundleWriter;
import org.liqlens.confluence.ConfluenceSettings;
import org.liqlens.confluence.PaneEstimate;
import org.liqlens.confluence.PromptTemplate;
import org.liqlens.desktop.panes.PaneData;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.sources.CancelToken;
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
     * Writes the bundle of {@code panes} (one symbol, one instant) to {@code target}, atomically, with the panes'
     * scorecard on the 30 days before that instant ({@link BundleScorecard#measure}, what the CLI's {@code bundle}
     * writes for the same data).
     *
     * @throws IOException               when the target cannot be written; nothing is left there
     * @throws IllegalArgumentException  when the panes differ in symbol or instant, or there is none
     */
    public static BundleWriter.Written write(List<Pane> panes, Path target, int width, int height, PromptTemplate template,
                                             double tolerancePct, CancelToken cancel) throws IOException {
        if (panes.isEmpty()) throw new IllegalArgumentException("choose at least one pane to export");
        Pane first = panes.get(0);
        BundleSource source = BundleSource.of(SourceSpec.parse(first.spec().source()), first.estimate().sourceName(),
                first.spec().isLive());
        List<PaneEstimate> estimates = panes.stream().map(p -> PaneEstimate.of(p.estimate(), p.spec().isSimulated())).toList();
        BundleWriter.checkTarget(target);
        SourceSpec sourceSpec = SourceSpec.parse(first.spec().source());
        String symbol = first.estimate().result().symbol();
        long asOf = first.estimate().result().asOf();
        BundleScorecard scorecard = sourceSpec.isCombined()
                ? BundleScorecard.notMeasured(symbol, asOf, estimates, "the scorecard runs on one exchange's data, not on " + sourceSpec)
                : BundleScorecard.measure(PaneData.engine(), PaneData.source(sourceSpec), symbol, asOf, estimates, cancel);
        BundleRequest request = BundleRequest.builder(estimates, source)
                .size(width, height)
                .template(template)
                .settings(ConfluenceSettings.DEFAULT.withTolerance(tolerancePct))
                .scorecard(scorecard)
                .build();
        return BundleWriter.write(target, request);
    }
}
